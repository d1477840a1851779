//! Categories of cross-border incidents, a fixed list.

/// What kind of cross-border incident a record is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    IllegalCrossing,
    Smuggling,
    DrugTrafficking,
    TelecomFraud,
    HumanTrafficking,
    Other,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::IllegalCrossing,
        Category::Smuggling,
        Category::DrugTrafficking,
        Category::TelecomFraud,
        Category::HumanTrafficking,
        Category::Other,
    ];

    /// The stable code stored in the database and used in the API.
    pub fn code(self) -> &'static str {
        match self {
            Category::IllegalCrossing => "illegal_crossing",
            Category::Smuggling => "smuggling",
            Category::DrugTrafficking => "drug_trafficking",
            Category::TelecomFraud => "telecom_fraud",
            Category::HumanTrafficking => "human_trafficking",
            Category::Other => "other",
        }
    }

    pub fn parse(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|category| category.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_parses_back_to_its_category() {
        for category in Category::ALL {
            assert_eq!(Category::parse(category.code()), Some(category));
        }
        assert_eq!(Category::parse("Smuggling"), None);
    }
}
