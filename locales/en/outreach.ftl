# Legal outreach: topics, scheduling warnings and the teams' calendar feeds.
outreach-topic-border-law = Border management law
outreach-topic-anti-drug = Drug prevention
outreach-topic-anti-fraud = Telecom and online fraud
outreach-topic-anti-trafficking = Human trafficking
outreach-topic-marriage-law = Marriage law and cross-border marriage
outreach-topic-land-disputes = Land and forest disputes
outreach-topic-entry-exit = Entry, exit and border passes
outreach-warning-village-language = { $village } does not list { $language_name } ({ $language }) among its languages ({ $listed }); the session is scheduled with the interpreter { $interpreter }.
outreach-calendar-name = { $team }: legal-outreach sessions
outreach-calendar-summary = Legal outreach in { $village } ({ $language })
outreach-calendar-topics = Topics: { $topics }
outreach-calendar-presenters = Presenters: { $presenters }
outreach-calendar-interpreter = Interpreter: { $interpreter }
outreach-calendar-held = Held: { $total } attended, { $women } women, { $under18 } under 18.
outreach-calendar-cancelled = Cancelled: { $reason }
