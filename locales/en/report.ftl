# The yearly report (banna report, /reports/yearly, GET /api/v1/reports/yearly).
# $direction: up, down, same (about the same), new (0 the year before), zero (0 both years), no-base (no data the year before), missing (no data this year).
page-report-title = Yearly report
page-report-heading = { $jurisdiction }: border report for { $year }
page-report-subtitle = { $year } against { $base_year }. Changes are year on year, percentages with one decimal; changes of shares are in percentage points (pp).
page-report-scope = Your jurisdiction
page-report-link = Yearly report { $year } (printable)
page-report-print-hint = To print or save as PDF, use the browser's Print command (Ctrl+P): each part starts on a new page and the navigation is left out.
page-report-back = Back to the dashboard
page-report-figure = Figure
page-report-where = Where
page-report-change = Change
page-report-total = Total
page-report-by-section-heading = By section of the border
page-report-by-county-heading = By county
page-report-no-data = no data
page-report-new = new (none the year before)
page-report-no-change = no change
page-report-percent = { $change }{ "\u00A0" }%
page-report-share = { $value }{ "\u00A0" }%
page-report-points = { $change }{ "\u00A0" }pp
page-report-list-separator = { "; " }
page-report-section-summary = 1. Summary
page-report-section-incidents = 2. Cross-border incidents
page-report-section-key-villages = 3. Key villages
page-report-section-linkages = 4. Linkage visits
page-report-section-outreach = 5. Legal outreach
page-report-section-cases = 6. Disputes and cases
page-report-table-key-villages = Key villages' main figures
page-report-table-linkages = Linkage visits
page-report-table-outreach = Outreach coverage
page-report-table-cases = Case handling
page-report-note-incidents = Incidents count in the year they happened (Beijing time); deleted records do not count. The section is that of the nearest stretch of the border, the county that of the record's administrative unit. A year without any incident recorded in the whole jurisdiction has no data; it is not counted as 0.
page-report-note-key-villages = Key-village figures count only the key villages that reported in both years; per-capita income is weighted by each village's population.
page-report-by-section = By section: { $parts }.
page-report-by-county = By county: { $parts }.
page-report-part = { $direction ->
    [up] { $part }: { $compare }, up { $change } % ({ $base } in { $base_year })
    [down] { $part }: { $compare }, down { $change } % ({ $base } in { $base_year })
    [same] { $part }: { $compare }, about the same ({ $base } in { $base_year })
    [new] { $part }: { $compare } (none in { $base_year }: new)
    [zero] { $part }: none in { $base_year } or { $year }
    [no-base] { $part }: { $compare } (no data for { $base_year })
   *[missing] { $part }: no data for { $year }
}
page-report-incidents = { $direction ->
    [up] Cross-border incidents rose { $change } % year on year ({ $base } → { $compare }).
    [down] Cross-border incidents fell { $change } % year on year ({ $base } → { $compare }).
    [same] Cross-border incidents were about the same as the year before ({ $base } → { $compare }).
    [new] There were { $compare } cross-border incidents in { $year } and none in { $base_year } (new).
    [zero] There were no cross-border incidents in { $base_year } or { $year }.
    [no-base] There were { $compare } cross-border incidents in { $year }; there is no data for { $base_year } to compare with.
   *[missing] Cross-border incidents: no data for { $year }.
}
page-report-persons = { $direction ->
    [up] Persons apprehended rose { $change } % year on year ({ $base } → { $compare }).
    [down] Persons apprehended fell { $change } % year on year ({ $base } → { $compare }).
    [same] Persons apprehended were about the same as the year before ({ $base } → { $compare }).
    [new] { $compare } persons were apprehended in { $year } and none in { $base_year } (new).
    [zero] Nobody was apprehended in { $base_year } or { $year }.
    [no-base] { $compare } persons were apprehended in { $year }; there is no data for { $base_year } to compare with.
   *[missing] Persons apprehended: no data for { $year }.
}
page-report-collective-income = { $direction ->
    [up] The key villages' collective income rose { $change } % year on year (CNY { $base } → { $compare }).
    [down] The key villages' collective income fell { $change } % year on year (CNY { $base } → { $compare }).
    [same] The key villages' collective income was about the same as the year before (CNY { $base } → { $compare }).
    [new] The key villages' collective income was CNY { $compare } in { $year }, after none in { $base_year } (new).
    [zero] The key villages had no collective income in { $base_year } or { $year }.
    [no-base] The key villages' collective income was CNY { $compare } in { $year }; there is no data for { $base_year } to compare with.
   *[missing] The key villages' collective income: no data for { $year }.
}
page-report-per-capita-income = { $direction ->
    [up] The key villages' per-capita income rose { $change } % year on year (CNY { $base } → { $compare }).
    [down] The key villages' per-capita income fell { $change } % year on year (CNY { $base } → { $compare }).
    [same] The key villages' per-capita income was about the same as the year before (CNY { $base } → { $compare }).
    [new] The key villages' per-capita income was CNY { $compare } in { $year }, after none in { $base_year } (new).
    [zero] The key villages had no per-capita income in { $base_year } or { $year }.
    [no-base] The key villages' per-capita income was CNY { $compare } in { $year }; there is no data for { $base_year } to compare with.
   *[missing] The key villages' per-capita income: no data for { $year }.
}
page-report-villagers-in-crime = { $direction ->
    [up] Key-village residents involved in cross-border crime rose { $change } % year on year ({ $base } → { $compare }).
    [down] Key-village residents involved in cross-border crime fell { $change } % year on year ({ $base } → { $compare }).
    [same] Key-village residents involved in cross-border crime were about the same as the year before ({ $base } → { $compare }).
    [new] { $compare } key-village residents were involved in cross-border crime in { $year }, none in { $base_year } (new).
    [zero] No key-village resident was involved in cross-border crime in { $base_year } or { $year }.
    [no-base] { $compare } key-village residents were involved in cross-border crime in { $year }; there is no data for { $base_year } to compare with.
   *[missing] Key-village residents involved in cross-border crime: no data for { $year }.
}
page-report-linkage-compliance = { $direction ->
    [up] Linkage months meeting the visit rule rose { $change } percentage points to { $compare } % ({ $base } % in { $base_year }).
    [down] Linkage months meeting the visit rule fell { $change } percentage points to { $compare } % ({ $base } % in { $base_year }).
    [same] Linkage months meeting the visit rule were about the same as the year before: { $compare } % ({ $base } % in { $base_year }).
    [no-base] { $compare } % of linkage months met the visit rule in { $year }; there is no data for { $base_year } to compare with.
   *[missing] Linkage visit compliance: no data for { $year }.
}
page-report-outreach-key-villages = { $direction ->
    [up] Outreach reached { $compare } % of key villages, up { $change } percentage points ({ $base } % in { $base_year }).
    [down] Outreach reached { $compare } % of key villages, down { $change } percentage points ({ $base } % in { $base_year }).
    [same] Outreach reached { $compare } % of key villages, about the same as the year before ({ $base } % in { $base_year }).
    [no-base] Outreach reached { $compare } % of key villages in { $year }; there is no data for { $base_year } to compare with.
   *[missing] Outreach coverage of key villages: no data for { $year }.
}
page-report-outreach-all-villages = { $direction ->
    [up] Outreach reached { $compare } % of all border villages, up { $change } percentage points ({ $base } % in { $base_year }).
    [down] Outreach reached { $compare } % of all border villages, down { $change } percentage points ({ $base } % in { $base_year }).
    [same] Outreach reached { $compare } % of all border villages, about the same as the year before ({ $base } % in { $base_year }).
    [no-base] Outreach reached { $compare } % of all border villages in { $year }; there is no data for { $base_year } to compare with.
   *[missing] Outreach coverage of all border villages: no data for { $year }.
}
page-report-case-mean-days = { $direction ->
    [up] Cases closed took { $compare } days on average, { $change } % longer than the year before ({ $base } days in { $base_year }).
    [down] Cases closed took { $compare } days on average, { $change } % shorter than the year before ({ $base } days in { $base_year }).
    [same] Cases closed took { $compare } days on average, about the same as the year before ({ $base } days in { $base_year }).
    [new] Cases closed took { $compare } days on average (0 in { $base_year }).
    [zero] Cases closed took 0 days on average in { $base_year } and { $year }.
    [no-base] Cases closed took { $compare } days on average in { $year }; no case was closed in { $base_year } to compare with.
   *[missing] Time to close a case: no case was closed in { $year }, so there is no data.
}
page-report-case-open-overdue = { $direction ->
    [up] { $compare } cases reported in { $year } are still open and overdue, { $change } % more than the year before ({ $base } in { $base_year }).
    [down] { $compare } cases reported in { $year } are still open and overdue, { $change } % fewer than the year before ({ $base } in { $base_year }).
    [same] { $compare } cases reported in { $year } are still open and overdue, about the same as the year before ({ $base } in { $base_year }).
    [new] { $compare } cases reported in { $year } are still open and overdue, none of { $base_year } (new).
    [zero] No case reported in { $base_year } or { $year } is open and overdue.
    [no-base] { $compare } cases reported in { $year } are still open and overdue; no case was reported in { $base_year } to compare with.
   *[missing] Overdue cases: no case was reported in { $year }, so there is no data.
}
page-report-unlocated = Not located on the border
page-report-no-county = Without a county
