# Planning legal outreach: coverage and village suggestions (GET /api/v1/outreach/coverage and /suggestions).
# Every reason gets $language (the village's primary language) and $months (the months compared, 12).
outreach-plan-any-language = any language
outreach-plan-reason-key-village = Key village
outreach-plan-reason-never-held = No session has ever been held in { $language }
outreach-plan-reason-last-held = The last session in { $language } was held on { $date }, { $since ->
    [one] 1 month ago
   *[other] { $since } months ago
}
outreach-plan-reason-incidents-rising = Incidents nearby are rising: { $recent } in the last { $months } months against { $before } in the { $months } before
outreach-plan-reason-incidents-new = { $recent ->
    [one] 1 incident
   *[other] { $recent } incidents
} nearby in the last { $months } months, none in the { $months } before
outreach-plan-reason-incidents-steady = Incidents nearby are unchanged: { $count } in the last { $months } months and in the { $months } before
outreach-plan-reason-incidents-falling = Incidents nearby are falling: { $recent } in the last { $months } months against { $before } in the { $months } before
outreach-plan-reason-no-incidents = No incidents nearby in either of the last two { $months }-month periods
outreach-plan-reason-not-located = The village is not located on the border line: incidents nearby cannot be counted
outreach-plan-reason-language-served = A member of the team can present in { $language } (fluent or native)
outreach-plan-reason-language-not-served = No member of the team can present in { $language } (fluent or native needed): listed last
outreach-plan-reason-no-language-listed = The village lists no language
outreach-plan-reason-already-planned = A session in { $language } is planned on { $date } already: listed after the villages still open
