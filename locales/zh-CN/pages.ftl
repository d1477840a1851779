# Pages for signed-in users. Reference locale.
page-dashboard-title = 工作台
page-dashboard-intro = { $username }，以下是您管辖范围内的主要指标。
page-dashboard-caption = { $compare } 年与 { $base } 年对比
page-dashboard-figure = 指标
page-dashboard-change = 增减
page-dashboard-incidents = 涉边案事件（起）
page-dashboard-persons = 抓获人员（人）
page-dashboard-collective-income = 重点村集体经济收入（元）
page-dashboard-per-capita-income = 重点村人均纯收入（元，按人口加权）
page-dashboard-villagers-in-crime = 重点村涉跨境违法犯罪村民（人）
page-dashboard-new = 新增（上年为 0）
page-dashboard-no-change = 无变化
page-dashboard-no-data = 暂无数据
