# The navigation bar of signed-in pages. Reference locale.
page-nav-label = 网站栏目
page-nav-dashboard = 工作台
page-nav-field = 外勤走访
page-nav-map = 边境地图
page-nav-villages = 抵边村寨
page-nav-posts = 联防所
page-nav-departments = 挂联部门
page-nav-linkages = 双挂联
page-nav-visits = 走访记录
page-nav-incidents = 涉边案事件
page-nav-account = 账号
page-nav-outreach = 普法宣传
