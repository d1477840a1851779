# API error messages (RFC 7807 problem+json title and detail). Reference locale.
problem-not-found-title = 未找到
problem-not-found-detail = 编号为 { $id } 的{ $kind }不存在，或不在您的管辖范围内。
problem-route-not-found-title = 未找到
problem-route-not-found-detail = 没有这个接口：{ $path }
problem-bad-request-title = 请求有误
problem-invalid-bbox-detail = 参数 bbox 应为“最小经度,最小纬度,最大经度,最大纬度”四个数（WGS84 度），最小值不大于最大值，经度在 −180…180、纬度在 −90…90 之间；收到的是：{ $value }
problem-invalid-limit-detail = 参数 limit 应为 1 到 { $max } 之间的整数；收到的是：{ $value }
problem-invalid-offset-detail = 参数 offset 应为不小于 0 的整数；收到的是：{ $value }
problem-invalid-id-detail = 编号应为正整数；收到的是：{ $value }
problem-invalid-query-detail = 查询参数无法解析：{ $reason }
problem-invalid-body-detail = 请求内容无法解析：{ $reason }
problem-unavailable-title = 服务暂不可用
problem-unavailable-detail = 数据库无法连接，请稍后再试。
problem-internal-title = 服务器内部错误
problem-internal-detail = 处理请求时出错。请把请求编号 { $request_id } 告知管理员。

record-village = 村寨
record-post = 联防所
record-incident = 涉边案事件
problem-missing-parameter-detail = 缺少参数 { $name }。
problem-invalid-position-detail = 坐标应为 WGS84 经纬度（度）：经度 lon 在 −180…180，纬度 lat 在 −90…90；收到的是 lon={ $lon }，lat={ $lat }
problem-invalid-position-at-detail = 第 { $index } 个点（从 0 数起）不是有效的 WGS84 经纬度：应为 [经度, 纬度] 或 {"{"}"lon": …, "lat": …{"}"}，经度在 −180…180、纬度在 −90…90。
problem-too-many-points-detail = 一次最多定位 { $max } 个点，本次提交了 { $count } 个，请分批提交。
problem-payload-too-large-title = 请求内容过大
problem-payload-too-large-detail = 请求内容超过了允许的大小（{ $limit } 字节），请分批提交。
record-user = 用户
record-token = 令牌
problem-conflict-title = 记录冲突
problem-conflict-detail = 同名的记录已经存在。
problem-weak-password-detail = 密码至少需要 { $min } 个字符。
problem-unknown-role-detail = 没有“{ $value }”这个角色；可用的角色：admin、official、liaison_officer、outreach_coordinator、outreach_member、post_staff。
problem-unknown-jurisdiction-detail = 没有代码为“{ $value }”的行政区划。
problem-unauthenticated-title = 需要登录
problem-unauthenticated-detail = 请先登录，或在请求中附上有效的令牌（Authorization: Bearer …）。
problem-forbidden-title = 无权访问
problem-forbidden-detail = 您的角色不能执行此操作。
problem-login-failed-title = 登录失败
problem-login-failed-detail = 用户名或密码不正确。
problem-login-throttled-title = 尝试次数过多
problem-login-throttled-detail = 登录失败次数过多，请在 { $seconds } 秒后再试。
problem-invalid-time-detail = 参数 { $name } 应为 RFC 3339 格式的时间（例如 2024-01-01T00:00:00+08:00）；收到的是：{ $value }
problem-invalid-year-detail = 参数 year 应为 { $min } 到 { $max } 之间的四位年份（例如 2024）；收到的是：{ $value }
problem-invalid-bin-km-detail = 参数 bin_km（每段边境线的长度，单位公里）应为 { $min } 到 { $max } 之间的数；收到的是：{ $value }
problem-years-not-ascending-detail = 对比年份 compare 应晚于基准年份 base；收到的是 base={ $base }，compare={ $compare }。
problem-unknown-period-detail = 参数 period 应为 month（月）、quarter（季度）或 year（年）；收到的是：{ $value }
problem-invalid-month-or-date-detail = 参数 { $name } 应为 2000 年至 2100 年之间的日期（YYYY-MM-DD，例如 2024-03-15）或月份（YYYY-MM，例如 2024-03）；收到的是：{ $value }
problem-too-many-cells-detail = { $bins } 段边境线 × { $periods } 个时段共 { $cells } 个单元格，超过单次查询上限 { $max } 个。请加大分段长度（bin_km）、改用更长的时段（period=quarter 或 year）或缩短日期范围（from、to）。
problem-unknown-grouping-detail = 参数 by 应为 total（合计）、section（边境段）、bin（公里分段）、category（类别）或 county（县市）；收到的是：{ $value }
problem-invalid-cell-km-detail = 参数 cell_km（网格单元的边长，单位公里）应为 { $min } 到 { $max } 之间的数；收到的是：{ $value }
problem-invalid-alpha-detail = 参数 alpha（要控制的错误发现率）应为大于 0、小于 0.5 的数（例如 0.05）；收到的是：{ $value }
