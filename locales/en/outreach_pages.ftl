# Legal-outreach pages: coverage (/outreach), the session list, the teams and a team's page.
page-outreach-title = Legal outreach coverage
page-outreach-sessions-title = Outreach sessions
page-outreach-teams-title = Outreach teams
page-outreach-period = From { $from } to { $to }.
page-outreach-show = Show
page-outreach-this-year = This year so far
page-outreach-coverage-period = From { $from } to { $to }: { $sessions ->
    [0] no session was recorded.
    [one] 1 session was recorded (planned, held or cancelled).
   *[other] { $sessions } sessions were recorded (planned, held or cancelled).
}
page-outreach-coverage-no-data = Without any session in the period there are no shares to give; the key villages are still listed below.
page-outreach-reached = Reached / villages
page-outreach-share = Share reached
page-outreach-key-villages = Key villages
page-outreach-all-villages = All villages
page-outreach-by-language = By primary language
page-outreach-by-county = By county
page-outreach-language = Language
page-outreach-primary-language = Primary language
page-outreach-no-language = no language listed
page-outreach-no-county = outside any county
page-outreach-key-reached = Key villages reached
page-outreach-key-share = Key share
page-outreach-all-reached = All villages reached
page-outreach-all-share = All share
page-outreach-uncovered = Key villages still uncovered
page-outreach-uncovered-none = Every key village was reached in its primary language in this period.
page-outreach-coverage-note = A village is reached when at least one session was held in the period in its primary language (the first it lists); planned and cancelled sessions do not count, and a village that lists no language is reached by any held session. Days are local (Asia/Shanghai).
page-outreach-village = Village
page-outreach-team = Team
page-outreach-time = Date and time (local)
page-outreach-status = Status
page-outreach-presenters = Presenters
page-outreach-notice = Notice
page-outreach-notice-print = Notice (print)
page-outreach-notice-svg = SVG
page-outreach-sessions-note = Times are local (Asia/Shanghai). The notice is printed in the session's language.
page-outreach-status-planned = planned
page-outreach-status-held = held
page-outreach-status-cancelled = cancelled
page-outreach-level-native = native
page-outreach-level-fluent = fluent
page-outreach-level-basic = basic
page-outreach-spoken = { $language } ({ $level })
page-outreach-teams-none = No outreach team belongs to your jurisdiction.
page-outreach-unit = Belongs to
page-outreach-members = Members
page-outreach-members-none = The team has no members.
page-outreach-member-languages = Languages and levels
page-outreach-members-note = Only a member who is fluent or native in a language may present a session in it.
page-outreach-presents-in = Can present in
page-outreach-team-sessions = All sessions of the team
page-outreach-upcoming = Upcoming sessions
page-outreach-upcoming-none = No session of the team is planned from today on.
page-outreach-upcoming-all = All planned sessions from today
page-outreach-suggestions = Suggested villages for the next three months
page-outreach-suggestions-more = { $count ->
    [one] 1 more village
   *[other] { $count } more villages
}
page-outreach-suggestions-none = No village of the team's area is in your jurisdiction.
page-outreach-suggestions-note = Ranked by key status, the months since the last session held in the village's primary language and the incidents nearby; villages the team cannot serve come last, and those with a session already planned after the open ones.
page-outreach-calendar = Follow the sessions in a phone calendar
page-outreach-calendar-issued = A calendar address has been issued for this team.
page-outreach-calendar-not-issued = No calendar address has been issued for this team yet.
page-outreach-calendar-how = A coordinator asks for the team's secret calendar address ({ $issue }) and gives it to the members, who add it to their phone calendar as a subscription (a webcal:// address); the phone then keeps the team's sessions up to date by itself. Asking again replaces the address, and the old one stops working: do that when it has leaked or a member leaves.
page-outreach-calendar-download = Download the current sessions (iCalendar file)
