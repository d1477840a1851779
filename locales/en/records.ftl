# Record pages: villages, posts, departments, linkages, incidents.
record-department = department
record-linkage = linkage

page-record-on-map = Show on the map
page-record-filter = Filter
page-record-clear = Clear filters
page-record-any = Any
page-record-total = { $total } in all; { $first }–{ $last } shown.
page-record-total-none = { $total } in all; none on this page.
page-record-previous = Previous
page-record-next = Next
page-record-yes = yes
page-record-no = no
page-record-no-data = no data
page-record-list-separator = {", "}
page-record-name = Name
page-record-other-name = Other name
page-record-code = Code
page-record-county = County
page-record-township = Township
page-record-township-county = Township / county
page-record-border = Border
page-record-border-km = Border km
page-record-distance-m = Distance to the border (m)
page-record-section = Border section
page-record-side = Side
page-record-position = Position (WGS84 longitude, latitude)
page-record-demo = This is demo data, not a real record.
page-record-section-mm = China–Myanmar
page-record-section-la = China–Laos
page-record-side-cn = Chinese side
page-record-side-abroad = Beyond the line
page-record-source-demo = demo data
page-record-ethnic-dai = Dai
page-record-ethnic-hani = Hani
page-record-ethnic-lahu = Lahu
page-record-ethnic-blang = Blang
page-record-ethnic-yao = Yao
page-record-ethnic-han = Han
page-record-ethnic-jinuo = Jinuo
page-record-ethnic-yi = Yi
page-record-language-zh = Chinese
page-record-language-zh-cn = Chinese
page-record-language-en = English
page-record-language-khb = Tai Lü
page-record-language-hni = Hani
page-record-language-ahk = Akha
page-record-language-lhu = Lahu
page-record-language-blr = Blang
page-record-language-ium = Iu Mien
page-record-language-jiu = Jinuo
page-record-language-lo = Lao
page-record-language-th = Thai
page-record-language-my = Burmese

page-villages-title = Border villages
page-villages-search = Name or code
page-villages-key-only = Key villages only
page-village-key = Key village
page-village-households = Households
page-village-population = Population
page-village-ethnic-groups = Ethnic groups
page-village-languages = Languages (the first is the main one)
page-village-local-name = Name in the local script
page-village-indicators = Yearly indicators
page-village-year = Year
page-village-collective-income = Collective income (CNY)
page-village-per-capita-income = Per-capita income (CNY)
page-village-villagers-in-crime = Villagers involved in cross-border crime
page-village-no-indicators = No yearly indicators reported yet.
page-village-linkages = Departments linked to this village now
page-village-no-linkages = No department is linked to this village now.
page-village-posts = Posts whose sector covers this village
page-village-no-posts = No post's sector covers this village.

page-posts-title = Joint-defense posts
page-post-sector = Sector (km)
page-post-sector-start = Sector start (km)
page-post-sector-end = Sector end (km)
page-post-sector-length = Sector length (km)
page-post-staff = Staff
page-post-villages = Villages in the sector
page-post-no-villages = No village lies in the sector.
page-post-linkages = Departments linked to this post
page-post-no-linkages = No department is linked to this post.

page-departments-title = Departments
page-department-kind = Type
page-department-kind-member-unit = Member unit
page-department-kind-township-station = Township station
page-department-unit = Administrative unit
page-department-linkage-count = Linkages
page-department-linkages = This department's linkages
page-department-linkage-list = See them in the linkage list
page-department-no-linkages = This department has no linkage in your jurisdiction.
page-department-officers = Officers
page-department-no-officers = No officer on record.

page-linkages-title = Linkages
page-linkages-active-only = Running linkages only
page-linkage-heading = { $department } – { $village }
page-linkage-number = No.
page-linkage-department = Department
page-linkage-village = Village
page-linkage-post = Post
page-linkage-period = Period
page-linkage-period-open = from { $start }, no end date
page-linkage-period-closed = { $start } to { $end }
page-linkage-rule = Visit rule
page-linkage-rule-text = At least { $village ->
        [one] one visit
       *[other] { $village } visits
    } to the village and { $post ->
        [one] one
       *[other] { $post }
    } to the post every month
page-linkage-status = Status
page-linkage-active = running
page-linkage-inactive = outside its period
page-linkage-officers = Responsible officers
page-linkage-no-officers = No officer assigned yet.
page-linkage-visits = Visits per month in { $year }
page-linkage-month = Month
page-linkage-month-name = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    }
page-linkage-village-visits = Village visits (logged / required)
page-linkage-post-visits = Post visits (logged / required)
page-linkage-met = met
page-linkage-not-met = not met
page-linkage-not-due = not assessed
page-linkage-due-note = Only whole months of the linkage period that are over are assessed; visits in other months are listed but do not count.
page-linkage-visit-years = Other years with visits:

page-incidents-title = Cross-border incidents
page-incidents-year = Year
page-incidents-from = From (date)
page-incidents-to = To (date)
page-incidents-category = Category
page-incidents-min-km = From border km
page-incidents-max-km = To border km
page-incident-time = Time
page-incident-persons = Persons apprehended
page-incident-villagers = Villagers involved
page-incident-village = Village
page-incident-source = Source
page-incident-description = Summary
page-incident-posts = Posts whose sector covers this place
page-incident-no-posts = No post's sector covers this place.

page-filter-invalid-date = { $name ->
        [from] The start date
       *[to] The end date
    } must be a date written year-month-day (for example 2024-03-01) between the years 2000 and 2100; you entered: { $value }
page-filter-unknown-category = There is no incident category called { $value }. Pick one from the category list.
page-filter-unknown-section = There is no border section called { $value }: use MM for China–Myanmar or LA for China–Laos.
page-filter-invalid-km = { $name ->
        [min_km] The start of the border km range
       *[max_km] The end of the border km range
    } must be a number of km, 0 or more; you entered: { $value }
page-filter-reversed-range = The { $name ->
        [dates] date range
       *[km] border km range
    } starts ({ $min }) after it ends ({ $max }). Swap or correct the values and try again.
page-filter-invalid-flag = The option { $name } must be 1 (yes) or 0 (no); received: { $value }
page-filter-unknown-visit-flag = The option flagged must be true (visits with any flag), false (visits without), far_from_target or low_accuracy; received: { $value }

page-visits-title = Liaison visit log
page-visits-flagged-any = Any flag
page-visits-flagged-none = No flag
page-visits-linkage-number = Linkage No.
page-visits-note = Liaison officers see the visits they logged; officials and administrators the visits on linkages whose village lies in their jurisdiction. A visit is flagged when it was logged far from the village or post visited or with an imprecise position; it is kept and counted all the same.
page-visit-time = Time
page-visit-officer = Officer
page-visit-linkage = Linkage
page-visit-target = Visited
page-visit-distance-m = Distance to the place visited (m)
page-visit-accuracy-m = Position accuracy (m)
page-visit-flags = Flags
page-visit-flag-far-from-target = Far from the place visited
page-visit-flag-low-accuracy = Imprecise position
