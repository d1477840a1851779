# API error messages (RFC 7807 problem+json title and detail).
problem-not-found-title = Not found
problem-not-found-detail = There is no { $kind } with id { $id }, or it is outside your jurisdiction.
problem-route-not-found-title = Not found
problem-route-not-found-detail = There is no such endpoint: { $path }
problem-bad-request-title = Bad request
problem-invalid-bbox-detail = The bbox parameter must be four numbers "minLon,minLat,maxLon,maxLat" (WGS84 degrees), each minimum no greater than its maximum, longitudes within −180…180 and latitudes within −90…90; received: { $value }
problem-invalid-limit-detail = The limit parameter must be a whole number from 1 to { $max }; received: { $value }
problem-invalid-offset-detail = The offset parameter must be a whole number of 0 or more; received: { $value }
problem-invalid-id-detail = An id must be a positive whole number; received: { $value }
problem-invalid-query-detail = The query parameters could not be read: { $reason }
problem-invalid-body-detail = The request body could not be read: { $reason }
problem-unavailable-title = Service unavailable
problem-unavailable-detail = The database cannot be reached. Please try again later.
problem-internal-title = Internal server error
problem-internal-detail = Something went wrong while handling the request. Give the request id { $request_id } to an administrator.

record-village = village
record-post = joint-defense post
record-incident = cross-border incident
problem-missing-parameter-detail = The parameter { $name } is missing.
problem-invalid-position-detail = A position must be WGS84 degrees: lon within −180…180 and lat within −90…90; received lon={ $lon }, lat={ $lat }
problem-invalid-position-at-detail = Point { $index } (counting from 0) is not a valid WGS84 position: send [lon, lat] or {"{"}"lon": …, "lat": …{"}"}, longitude within −180…180 and latitude within −90…90.
problem-too-many-points-detail = At most { $max } points can be located at once; { $count } were sent. Send them in batches.
problem-payload-too-large-title = Payload too large
problem-payload-too-large-detail = The request body is larger than allowed ({ $limit } bytes). Send it in batches.
record-user = user
record-token = token
record-outreach-team = legal-outreach team
record-outreach-session = legal-outreach session
problem-conflict-title = Conflict
problem-conflict-detail = A record with that name exists already.
problem-weak-password-detail = A password needs at least { $min } characters.
problem-unknown-role-detail = There is no role "{ $value }"; the roles are admin, official, liaison_officer, outreach_coordinator, outreach_member and post_staff.
problem-unknown-jurisdiction-detail = There is no administrative unit with the code "{ $value }".
problem-unauthenticated-title = Sign-in required
problem-unauthenticated-detail = Sign in first, or send a valid token (Authorization: Bearer …).
problem-forbidden-title = Forbidden
problem-forbidden-detail = Your role may not do this.
problem-login-failed-title = Sign-in failed
problem-login-failed-detail = The user name or the password is wrong.
problem-login-throttled-title = Too many attempts
problem-login-throttled-detail = Too many failed sign-ins. Try again in { $seconds } seconds.
problem-invalid-time-detail = The parameter { $name } must be an RFC 3339 time (for example 2024-01-01T00:00:00+08:00); received: { $value }
problem-invalid-year-detail = The year parameter must be a year from { $min } to { $max } (for example 2024); received: { $value }
problem-invalid-bin-km-detail = The parameter bin_km (the length of each stretch of border, in km) must be a number from { $min } to { $max }; received: { $value }
problem-years-not-ascending-detail = The compared year must come after the base year; received base={ $base }, compare={ $compare }.
problem-unknown-period-detail = The parameter period must be month, quarter or year; received: { $value }
problem-invalid-month-or-date-detail = The parameter { $name } must be a day (YYYY-MM-DD, for example 2024-03-15) or a month (YYYY-MM, for example 2024-03) from 2000 to 2100; received: { $value }
problem-too-many-cells-detail = { $bins } stretches of border × { $periods } periods make { $cells } cells, more than the { $max } one answer may hold. Ask for longer stretches (bin_km), longer periods (period=quarter or year) or fewer dates (from, to).
problem-unknown-grouping-detail = The parameter by must be total, section, bin, category or county; received: { $value }
problem-invalid-cell-km-detail = The parameter cell_km (the side of each grid cell, in km) must be a number from { $min } to { $max }; received: { $value }
problem-invalid-alpha-detail = The parameter alpha (the false discovery rate to keep to) must be a number above 0 and below 0.5, for example 0.05; received: { $value }
problem-unknown-format-detail = The format { $value } is not offered; use one of: { $allowed }
problem-incident-geometry-detail = An incident is sent as a GeoJSON Feature whose geometry is a Point with the coordinates [lon, lat] in WGS84 degrees.
problem-incident-time-detail = The time occurred_at must be an RFC 3339 time with its offset (for example 2024-03-01T08:30:00+08:00), in { $min_year } or later; received: { $value }
problem-incident-future-detail = The time occurred_at lies in the future (more than { $minutes } minutes ahead of the server's clock); received: { $value }
problem-incident-category-detail = There is no incident category "{ $value }"; the categories are illegal_crossing, smuggling, drug_trafficking, telecom_fraud, human_trafficking and other.
problem-incident-count-detail = { $name } must be a whole number from 0 to { $max }; received: { $value }
problem-incident-text-detail = { $name } must be text of at most { $max } characters.
problem-incident-far-detail = The point lies { $distance_km } km from the border, farther than the { $max_km } km allowed; check the coordinates (longitude first, then latitude, WGS84).
problem-unknown-village-detail = There is no village with id { $value } in your jurisdiction.
problem-outside-jurisdiction-detail = The incident's place (its village, or the post sector of the nearest stretch of border) lies outside your jurisdiction; nothing was written.
problem-visit-object-detail = Each visit is a JSON object with the members id, linkage_id, target, visited_at, lon, lat, accuracy_m, findings and follow_ups.
problem-visit-id-detail = A visit's id must be a UUID generated on the phone (for example 6f1c1b5e-8a9e-4f49-9a57-3a8f3c2b8d11); received: { $value }
problem-visit-target-detail = The target must be written {"{"}"kind": "village" or "post", "id": a positive whole number{"}"}; received: { $value }
problem-visit-wrong-target-detail = The { $kind ->
        [village] village
       *[post] post
    } with id { $id } is not paired by linkage { $linkage }; choose that linkage's own village or post.
problem-visit-time-detail = The time visited_at must be an RFC 3339 time with its offset (for example 2026-11-29T09:30:00+08:00), in { $min_year } or later; received: { $value }
problem-visit-future-detail = The time visited_at lies more than { $minutes } minutes ahead of the server's clock; check the phone's clock. Received: { $value }
problem-visit-before-linkage-detail = The visit on { $day } is before linkage { $linkage } began ({ $starts_on }).
problem-visit-after-linkage-detail = The visit on { $day } is after linkage { $linkage } ended ({ $ends_on }).
problem-visit-accuracy-detail = accuracy_m (the accuracy of the position, in metres) must be a number of 0 or more; received: { $value }
problem-visit-findings-detail = findings must be a list of at most { $max } items, each written {"{"}"kind": …, "text": …{"}"}.
problem-visit-finding-kind-detail = Finding { $index } (counting from 0) has the kind "{ $value }", which does not exist; the kinds are dispute, security_risk, livelihood_need and other.
problem-too-many-visits-detail = At most { $max } visits can be synced at once; { $count } were sent. Send them in batches.
problem-visit-conflict-detail = A visit with the id { $id } was recorded already with different content; nothing was changed. Send a corrected visit with a new id.
problem-linkage-body-detail = A linkage must be sent as a JSON object with department_id, village_id, post_id, starts_on (YYYY-MM-DD), village_visits_per_month and post_visits_per_month; ends_on and officer_ids are optional.
problem-linkage-id-detail = { $name } must be the id of a record, a positive whole number; received: { $value }
problem-linkage-date-detail = { $name } must be a date written YYYY-MM-DD (for example 2025-01-01) from 2000 to 2100; received: { $value }
problem-linkage-month-detail = The parameter { $name } must be a month written YYYY-MM (for example 2025-03) from 2000 to 2100; received: { $value }
problem-linkage-reversed-months-detail = The months run backwards: from ({ $from }) must not come after to ({ $to }).
problem-linkage-visits-detail = { $name } is the number of visits required each month and must be a whole number from 0 to { $max }; received: { $value }
problem-linkage-officers-detail = officer_ids must be a list of at most { $max } user ids.
problem-linkage-ends-before-start-detail = A linkage cannot end ({ $ends_on }) before it starts ({ $starts_on }); ends_on is its last day.
problem-linkage-unknown-post-detail = There is no post with id { $value } in your jurisdiction.
problem-linkage-unknown-department-detail = There is no department with id { $value } in your jurisdiction.
problem-linkage-department-area-detail = Village { $village } lies outside the area of department { $department }: a department can only be paired with villages of its own prefecture, county or township.
problem-linkage-unknown-officer-detail = There is no user with id { $value } in your jurisdiction or in the linkage's department.
problem-linkage-officer-department-detail = User { $officer } does not belong to department { $department }: the officers of a linkage must come from its department.
problem-linkage-officer-role-detail = User { $officer } is not a liaison officer: only liaison officers can be responsible for a linkage.
problem-linkage-officer-inactive-detail = The account of user { $officer } is deactivated; choose an active liaison officer.
problem-linkage-overlap-detail = Linkage { $existing } (from { $starts_on }) already pairs this department with this village and post in an overlapping period; end it first, or choose dates that do not overlap.
problem-linkage-pair-fixed-detail = This linkage has { $visits } logged visits, so its department, village and post cannot change; end it and create a new linkage instead.
problem-patrol-shape-detail = A patrol is written {"{"}"post_id": the post's id, "track": {"{"}"type": "LineString", "coordinates": [[lon, lat], …]{"}"}, "times": [an RFC 3339 time per point, …]{"}"}, or uploaded as a GPX 1.1 file (Content-Type: application/gpx+xml, with ?post_id= in the address).
problem-patrol-too-few-points-detail = A patrol track needs at least 2 points; received { $count }.
problem-patrol-too-many-points-detail = The track has { $count } points where at most { $max } are allowed; upload it in parts.
problem-patrol-position-detail = Track point { $index } (counting from 0) has an invalid position: it must be a WGS84 longitude (-180 to 180) and latitude (-90 to 90).
problem-patrol-time-detail = The time of track point { $index } (counting from 0) must be an RFC 3339 time with its offset (for example 2026-11-29T09:30:00+08:00); received: { $value }
problem-patrol-not-ascending-detail = Track point { $index } (counting from 0) is earlier than the point before it; track times must be in order.
problem-patrol-future-detail = The time of track point { $index } (counting from 0) is ahead of the server's clock; check the device's clock. Received: { $value }
problem-patrol-times-count-detail = The track has { $count } coordinates but { $times } times; there must be one time per coordinate.
problem-patrol-gpx-detail = The GPX file could not be read: { $reason }

# Legal outreach: teams, sessions and calendar feeds.
record-calendar-feed = calendar address
problem-outreach-body-detail = The request body must be a JSON object.
problem-outreach-id-detail = { $name } must be the id of a record, a positive whole number; received: { $value }
problem-outreach-time-detail = { $name } must be an RFC 3339 time with its offset (for example 2027-01-10T09:00:00+08:00) from 2000 to 2100; received: { $value }
problem-outreach-ends-before-start-detail = A session must end after it starts; this one starts at { $starts_at } and ends at { $ends_at }.
problem-outreach-too-long-detail = A session may last at most { $max } hours; split a longer programme into several sessions.
problem-outreach-language-detail = { $name } must be one of the languages zh, khb, hni, ahk, lhu, blr, ium, jiu, lo, my, th and en (BCP 47 codes); received: { $value }
problem-outreach-status-detail = The parameter status must be planned, held or cancelled; received: { $value }
problem-outreach-level-detail = A language level must be native, fluent or basic; received: { $value }
problem-outreach-topic-detail = { $name } lists the unknown topic "{ $value }"; the topics are border_law, anti_drug, anti_fraud, anti_trafficking, marriage_law, land_disputes and entry_exit.
problem-outreach-topics-detail = { $name } must list 1 to { $max } topics.
problem-outreach-presenters-detail = presenter_ids must list 1 to { $max } presenters by their member ids.
problem-outreach-text-detail = { $name } must be text of 1 to { $max } characters.
problem-zawgyi-detail = { $name } looks like Burmese typed in the Zawgyi encoding, which only phones with the Zawgyi font can read: { $rule ->
        [vowel-e] the vowel sign E (ေ) comes before its consonant
        [killer] the sign U+1039 ends a syllable instead of stacking a consonant
        [medial] a medial comes before its consonant
        [medial-order] the medials are not in the order ya, ra, wa, ha
        [asat] the asat (U+103A) is followed by a vowel sign or a medial
        [vowel-order] the vowel signs are in an order Unicode does not use
       *[form] it uses one of Zawgyi's glyph variants
    } (character { $position }, { $character }). Switch the keyboard to Unicode, or convert the text to Unicode, and send it again.
problem-outreach-team-code-detail = A team code must be 1 to 32 letters, digits, - or _; received: { $value }
problem-outreach-members-detail = members must list 1 to { $max } members.
problem-outreach-member-languages-detail = Member { $member } must list 1 to { $max } languages, each once, as {"{"}"language": code, "level": "native", "fluent" or "basic"{"}"}.
problem-outreach-attendance-detail = { $name } must be a whole number from 0 to { $max }; received: { $value }
problem-outreach-attendance-part-detail = { $name } ({ $count }) cannot be more than the total attendance ({ $total }).
problem-outreach-unknown-team-detail = There is no legal-outreach team with id { $value } in your jurisdiction.
problem-outreach-unknown-user-detail = There is no user with id { $value } in your jurisdiction.
problem-outreach-not-member-detail = Member { $member } is not in the team { $team }; a session's presenters must be members of its team.
problem-outreach-no-fluent-presenter-detail = No presenter speaks the session's language ({ $language }) at fluent level or better ({ $presenters }). Add a presenter who is fluent or native in it, or deliver the session in another language.
problem-outreach-village-language-detail = { $village } does not list { $language } among its languages ({ $listed }). Deliver the session in one of them, or name an interpreter.
problem-outreach-presenter-booked-detail = { $presenter } already presents session { $session } in { $village } ({ $starts_at } to { $ends_at }). Going between the two villages takes { $travel_minutes } minutes ({ $road_km } km by road), but the sessions leave { $gap_minutes } minutes between them.
problem-outreach-team-booked-detail = The team { $team } already has session { $session } in { $village } ({ $starts_at } to { $ends_at }). Going between the two villages takes { $travel_minutes } minutes ({ $road_km } km by road), but the sessions leave { $gap_minutes } minutes between them.
problem-outreach-not-planned-detail = Session { $session } is { $status ->
        [held] held already
        [cancelled] cancelled
       *[other] { $status }
    }; only a planned session can be marked held or cancelled.
problem-outreach-not-started-detail = Session { $session } starts at { $starts_at }; it can be marked held once it has started.
