# The printed notice of a legal-outreach session (GET /api/v1/outreach/sessions/{id}/notice).
notice-title = Legal awareness session
notice-intro = All villagers are welcome. Admission is free.
notice-date-label = Date
notice-date = { $weekday ->
        [1] Monday
        [2] Tuesday
        [3] Wednesday
        [4] Thursday
        [5] Friday
        [6] Saturday
       *[7] Sunday
    } { $day } { $month ->
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
    } { $year }
notice-time-label = Time
notice-time = { $start }–{ $end }
notice-place-label = Place
notice-place = { $village }, { $township }, { $county }
notice-place-county = { $village }, { $county }
notice-topics-label = Topics
notice-presenters-label = Presenters
notice-presenters-none = to be announced
notice-interpreter-label = Interpreter
notice-team-label = Organised by
notice-language-label = Language
notice-qr-caption = Scan the code to open this village's page
notice-cancelled = This session has been cancelled.
notice-fallback-note = Lines with this mark are in Chinese: their translation is missing.
notice-topic-border_law = Border laws and regulations
notice-topic-anti_drug = Preventing drug abuse
notice-topic-anti_fraud = Protecting yourself from telephone and online fraud
notice-topic-anti_trafficking = Against human trafficking
notice-topic-marriage_law = Marriage and family law
notice-topic-land_disputes = Settling land disputes
notice-topic-entry_exit = Rules for crossing the border
