//! The rules a double-linkage (双挂联) must satisfy when it is created, edited or ended: its
//! period, its visit rule, the records it pairs and the officers responsible for it.
//!
//! Checking happens in two steps. [`LinkageInput::from_json`] reads a request body and checks
//! what the body alone can tell (types, dates, numbers, the period's order). [`NewLinkage::check`]
//! then weighs the input against [`Facts`]: what the database says about the records it
//! names, as the caller may see them. A record outside the caller's jurisdiction is reported
//! exactly like one that does not exist, so an error never reveals what lies outside.

use chrono::{Datelike, NaiveDate};
use serde_json::Value;

use super::DomainError;
use super::period::YEARS;

/// Most visits a month the rule may ask for, to the village or to the post: one a day.
pub const MAX_VISITS_PER_MONTH: i64 = 31;
/// Most officers one linkage may name.
pub const MAX_OFFICERS: usize = 20;

/// Why a linkage, or a request about linkages, is refused. Each variant names its Fluent
/// message (`locales/*/problems.ftl`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LinkageError {
    #[error("a linkage must be a JSON object")]
    Body,
    #[error("{name} must be a positive id, not {value}")]
    InvalidId { name: &'static str, value: String },
    #[error("{name} must be a date YYYY-MM-DD, not {value}")]
    InvalidDate { name: &'static str, value: String },
    #[error("{name} must be a month YYYY-MM, not {value}")]
    InvalidMonth { name: &'static str, value: String },
    #[error("months from {from} to {to} run backwards")]
    ReversedMonths { from: String, to: String },
    #[error("{name} must be 0..={max} visits a month, not {value}")]
    InvalidVisits { name: &'static str, value: String, max: i64 },
    #[error("officer_ids must list at most {max} user ids")]
    Officers { max: usize },
    #[error("ends on {ends_on}, before it starts on {starts_on}")]
    EndsBeforeStart { starts_on: NaiveDate, ends_on: NaiveDate },
    #[error("no village {id} in the caller's jurisdiction")]
    UnknownVillage { id: i64 },
    #[error("no post {id} in the caller's jurisdiction")]
    UnknownPost { id: i64 },
    #[error("no department {id} in the caller's jurisdiction")]
    UnknownDepartment { id: i64 },
    #[error("department {department} does not work where village {village} is")]
    DepartmentOutsideArea { department: i64, village: i64 },
    #[error("no user {id} in the caller's jurisdiction or the department")]
    UnknownOfficer { id: i64 },
    #[error("user {officer} is not in department {department}")]
    OfficerOfAnotherDepartment { officer: i64, department: i64 },
    #[error("user {officer} is not a liaison officer")]
    NotLiaisonOfficer { officer: i64 },
    #[error("user {officer} is deactivated")]
    InactiveOfficer { officer: i64 },
    #[error("linkage {existing} pairs the same records in an overlapping period")]
    Overlap { existing: i64, starts_on: NaiveDate },
    #[error("{visits} visits are logged: department, village and post stay")]
    PairFixed { visits: u64 },
}

impl LinkageError {
    /// The Fluent message id of the detail text.
    pub fn message_id(&self) -> &'static str {
        match self {
            LinkageError::Body => "problem-linkage-body-detail",
            LinkageError::InvalidId { .. } => "problem-linkage-id-detail",
            LinkageError::InvalidDate { .. } => "problem-linkage-date-detail",
            LinkageError::InvalidMonth { .. } => "problem-linkage-month-detail",
            LinkageError::ReversedMonths { .. } => "problem-linkage-reversed-months-detail",
            LinkageError::InvalidVisits { .. } => "problem-linkage-visits-detail",
            LinkageError::Officers { .. } => "problem-linkage-officers-detail",
            LinkageError::EndsBeforeStart { .. } => "problem-linkage-ends-before-start-detail",
            LinkageError::UnknownVillage { .. } => "problem-unknown-village-detail",
            LinkageError::UnknownPost { .. } => "problem-linkage-unknown-post-detail",
            LinkageError::UnknownDepartment { .. } => "problem-linkage-unknown-department-detail",
            LinkageError::DepartmentOutsideArea { .. } => "problem-linkage-department-area-detail",
            LinkageError::UnknownOfficer { .. } => "problem-linkage-unknown-officer-detail",
            LinkageError::OfficerOfAnotherDepartment { .. } => "problem-linkage-officer-department-detail",
            LinkageError::NotLiaisonOfficer { .. } => "problem-linkage-officer-role-detail",
            LinkageError::InactiveOfficer { .. } => "problem-linkage-officer-inactive-detail",
            LinkageError::Overlap { .. } => "problem-linkage-overlap-detail",
            LinkageError::PairFixed { .. } => "problem-linkage-pair-fixed-detail",
        }
    }

    /// The message's arguments, as text.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            LinkageError::Body => Vec::new(),
            LinkageError::InvalidId { name, value }
            | LinkageError::InvalidDate { name, value }
            | LinkageError::InvalidMonth { name, value } => {
                vec![("name", (*name).to_owned()), ("value", value.clone())]
            }
            LinkageError::ReversedMonths { from, to } => vec![("from", from.clone()), ("to", to.clone())],
            LinkageError::InvalidVisits { name, value, max } => {
                vec![("name", (*name).to_owned()), ("value", value.clone()), ("max", max.to_string())]
            }
            LinkageError::Officers { max } => vec![("max", max.to_string())],
            LinkageError::EndsBeforeStart { starts_on, ends_on } => {
                vec![("starts_on", starts_on.to_string()), ("ends_on", ends_on.to_string())]
            }
            LinkageError::UnknownVillage { id }
            | LinkageError::UnknownPost { id }
            | LinkageError::UnknownDepartment { id }
            | LinkageError::UnknownOfficer { id } => vec![("value", id.to_string())],
            LinkageError::DepartmentOutsideArea { department, village } => {
                vec![("department", department.to_string()), ("village", village.to_string())]
            }
            LinkageError::OfficerOfAnotherDepartment { officer, department } => {
                vec![("officer", officer.to_string()), ("department", department.to_string())]
            }
            LinkageError::NotLiaisonOfficer { officer } | LinkageError::InactiveOfficer { officer } => {
                vec![("officer", officer.to_string())]
            }
            LinkageError::Overlap { existing, starts_on } => {
                vec![("existing", existing.to_string()), ("starts_on", starts_on.to_string())]
            }
            LinkageError::PairFixed { visits } => vec![("visits", visits.to_string())],
        }
    }
}

impl From<LinkageError> for DomainError {
    fn from(error: LinkageError) -> DomainError {
        DomainError::Linkage(error)
    }
}

/// A linkage's period: from `starts_on` to `ends_on` (its last day), open while `ends_on` is
/// `None`. A period never ends before it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    starts_on: NaiveDate,
    ends_on: Option<NaiveDate>,
}

impl Period {
    pub fn new(starts_on: NaiveDate, ends_on: Option<NaiveDate>) -> Result<Period, LinkageError> {
        match ends_on {
            Some(end) if end < starts_on => Err(LinkageError::EndsBeforeStart { starts_on, ends_on: end }),
            _ => Ok(Period { starts_on, ends_on }),
        }
    }

    pub fn starts_on(&self) -> NaiveDate {
        self.starts_on
    }

    pub fn ends_on(&self) -> Option<NaiveDate> {
        self.ends_on
    }

    /// Whether the two periods share at least one day.
    ///
    /// ```
    /// use banna_border::domain::linkage::Period;
    /// use chrono::NaiveDate;
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let open = Period::new(day(2025, 1, 1), None).unwrap();
    /// let before = Period::new(day(2024, 1, 1), Some(day(2024, 12, 31))).unwrap();
    /// let last_day = Period::new(day(2024, 1, 1), Some(day(2025, 1, 1))).unwrap();
    /// assert!(!open.overlaps(&before) && open.overlaps(&last_day));
    /// ```
    pub fn overlaps(&self, other: &Period) -> bool {
        let starts_before_other_ends = other.ends_on.is_none_or(|end| self.starts_on <= end);
        let other_starts_before_end = self.ends_on.is_none_or(|end| other.starts_on <= end);
        starts_before_other_ends && other_starts_before_end
    }

    /// The same period ending on `ends_on` (the end action).
    pub fn ended(&self, ends_on: NaiveDate) -> Result<Period, LinkageError> {
        Period::new(self.starts_on, Some(ends_on))
    }
}

/// Another linkage of the same department, village and post, for the overlap rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SamePair {
    pub linkage_id: i64,
    pub period: Period,
}

/// Refuses `period` when another linkage of the same department, village and post shares a
/// day with it (the first such, by id).
pub fn check_overlap(period: &Period, others: &[SamePair]) -> Result<(), LinkageError> {
    let mut clashing: Vec<&SamePair> = others.iter().filter(|other| other.period.overlaps(period)).collect();
    clashing.sort_by_key(|other| other.linkage_id);
    match clashing.first() {
        Some(other) => Err(LinkageError::Overlap { existing: other.linkage_id, starts_on: other.period.starts_on() }),
        None => Ok(()),
    }
}

/// A linkage as a request states it: its fields read and each checked on its own, the period
/// in order, officer ids without repeats (ascending).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkageInput {
    pub department_id: i64,
    pub village_id: i64,
    pub post_id: i64,
    pub period: Period,
    pub village_visits_per_month: u32,
    pub post_visits_per_month: u32,
    pub officer_ids: Vec<i64>,
}

/// Parses a calendar date `YYYY-MM-DD` of a year in [`YEARS`].
pub fn parse_date(name: &'static str, text: &str) -> Result<NaiveDate, LinkageError> {
    let trimmed = text.trim();
    NaiveDate::parse_from_str(trimmed, "%Y-%m-%d")
        .ok()
        .filter(|day| trimmed.len() == 10 && YEARS.contains(&day.year()))
        .ok_or_else(|| LinkageError::InvalidDate { name, value: text.to_owned() })
}

fn id_of(name: &'static str, value: &Value) -> Result<i64, LinkageError> {
    value.as_i64().filter(|id| *id > 0).ok_or_else(|| LinkageError::InvalidId { name, value: value.to_string() })
}

fn date_of(name: &'static str, value: &Value) -> Result<NaiveDate, LinkageError> {
    match value {
        Value::String(text) => parse_date(name, text),
        other => Err(LinkageError::InvalidDate { name, value: other.to_string() }),
    }
}

fn visits_of(name: &'static str, value: &Value) -> Result<u32, LinkageError> {
    value
        .as_i64()
        .filter(|count| (0..=MAX_VISITS_PER_MONTH).contains(count))
        .and_then(|count| u32::try_from(count).ok())
        .ok_or_else(|| LinkageError::InvalidVisits { name, value: value.to_string(), max: MAX_VISITS_PER_MONTH })
}

impl LinkageInput {
    /// Reads `{department_id, village_id, post_id, starts_on, ends_on?,
    /// village_visits_per_month, post_visits_per_month, officer_ids?}`: ids are positive
    /// integers, dates `YYYY-MM-DD` (`ends_on` absent or `null` while the linkage runs; its
    /// last day otherwise), visit numbers 0–31 a month, `officer_ids` a list of at most 20
    /// user ids (absent: none). Other members are ignored, so a linkage read from the API can
    /// be sent back edited.
    pub fn from_json(body: &Value) -> Result<LinkageInput, DomainError> {
        let body = body.as_object().ok_or(LinkageError::Body)?;
        let field = |name: &'static str| body.get(name).filter(|value| !value.is_null());
        let required = |name: &'static str| field(name).ok_or(DomainError::MissingParameter { name });
        let department_id = id_of("department_id", required("department_id")?)?;
        let village_id = id_of("village_id", required("village_id")?)?;
        let post_id = id_of("post_id", required("post_id")?)?;
        let starts_on = date_of("starts_on", required("starts_on")?)?;
        let ends_on = field("ends_on").map(|value| date_of("ends_on", value)).transpose()?;
        let village_visits_per_month = visits_of("village_visits_per_month", required("village_visits_per_month")?)?;
        let post_visits_per_month = visits_of("post_visits_per_month", required("post_visits_per_month")?)?;
        let officer_ids = match field("officer_ids") {
            None => Vec::new(),
            Some(Value::Array(items)) if items.len() <= MAX_OFFICERS => {
                let mut ids = items.iter().map(|item| id_of("officer_ids", item)).collect::<Result<Vec<_>, _>>()?;
                ids.sort_unstable();
                ids.dedup();
                ids
            }
            Some(_) => return Err(LinkageError::Officers { max: MAX_OFFICERS }.into()),
        };
        Ok(LinkageInput {
            department_id,
            village_id,
            post_id,
            period: Period::new(starts_on, ends_on)?,
            village_visits_per_month,
            post_visits_per_month,
            officer_ids,
        })
    }
}

/// Reads the end action's body `{"ends_on": "YYYY-MM-DD"}`.
pub fn ends_on_from_json(body: &Value) -> Result<NaiveDate, DomainError> {
    let body = body.as_object().ok_or(DomainError::MissingParameter { name: "ends_on" })?;
    let value = body.get("ends_on").filter(|value| !value.is_null());
    Ok(date_of("ends_on", value.ok_or(DomainError::MissingParameter { name: "ends_on" })?)?)
}

/// A user named as an officer, as the database has them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficerFacts {
    pub id: i64,
    pub department_id: Option<i64>,
    /// Their role is `liaison_officer`.
    pub is_liaison_officer: bool,
    pub is_active: bool,
}

/// What the database says about the records a linkage names, as the caller may see them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// The village exists in the caller's jurisdiction.
    pub village_known: bool,
    /// The post exists in the caller's jurisdiction.
    pub post_known: bool,
    /// `None` when the department is unknown to the caller; otherwise whether its own admin
    /// unit (prefecture, county or township) contains the village.
    pub department_serves_village: Option<bool>,
    /// The named officers the caller may see (in the jurisdiction, or of the department).
    pub officers: Vec<OfficerFacts>,
    /// The other linkages of the same department, village and post.
    pub same_pair: Vec<SamePair>,
    /// For an edit of a linkage with logged visits: how many, and the department, village and
    /// post it must keep (its visits were made to them).
    pub fixed_pair: Option<(u64, [i64; 3])>,
}

/// A linkage that passed every rule: what the services write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewLinkage(LinkageInput);

impl NewLinkage {
    /// Checks `input` against `facts`, reporting the first problem in this order: a changed
    /// pair of a linkage with visits, village, post, department, the department's area, each
    /// officer (by id: unknown, of another department, not a liaison officer, deactivated),
    /// then an overlapping linkage of the same department, village and post.
    pub fn check(input: LinkageInput, facts: &Facts) -> Result<NewLinkage, DomainError> {
        if let Some((visits, pair)) = facts.fixed_pair
            && pair != [input.department_id, input.village_id, input.post_id]
        {
            return Err(LinkageError::PairFixed { visits }.into());
        }
        if !facts.village_known {
            return Err(LinkageError::UnknownVillage { id: input.village_id }.into());
        }
        if !facts.post_known {
            return Err(LinkageError::UnknownPost { id: input.post_id }.into());
        }
        match facts.department_serves_village {
            None => return Err(LinkageError::UnknownDepartment { id: input.department_id }.into()),
            Some(false) => {
                return Err(LinkageError::DepartmentOutsideArea {
                    department: input.department_id,
                    village: input.village_id,
                }
                .into());
            }
            Some(true) => {}
        }
        for id in &input.officer_ids {
            let officer = facts
                .officers
                .iter()
                .find(|officer| officer.id == *id)
                .ok_or(LinkageError::UnknownOfficer { id: *id })?;
            if officer.department_id != Some(input.department_id) {
                return Err(
                    LinkageError::OfficerOfAnotherDepartment { officer: *id, department: input.department_id }.into()
                );
            }
            if !officer.is_liaison_officer {
                return Err(LinkageError::NotLiaisonOfficer { officer: *id }.into());
            }
            if !officer.is_active {
                return Err(LinkageError::InactiveOfficer { officer: *id }.into());
            }
        }
        check_overlap(&input.period, &facts.same_pair)?;
        Ok(NewLinkage(input))
    }

    pub fn input(&self) -> &LinkageInput {
        &self.0
    }
}

/// The months a compliance report covers: `from` and `to` as `YYYY-MM`, both included; by
/// default from January of `today`'s year to `today`'s month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthSpan {
    pub from: (i32, u32),
    pub to: (i32, u32),
}

fn parse_month(name: &'static str, text: &str) -> Result<(i32, u32), LinkageError> {
    let trimmed = text.trim();
    NaiveDate::parse_from_str(&format!("{trimmed}-01"), "%Y-%m-%d")
        .ok()
        .filter(|day| trimmed.len() == 7 && YEARS.contains(&day.year()))
        .map(|day| (day.year(), day.month()))
        .ok_or_else(|| LinkageError::InvalidMonth { name, value: text.to_owned() })
}

impl MonthSpan {
    /// ```
    /// use banna_border::domain::linkage::MonthSpan;
    /// use chrono::NaiveDate;
    /// let today = NaiveDate::from_ymd_opt(2025, 6, 15).unwrap();
    /// assert_eq!(MonthSpan::parse(None, None, today).unwrap(), MonthSpan { from: (2025, 1), to: (2025, 6) });
    /// assert_eq!(MonthSpan::parse(Some("2024-11"), None, today).unwrap().from, (2024, 11));
    /// assert!(MonthSpan::parse(Some("2025-07"), Some("2025-03"), today).is_err());
    /// ```
    pub fn parse(from: Option<&str>, to: Option<&str>, today: NaiveDate) -> Result<MonthSpan, DomainError> {
        fn given(value: Option<&str>) -> Option<&str> {
            value.filter(|text| !text.trim().is_empty())
        }
        let from_month = given(from).map(|text| parse_month("from", text)).transpose()?;
        let to_month = given(to).map(|text| parse_month("to", text)).transpose()?;
        let to = to_month.unwrap_or((today.year(), today.month()));
        let from = from_month.unwrap_or((to.0, 1));
        if from > to {
            let written = |(year, month): (i32, u32)| format!("{year:04}-{month:02}");
            return Err(LinkageError::ReversedMonths { from: written(from), to: written(to) }.into());
        }
        Ok(MonthSpan { from, to })
    }

    /// The first day of the first month.
    pub fn first_day(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.from.0, self.from.1, 1)
    }

    /// The last day of the last month.
    pub fn last_day(&self) -> Option<NaiveDate> {
        let (year, month) = if self.to.1 == 12 { (self.to.0 + 1, 1) } else { (self.to.0, self.to.1 + 1) };
        NaiveDate::from_ymd_opt(year, month, 1)?.pred_opt()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn day(year: i32, month: u32, date: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, date).expect("a date")
    }

    fn body() -> Value {
        json!({
            "department_id": 3,
            "village_id": 7,
            "post_id": 2,
            "starts_on": "2025-01-01",
            "village_visits_per_month": 1,
            "post_visits_per_month": 2,
            "officer_ids": [9, 4, 9],
        })
    }

    fn linkage_error(result: Result<impl std::fmt::Debug, DomainError>) -> LinkageError {
        match result {
            Err(DomainError::Linkage(error)) => error,
            other => panic!("expected a linkage error, got {other:?}"),
        }
    }

    fn facts() -> Facts {
        let officer = |id| OfficerFacts { id, department_id: Some(3), is_liaison_officer: true, is_active: true };
        Facts {
            village_known: true,
            post_known: true,
            department_serves_village: Some(true),
            officers: vec![officer(4), officer(9)],
            same_pair: Vec::new(),
            fixed_pair: None,
        }
    }

    #[test]
    fn a_body_is_read_with_its_officers_sorted_and_unique() {
        let input = LinkageInput::from_json(&body()).expect("valid");
        assert_eq!(input.officer_ids, vec![4, 9]);
        assert_eq!(input.period, Period::new(day(2025, 1, 1), None).expect("period"));
        assert_eq!((input.village_visits_per_month, input.post_visits_per_month), (1, 2));
        assert!(NewLinkage::check(input, &facts()).is_ok());
    }

    #[test]
    fn each_field_is_checked_by_name() {
        let with = |name: &str, value: Value| {
            let mut body = body();
            body[name] = value;
            LinkageInput::from_json(&body)
        };
        assert_eq!(
            LinkageInput::from_json(&json!({ "village_id": 1 })),
            Err(DomainError::MissingParameter { name: "department_id" })
        );
        assert_eq!(linkage_error(LinkageInput::from_json(&json!([1]))), LinkageError::Body);
        assert!(matches!(linkage_error(with("post_id", json!(0))), LinkageError::InvalidId { name: "post_id", .. }));
        assert!(matches!(
            linkage_error(with("starts_on", json!("2025-13-01"))),
            LinkageError::InvalidDate { name: "starts_on", .. }
        ));
        assert!(matches!(
            linkage_error(with("starts_on", json!("1999-12-31"))),
            LinkageError::InvalidDate { name: "starts_on", .. }
        ));
        assert!(matches!(
            linkage_error(with("village_visits_per_month", json!(-1))),
            LinkageError::InvalidVisits { name: "village_visits_per_month", max: 31, .. }
        ));
        assert!(with("post_visits_per_month", json!(31)).is_ok());
        assert!(matches!(linkage_error(with("post_visits_per_month", json!(32))), LinkageError::InvalidVisits { .. }));
        assert!(matches!(
            linkage_error(with("officer_ids", json!((1..=21).collect::<Vec<i64>>()))),
            LinkageError::Officers { max: 20 }
        ));
        assert_eq!(
            linkage_error(with("ends_on", json!("2024-12-31"))),
            LinkageError::EndsBeforeStart { starts_on: day(2025, 1, 1), ends_on: day(2024, 12, 31) }
        );
        assert!(with("ends_on", json!("2025-01-01")).is_ok(), "a one-day linkage");
        assert!(with("ends_on", Value::Null).is_ok());
    }

    #[test]
    fn records_the_caller_cannot_see_are_unknown_and_checked_in_order() {
        let input = LinkageInput::from_json(&body()).expect("valid");
        let check = |facts: Facts| linkage_error(NewLinkage::check(input.clone(), &facts));
        assert_eq!(
            check(Facts { village_known: false, post_known: false, ..facts() }),
            LinkageError::UnknownVillage { id: 7 }
        );
        assert_eq!(check(Facts { post_known: false, ..facts() }), LinkageError::UnknownPost { id: 2 });
        assert_eq!(
            check(Facts { department_serves_village: None, ..facts() }),
            LinkageError::UnknownDepartment { id: 3 }
        );
        assert_eq!(
            check(Facts { department_serves_village: Some(false), ..facts() }),
            LinkageError::DepartmentOutsideArea { department: 3, village: 7 }
        );
        assert!(NewLinkage::check(input.clone(), &Facts { fixed_pair: Some((5, [3, 7, 2])), ..facts() }).is_ok());
        assert_eq!(check(Facts { fixed_pair: Some((5, [3, 8, 2])), ..facts() }), LinkageError::PairFixed { visits: 5 });
    }

    #[test]
    fn officers_must_be_active_liaison_officers_of_the_department() {
        let input = LinkageInput::from_json(&body()).expect("valid");
        let with_officer = |officer: OfficerFacts| {
            let mut facts = facts();
            facts.officers.retain(|known| known.id != officer.id);
            facts.officers.push(officer);
            linkage_error(NewLinkage::check(input.clone(), &facts))
        };
        let base = OfficerFacts { id: 9, department_id: Some(3), is_liaison_officer: true, is_active: true };
        assert_eq!(
            with_officer(OfficerFacts { department_id: Some(5), ..base.clone() }),
            LinkageError::OfficerOfAnotherDepartment { officer: 9, department: 3 }
        );
        assert_eq!(
            with_officer(OfficerFacts { department_id: None, ..base.clone() }),
            LinkageError::OfficerOfAnotherDepartment { officer: 9, department: 3 }
        );
        assert_eq!(
            with_officer(OfficerFacts { is_liaison_officer: false, ..base.clone() }),
            LinkageError::NotLiaisonOfficer { officer: 9 }
        );
        assert_eq!(
            with_officer(OfficerFacts { is_active: false, ..base.clone() }),
            LinkageError::InactiveOfficer { officer: 9 }
        );
        let mut unknown = facts();
        unknown.officers.retain(|officer| officer.id != 4);
        assert_eq!(linkage_error(NewLinkage::check(input, &unknown)), LinkageError::UnknownOfficer { id: 4 });
    }

    #[test]
    fn a_linkage_may_not_overlap_another_of_the_same_pair() {
        let input = LinkageInput::from_json(&body()).expect("valid");
        let pair = |linkage_id, starts_on, ends_on| SamePair {
            linkage_id,
            period: Period::new(starts_on, ends_on).expect("period"),
        };
        let mut facts = facts();
        facts.same_pair = vec![pair(8, day(2020, 1, 1), Some(day(2024, 12, 31)))];
        assert!(NewLinkage::check(input.clone(), &facts).is_ok(), "ended the day before");
        facts.same_pair.push(pair(12, day(2030, 1, 1), None));
        facts.same_pair.push(pair(11, day(2020, 1, 1), Some(day(2025, 1, 1))));
        assert_eq!(
            linkage_error(NewLinkage::check(input, &facts)),
            LinkageError::Overlap { existing: 11, starts_on: day(2020, 1, 1) }
        );
        let ended = Period::new(day(2025, 1, 1), None).and_then(|period| period.ended(day(2029, 12, 31)));
        assert!(check_overlap(&ended.expect("ends after it starts"), &facts.same_pair[..2]).is_ok());
        assert!(Period::new(day(2025, 1, 1), None).expect("period").ended(day(2024, 1, 1)).is_err());
    }

    #[test]
    fn months_default_to_the_year_so_far_and_must_not_run_backwards() {
        let today = day(2025, 1, 10);
        assert_eq!(
            MonthSpan::parse(Some(""), None, today).expect("valid"),
            MonthSpan { from: (2025, 1), to: (2025, 1) }
        );
        assert_eq!(
            MonthSpan::parse(None, Some("2023-05"), today).expect("valid"),
            MonthSpan { from: (2023, 1), to: (2023, 5) }
        );
        assert!(matches!(
            linkage_error(MonthSpan::parse(Some("2025-1"), None, today)),
            LinkageError::InvalidMonth { name: "from", .. }
        ));
        assert!(matches!(
            linkage_error(MonthSpan::parse(Some("2025-02"), Some("2025-01"), today)),
            LinkageError::ReversedMonths { .. }
        ));
        let span = MonthSpan::parse(Some("2023-12"), Some("2024-02"), today).expect("valid");
        assert_eq!((span.first_day(), span.last_day()), (Some(day(2023, 12, 1)), Some(day(2024, 2, 29))));
        assert_eq!(ends_on_from_json(&json!({ "ends_on": "2025-03-31" })), Ok(day(2025, 3, 31)));
        assert_eq!(ends_on_from_json(&json!({})), Err(DomainError::MissingParameter { name: "ends_on" }));
    }
}
