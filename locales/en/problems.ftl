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
