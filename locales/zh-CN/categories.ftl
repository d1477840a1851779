# Incident categories (domain::incident::Category codes, `_` written as `-`). Reference locale.
page-category-illegal-crossing = 非法越境
page-category-smuggling = 走私
page-category-drug-trafficking = 毒品犯罪
page-category-telecom-fraud = 电信网络诈骗
page-category-human-trafficking = 拐卖人口
page-category-other = 其他
