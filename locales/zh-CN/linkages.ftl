# 双挂联的逾期清单和仪表盘上的逾期行。
page-dashboard-linkages-overdue = 逾期未达标的挂联
page-dashboard-linkages-overdue-value = 截至 { $date }：{ $count } 个
page-overdue-title = 逾期未达标的挂联
page-overdue-date = 日期
page-overdue-today = 今天
page-overdue-summary = 截至 { $date }，正在挂联的 { $running } 个挂联中有 { $overdue } 个逾期未达标。
page-overdue-days = 逾期天数
page-overdue-since = 起始未达标月份
page-overdue-months = 连续未达标月数
page-overdue-latest-village = 最近考核月走访村寨（实际 / 要求）
page-overdue-latest-post = 最近考核月走访联防所（实际 / 要求）
page-overdue-by-county = 按县（市）统计
page-overdue-by-department = 按挂联部门统计
page-overdue-running = 正在挂联
page-overdue-overdue = 逾期
page-overdue-note = 只统计当日正在挂联的挂联。最近考核月是挂联期内已经结束的最后一个整月；该月走访村寨或联防所的次数未达到要求即为逾期。逾期天数从连续未达标的第一个月的最后一天算起：例如 12 月 1 日，只有 11 月未达标的挂联逾期 1 天。
