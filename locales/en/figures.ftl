# Dashboard figures (section headings, figure names, how they are counted).
page-dashboard-section-incidents = Cross-border incidents
page-dashboard-section-key-villages = Key villages
page-dashboard-section-linkages = Linkage visits
page-dashboard-section-outreach = Legal outreach
page-dashboard-section-cases = Disputes and cases
page-dashboard-linkage-compliance = Linkage months meeting the visit rule
page-dashboard-linkage-visits-required = Visits required
page-dashboard-linkage-visits-logged = Visits logged
page-dashboard-outreach-key-villages = Key villages reached by outreach
page-dashboard-outreach-all-villages = All border villages reached by outreach
page-dashboard-case-mean-days = Mean time to close a case (days)
page-dashboard-case-median-days = Median time to close a case (days)
page-dashboard-case-open-overdue = Cases reported that year, still open and overdue (cases)
page-dashboard-points = { $change } pp
page-dashboard-note-linkages = Visit compliance: every whole calendar month of a linkage's period that is over counts as one linkage month; it meets the rule when the visits to the village and to the post both reach the linkage's monthly number. Months in which a linkage starts or ends part-way are not counted.
page-dashboard-note-outreach = Outreach coverage: the share of villages with at least one session held that year in the village's first language (sessions planned or cancelled do not count).
page-dashboard-note-cases = Handling time: days from report to closure of the cases closed that year. Overdue: cases reported that year that are still open and past the due time of their current stage.
