# The overdue list of linkages and the dashboard's overdue row.
page-dashboard-linkages-overdue = Linkages overdue
page-dashboard-linkages-overdue-value = { $count } on { $date }
page-overdue-title = Overdue linkages
page-overdue-date = Date
page-overdue-today = Today
page-overdue-summary = On { $date }, { $overdue } of { $running } running linkages { $overdue ->
        [one] is
       *[other] are
    } overdue.
page-overdue-days = Days overdue
page-overdue-since = Behind since
page-overdue-months = Months unmet in a row
page-overdue-latest-village = Village visits in the latest month assessed (logged / required)
page-overdue-latest-post = Post visits in the latest month assessed (logged / required)
page-overdue-by-county = By county
page-overdue-by-department = By department
page-overdue-running = Running
page-overdue-overdue = Overdue
page-overdue-note = Only linkages running on the date are listed. The latest month assessed is the last whole month of the linkage period that is over; a linkage is overdue when the visits to its village or to its post that month fall short of its rule. Days overdue count from the last day of the first month of the unbroken run of unmet months: on 1 December, a linkage that missed only November is 1 day overdue.
