# 普法宣讲的规划：覆盖率与村寨推荐（GET /api/v1/outreach/coverage 与 /suggestions）。参考语言。
# 每条推荐理由都有参数 $language（村寨的主要语言）与 $months（比较的月数，12）。
outreach-plan-any-language = 任何语言
outreach-plan-reason-key-village = 重点村
outreach-plan-reason-never-held = 从未用{ $language }举办过普法宣讲
outreach-plan-reason-last-held = 上一次用{ $language }宣讲是在 { $date }，已过去 { $since } 个月
outreach-plan-reason-incidents-rising = 附近涉边案事件上升：近 { $months } 个月 { $recent } 起，此前 { $months } 个月 { $before } 起
outreach-plan-reason-incidents-new = 附近近 { $months } 个月出现 { $recent } 起涉边案事件，此前 { $months } 个月没有
outreach-plan-reason-incidents-steady = 附近涉边案事件持平：近 { $months } 个月与此前 { $months } 个月各 { $count } 起
outreach-plan-reason-incidents-falling = 附近涉边案事件下降：近 { $months } 个月 { $recent } 起，此前 { $months } 个月 { $before } 起
outreach-plan-reason-no-incidents = 附近近两个 { $months } 个月都没有涉边案事件
outreach-plan-reason-not-located = 村寨尚未在边境线上定位，无法判断附近的案事件
outreach-plan-reason-language-served = 本队有队员能用{ $language }宣讲（流利或母语水平）
outreach-plan-reason-language-not-served = 本队没有能用{ $language }宣讲的队员（需流利或母语水平），排在最后
outreach-plan-reason-no-language-listed = 村寨没有登记使用的语言
outreach-plan-reason-already-planned = 本期已安排在 { $date } 用{ $language }宣讲，排在可安排的村寨之后
