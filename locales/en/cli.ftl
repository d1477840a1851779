# Command-line messages.
cli-migrated = The database is migrated to the latest version ({ $database }).
cli-serving = Listening on http://{ $address }; press Ctrl+C to stop.
cli-stopped = The server has stopped.
cli-demo-already = The database already holds demo data (seed { $seed }, { $incidents } incidents); nothing was changed.
cli-demo-loaded = Demo data loaded (seed { $seed }): { $villages } villages, { $posts } posts, { $departments } departments, { $incidents } incidents in { $seconds } s.
cli-demo-skipped-not-empty = The database is not empty; demo data was not loaded.
cli-progress-reference = reference data
cli-progress-incidents = incidents
cli-progress-activities = visits, patrols, sessions and cases
cli-error = error
cli-error-database-url = Unsupported database URL { $url }: use sqlite://… or postgres://…
cli-error-database-unreachable = The database cannot be reached: { $cause }
