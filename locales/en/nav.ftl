# The navigation bar of signed-in pages.
page-nav-label = Site sections
page-nav-dashboard = Dashboard
page-nav-field = Field visits
page-nav-map = Border map
page-nav-villages = Villages
page-nav-posts = Posts
page-nav-departments = Departments
page-nav-linkages = Linkages
page-nav-visits = Visit log
page-nav-incidents = Incidents
page-nav-account = Account
page-nav-outreach = Legal outreach
