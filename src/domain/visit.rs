//! Liaison visits as officers log them in the field, often offline and synced later: the
//! shape a phone sends ([`VisitInput::from_json`]), the rules of each field
//! ([`VisitContent::parse`]), the rules against the visited linkage and the flags supervisors
//! see ([`NewVisit::parse`]), and what "the same visit" means when a phone sends it again
//! ([`ContentKey`]).
//!
//! Findings are kept in the order sent and never edited afterwards, so "finding `k` of visit
//! `X`" (its `index`, counting from 0) names one finding for good: a case opened from a
//! finding refers to it by the visit's id (`cases.visit_id`) and that index.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use geo::{Distance, Geodesic, Point};
use serde_json::Value;
use uuid::Uuid;

use super::DomainError;
use super::figures::VisitTarget;
use super::filter::DateSpan;
use super::geo::{BorderFields, LonLat};
use super::paging::parse_id;
use super::period::YEARS;

/// How far ahead of the server's clock a visit's time may be (a phone's clock running a
/// little fast is not an error): five minutes.
pub const CLOCK_SKEW_MINUTES: i64 = 5;
/// Most findings one visit may carry.
pub const MAX_FINDINGS: usize = 20;
/// Longest finding text and longest follow-up text (characters).
pub const MAX_TEXT_CHARS: usize = 2_000;
/// Most visits one sync request may carry.
pub const MAX_SYNC_VISITS: usize = 500;
/// Flag of a visit logged farther from its target than the configured distance.
pub const FLAG_FAR_FROM_TARGET: &str = "far_from_target";
/// Flag of a visit whose position is less precise than the configured accuracy.
pub const FLAG_LOW_ACCURACY: &str = "low_accuracy";

/// Positions are kept, and compared, to 1e-7 degree (about 1 cm).
const DEGREE_UNITS: f64 = 1e7;
/// Accuracies are kept, and compared, to the centimetre.
const ACCURACY_UNITS: f64 = 100.0;

/// What an officer found on a visit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FindingKind {
    Dispute,
    SecurityRisk,
    LivelihoodNeed,
    Other,
}

impl FindingKind {
    pub const ALL: [FindingKind; 4] =
        [FindingKind::Dispute, FindingKind::SecurityRisk, FindingKind::LivelihoodNeed, FindingKind::Other];

    /// The stable code stored in the database and used in the API.
    pub fn code(self) -> &'static str {
        match self {
            FindingKind::Dispute => "dispute",
            FindingKind::SecurityRisk => "security_risk",
            FindingKind::LivelihoodNeed => "livelihood_need",
            FindingKind::Other => "other",
        }
    }

    pub fn parse(code: &str) -> Option<FindingKind> {
        FindingKind::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

/// The stored code of a visit target (`village` or `post`).
pub fn target_code(target: VisitTarget) -> &'static str {
    match target {
        VisitTarget::Village => "village",
        VisitTarget::Post => "post",
    }
}

/// What is wrong with a visit; each variant names its Fluent message.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum VisitError {
    #[error("a visit must be a JSON object")]
    NotObject,
    #[error("invalid visit id {value:?}")]
    Id { value: String },
    #[error("invalid target {value}")]
    Target { value: String },
    #[error("{kind} {id} is not the village or post of linkage {linkage}")]
    WrongTarget { kind: &'static str, id: i32, linkage: i32 },
    #[error("invalid visit time {value:?}")]
    Time { value: String, min_year: i32 },
    #[error("visit time {value:?} is in the future")]
    InFuture { value: String, skew_minutes: i64 },
    #[error("visit on {day} before linkage {linkage} started on {starts_on}")]
    BeforeLinkage { day: NaiveDate, linkage: i32, starts_on: NaiveDate },
    #[error("visit on {day} after linkage {linkage} ended on {ends_on}")]
    AfterLinkage { day: NaiveDate, linkage: i32, ends_on: NaiveDate },
    #[error("invalid accuracy {value:?}")]
    Accuracy { value: String },
    #[error("findings must be a list of at most {max} objects")]
    Findings { max: usize },
    #[error("finding {index} has the unknown kind {value:?}")]
    FindingKind { index: usize, value: String },
    #[error("{name} must be text of at most {max} characters")]
    Text { name: String, max: usize },
    #[error("{count} visits where at most {max} are allowed")]
    TooMany { count: usize, max: usize },
}

impl VisitError {
    /// The Fluent message id of the detail text.
    pub fn message_id(&self) -> &'static str {
        match self {
            VisitError::NotObject => "problem-visit-object-detail",
            VisitError::Id { .. } => "problem-visit-id-detail",
            VisitError::Target { .. } => "problem-visit-target-detail",
            VisitError::WrongTarget { .. } => "problem-visit-wrong-target-detail",
            VisitError::Time { .. } => "problem-visit-time-detail",
            VisitError::InFuture { .. } => "problem-visit-future-detail",
            VisitError::BeforeLinkage { .. } => "problem-visit-before-linkage-detail",
            VisitError::AfterLinkage { .. } => "problem-visit-after-linkage-detail",
            VisitError::Accuracy { .. } => "problem-visit-accuracy-detail",
            VisitError::Findings { .. } => "problem-visit-findings-detail",
            VisitError::FindingKind { .. } => "problem-visit-finding-kind-detail",
            // The incidents' message is worded for any text field.
            VisitError::Text { .. } => "problem-incident-text-detail",
            VisitError::TooMany { .. } => "problem-too-many-visits-detail",
        }
    }

    /// The message's arguments, as text.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            VisitError::NotObject => Vec::new(),
            VisitError::Id { value } | VisitError::Target { value } | VisitError::Accuracy { value } => {
                vec![("value", value.clone())]
            }
            VisitError::WrongTarget { kind, id, linkage } => {
                vec![("kind", (*kind).to_owned()), ("id", id.to_string()), ("linkage", linkage.to_string())]
            }
            VisitError::Time { value, min_year } => vec![("value", value.clone()), ("min_year", min_year.to_string())],
            VisitError::InFuture { value, skew_minutes } => {
                vec![("value", value.clone()), ("minutes", skew_minutes.to_string())]
            }
            VisitError::BeforeLinkage { day, linkage, starts_on } => {
                vec![("day", day.to_string()), ("linkage", linkage.to_string()), ("starts_on", starts_on.to_string())]
            }
            VisitError::AfterLinkage { day, linkage, ends_on } => {
                vec![("day", day.to_string()), ("linkage", linkage.to_string()), ("ends_on", ends_on.to_string())]
            }
            VisitError::Findings { max } => vec![("max", max.to_string())],
            VisitError::FindingKind { index, value } => vec![("index", index.to_string()), ("value", value.clone())],
            VisitError::Text { name, max } => vec![("name", name.clone()), ("max", max.to_string())],
            VisitError::TooMany { count, max } => vec![("count", count.to_string()), ("max", max.to_string())],
        }
    }
}

/// A finding as sent.
#[derive(Clone, Debug, PartialEq)]
pub struct FindingInput {
    pub kind: String,
    pub text: String,
}

/// A visit as a phone sends it (see the sync contract), its members typed but not yet checked.
#[derive(Clone, Debug, PartialEq)]
pub struct VisitInput {
    /// The client-generated id.
    pub uuid: Uuid,
    pub linkage_id: i64,
    pub target_kind: String,
    pub target_id: i64,
    pub visited_at: String,
    pub lon: f64,
    pub lat: f64,
    pub accuracy_m: f64,
    pub findings: Vec<FindingInput>,
    pub follow_ups: Option<String>,
}

/// The `id` member of a visit as sent, when it is a string (to label a per-item result even
/// when the rest of the visit cannot be read).
pub fn sent_id(visit: &Value) -> Option<&str> {
    visit.get("id").and_then(Value::as_str)
}

impl VisitInput {
    /// Reads a visit object: `id` (a UUID string), `linkage_id`, `target`
    /// (`{"kind": "village" | "post", "id": …}`), `visited_at` (text), `lon`, `lat`,
    /// `accuracy_m` (numbers), `findings` (a list of `{"kind", "text"}`; absent or null: none)
    /// and `follow_ups` (text or null). Other members are ignored.
    pub fn from_json(visit: &Value) -> Result<VisitInput, DomainError> {
        let visit = visit.as_object().ok_or(VisitError::NotObject)?;
        let field = |name: &'static str| visit.get(name).filter(|value| !value.is_null());
        let required = |name: &'static str| field(name).ok_or(DomainError::MissingParameter { name });
        let uuid = match required("id")? {
            Value::String(text) => Uuid::parse_str(text.trim())
                .ok()
                .filter(|uuid| !uuid.is_nil())
                .ok_or_else(|| VisitError::Id { value: text.clone() })?,
            other => return Err(VisitError::Id { value: other.to_string() }.into()),
        };
        let linkage_id = match required("linkage_id")? {
            Value::Number(number) => {
                number.as_i64().ok_or_else(|| DomainError::InvalidId { value: number.to_string() })?
            }
            Value::String(text) => parse_id(text.trim())?,
            other => return Err(DomainError::InvalidId { value: other.to_string() }),
        };
        let target = required("target")?;
        let bad_target = || VisitError::Target { value: target.to_string() };
        let target_kind = target.get("kind").and_then(Value::as_str).ok_or_else(bad_target)?.to_owned();
        let target_id = target.get("id").and_then(Value::as_i64).ok_or_else(bad_target)?;
        let visited_at = match required("visited_at")? {
            Value::String(text) => text.clone(),
            other => return Err(VisitError::Time { value: other.to_string(), min_year: *YEARS.start() }.into()),
        };
        let (lon, lat) = (required("lon")?, required("lat")?);
        let (Some(lon), Some(lat)) = (lon.as_f64(), lat.as_f64()) else {
            return Err(DomainError::InvalidPosition { lon: lon.to_string(), lat: lat.to_string() });
        };
        let accuracy = required("accuracy_m")?;
        let accuracy_m = accuracy.as_f64().ok_or_else(|| VisitError::Accuracy { value: accuracy.to_string() })?;
        let findings = match field("findings") {
            None => Vec::new(),
            Some(Value::Array(items)) if items.len() <= MAX_FINDINGS => {
                items.iter().enumerate().map(|(index, item)| finding_input(index, item)).collect::<Result<_, _>>()?
            }
            Some(_) => return Err(VisitError::Findings { max: MAX_FINDINGS }.into()),
        };
        let follow_ups = match field("follow_ups") {
            None => None,
            Some(Value::String(text)) => Some(text.clone()),
            Some(_) => return Err(VisitError::Text { name: "follow_ups".into(), max: MAX_TEXT_CHARS }.into()),
        };
        Ok(VisitInput {
            uuid,
            linkage_id,
            target_kind,
            target_id,
            visited_at,
            lon,
            lat,
            accuracy_m,
            findings,
            follow_ups,
        })
    }
}

fn finding_input(index: usize, item: &Value) -> Result<FindingInput, DomainError> {
    let item = item.as_object().ok_or(VisitError::Findings { max: MAX_FINDINGS })?;
    let kind = match item.get("kind") {
        Some(Value::String(kind)) => kind.clone(),
        other => {
            let value = other.map(Value::to_string).unwrap_or_default();
            return Err(VisitError::FindingKind { index, value }.into());
        }
    };
    let text = match item.get("text") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(_) => return Err(VisitError::Text { name: format!("findings[{index}].text"), max: MAX_TEXT_CHARS }.into()),
    };
    Ok(FindingInput { kind, text })
}

/// One finding of a checked visit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub kind: FindingKind,
    /// Trimmed; may be empty (the kind alone says something).
    pub text: String,
}

/// A visit whose every field satisfies its own rule, normalized as it is stored: the time to
/// the second, the position to 1e-7 degree, the accuracy to the centimetre, texts trimmed.
#[derive(Clone, Debug, PartialEq)]
pub struct VisitContent {
    uuid: Uuid,
    linkage_id: i32,
    target: VisitTarget,
    target_id: i32,
    visited_at: DateTime<Utc>,
    position: LonLat,
    accuracy_m: f64,
    findings: Vec<Finding>,
    follow_ups: Option<String>,
}

/// A text within the limit (characters) and without NUL (PostgreSQL text cannot hold it).
fn checked_text(name: impl Fn() -> String, text: &str) -> Result<String, DomainError> {
    let text = text.trim();
    if text.chars().count() > MAX_TEXT_CHARS || text.contains('\0') {
        return Err(VisitError::Text { name: name(), max: MAX_TEXT_CHARS }.into());
    }
    Ok(text.to_owned())
}

fn round_to(value: f64, units: f64) -> f64 {
    (value * units).round() / units
}

impl VisitContent {
    /// Checks each field, in this order, returning the first rule broken:
    ///
    /// - `linkage_id` and the target's `id`: positive ids; the target's `kind`: `village` or
    ///   `post` (whether they belong together is for [`NewVisit::parse`]);
    /// - `visited_at`: RFC 3339 with an offset, from 2000 on, not later than `now` plus
    ///   [`CLOCK_SKEW_MINUTES`];
    /// - the position: WGS84 degrees, finite, lon within −180…180 and lat within −90…90;
    /// - `accuracy_m`: a finite number of metres, 0 or more;
    /// - at most [`MAX_FINDINGS`] findings, each of a known [`FindingKind`], texts (findings'
    ///   and `follow_ups`) at most [`MAX_TEXT_CHARS`] characters without NUL; a blank
    ///   `follow_ups` counts as none.
    pub fn parse(input: VisitInput, now: DateTime<Utc>) -> Result<VisitContent, DomainError> {
        let linkage_id = i32::try_from(input.linkage_id)
            .ok()
            .filter(|id| *id > 0)
            .ok_or_else(|| DomainError::InvalidId { value: input.linkage_id.to_string() })?;
        let bad_target = || VisitError::Target {
            value: serde_json::json!({ "kind": input.target_kind, "id": input.target_id }).to_string(),
        };
        let target = VisitTarget::parse(input.target_kind.trim()).ok_or_else(bad_target)?;
        let target_id = i32::try_from(input.target_id).ok().filter(|id| *id > 0).ok_or_else(bad_target)?;
        let min_year = *YEARS.start();
        let visited_at = DateTime::parse_from_rfc3339(input.visited_at.trim())
            .ok()
            .map(|time| time.with_timezone(&Utc))
            .filter(|time| time.year() >= min_year)
            .and_then(|time| DateTime::from_timestamp(time.timestamp(), 0))
            .ok_or_else(|| VisitError::Time { value: input.visited_at.clone(), min_year })?;
        if visited_at > now + Duration::minutes(CLOCK_SKEW_MINUTES) {
            return Err(VisitError::InFuture { value: input.visited_at, skew_minutes: CLOCK_SKEW_MINUTES }.into());
        }
        let invalid_position =
            || DomainError::InvalidPosition { lon: input.lon.to_string(), lat: input.lat.to_string() };
        LonLat::new(input.lon, input.lat).ok_or_else(invalid_position)?;
        let position = LonLat::new(round_to(input.lon, DEGREE_UNITS), round_to(input.lat, DEGREE_UNITS))
            .ok_or_else(invalid_position)?;
        if !input.accuracy_m.is_finite() || input.accuracy_m < 0.0 {
            return Err(VisitError::Accuracy { value: input.accuracy_m.to_string() }.into());
        }
        let accuracy_m = round_to(input.accuracy_m, ACCURACY_UNITS);
        if input.findings.len() > MAX_FINDINGS {
            return Err(VisitError::Findings { max: MAX_FINDINGS }.into());
        }
        let findings = input
            .findings
            .iter()
            .enumerate()
            .map(|(index, finding)| {
                let kind = FindingKind::parse(finding.kind.trim())
                    .ok_or_else(|| VisitError::FindingKind { index, value: finding.kind.clone() })?;
                let text = checked_text(|| format!("findings[{index}].text"), &finding.text)?;
                Ok(Finding { kind, text })
            })
            .collect::<Result<Vec<_>, DomainError>>()?;
        let follow_ups = match input.follow_ups.as_deref() {
            None => None,
            Some(text) => Some(checked_text(|| "follow_ups".to_owned(), text)?).filter(|text| !text.is_empty()),
        };
        Ok(VisitContent {
            uuid: input.uuid,
            linkage_id,
            target,
            target_id,
            visited_at,
            position,
            accuracy_m,
            findings,
            follow_ups,
        })
    }

    pub fn uuid(&self) -> Uuid {
        self.uuid
    }
    pub fn linkage_id(&self) -> i32 {
        self.linkage_id
    }
    pub fn target(&self) -> VisitTarget {
        self.target
    }
    pub fn target_id(&self) -> i32 {
        self.target_id
    }
    /// UTC, whole seconds.
    pub fn visited_at(&self) -> DateTime<Utc> {
        self.visited_at
    }
    /// Rounded to 1e-7 degree.
    pub fn position(&self) -> LonLat {
        self.position
    }
    /// Rounded to the centimetre.
    pub fn accuracy_m(&self) -> f64 {
        self.accuracy_m
    }
    /// In the order sent: finding `k` is `findings()[k]`.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }
    pub fn follow_ups(&self) -> Option<&str> {
        self.follow_ups.as_deref()
    }

    /// What this visit is compared by when its id was seen before.
    pub fn key(&self) -> ContentKey {
        ContentKey::new(StoredContent {
            linkage_id: self.linkage_id,
            target: target_code(self.target),
            target_id: self.target_id,
            visited_at: self.visited_at,
            lon: self.position.lon(),
            lat: self.position.lat(),
            accuracy_m: self.accuracy_m,
            findings: self.findings.iter().map(|finding| (finding.kind.code(), finding.text.as_str())).collect(),
            follow_ups: self.follow_ups.as_deref(),
        })
    }
}

/// The content of a stored visit, as read back from the database.
#[derive(Clone, Debug)]
pub struct StoredContent<'a> {
    pub linkage_id: i32,
    /// `village` or `post`.
    pub target: &'a str,
    /// The linkage's village or post, whichever `target` names.
    pub target_id: i32,
    pub visited_at: DateTime<Utc>,
    pub lon: f64,
    pub lat: f64,
    pub accuracy_m: f64,
    /// (kind code, text) in order.
    pub findings: Vec<(&'a str, &'a str)>,
    pub follow_ups: Option<&'a str>,
}

/// "The same content" of the sync contract: same linkage and target, the time to the second,
/// the position to 1e-7 degree, the accuracy to the centimetre (the precision a visit is
/// stored with, so a value read back from either database compares equal to the one sent),
/// the same findings in the same order and the same follow-ups.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentKey {
    linkage_id: i32,
    target: String,
    target_id: i32,
    visited_at_s: i64,
    lon_e7: i64,
    lat_e7: i64,
    accuracy_cm: i64,
    findings: Vec<(String, String)>,
    follow_ups: Option<String>,
}

impl ContentKey {
    pub fn new(content: StoredContent<'_>) -> ContentKey {
        let text = |text: &str| text.trim().to_owned();
        ContentKey {
            linkage_id: content.linkage_id,
            target: content.target.to_owned(),
            target_id: content.target_id,
            visited_at_s: content.visited_at.timestamp(),
            lon_e7: (content.lon * DEGREE_UNITS).round() as i64,
            lat_e7: (content.lat * DEGREE_UNITS).round() as i64,
            accuracy_cm: (content.accuracy_m * ACCURACY_UNITS).round() as i64,
            findings: content.findings.iter().map(|(kind, body)| ((*kind).to_owned(), text(body))).collect(),
            follow_ups: content.follow_ups.map(text).filter(|text| !text.is_empty()),
        }
    }
}

/// What a visit is checked against: the linkage named, as the caller may log visits on it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinkageFacts {
    pub id: i32,
    pub village_id: i32,
    pub village: LonLat,
    pub post_id: i32,
    pub post: LonLat,
    pub starts_on: NaiveDate,
    /// The last day; `None` while it runs.
    pub ends_on: Option<NaiveDate>,
}

/// When a visit is flagged for supervisors (settings `visits.max_distance_m`,
/// `visits.max_accuracy_m`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VisitLimits {
    pub max_distance_m: f64,
    pub max_accuracy_m: f64,
}

/// A visit that satisfies every rule, with its distance to its target, its flags and the
/// border fields of its point.
#[derive(Clone, Debug, PartialEq)]
pub struct NewVisit {
    content: VisitContent,
    distance_to_target_m: f64,
    flags: Vec<&'static str>,
    border: BorderFields,
}

impl NewVisit {
    /// Checks a visit against its linkage: the target must be the linkage's village or post,
    /// and the visit's local calendar day (in `tz`) must lie within the linkage's period
    /// (not before `starts_on`, not after `ends_on`). Then measures the geodesic distance
    /// (WGS84 ellipsoid, Karney's method, metres) from the visit's point to its target and
    /// flags [`FLAG_FAR_FROM_TARGET`] when it exceeds `limits.max_distance_m` and
    /// [`FLAG_LOW_ACCURACY`] when the accuracy exceeds `limits.max_accuracy_m`; flagged
    /// visits are valid. `locate` gives the point's border fields against the line in force.
    ///
    /// ```
    /// use banna_border::domain::geo::{BorderFields, LonLat};
    /// use banna_border::domain::visit::*;
    /// let input = VisitInput::from_json(&serde_json::json!({
    ///     "id": "6f1c1b5e-8a9e-4f49-9a57-3a8f3c2b8d11", "linkage_id": 3,
    ///     "target": { "kind": "village", "id": 7 }, "visited_at": "2024-05-02T10:00:00+08:00",
    ///     "lon": 100.5, "lat": 21.9, "accuracy_m": 150.0,
    ///     "findings": [{ "kind": "dispute", "text": "茶地边界纠纷" }], "follow_ups": null
    /// })).unwrap();
    /// let content = VisitContent::parse(input, chrono::Utc::now()).unwrap();
    /// let linkage = LinkageFacts {
    ///     id: 3, village_id: 7, village: LonLat::new(100.5, 21.9).unwrap(),
    ///     post_id: 9, post: LonLat::new(100.6, 21.8).unwrap(),
    ///     starts_on: chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(), ends_on: None,
    /// };
    /// let limits = VisitLimits { max_distance_m: 2000.0, max_accuracy_m: 100.0 };
    /// let visit = NewVisit::parse(content, &linkage, chrono_tz::Asia::Shanghai, limits, |_| BorderFields::default()).unwrap();
    /// assert_eq!(visit.flags(), ["low_accuracy"]);
    /// assert_eq!(visit.distance_to_target_m(), 0.0);
    /// ```
    pub fn parse(
        content: VisitContent,
        linkage: &LinkageFacts,
        tz: chrono_tz::Tz,
        limits: VisitLimits,
        locate: impl FnOnce(LonLat) -> BorderFields,
    ) -> Result<NewVisit, DomainError> {
        let (expected_id, target_at) = match content.target {
            VisitTarget::Village => (linkage.village_id, linkage.village),
            VisitTarget::Post => (linkage.post_id, linkage.post),
        };
        if content.linkage_id != linkage.id || content.target_id != expected_id {
            return Err(VisitError::WrongTarget {
                kind: target_code(content.target),
                id: content.target_id,
                linkage: linkage.id,
            }
            .into());
        }
        let day = content.visited_at.with_timezone(&tz).date_naive();
        if day < linkage.starts_on {
            return Err(VisitError::BeforeLinkage { day, linkage: linkage.id, starts_on: linkage.starts_on }.into());
        }
        if let Some(ends_on) = linkage.ends_on
            && day > ends_on
        {
            return Err(VisitError::AfterLinkage { day, linkage: linkage.id, ends_on }.into());
        }
        let at = content.position;
        let distance_to_target_m =
            Geodesic.distance(Point::new(at.lon(), at.lat()), Point::new(target_at.lon(), target_at.lat()));
        let mut flags = Vec::new();
        if distance_to_target_m > limits.max_distance_m {
            flags.push(FLAG_FAR_FROM_TARGET);
        }
        if content.accuracy_m > limits.max_accuracy_m {
            flags.push(FLAG_LOW_ACCURACY);
        }
        let border = locate(at);
        Ok(NewVisit { content, distance_to_target_m, flags, border })
    }

    pub fn content(&self) -> &VisitContent {
        &self.content
    }
    /// Geodesic metres from the visit's point to its target.
    pub fn distance_to_target_m(&self) -> f64 {
        self.distance_to_target_m
    }
    pub fn flags(&self) -> &[&'static str] {
        &self.flags
    }
    pub fn border(&self) -> &BorderFields {
        &self.border
    }
}

/// The flags a visit can carry, in the order they are checked.
pub const FLAGS: [&str; 2] = [FLAG_FAR_FROM_TARGET, FLAG_LOW_ACCURACY];

/// Which visits by their flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flagged {
    /// Visits with at least one flag.
    Yes,
    /// Visits without a flag.
    No,
    /// Visits carrying this flag (one of [`FLAGS`]), whatever else they carry.
    With(&'static str),
}

impl Flagged {
    /// Reads `true`/`1`/`yes`, `false`/`0`/`no` or a flag's code (`far_from_target`,
    /// `low_accuracy`), any case.
    ///
    /// ```
    /// use banna_border::domain::visit::Flagged;
    /// assert_eq!(Flagged::parse("TRUE").unwrap(), Flagged::Yes);
    /// assert_eq!(Flagged::parse("low_accuracy").unwrap(), Flagged::With("low_accuracy"));
    /// assert!(Flagged::parse("maybe").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Flagged, DomainError> {
        let code = text.trim().to_ascii_lowercase();
        match code.as_str() {
            "1" | "true" | "yes" => Ok(Flagged::Yes),
            "0" | "false" | "no" => Ok(Flagged::No),
            _ => FLAGS
                .into_iter()
                .find(|flag| *flag == code)
                .map(Flagged::With)
                .ok_or_else(|| DomainError::UnknownVisitFlag { value: text.to_owned() }),
        }
    }

    /// The value as a query writes it: `true`, `false` or the flag's code.
    pub fn code(self) -> &'static str {
        match self {
            Flagged::Yes => "true",
            Flagged::No => "false",
            Flagged::With(flag) => flag,
        }
    }
}

/// Filters of the visit list, each optional: a linkage, an officer, by flags, and local
/// calendar days `from ..= to`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct VisitFilter {
    pub linkage_id: Option<i64>,
    pub officer_id: Option<i64>,
    pub flagged: Option<Flagged>,
    pub days: DateSpan,
}

impl VisitFilter {
    /// Reads the query values (`linkage`, `officer`: ids; `flagged`: see [`Flagged::parse`];
    /// `from`, `to`: `YYYY-MM-DD`); empty values are no filter.
    pub fn parse(
        linkage: Option<&str>,
        officer: Option<&str>,
        flagged: Option<&str>,
        from: Option<&str>,
        to: Option<&str>,
    ) -> Result<VisitFilter, DomainError> {
        fn given(value: Option<&str>) -> Option<&str> {
            value.map(str::trim).filter(|text| !text.is_empty())
        }
        Ok(VisitFilter {
            linkage_id: given(linkage).map(parse_id).transpose()?,
            officer_id: given(officer).map(parse_id).transpose()?,
            flagged: given(flagged).map(Flagged::parse).transpose()?,
            days: DateSpan::parse(None, from, to)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use serde_json::json;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).single().expect("a time")
    }

    fn sent() -> Value {
        json!({
            "id": "6f1c1b5e-8a9e-4f49-9a57-3a8f3c2b8d11",
            "linkage_id": 3,
            "target": { "kind": "post", "id": 9 },
            "visited_at": "2024-05-02T10:00:00.750+08:00",
            "lon": 100.612345678,
            "lat": 21.81,
            "accuracy_m": 12.346,
            "findings": [
                { "kind": "security_risk", "text": "  便道附近发现可疑车辆 " },
                { "kind": "other", "text": null }
            ],
            "follow_ups": "   "
        })
    }

    fn linkage() -> LinkageFacts {
        LinkageFacts {
            id: 3,
            village_id: 7,
            village: LonLat::new(100.5, 21.9).expect("valid"),
            post_id: 9,
            post: LonLat::new(100.6, 21.8).expect("valid"),
            starts_on: NaiveDate::from_ymd_opt(2024, 5, 1).expect("day"),
            ends_on: Some(NaiveDate::from_ymd_opt(2024, 5, 31).expect("day")),
        }
    }

    const LIMITS: VisitLimits = VisitLimits { max_distance_m: 2000.0, max_accuracy_m: 100.0 };

    fn content(visit: &Value) -> Result<VisitContent, DomainError> {
        VisitContent::parse(VisitInput::from_json(visit)?, now())
    }

    fn visit(visit: &Value) -> Result<NewVisit, DomainError> {
        NewVisit::parse(content(visit)?, &linkage(), chrono_tz::Asia::Shanghai, LIMITS, |_| BorderFields::default())
    }

    fn visit_error(change: impl FnOnce(&mut Value)) -> DomainError {
        let mut changed = sent();
        change(&mut changed);
        visit(&changed).expect_err("refused")
    }

    #[test]
    fn a_visit_is_normalized_as_it_is_stored() {
        let checked = content(&sent()).expect("valid");
        assert_eq!(checked.visited_at(), Utc.with_ymd_and_hms(2024, 5, 2, 2, 0, 0).single().expect("time"));
        assert_eq!(checked.position().lon(), 100.6123457);
        assert_eq!(checked.accuracy_m(), 12.35);
        assert_eq!(
            checked.findings()[0],
            Finding { kind: FindingKind::SecurityRisk, text: "便道附近发现可疑车辆".into() }
        );
        assert_eq!(checked.findings()[1].text, "");
        assert_eq!(checked.follow_ups(), None, "blank follow-ups are none");
    }

    #[test]
    fn the_same_visit_read_back_has_the_same_key_and_any_change_breaks_it() {
        let checked = content(&sent()).expect("valid");
        let stored = StoredContent {
            linkage_id: 3,
            target: "post",
            target_id: 9,
            visited_at: checked.visited_at(),
            // Values a float's round trip might return for the rounded ones: an ulp apart.
            lon: 100.6123457_f64.next_up(),
            lat: 21.81_f64.next_down(),
            accuracy_m: 12.35_f64.next_up(),
            findings: vec![("security_risk", "便道附近发现可疑车辆"), ("other", "")],
            follow_ups: None,
        };
        assert_eq!(checked.key(), ContentKey::new(stored.clone()));
        let changed = [
            StoredContent { accuracy_m: 12.36, ..stored.clone() },
            StoredContent { lat: 21.8100001, ..stored.clone() },
            StoredContent { visited_at: checked.visited_at() + Duration::seconds(1), ..stored.clone() },
            StoredContent { target: "village", target_id: 7, ..stored.clone() },
            StoredContent {
                findings: vec![("other", ""), ("security_risk", "便道附近发现可疑车辆")],
                ..stored.clone()
            },
            StoredContent { follow_ups: Some("回访"), ..stored.clone() },
            StoredContent { linkage_id: 4, ..stored },
        ];
        for other in changed {
            assert_ne!(checked.key(), ContentKey::new(other.clone()), "{other:?}");
        }
    }

    #[test]
    fn flags_follow_the_limits() {
        let near = visit(&sent()).expect("valid");
        let expected = Geodesic.distance(Point::new(100.6123457, 21.81), Point::new(100.6, 21.8));
        assert!((near.distance_to_target_m() - expected).abs() < 1e-6);
        assert!(near.distance_to_target_m() < 2000.0 && near.flags().is_empty());
        let mut far = sent();
        far["lon"] = json!(100.65);
        far["accuracy_m"] = json!(100.01);
        let far = visit(&far).expect("flagged visits are valid");
        assert!(far.distance_to_target_m() > 2000.0);
        assert_eq!(far.flags(), [FLAG_FAR_FROM_TARGET, FLAG_LOW_ACCURACY]);
        let mut edge = sent();
        edge["accuracy_m"] = json!(100.0);
        assert!(visit(&edge).expect("valid").flags().is_empty(), "exactly the limit is not flagged");
    }

    #[test]
    fn each_rule_refuses_its_own_mistake() {
        let visit_rule = |error: DomainError| match error {
            DomainError::Visit(inner) => inner,
            other => panic!("not a visit error: {other:?}"),
        };
        assert!(matches!(visit_rule(visit_error(|v| v["id"] = json!("not-a-uuid"))), VisitError::Id { .. }));
        assert!(matches!(
            visit_rule(visit_error(|v| v["id"] = json!("00000000-0000-0000-0000-000000000000"))),
            VisitError::Id { .. }
        ));
        assert!(matches!(visit_error(|v| v["linkage_id"] = json!(0)), DomainError::InvalidId { .. }));
        assert!(matches!(
            visit_error(|v| v["linkage_id"] = json!(4)),
            DomainError::Visit(VisitError::WrongTarget { .. })
        ));
        assert!(matches!(
            visit_rule(visit_error(|v| v["target"] = json!({ "kind": "village", "id": 9 }))),
            VisitError::WrongTarget { kind: "village", id: 9, linkage: 3 }
        ));
        assert!(matches!(
            visit_rule(visit_error(|v| v["target"] = json!({ "kind": "school", "id": 9 }))),
            VisitError::Target { .. }
        ));
        assert!(matches!(visit_rule(visit_error(|v| v["target"] = json!("post"))), VisitError::Target { .. }));
        assert!(matches!(
            visit_rule(visit_error(|v| v["visited_at"] = json!("2024-05-02 10:00"))),
            VisitError::Time { .. }
        ));
        assert!(matches!(
            visit_rule(visit_error(|v| v["visited_at"] = json!("2025-01-01T08:06:00+08:00"))),
            VisitError::InFuture { .. }
        ));
        // 2024-04-30 23:30 in Beijing is still April there, though May 1st already in UTC+9.
        assert!(matches!(
            visit_rule(visit_error(|v| v["visited_at"] = json!("2024-05-01T00:30:00+09:00"))),
            VisitError::BeforeLinkage { .. }
        ));
        assert!(matches!(
            visit_rule(visit_error(|v| v["visited_at"] = json!("2024-06-01T00:10:00+08:00"))),
            VisitError::AfterLinkage { .. }
        ));
        assert!(matches!(visit_error(|v| v["lat"] = json!(91.0)), DomainError::InvalidPosition { .. }));
        assert!(matches!(visit_error(|v| v["lon"] = json!("100.5")), DomainError::InvalidPosition { .. }));
        assert!(matches!(visit_error(|v| v["lon"] = Value::Null), DomainError::MissingParameter { name: "lon" }));
        assert!(matches!(visit_rule(visit_error(|v| v["accuracy_m"] = json!(-0.5))), VisitError::Accuracy { .. }));
        assert!(matches!(
            visit_rule(visit_error(|v| v["findings"][1]["kind"] = json!("rumour"))),
            VisitError::FindingKind { index: 1, .. }
        ));
        assert!(matches!(visit_rule(visit_error(|v| v["findings"] = json!("dispute"))), VisitError::Findings { .. }));
        assert!(matches!(
            visit_rule(visit_error(|v| v["findings"] = json!(vec![json!({ "kind": "other" }); MAX_FINDINGS + 1]))),
            VisitError::Findings { .. }
        ));
        assert!(matches!(
            visit_rule(visit_error(|v| v["findings"][0]["text"] = json!("字".repeat(MAX_TEXT_CHARS + 1)))),
            VisitError::Text { .. }
        ));
        assert!(matches!(visit_rule(visit_error(|v| v["follow_ups"] = json!("a\0b"))), VisitError::Text { .. }));
        assert!(matches!(visit_rule(visit_error(|v| *v = json!([1, 2]))), VisitError::NotObject));
        // Within the clock skew, on the linkage's first and last local days, at the limits.
        for time in ["2025-01-01T08:05:00+08:00", "2024-05-01T00:00:00+08:00", "2024-05-31T23:59:59+08:00"] {
            let mut edge = sent();
            edge["visited_at"] = json!(time);
            edge["findings"][0]["text"] = json!("字".repeat(MAX_TEXT_CHARS));
            edge["accuracy_m"] = json!(0.0);
            let result = if time.starts_with("2025") {
                let content = content(&edge).expect("within the skew");
                let open = LinkageFacts { ends_on: None, ..linkage() };
                NewVisit::parse(content, &open, chrono_tz::Asia::Shanghai, LIMITS, |_| BorderFields::default())
            } else {
                visit(&edge)
            };
            assert!(result.is_ok(), "{time}: {result:?}");
        }
    }

    #[test]
    fn the_list_filter_reads_its_values() {
        let filter = VisitFilter::parse(Some("3"), None, Some("true"), Some("2024-01-01"), Some(" ")).expect("valid");
        assert_eq!((filter.linkage_id, filter.officer_id, filter.flagged), (Some(3), None, Some(Flagged::Yes)));
        assert_eq!(filter.days.from(), NaiveDate::from_ymd_opt(2024, 1, 1));
        assert_eq!(VisitFilter::parse(None, None, Some("0"), None, None).expect("valid").flagged, Some(Flagged::No));
        let far = VisitFilter::parse(None, None, Some(" Far_From_Target "), None, None).expect("valid");
        assert_eq!(far.flagged, Some(Flagged::With(FLAG_FAR_FROM_TARGET)));
        assert_eq!(far.flagged.map(Flagged::code), Some("far_from_target"));
        assert!(matches!(
            VisitFilter::parse(None, None, Some("maybe"), None, None),
            Err(DomainError::UnknownVisitFlag { value }) if value == "maybe"
        ));
        assert!(VisitFilter::parse(Some("x"), None, None, None, None).is_err());
        assert!(VisitFilter::parse(None, None, None, Some("2024-02-01"), Some("2024-01-01")).is_err());
    }
}
