# 普法宣讲：主题、排期提醒和宣讲队的日历订阅。
outreach-topic-border-law = 边境管理法律法规
outreach-topic-anti-drug = 禁毒宣传
outreach-topic-anti-fraud = 防范电信网络诈骗
outreach-topic-anti-trafficking = 打击拐卖人口
outreach-topic-marriage-law = 婚姻法与跨境婚姻
outreach-topic-land-disputes = 土地山林纠纷
outreach-topic-entry-exit = 出入境与边境通行证
outreach-warning-village-language = { $village } 的语言（{ $listed }）中没有{ $language_name }（{ $language }）；本场已安排，由翻译 { $interpreter } 协助。
outreach-calendar-name = { $team } 普法宣讲日程
outreach-calendar-summary = 普法宣讲：{ $village }（{ $language }）
outreach-calendar-topics = 主题：{ $topics }
outreach-calendar-presenters = 宣讲人：{ $presenters }
outreach-calendar-interpreter = 翻译：{ $interpreter }
outreach-calendar-held = 已举办：参加 { $total } 人，其中妇女 { $women } 人、未成年人 { $under18 } 人。
outreach-calendar-cancelled = 已取消：{ $reason }
