# Pages for signed-in users.
page-dashboard-title = Dashboard
page-dashboard-intro = { $username }, these are the main figures of your jurisdiction.
page-dashboard-caption = { $compare } against { $base }
page-dashboard-figure = Figure
page-dashboard-change = Change
page-dashboard-incidents = Cross-border incidents
page-dashboard-persons = Persons apprehended
page-dashboard-collective-income = Key villages' collective income (CNY)
page-dashboard-per-capita-income = Key villages' per-capita income (CNY, population-weighted)
page-dashboard-villagers-in-crime = Key-village residents involved in cross-border crime
page-dashboard-new = new (none the year before)
page-dashboard-no-change = no change
page-dashboard-no-data = no data
