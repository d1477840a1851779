# 服务器绘制的图表（SVG）中的文字。参考语言。
page-chart-border-strip-title = 边境线每 { $bin_km } 公里涉边案事件
page-chart-border-strip-desc = 柱状图：自边境线西端起点（0 公里）至 { $length_km } 公里，每 { $bin_km } 公里为一段，对比 { $base } 年与 { $compare } 年的涉边案事件数。共 { $bins } 段；{ $base } 年 { $base_total } 起，{ $compare } 年 { $compare_total } 起。
page-chart-border-strip-x = 距边境线西端起点（公里）
page-chart-border-strip-y = 案事件数（起）
page-chart-year = { $year } 年
page-chart-section-mm = 中缅边界
page-chart-section-la = 中老边界
