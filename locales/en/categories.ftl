# Incident categories (domain::incident::Category codes, `_` written as `-`).
page-category-illegal-crossing = Illegal crossing
page-category-smuggling = Smuggling
page-category-drug-trafficking = Drug trafficking
page-category-telecom-fraud = Telecom fraud
page-category-human-trafficking = Human trafficking
page-category-other = Other
