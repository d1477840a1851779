# 工作台指标（分组标题、指标名称、口径说明）。
page-dashboard-section-incidents = 涉边案事件
page-dashboard-section-key-villages = 重点村
page-dashboard-section-linkages = 双挂联走访
page-dashboard-section-outreach = 普法宣讲
page-dashboard-section-cases = 矛盾纠纷与案件办理
page-dashboard-linkage-compliance = 双挂联走访达标率
page-dashboard-linkage-visits-required = 应走访次数
page-dashboard-linkage-visits-logged = 实际走访次数
page-dashboard-outreach-key-villages = 重点村普法宣讲覆盖率
page-dashboard-outreach-all-villages = 全部抵边村寨普法宣讲覆盖率
page-dashboard-case-mean-days = 办结案件平均办理时长（天）
page-dashboard-case-median-days = 办结案件办理时长中位数（天）
page-dashboard-case-open-overdue = 当年受理、目前仍超期未办结的案件（件）
page-dashboard-points = { $change }个百分点
page-dashboard-note-linkages = 走访达标率：挂联期内已结束的每个完整自然月为一个“挂联月”，当月对村寨和哨所的走访次数均达到挂联规定的每月次数即为达标；挂联起止所在的不完整月份不计。
page-dashboard-note-outreach = 宣讲覆盖率：当年至少举办过一场以该村第一使用语言进行的普法宣讲（以实际举办为准，计划或取消的不计）的村寨所占比例。
page-dashboard-note-cases = 办理时长：当年办结的案件从受理到办结的天数。超期案件：当年受理、至今未办结且已超过当前环节办理期限的案件。
