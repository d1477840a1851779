# Record pages: villages, posts, departments, linkages, incidents. Reference locale.
record-department = 部门
record-linkage = 双挂联

page-record-on-map = 在地图上查看
page-record-filter = 筛选
page-record-clear = 清除筛选
page-record-any = 全部
page-record-total = 共 { $total } 条，本页为第 { $first }–{ $last } 条。
page-record-total-none = 共 { $total } 条，本页没有记录。
page-record-previous = 上一页
page-record-next = 下一页
page-record-yes = 是
page-record-no = 否
page-record-no-data = 暂无数据
page-record-list-separator = 、
page-record-name = 名称
page-record-other-name = 其他名称
page-record-code = 编码
page-record-county = 县（市）
page-record-township = 乡（镇）
page-record-township-county = 乡（镇）/ 县（市）
page-record-border = 与边境线的关系
page-record-border-km = 边境里程（km）
page-record-distance-m = 距边境线（m）
page-record-section = 边境段
page-record-side = 位于
page-record-position = 坐标（WGS84 经度, 纬度）
page-record-demo = 这是演示数据，不是真实记录。
page-record-section-mm = 中缅段
page-record-section-la = 中老段
page-record-side-cn = 我方一侧
page-record-side-abroad = 境外一侧
page-record-source-demo = 演示数据
page-record-ethnic-dai = 傣族
page-record-ethnic-hani = 哈尼族
page-record-ethnic-lahu = 拉祜族
page-record-ethnic-blang = 布朗族
page-record-ethnic-yao = 瑶族
page-record-ethnic-han = 汉族
page-record-ethnic-jinuo = 基诺族
page-record-ethnic-yi = 彝族
page-record-language-zh = 汉语
page-record-language-zh-cn = 汉语
page-record-language-en = 英语
page-record-language-khb = 傣仂语
page-record-language-hni = 哈尼语
page-record-language-ahk = 阿卡语
page-record-language-lhu = 拉祜语
page-record-language-blr = 布朗语
page-record-language-ium = 勉语（瑶语）
page-record-language-jiu = 基诺语
page-record-language-lo = 老挝语
page-record-language-th = 泰语
page-record-language-my = 缅甸语

page-villages-title = 抵边村寨
page-villages-search = 名称或编码
page-villages-key-only = 只看重点村
page-village-key = 重点村
page-village-households = 户数
page-village-population = 人口
page-village-ethnic-groups = 民族
page-village-languages = 使用语言（第一种为主要语言）
page-village-local-name = 民族文字名称
page-village-indicators = 年度指标
page-village-year = 年份
page-village-collective-income = 村集体经济收入（元）
page-village-per-capita-income = 人均纯收入（元）
page-village-villagers-in-crime = 涉跨境违法犯罪村民（人）
page-village-no-indicators = 尚未填报年度指标。
page-village-linkages = 正在挂联本村的部门
page-village-no-linkages = 目前没有部门挂联本村。
page-village-posts = 责任段覆盖本村的联防所
page-village-no-posts = 没有联防所的责任段覆盖本村。

page-posts-title = 边境联防所
page-post-sector = 责任段（km）
page-post-sector-start = 责任段起点（km）
page-post-sector-end = 责任段终点（km）
page-post-sector-length = 责任段长度（km）
page-post-staff = 在岗人数
page-post-villages = 责任段内的村寨
page-post-no-villages = 责任段内没有村寨。
page-post-linkages = 挂联本所的部门
page-post-no-linkages = 没有部门挂联本所。

page-departments-title = 挂联部门
page-department-kind = 类型
page-department-kind-member-unit = 成员单位
page-department-kind-township-station = 乡镇站所
page-department-unit = 所属行政区划
page-department-linkage-count = 双挂联数
page-department-linkages = 本部门的双挂联
page-department-linkage-list = 在双挂联列表中查看
page-department-no-linkages = 本部门在您的管辖范围内没有双挂联。
page-department-officers = 工作人员
page-department-no-officers = 没有登记工作人员。

page-linkages-title = 双挂联
page-linkages-active-only = 只看正在挂联的
page-linkage-heading = { $department } 挂联 { $village }
page-linkage-number = 编号
page-linkage-department = 挂联部门
page-linkage-village = 挂联村寨
page-linkage-post = 挂联联防所
page-linkage-period = 挂联期限
page-linkage-period-open = { $start } 起，未定结束日期
page-linkage-period-closed = { $start } 至 { $end }
page-linkage-rule = 走访要求
page-linkage-rule-text = 每月走访村寨不少于 { $village } 次、联防所不少于 { $post } 次
page-linkage-status = 状态
page-linkage-active = 正在挂联
page-linkage-inactive = 不在挂联期内
page-linkage-officers = 责任人
page-linkage-no-officers = 尚未指定责任人。
page-linkage-visits = { $year } 年每月走访情况
page-linkage-month = 月份
page-linkage-month-name = { $month } 月
page-linkage-village-visits = 走访村寨（实际 / 要求）
page-linkage-post-visits = 走访联防所（实际 / 要求）
page-linkage-met = 达标
page-linkage-not-met = 未达标
page-linkage-not-due = 不考核
page-linkage-due-note = 只考核挂联期覆盖整月且已经结束的月份；其他月份的走访照常列出，但不计入达标情况。
page-linkage-visit-years = 其他有走访记录的年份：

page-incidents-title = 涉边案事件
page-incidents-year = 年份
page-incidents-from = 起始日期
page-incidents-to = 截止日期
page-incidents-category = 类别
page-incidents-min-km = 边境里程自（km）
page-incidents-max-km = 边境里程至（km）
page-incident-time = 发生时间
page-incident-persons = 抓获人员（人）
page-incident-villagers = 涉及村民（人）
page-incident-village = 所在村寨
page-incident-source = 信息来源
page-incident-description = 简要情况
page-incident-posts = 责任段覆盖此处的联防所
page-incident-no-posts = 没有联防所的责任段覆盖此处。

page-filter-invalid-date = { $name ->
        [from] 起始日期
       *[to] 截止日期
    }应为“年-月-日”格式的日期（例如 2024-03-01），年份在 2000 到 2100 之间；您填写的是：{ $value }
page-filter-unknown-category = 没有“{ $value }”这一案事件类别，请从类别列表中选择。
page-filter-unknown-section = 没有“{ $value }”这一边境段：中缅段填 MM，中老段填 LA。
page-filter-invalid-km = { $name ->
        [min_km] 边境里程的起点
       *[max_km] 边境里程的终点
    }应为不小于 0 的数字（单位 km）；您填写的是：{ $value }
page-filter-reversed-range = { $name ->
        [dates] 日期范围
       *[km] 边境里程范围
    }的起点（{ $min }）晚于终点（{ $max }），请调换或修改后重试。
page-filter-invalid-flag = 选项 { $name } 只能是 1（是）或 0（否）；收到的是：{ $value }
page-filter-unknown-visit-flag = 选项 flagged 只能是 true（带任一标记的走访）、false（无标记的走访）、far_from_target（远离目标）或 low_accuracy（定位精度不足）；收到的是：{ $value }

page-visits-title = 挂联走访记录
page-visits-flagged-any = 带任一标记
page-visits-flagged-none = 无标记
page-visits-linkage-number = 挂联编号
page-visits-note = 挂联干部看到本人登记的走访；领导和管理员看到村寨在其辖区内的挂联的走访。走访定位远离所走访的村寨或哨所、或定位精度不足的，予以标记，照常保存和计数。
page-visit-time = 时间
page-visit-officer = 走访干部
page-visit-linkage = 挂联
page-visit-target = 走访对象
page-visit-distance-m = 距走访对象（米）
page-visit-accuracy-m = 定位精度（米）
page-visit-flags = 标记
page-visit-flag-far-from-target = 远离走访对象
page-visit-flag-low-accuracy = 定位精度不足
