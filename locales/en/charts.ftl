# Words of the server-rendered charts (SVG).
page-chart-border-strip-title = Border incidents per { $bin_km } km of border
page-chart-border-strip-desc = Bar chart of border incidents along the border, from km 0 at its western end to km { $length_km }, counted per { $bin_km } km stretch, { $base } against { $compare }. { $bins } stretches; { $base_total } incidents in { $base } and { $compare_total } in { $compare }.
page-chart-border-strip-x = km from the western end of the border
page-chart-border-strip-y = Incidents
page-chart-year = { $year }
page-chart-section-mm = China–Myanmar border
page-chart-section-la = China–Laos border
