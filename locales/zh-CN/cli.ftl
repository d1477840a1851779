# Command-line messages. Reference locale.
cli-migrated = 数据库已迁移到最新版本（{ $database }）。
cli-serving = 正在监听 http://{ $address } ，按 Ctrl+C 停止。
cli-stopped = 服务已停止。
cli-demo-already = 数据库中已有演示数据（种子 { $seed }，{ $incidents } 条案事件），未作任何改动。
cli-demo-loaded = 演示数据已载入（种子 { $seed }）：{ $villages } 个村寨、{ $posts } 个联防所、{ $departments } 个部门、{ $incidents } 条案事件，用时 { $seconds } 秒。
cli-demo-skipped-not-empty = 数据库不是空的，未载入演示数据。
cli-progress-reference = 参考数据
cli-progress-incidents = 案事件
cli-progress-activities = 走访、巡逻、宣讲与案件
cli-error = 错误
cli-error-database-url = 不支持的数据库地址 { $url }：请使用 sqlite://… 或 postgres://…
cli-error-database-unreachable = 无法连接数据库：{ $cause }
