# 年度报告（banna report、/reports/yearly、GET /api/v1/reports/yearly）。参考语言。
# $direction：up 上升，down 下降，same 基本持平，new 上年为零，zero 两年均为零，no-base 上年无数据，missing 本年无数据。
page-report-title = 年度报告
page-report-heading = { $jurisdiction }{ $year }年度涉边工作统计报告
page-report-subtitle = { $year }年与{ $base_year }年对比。增减均为同比，百分比保留一位小数；比率的增减以百分点计。
page-report-scope = 本辖区
page-report-link = { $year }年度报告（可打印）
page-report-print-hint = 打印或另存为 PDF：使用浏览器的“打印”功能（Ctrl+P），每一部分单独成页，导航栏不打印。
page-report-back = 返回工作台
page-report-figure = 指标
page-report-where = 范围
page-report-change = 增减
page-report-total = 合计
page-report-by-section-heading = 按边境段
page-report-by-county-heading = 按县（市）
page-report-no-data = 无数据
page-report-new = 新增（上年为零）
page-report-no-change = 无变化
page-report-percent = { $change }%
page-report-share = { $value }%
page-report-points = { $change }个百分点
page-report-list-separator = ；
page-report-section-summary = 一、总体情况
page-report-section-incidents = 二、涉边案事件
page-report-section-key-villages = 三、重点村
page-report-section-linkages = 四、双挂联走访
page-report-section-outreach = 五、普法宣讲
page-report-section-cases = 六、矛盾纠纷与案件办理
page-report-table-key-villages = 重点村主要指标
page-report-table-linkages = 双挂联走访
page-report-table-outreach = 普法宣讲覆盖率
page-report-table-cases = 案件办理
page-report-note-incidents = 涉边案事件按发生时间（北京时间）计入年度，已删除的记录不计；按边境段以事发地最近的边境线段划分，按县（市）以记录所属行政区划划分。某一年全辖区没有任何案事件记录时视为无数据，不计为零。
page-report-note-key-villages = 重点村指标只计两年均有填报的重点村；人均纯收入按各村人口加权。
page-report-by-section = 分边境段看：{ $parts }。
page-report-by-county = 分县（市）看：{ $parts }。
page-report-part = { $direction ->
    [up] { $part }{ $compare }起，同比上升{ $change }%（{ $base_year }年{ $base }起）
    [down] { $part }{ $compare }起，同比下降{ $change }%（{ $base_year }年{ $base }起）
    [same] { $part }{ $compare }起，与上年基本持平（{ $base_year }年{ $base }起）
    [new] { $part }{ $compare }起，上年为零，属新增
    [zero] { $part }{ $base_year }年、{ $year }年均无案事件
    [no-base] { $part }{ $compare }起（{ $base_year }年无数据）
   *[missing] { $part }{ $year }年无数据
}
page-report-incidents = { $direction ->
    [up] { $year }年共发生涉边案事件{ $compare }起，同比上升{ $change }%（{ $base_year }年{ $base }起）。
    [down] { $year }年共发生涉边案事件{ $compare }起，同比下降{ $change }%（{ $base_year }年{ $base }起）。
    [same] { $year }年共发生涉边案事件{ $compare }起，与上年基本持平（{ $base_year }年{ $base }起）。
    [new] { $year }年共发生涉边案事件{ $compare }起，上年为零，属新增。
    [zero] { $base_year }年、{ $year }年均未发生涉边案事件。
    [no-base] { $year }年共发生涉边案事件{ $compare }起；{ $base_year }年无数据，无法同比。
   *[missing] 涉边案事件：{ $year }年无数据。
}
page-report-persons = { $direction ->
    [up] 抓获涉案人员{ $compare }人，同比上升{ $change }%（{ $base_year }年{ $base }人）。
    [down] 抓获涉案人员{ $compare }人，同比下降{ $change }%（{ $base_year }年{ $base }人）。
    [same] 抓获涉案人员{ $compare }人，与上年基本持平（{ $base_year }年{ $base }人）。
    [new] 抓获涉案人员{ $compare }人，上年为零，属新增。
    [zero] { $base_year }年、{ $year }年均未抓获涉案人员。
    [no-base] 抓获涉案人员{ $compare }人；{ $base_year }年无数据，无法同比。
   *[missing] 抓获涉案人员：{ $year }年无数据。
}
page-report-collective-income = { $direction ->
    [up] 重点村集体经济收入合计{ $compare }元，同比增长{ $change }%（{ $base_year }年{ $base }元）。
    [down] 重点村集体经济收入合计{ $compare }元，同比减少{ $change }%（{ $base_year }年{ $base }元）。
    [same] 重点村集体经济收入合计{ $compare }元，与上年基本持平（{ $base_year }年{ $base }元）。
    [new] 重点村集体经济收入合计{ $compare }元，上年为零，属新增。
    [zero] { $base_year }年、{ $year }年重点村集体经济收入均为零。
    [no-base] 重点村集体经济收入合计{ $compare }元；{ $base_year }年无数据，无法同比。
   *[missing] 重点村集体经济收入：{ $year }年无数据。
}
page-report-per-capita-income = { $direction ->
    [up] 重点村人均纯收入{ $compare }元，同比增长{ $change }%（{ $base_year }年{ $base }元）。
    [down] 重点村人均纯收入{ $compare }元，同比减少{ $change }%（{ $base_year }年{ $base }元）。
    [same] 重点村人均纯收入{ $compare }元，与上年基本持平（{ $base_year }年{ $base }元）。
    [new] 重点村人均纯收入{ $compare }元，上年为零，属新增。
    [zero] { $base_year }年、{ $year }年重点村人均纯收入均为零。
    [no-base] 重点村人均纯收入{ $compare }元；{ $base_year }年无数据，无法同比。
   *[missing] 重点村人均纯收入：{ $year }年无数据。
}
page-report-villagers-in-crime = { $direction ->
    [up] 重点村涉跨境违法犯罪村民{ $compare }人，同比上升{ $change }%（{ $base_year }年{ $base }人）。
    [down] 重点村涉跨境违法犯罪村民{ $compare }人，同比下降{ $change }%（{ $base_year }年{ $base }人）。
    [same] 重点村涉跨境违法犯罪村民{ $compare }人，与上年基本持平（{ $base_year }年{ $base }人）。
    [new] 重点村涉跨境违法犯罪村民{ $compare }人，上年为零，属新增。
    [zero] { $base_year }年、{ $year }年重点村均无涉跨境违法犯罪村民。
    [no-base] 重点村涉跨境违法犯罪村民{ $compare }人；{ $base_year }年无数据，无法同比。
   *[missing] 重点村涉跨境违法犯罪村民：{ $year }年无数据。
}
page-report-linkage-compliance = { $direction ->
    [up] 双挂联走访达标率为{ $compare }%，比上年提高{ $change }个百分点（{ $base_year }年{ $base }%）。
    [down] 双挂联走访达标率为{ $compare }%，比上年降低{ $change }个百分点（{ $base_year }年{ $base }%）。
    [same] 双挂联走访达标率为{ $compare }%，与上年基本持平（{ $base_year }年{ $base }%）。
    [no-base] 双挂联走访达标率为{ $compare }%；{ $base_year }年无数据，无法同比。
   *[missing] 双挂联走访达标率：{ $year }年无数据。
}
page-report-outreach-key-villages = { $direction ->
    [up] 重点村普法宣讲覆盖率为{ $compare }%，比上年提高{ $change }个百分点（{ $base_year }年{ $base }%）。
    [down] 重点村普法宣讲覆盖率为{ $compare }%，比上年降低{ $change }个百分点（{ $base_year }年{ $base }%）。
    [same] 重点村普法宣讲覆盖率为{ $compare }%，与上年基本持平（{ $base_year }年{ $base }%）。
    [no-base] 重点村普法宣讲覆盖率为{ $compare }%；{ $base_year }年无数据，无法同比。
   *[missing] 重点村普法宣讲覆盖率：{ $year }年无数据。
}
page-report-outreach-all-villages = { $direction ->
    [up] 全部抵边村寨普法宣讲覆盖率为{ $compare }%，比上年提高{ $change }个百分点（{ $base_year }年{ $base }%）。
    [down] 全部抵边村寨普法宣讲覆盖率为{ $compare }%，比上年降低{ $change }个百分点（{ $base_year }年{ $base }%）。
    [same] 全部抵边村寨普法宣讲覆盖率为{ $compare }%，与上年基本持平（{ $base_year }年{ $base }%）。
    [no-base] 全部抵边村寨普法宣讲覆盖率为{ $compare }%；{ $base_year }年无数据，无法同比。
   *[missing] 全部抵边村寨普法宣讲覆盖率：{ $year }年无数据。
}
page-report-case-mean-days = { $direction ->
    [up] 办结案件平均办理时长{ $compare }天，同比延长{ $change }%（{ $base_year }年{ $base }天）。
    [down] 办结案件平均办理时长{ $compare }天，同比缩短{ $change }%（{ $base_year }年{ $base }天）。
    [same] 办结案件平均办理时长{ $compare }天，与上年基本持平（{ $base_year }年{ $base }天）。
    [new] 办结案件平均办理时长{ $compare }天（上年为零）。
    [zero] { $base_year }年、{ $year }年办结案件平均办理时长均为0天。
    [no-base] 办结案件平均办理时长{ $compare }天；{ $base_year }年无办结案件，无法同比。
   *[missing] 办结案件平均办理时长：{ $year }年无办结案件，无数据。
}
page-report-case-open-overdue = { $direction ->
    [up] 当年受理、目前仍超期未办结的案件{ $compare }件，同比增加{ $change }%（{ $base_year }年{ $base }件）。
    [down] 当年受理、目前仍超期未办结的案件{ $compare }件，同比减少{ $change }%（{ $base_year }年{ $base }件）。
    [same] 当年受理、目前仍超期未办结的案件{ $compare }件，与上年基本持平（{ $base_year }年{ $base }件）。
    [new] 当年受理、目前仍超期未办结的案件{ $compare }件，上年为零，属新增。
    [zero] { $base_year }年、{ $year }年受理的案件均无超期未办结。
    [no-base] 当年受理、目前仍超期未办结的案件{ $compare }件；{ $base_year }年无受理案件，无法同比。
   *[missing] 超期未办结案件：{ $year }年无受理案件，无数据。
}
page-report-unlocated = 未定位到边境线
page-report-no-county = 未归属县（市）
