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
record-outreach-team = 普法宣讲队
record-outreach-session = 普法宣讲活动
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
problem-unknown-format-detail = 不提供格式 { $value }；可用的格式：{ $allowed }
problem-incident-geometry-detail = 案事件应以 GeoJSON Feature 提交，其 geometry 为 Point，坐标为 WGS84 经纬度 [经度, 纬度]。
problem-incident-time-detail = 发生时间 occurred_at 应为带时区偏移的 RFC 3339 时间（例如 2024-03-01T08:30:00+08:00），且不早于 { $min_year } 年；收到的是：{ $value }
problem-incident-future-detail = 发生时间 occurred_at 晚于当前时间（比服务器时钟超前 { $minutes } 分钟以上）；收到的是：{ $value }
problem-incident-category-detail = 没有“{ $value }”这一案事件类别；类别为 illegal_crossing（非法越境）、smuggling（走私）、drug_trafficking（毒品犯罪）、telecom_fraud（电信网络诈骗）、human_trafficking（拐卖人口）和 other（其他）。
problem-incident-count-detail = { $name } 应为 0 到 { $max } 之间的整数；收到的是：{ $value }
problem-incident-text-detail = { $name } 应为不超过 { $max } 个字符的文本。
problem-incident-far-detail = 该点距边境线 { $distance_km } 公里，超过允许的 { $max_km } 公里；请核对坐标（先经度、后纬度，WGS84）。
problem-unknown-village-detail = 您的管辖范围内没有编号为 { $value } 的村寨。
problem-outside-jurisdiction-detail = 该案事件所在地（其所属村寨，或最近边境段所属联防所的辖段）不在您的管辖范围内，未写入任何内容。
problem-visit-object-detail = 每条走访记录应为一个 JSON 对象，包含 id、linkage_id、target、visited_at、lon、lat、accuracy_m、findings 和 follow_ups。
problem-visit-id-detail = 走访记录的 id 应为手机端生成的 UUID（例如 6f1c1b5e-8a9e-4f49-9a57-3a8f3c2b8d11）；收到的是：{ $value }
problem-visit-target-detail = 走访对象 target 应写作 {"{"}"kind": "village" 或 "post", "id": 正整数{"}"}；收到的是：{ $value }
problem-visit-wrong-target-detail = 编号为 { $id } 的{ $kind ->
        [village] 村寨
       *[post] 联防所
    }不是双挂联 { $linkage } 所挂联的对象，请选择该挂联对应的村寨或联防所。
problem-visit-time-detail = 走访时间 visited_at 应为带时区偏移的 RFC 3339 时间（例如 2026-11-29T09:30:00+08:00），且不早于 { $min_year } 年；收到的是：{ $value }
problem-visit-future-detail = 走访时间 visited_at 晚于服务器当前时间 { $minutes } 分钟以上，请核对手机时钟；收到的是：{ $value }
problem-visit-before-linkage-detail = 该走访日期 { $day } 早于双挂联 { $linkage } 的开始日期（{ $starts_on }）。
problem-visit-after-linkage-detail = 该走访日期 { $day } 晚于双挂联 { $linkage } 的结束日期（{ $ends_on }）。
problem-visit-accuracy-detail = 定位精度 accuracy_m（米）应为不小于 0 的数值；收到的是：{ $value }
problem-visit-findings-detail = 走访发现 findings 应为列表，最多 { $max } 项，每项写作 {"{"}"kind": …, "text": …{"}"}。
problem-visit-finding-kind-detail = 第 { $index } 项走访发现（从 0 开始计）的类别“{ $value }”不存在；可用类别为 dispute（矛盾纠纷）、security_risk（安全隐患）、livelihood_need（民生诉求）和 other（其他）。
problem-too-many-visits-detail = 一次最多同步 { $max } 条走访记录，本次收到 { $count } 条，请分批提交。
problem-visit-conflict-detail = id 为 { $id } 的走访记录已经存在且内容不同，本次未作任何修改；如需更正，请以新的 id 重新提交。
problem-linkage-body-detail = 挂联信息应以 JSON 对象提交，包含 department_id、village_id、post_id、starts_on（YYYY-MM-DD）、village_visits_per_month 和 post_visits_per_month；ends_on 和 officer_ids 可以不填。
problem-linkage-id-detail = { $name } 应为记录编号（正整数）；收到的是：{ $value }
problem-linkage-date-detail = { $name } 应为 YYYY-MM-DD 格式的日期（例如 2025-01-01），年份在 2000 至 2100 之间；收到的是：{ $value }
problem-linkage-month-detail = 参数 { $name } 应为 YYYY-MM 格式的月份（例如 2025-03），年份在 2000 至 2100 之间；收到的是：{ $value }
problem-linkage-reversed-months-detail = 起止月份颠倒：起始月份 from（{ $from }）不能晚于截止月份 to（{ $to }）。
problem-linkage-visits-detail = { $name } 是每月应走访的次数，应为 0 至 { $max } 之间的整数；收到的是：{ $value }
problem-linkage-officers-detail = officer_ids 应为用户编号的列表，最多 { $max } 个。
problem-linkage-ends-before-start-detail = 挂联的结束日期（{ $ends_on }）不能早于开始日期（{ $starts_on }）；ends_on 是挂联的最后一天。
problem-linkage-unknown-post-detail = 您的管辖范围内没有编号为 { $value } 的联防所。
problem-linkage-unknown-department-detail = 您的管辖范围内没有编号为 { $value } 的部门。
problem-linkage-department-area-detail = 村寨 { $village } 不在部门 { $department } 的工作范围内：部门只能挂联本级行政区域（州、县（市）或乡（镇））内的村寨。
problem-linkage-unknown-officer-detail = 您的管辖范围内和该挂联部门中都没有编号为 { $value } 的用户。
problem-linkage-officer-department-detail = 用户 { $officer } 不属于部门 { $department }：挂联责任人必须是挂联部门的人员。
problem-linkage-officer-role-detail = 用户 { $officer } 不是挂联干部（liaison_officer）：只有挂联干部才能担任挂联责任人。
problem-linkage-officer-inactive-detail = 用户 { $officer } 的账号已停用，请选择在用的挂联干部。
problem-linkage-overlap-detail = 挂联 { $existing }（{ $starts_on } 起）已将该部门与该村寨、联防所挂联，且时间段与本次重叠；请先结束该挂联，或改用不重叠的日期。
problem-linkage-pair-fixed-detail = 该挂联已有 { $visits } 次走访记录，挂联部门、村寨和联防所不能更改；请结束该挂联后另建新的挂联。
problem-patrol-shape-detail = 巡逻记录应写成 {"{"}"post_id": 联防所编号, "track": {"{"}"type": "LineString", "coordinates": [[经度, 纬度], …]{"}"}, "times": [每个点的 RFC 3339 时间, …]{"}"}，或以 GPX 1.1 文件上传（Content-Type: application/gpx+xml，并在地址中加 ?post_id=）。
problem-patrol-too-few-points-detail = 巡逻轨迹至少需要 2 个点，收到 { $count } 个。
problem-patrol-too-many-points-detail = 巡逻轨迹有 { $count } 个点，最多允许 { $max } 个；请分段上传。
problem-patrol-position-detail = 第 { $index } 个轨迹点（从 0 数起）的坐标无效：应为 WGS84 经度（-180 至 180）和纬度（-90 至 90）。
problem-patrol-time-detail = 第 { $index } 个轨迹点（从 0 数起）的时间应为带时区偏移的 RFC 3339 时间（例如 2026-11-29T09:30:00+08:00）；收到的是：{ $value }
problem-patrol-not-ascending-detail = 第 { $index } 个轨迹点（从 0 数起）的时间早于前一个点；轨迹时间应按先后顺序排列。
problem-patrol-future-detail = 第 { $index } 个轨迹点（从 0 数起）的时间晚于服务器当前时间，请核对设备时钟；收到的是：{ $value }
problem-patrol-times-count-detail = 轨迹有 { $count } 个坐标，但 times 有 { $times } 个时间；两者应一一对应。
problem-patrol-gpx-detail = 无法读取 GPX 文件：{ $reason }

# 普法宣讲：宣讲队、宣讲活动和日历订阅。
record-calendar-feed = 日历订阅地址
problem-outreach-body-detail = 请求体应为 JSON 对象。
problem-outreach-id-detail = { $name } 应为记录编号（正整数）；收到的是：{ $value }
problem-outreach-time-detail = { $name } 应为带时区偏移的 RFC 3339 时间（例如 2027-01-10T09:00:00+08:00），年份在 2000 到 2100 之间；收到的是：{ $value }
problem-outreach-ends-before-start-detail = 宣讲活动的结束时间应晚于开始时间；本次开始于 { $starts_at }，结束于 { $ends_at }。
problem-outreach-too-long-detail = 一场宣讲活动最长 { $max } 小时；更长的安排请分成几场。
problem-outreach-language-detail = { $name } 应为以下语言之一（BCP 47 代码）：zh、khb、hni、ahk、lhu、blr、ium、jiu、lo、my、th、en；收到的是：{ $value }
problem-outreach-status-detail = 参数 status 应为 planned（计划中）、held（已举办）或 cancelled（已取消）；收到的是：{ $value }
problem-outreach-level-detail = 语言水平应为 native（母语）、fluent（流利）或 basic（基础）；收到的是：{ $value }
problem-outreach-topic-detail = { $name } 中有未知主题“{ $value }”；可用主题为 border_law、anti_drug、anti_fraud、anti_trafficking、marriage_law、land_disputes、entry_exit。
problem-outreach-topics-detail = { $name } 应列出 1 到 { $max } 个主题。
problem-outreach-presenters-detail = presenter_ids 应按队员编号列出 1 到 { $max } 名宣讲人。
problem-outreach-text-detail = { $name } 应为 1 到 { $max } 个字符的文字。
problem-zawgyi-detail = { $name } 看起来是用 Zawgyi 编码输入的缅甸文，只有装了 Zawgyi 字体的手机才能正确显示：{ $rule ->
        [vowel-e] 元音符号 E（ေ）写在了辅音之前
        [killer] 符号 U+1039 用来结束音节，而不是叠加辅音
        [medial] 介音写在了辅音之前
        [medial-order] 介音没有按 ya、ra、wa、ha 的顺序排列
        [asat] 符号 asat（U+103A）后面跟着元音符号或介音
        [vowel-order] 元音符号的顺序不是 Unicode 使用的顺序
       *[form] 使用了 Zawgyi 的字形变体
    }（第 { $position } 个字符，{ $character }）。请把输入法切换为 Unicode，或把文字转换为 Unicode 后重新提交。
problem-outreach-team-code-detail = 宣讲队编码应为 1 到 32 个字母、数字、- 或 _；收到的是：{ $value }
problem-outreach-members-detail = members 应列出 1 到 { $max } 名队员。
problem-outreach-member-languages-detail = 队员 { $member } 应列出 1 到 { $max } 种语言，每种一次，格式为 {"{"}"language": 语言代码, "level": "native"、"fluent" 或 "basic"{"}"}。
problem-outreach-attendance-detail = { $name } 应为 0 到 { $max } 之间的整数；收到的是：{ $value }
problem-outreach-attendance-part-detail = { $name }（{ $count }）不能多于参加总人数（{ $total }）。
problem-outreach-unknown-team-detail = 您的辖区内没有编号为 { $value } 的普法宣讲队。
problem-outreach-unknown-user-detail = 您的辖区内没有编号为 { $value } 的用户。
problem-outreach-not-member-detail = 队员 { $member } 不属于宣讲队 { $team }；宣讲人必须是本队队员。
problem-outreach-no-fluent-presenter-detail = 没有一位宣讲人能流利使用本场的宣讲语言（{ $language }）（{ $presenters }）。请加一位该语言流利或为母语的宣讲人，或改用其他语言宣讲。
problem-outreach-village-language-detail = { $village } 的语言（{ $listed }）中没有 { $language }。请用其中一种语言宣讲，或指定翻译人员。
problem-outreach-presenter-booked-detail = { $presenter } 已安排在 { $village } 宣讲第 { $session } 场（{ $starts_at } 至 { $ends_at }）。两村之间路程需 { $travel_minutes } 分钟（道路约 { $road_km } 公里），而两场之间只隔 { $gap_minutes } 分钟。
problem-outreach-team-booked-detail = 宣讲队 { $team } 已安排在 { $village } 宣讲第 { $session } 场（{ $starts_at } 至 { $ends_at }）。两村之间路程需 { $travel_minutes } 分钟（道路约 { $road_km } 公里），而两场之间只隔 { $gap_minutes } 分钟。
problem-outreach-not-planned-detail = 第 { $session } 场宣讲{ $status ->
        [held] 已经举办
        [cancelled] 已经取消
       *[other] 的状态为 { $status }
    }；只有计划中的宣讲才能登记为已举办或已取消。
problem-outreach-not-started-detail = 第 { $session } 场宣讲开始于 { $starts_at }；开始之后才能登记为已举办。
