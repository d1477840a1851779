# 普法宣讲活动的打印通知（GET /api/v1/outreach/sessions/{id}/notice）。参考语言：其他语言缺少的
# 消息逐行以中文显示，并在通知上标注。
notice-title = 普法宣讲活动通知
notice-intro = 欢迎全体村民参加，活动免费。
notice-date-label = 日期
notice-date = { $year }年{ $month }月{ $day }日（{ $weekday ->
        [1] 星期一
        [2] 星期二
        [3] 星期三
        [4] 星期四
        [5] 星期五
        [6] 星期六
       *[7] 星期日
    }）
notice-time-label = 时间
notice-time = { $start }至{ $end }
notice-place-label = 地点
notice-place = { $county }{ $township }{ $village }
notice-place-county = { $county }{ $village }
notice-topics-label = 宣讲内容
notice-presenters-label = 宣讲人
notice-presenters-none = 待定
notice-interpreter-label = 翻译
notice-team-label = 主办
notice-language-label = 宣讲语言
notice-qr-caption = 扫码打开本村页面
notice-cancelled = 本次活动已取消。
notice-fallback-note = 标有此记号的行是中文：该语言的译文暂缺。
notice-topic-border_law = 边境管理法律法规
notice-topic-anti_drug = 禁毒
notice-topic-anti_fraud = 防范电信网络诈骗
notice-topic-anti_trafficking = 反对拐卖人口
notice-topic-marriage_law = 婚姻家庭法
notice-topic-land_disputes = 土地纠纷调解
notice-topic-entry_exit = 出入境管理
