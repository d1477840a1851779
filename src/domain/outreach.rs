//! Legal outreach in the villagers' own languages: teams whose members speak languages at a
//! level, and the rules a session must pass before it is scheduled, held or cancelled.
//!
//! As with linkages, checking runs in two steps. [`SessionInput::from_json`] (and
//! [`TeamInput::from_json`], [`HeldInput::from_json`], [`cancel_reason_from_json`]) read a
//! body and check what it alone can tell: ids, times in order, known language codes, levels and
//! topics, texts of sensible length that are not Zawgyi-encoded Burmese
//! ([`super::myanmar::detect_zawgyi`]). [`NewSession::check`] then weighs the session against
//! the [`Facts`] the service gathers as the caller may see them: a team or village outside the
//! caller's jurisdiction is reported like one that does not exist (404).
//!
//! The scheduling rules, in the order they are checked:
//! 1. every presenter is a member of the session's team;
//! 2. at least one presenter speaks the session's language at `fluent` level or better;
//! 3. the village lists the session's language, or an interpreter is named (then the session
//!    is scheduled with a [`SessionWarning`]);
//! 4. no presenter (the same member, or a member of another team who is the same user) has
//!    another session that is not cancelled too close to this one, then the team has none: two
//!    sessions must leave between them at least the time to travel from one village to the
//!    other, [`Travel`]: the geodesic distance × the road factor (1.4 by default) at the road
//!    speed (30 km/h by default).

use chrono::{DateTime, Datelike, Duration, Utc};
use geo::{Distance, Geodesic, Point};
use serde_json::{Map, Value};

use super::DomainError;
use super::filter::DateSpan;
use super::geo::LonLat;
use super::myanmar::detect_zawgyi;
use super::period::YEARS;

/// Most presenters one session may name.
pub const MAX_PRESENTERS: usize = 10;
/// Most topics one session may list.
pub const MAX_TOPICS: usize = 10;
/// Most members a team may have.
pub const MAX_MEMBERS: usize = 50;
/// Most languages one member may list.
pub const MAX_MEMBER_LANGUAGES: usize = 12;
/// Longest name (team, member, interpreter), in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// Longest cancellation reason, in characters.
pub const MAX_REASON_CHARS: usize = 500;
/// Longest session, in hours.
pub const MAX_SESSION_HOURS: i64 = 12;
/// Largest attendance count accepted.
pub const MAX_ATTENDANCE: i64 = 100_000;
/// Geodesic km within which another session may be close enough to clash, whatever the
/// speed: more than across the prefecture and its neighbours. The service reads bookings
/// within [`Travel::reach`] of a new session.
pub const REACH_KM: f64 = 600.0;

/// The languages sessions are delivered in and members speak (BCP 47 primary subtags), with
/// the Fluent message of each name.
static LANGUAGES: [(&str, &str); 12] = [
    ("zh", "page-record-language-zh"),
    ("khb", "page-record-language-khb"),
    ("hni", "page-record-language-hni"),
    ("ahk", "page-record-language-ahk"),
    ("lhu", "page-record-language-lhu"),
    ("blr", "page-record-language-blr"),
    ("ium", "page-record-language-ium"),
    ("jiu", "page-record-language-jiu"),
    ("lo", "page-record-language-lo"),
    ("my", "page-record-language-my"),
    ("th", "page-record-language-th"),
    ("en", "page-record-language-en"),
];

/// A language the system knows, by its BCP 47 primary language subtag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Language(&'static str);

impl Language {
    /// Every known language, in the order of [`LANGUAGES`].
    pub fn all() -> impl Iterator<Item = Language> {
        LANGUAGES.iter().map(|(code, _)| Language(code))
    }

    /// Reads a BCP 47 tag whose primary subtag is known: case-insensitive, subtags of 1–8
    /// letters or digits after it (`zh-CN`, `khb-Talu`, `my-MM`) accepted and dropped. A
    /// village, a member and a session name a language by its primary subtag only.
    ///
    /// ```
    /// use banna_border::domain::outreach::Language;
    /// assert_eq!(Language::parse("KHB").map(|l| l.code()), Some("khb"));
    /// assert_eq!(Language::parse("zh-Hans-CN").map(|l| l.code()), Some("zh"));
    /// assert_eq!(Language::parse("fr"), None);
    /// assert_eq!(Language::parse("zh--CN"), None);
    /// ```
    pub fn parse(tag: &str) -> Option<Language> {
        let mut subtags = tag.trim().split(['-', '_']);
        let primary = subtags.next()?.to_ascii_lowercase();
        let well_formed =
            subtags.all(|subtag| (1..=8).contains(&subtag.len()) && subtag.chars().all(|c| c.is_ascii_alphanumeric()));
        if !well_formed {
            return None;
        }
        Language::all().find(|language| language.0 == primary)
    }

    pub fn code(self) -> &'static str {
        self.0
    }

    /// The Fluent message of the language's name (`locales/*/records.ftl`).
    pub fn message_id(self) -> &'static str {
        LANGUAGES.iter().find(|(code, _)| *code == self.0).map_or("page-record-language-zh", |(_, id)| *id)
    }
}

/// How well a member speaks a language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Basic,
    Fluent,
    Native,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Native, Level::Fluent, Level::Basic];

    pub fn code(self) -> &'static str {
        match self {
            Level::Native => "native",
            Level::Fluent => "fluent",
            Level::Basic => "basic",
        }
    }

    pub fn parse(code: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|level| level.code() == code.trim().to_ascii_lowercase())
    }

    /// Good enough to present a session in: fluent or native.
    pub fn can_present(self) -> bool {
        self >= Level::Fluent
    }
}

/// The topics a session may cover (stable codes; their names are Fluent messages
/// `outreach-topic-…` with hyphens for underscores).
pub const TOPICS: [&str; 7] =
    ["border_law", "anti_drug", "anti_fraud", "anti_trafficking", "marriage_law", "land_disputes", "entry_exit"];

/// A known topic code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Topic(&'static str);

impl Topic {
    pub fn parse(code: &str) -> Option<Topic> {
        TOPICS.iter().find(|topic| **topic == code.trim()).map(|topic| Topic(topic))
    }

    pub fn code(self) -> &'static str {
        self.0
    }

    /// The Fluent message of the topic's name.
    pub fn message_id(self) -> String {
        format!("outreach-topic-{}", self.0.replace('_', "-"))
    }
}

/// Where a session stands: `planned` → `held` or `cancelled`, nothing after.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Planned,
    Held,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Planned, Status::Held, Status::Cancelled];

    pub fn code(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Held => "held",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|status| status.code() == code.trim())
    }
}

/// Why a team or session, or a request about them, is refused. Each variant names its Fluent
/// message (`locales/*/problems.ftl`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OutreachError {
    #[error("the body must be a JSON object")]
    Body,
    #[error("{name} must be a positive id, not {value}")]
    InvalidId { name: &'static str, value: String },
    #[error("{name} must be an RFC 3339 time, not {value}")]
    InvalidTime { name: &'static str, value: String },
    #[error("ends at {ends_at}, not after it starts at {starts_at}")]
    EndsBeforeStart { starts_at: String, ends_at: String },
    #[error("a session lasts at most {max_hours} hours")]
    TooLong { max_hours: i64 },
    #[error("{name}: unknown language {value}")]
    UnknownLanguage { name: &'static str, value: String },
    #[error("unknown session status {value}")]
    UnknownStatus { value: String },
    #[error("unknown language level {value}")]
    UnknownLevel { value: String },
    #[error("{name}: unknown topic {value}")]
    UnknownTopic { name: &'static str, value: String },
    #[error("{name} must list 1 to {max} topics")]
    Topics { name: &'static str, max: usize },
    #[error("presenter_ids must list 1 to {max} member ids")]
    Presenters { max: usize },
    #[error("{name} must be text of 1 to {max} characters")]
    Text { name: &'static str, max: usize },
    #[error("{name} looks like Zawgyi-encoded Burmese ({rule} at character {position})")]
    Zawgyi { name: String, rule: &'static str, position: usize, character: String },
    #[error("code must be 1 to 32 letters, digits, - or _, not {value}")]
    TeamCode { value: String },
    #[error("members must list 1 to {max} members")]
    Members { max: usize },
    #[error("member {member} must list 1 to {max} languages, each once")]
    MemberLanguages { member: String, max: usize },
    #[error("{name} must be a whole number from 0 to {max}, not {value}")]
    Attendance { name: &'static str, value: String, max: i64 },
    #[error("{name} ({count}) is more than the total ({total})")]
    AttendancePart { name: &'static str, count: i64, total: i64 },
    #[error("no outreach team {id} in the caller's jurisdiction")]
    UnknownTeam { id: i64 },
    #[error("no village {id} in the caller's jurisdiction")]
    UnknownVillage { id: i64 },
    #[error("no user {id} in the caller's jurisdiction")]
    UnknownUser { id: i64 },
    #[error("member {member} is not in team {team}")]
    NotTeamMember { member: i64, team: String },
    #[error("no presenter speaks {language} at fluent level or better")]
    NoFluentPresenter { language: &'static str, presenters: String },
    #[error("village {village} does not list {language} and no interpreter is named")]
    VillageLanguage { village: String, language: &'static str, listed: String },
    #[error("presenter {presenter} is booked at session {}", .clash.session)]
    PresenterBooked { presenter: String, clash: Box<Clash> },
    #[error("team {team} is booked at session {}", .clash.session)]
    TeamBooked { team: String, clash: Box<Clash> },
    #[error("session {session} is {status}, not planned")]
    NotPlanned { session: i64, status: &'static str },
    #[error("session {session} starts at {starts_at}: it cannot have been held yet")]
    NotStarted { session: i64, starts_at: String },
}

impl OutreachError {
    /// The Fluent message id of the detail text.
    pub fn message_id(&self) -> &'static str {
        match self {
            OutreachError::Body => "problem-outreach-body-detail",
            OutreachError::InvalidId { .. } => "problem-outreach-id-detail",
            OutreachError::InvalidTime { .. } => "problem-outreach-time-detail",
            OutreachError::EndsBeforeStart { .. } => "problem-outreach-ends-before-start-detail",
            OutreachError::TooLong { .. } => "problem-outreach-too-long-detail",
            OutreachError::UnknownLanguage { .. } => "problem-outreach-language-detail",
            OutreachError::UnknownStatus { .. } => "problem-outreach-status-detail",
            OutreachError::UnknownLevel { .. } => "problem-outreach-level-detail",
            OutreachError::UnknownTopic { .. } => "problem-outreach-topic-detail",
            OutreachError::Topics { .. } => "problem-outreach-topics-detail",
            OutreachError::Presenters { .. } => "problem-outreach-presenters-detail",
            OutreachError::Text { .. } => "problem-outreach-text-detail",
            OutreachError::Zawgyi { .. } => "problem-zawgyi-detail",
            OutreachError::TeamCode { .. } => "problem-outreach-team-code-detail",
            OutreachError::Members { .. } => "problem-outreach-members-detail",
            OutreachError::MemberLanguages { .. } => "problem-outreach-member-languages-detail",
            OutreachError::Attendance { .. } => "problem-outreach-attendance-detail",
            OutreachError::AttendancePart { .. } => "problem-outreach-attendance-part-detail",
            OutreachError::UnknownTeam { .. } => "problem-outreach-unknown-team-detail",
            OutreachError::UnknownVillage { .. } => "problem-unknown-village-detail",
            OutreachError::UnknownUser { .. } => "problem-outreach-unknown-user-detail",
            OutreachError::NotTeamMember { .. } => "problem-outreach-not-member-detail",
            OutreachError::NoFluentPresenter { .. } => "problem-outreach-no-fluent-presenter-detail",
            OutreachError::VillageLanguage { .. } => "problem-outreach-village-language-detail",
            OutreachError::PresenterBooked { .. } => "problem-outreach-presenter-booked-detail",
            OutreachError::TeamBooked { .. } => "problem-outreach-team-booked-detail",
            OutreachError::NotPlanned { .. } => "problem-outreach-not-planned-detail",
            OutreachError::NotStarted { .. } => "problem-outreach-not-started-detail",
        }
    }

    /// The message's arguments, as text.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            OutreachError::Body => Vec::new(),
            OutreachError::InvalidId { name, value }
            | OutreachError::InvalidTime { name, value }
            | OutreachError::UnknownLanguage { name, value }
            | OutreachError::UnknownTopic { name, value } => {
                vec![("name", (*name).to_owned()), ("value", value.clone())]
            }
            OutreachError::EndsBeforeStart { starts_at, ends_at } => {
                vec![("starts_at", starts_at.clone()), ("ends_at", ends_at.clone())]
            }
            OutreachError::TooLong { max_hours } => vec![("max", max_hours.to_string())],
            OutreachError::UnknownLevel { value }
            | OutreachError::UnknownStatus { value }
            | OutreachError::TeamCode { value } => {
                vec![("value", value.clone())]
            }
            OutreachError::Topics { name, max } | OutreachError::Text { name, max } => {
                vec![("name", (*name).to_owned()), ("max", max.to_string())]
            }
            OutreachError::Presenters { max } | OutreachError::Members { max } => vec![("max", max.to_string())],
            OutreachError::Zawgyi { name, rule, position, character } => vec![
                ("name", name.clone()),
                ("rule", (*rule).to_owned()),
                ("position", position.to_string()),
                ("character", character.clone()),
            ],
            OutreachError::MemberLanguages { member, max } => {
                vec![("member", member.clone()), ("max", max.to_string())]
            }
            OutreachError::Attendance { name, value, max } => {
                vec![("name", (*name).to_owned()), ("value", value.clone()), ("max", max.to_string())]
            }
            OutreachError::AttendancePart { name, count, total } => {
                vec![("name", (*name).to_owned()), ("count", count.to_string()), ("total", total.to_string())]
            }
            OutreachError::UnknownTeam { id }
            | OutreachError::UnknownVillage { id }
            | OutreachError::UnknownUser { id } => {
                vec![("value", id.to_string())]
            }
            OutreachError::NotTeamMember { member, team } => {
                vec![("member", member.to_string()), ("team", team.clone())]
            }
            OutreachError::NoFluentPresenter { language, presenters } => {
                vec![("language", (*language).to_owned()), ("presenters", presenters.clone())]
            }
            OutreachError::VillageLanguage { village, language, listed } => {
                vec![("village", village.clone()), ("language", (*language).to_owned()), ("listed", listed.clone())]
            }
            OutreachError::PresenterBooked { presenter, clash } => {
                let mut args = vec![("presenter", presenter.clone())];
                args.extend(clash.args());
                args
            }
            OutreachError::TeamBooked { team, clash } => {
                let mut args = vec![("team", team.clone())];
                args.extend(clash.args());
                args
            }
            OutreachError::NotPlanned { session, status } => {
                vec![("session", session.to_string()), ("status", (*status).to_owned())]
            }
            OutreachError::NotStarted { session, starts_at } => {
                vec![("session", session.to_string()), ("starts_at", starts_at.clone())]
            }
        }
    }

    /// Whether the error means "no such record" (a team or village unknown or out of scope).
    pub fn is_not_found(&self) -> bool {
        matches!(self, OutreachError::UnknownTeam { .. } | OutreachError::UnknownVillage { .. })
    }

    /// Whether the error is a conflict with what is stored (a booking, a session's state).
    pub fn is_conflict(&self) -> bool {
        matches!(
            self,
            OutreachError::PresenterBooked { .. }
                | OutreachError::TeamBooked { .. }
                | OutreachError::NotPlanned { .. }
                | OutreachError::NotStarted { .. }
        )
    }
}

impl From<OutreachError> for DomainError {
    fn from(error: OutreachError) -> DomainError {
        DomainError::Outreach(error)
    }
}

/// A local time as messages show it: `2027-01-10 09:00`.
pub fn local_minute(at: DateTime<Utc>, tz: chrono_tz::Tz) -> String {
    at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
}

/// Checks a free text: a string, 1 to `max` characters once trimmed, without control
/// characters, and not Zawgyi. `label` names the field in messages (`members[2].name`).
pub fn checked_text(label: &str, value: &Value, max: usize, name: &'static str) -> Result<String, OutreachError> {
    let text = value.as_str().map(str::trim).ok_or(OutreachError::Text { name, max })?;
    let length = text.chars().count();
    if length == 0 || length > max || text.chars().any(|c| c.is_control() && c != '\n') {
        return Err(OutreachError::Text { name, max });
    }
    if let Some(found) = detect_zawgyi(text) {
        return Err(OutreachError::Zawgyi {
            name: label.to_owned(),
            rule: found.sign.code(),
            position: found.position,
            character: format!("U+{:04X}", u32::from(found.character)),
        });
    }
    Ok(text.to_owned())
}

fn id_of(name: &'static str, value: &Value) -> Result<i64, OutreachError> {
    value.as_i64().filter(|id| *id > 0).ok_or_else(|| OutreachError::InvalidId { name, value: value.to_string() })
}

fn time_of(name: &'static str, value: &Value) -> Result<DateTime<Utc>, OutreachError> {
    let invalid = || OutreachError::InvalidTime { name, value: value.to_string() };
    let text = value.as_str().ok_or_else(invalid)?;
    let at = DateTime::parse_from_rfc3339(text.trim()).map_err(|_| invalid())?.with_timezone(&Utc);
    if !YEARS.contains(&at.year()) {
        return Err(invalid());
    }
    Ok(at)
}

fn language_of(name: &'static str, value: &Value) -> Result<Language, OutreachError> {
    value.as_str().and_then(Language::parse).ok_or_else(|| OutreachError::UnknownLanguage {
        name,
        value: value.as_str().map_or_else(|| value.to_string(), str::to_owned),
    })
}

/// Reads a list of topic codes (1 to [`MAX_TOPICS`], repeats dropped, order kept).
pub fn topics_of(name: &'static str, value: Option<&Value>) -> Result<Vec<Topic>, OutreachError> {
    let items = value.and_then(Value::as_array).filter(|items| (1..=MAX_TOPICS).contains(&items.len()));
    let items = items.ok_or(OutreachError::Topics { name, max: MAX_TOPICS })?;
    let mut topics = Vec::new();
    for item in items {
        let topic = item.as_str().and_then(Topic::parse).ok_or_else(|| OutreachError::UnknownTopic {
            name,
            value: item.as_str().map_or_else(|| item.to_string(), str::to_owned),
        })?;
        if !topics.contains(&topic) {
            topics.push(topic);
        }
    }
    Ok(topics)
}

fn object(body: &Value) -> Result<&Map<String, Value>, OutreachError> {
    body.as_object().ok_or(OutreachError::Body)
}

fn field<'a>(body: &'a Map<String, Value>, name: &'static str) -> Option<&'a Value> {
    body.get(name).filter(|value| !value.is_null())
}

fn required<'a>(body: &'a Map<String, Value>, name: &'static str) -> Result<&'a Value, DomainError> {
    field(body, name).ok_or(DomainError::MissingParameter { name })
}

/// A session as a request states it, each field checked on its own.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionInput {
    pub team_id: i64,
    pub village_id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub language: Language,
    pub topics: Vec<Topic>,
    /// Member ids, ascending, without repeats.
    pub presenter_ids: Vec<i64>,
    pub interpreter: Option<String>,
}

impl SessionInput {
    /// Reads `{team_id, village_id, starts_at, ends_at, language, topics, presenter_ids,
    /// interpreter?}`: ids positive, times RFC 3339 with their offset (2000–2100), the end
    /// after the start and at most [`MAX_SESSION_HOURS`] later, a known language (BCP 47),
    /// 1–10 known topics, 1–10 presenters (member ids), the interpreter's name (absent, `null`
    /// or empty: none) as checked text.
    pub fn from_json(body: &Value) -> Result<SessionInput, DomainError> {
        let body = object(body)?;
        let team_id = id_of("team_id", required(body, "team_id")?)?;
        let village_id = id_of("village_id", required(body, "village_id")?)?;
        let starts_at = time_of("starts_at", required(body, "starts_at")?)?;
        let ends_at = time_of("ends_at", required(body, "ends_at")?)?;
        if ends_at <= starts_at {
            return Err(OutreachError::EndsBeforeStart {
                starts_at: starts_at.to_rfc3339(),
                ends_at: ends_at.to_rfc3339(),
            }
            .into());
        }
        if ends_at - starts_at > Duration::hours(MAX_SESSION_HOURS) {
            return Err(OutreachError::TooLong { max_hours: MAX_SESSION_HOURS }.into());
        }
        let language = language_of("language", required(body, "language")?)?;
        let topics = topics_of("topics", field(body, "topics"))?;
        let presenters = field(body, "presenter_ids")
            .and_then(Value::as_array)
            .filter(|items| (1..=MAX_PRESENTERS).contains(&items.len()))
            .ok_or(OutreachError::Presenters { max: MAX_PRESENTERS })?;
        let mut presenter_ids =
            presenters.iter().map(|item| id_of("presenter_ids", item)).collect::<Result<Vec<_>, _>>()?;
        presenter_ids.sort_unstable();
        presenter_ids.dedup();
        let interpreter = match field(body, "interpreter") {
            Some(Value::String(text)) if text.trim().is_empty() => None,
            Some(value) => Some(checked_text("interpreter", value, MAX_NAME_CHARS, "interpreter")?),
            None => None,
        };
        Ok(SessionInput { team_id, village_id, starts_at, ends_at, language, topics, presenter_ids, interpreter })
    }
}

/// How long the road between two villages takes: the geodesic distance × `road_factor`
/// (roads wind through the hills) at `speed_kmh`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Travel {
    pub speed_kmh: f64,
    pub road_factor: f64,
}

/// One trip between two villages.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Leg {
    pub road_km: f64,
    /// Whole minutes, rounded up.
    pub minutes: i64,
}

impl Travel {
    /// The trip from `a` to `b`.
    ///
    /// ```
    /// use banna_border::domain::geo::LonLat;
    /// use banna_border::domain::outreach::Travel;
    /// let travel = Travel { speed_kmh: 30.0, road_factor: 1.4 };
    /// let a = LonLat::new(100.0, 21.0).unwrap();
    /// let b = LonLat::new(100.0, 21.1).unwrap(); // about 11.07 km north
    /// let leg = travel.between(a, b);
    /// assert!((leg.road_km - 15.5).abs() < 0.05);
    /// assert_eq!(leg.minutes, 32); // 15.5 km at 30 km/h: 31.0 minutes and a bit, rounded up
    /// ```
    pub fn between(&self, a: LonLat, b: LonLat) -> Leg {
        let metres = Geodesic.distance(Point::new(a.lon(), a.lat()), Point::new(b.lon(), b.lat()));
        let road_km = metres / 1000.0 * self.road_factor;
        let minutes = (road_km / self.speed_kmh * 60.0).ceil();
        Leg { road_km, minutes: if minutes.is_finite() { minutes as i64 } else { i64::MAX / 4 } }
    }

    /// How far before and after a session another one may clash with it: the trip over
    /// [`REACH_KM`].
    pub fn reach(&self) -> Duration {
        let minutes = (REACH_KM * self.road_factor / self.speed_kmh * 60.0).ceil();
        Duration::minutes(if minutes.is_finite() { minutes as i64 } else { 60 * 24 * 365 })
    }
}

/// A member of the session's team, as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberFacts {
    pub id: i64,
    pub name: String,
    /// Language codes and levels as stored.
    pub languages: Vec<(String, String)>,
}

impl MemberFacts {
    /// The member's level in `language`, if they speak it (an unknown stored level counts as
    /// basic).
    pub fn level_in(&self, language: Language) -> Option<Level> {
        self.languages
            .iter()
            .find(|(code, _)| Language::parse(code) == Some(language))
            .map(|(_, level)| Level::parse(level).unwrap_or(Level::Basic))
    }
}

/// The session's team, as the caller may see it.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamFacts {
    pub id: i64,
    pub name: String,
    pub members: Vec<MemberFacts>,
}

/// The session's village, as the caller may see it.
#[derive(Clone, Debug, PartialEq)]
pub struct VillageFacts {
    pub id: i64,
    pub name: String,
    /// Language codes, primary first.
    pub languages: Vec<String>,
    pub at: LonLat,
}

/// Another session (not cancelled) of the team or of one of the presenters, near in time.
#[derive(Clone, Debug, PartialEq)]
pub struct Booking {
    pub session_id: i64,
    pub team_id: i64,
    pub village: String,
    pub at: LonLat,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The new session's presenters (member ids) who present this one too, as the same
    /// member or as a member of another team who is the same user.
    pub presenters: Vec<i64>,
}

/// What the database says about the records a session names.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    /// `None`: no such team in the caller's jurisdiction.
    pub team: Option<TeamFacts>,
    /// `None`: no such village in the caller's jurisdiction.
    pub village: Option<VillageFacts>,
    pub bookings: Vec<Booking>,
}

/// Another session too close to a new one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash {
    pub session: i64,
    pub village: String,
    /// Local times, `2027-01-10 09:00`.
    pub starts_at: String,
    pub ends_at: String,
    /// Minutes needed to go between the two villages.
    pub travel_minutes: i64,
    /// Road km between the two villages, one decimal.
    pub road_km: String,
    /// Minutes between the end of one session and the start of the other (0: they overlap).
    pub gap_minutes: i64,
}

impl Clash {
    fn args(&self) -> Vec<(&'static str, String)> {
        vec![
            ("session", self.session.to_string()),
            ("village", self.village.clone()),
            ("starts_at", self.starts_at.clone()),
            ("ends_at", self.ends_at.clone()),
            ("travel_minutes", self.travel_minutes.to_string()),
            ("road_km", self.road_km.clone()),
            ("gap_minutes", self.gap_minutes.to_string()),
        ]
    }
}

/// The clash of a new session (at its village) with a booking, if they leave too little time
/// between them to travel from one village to the other.
fn clash(new: (&SessionInput, LonLat), booking: &Booking, travel: &Travel, tz: chrono_tz::Tz) -> Option<Clash> {
    let (session, at) = new;
    let leg = travel.between(at, booking.at);
    let needed = Duration::minutes(leg.minutes);
    let clashes = session.starts_at < booking.ends_at + needed && booking.starts_at < session.ends_at + needed;
    if !clashes {
        return None;
    }
    let gap = if session.starts_at >= booking.ends_at {
        session.starts_at - booking.ends_at
    } else if booking.starts_at >= session.ends_at {
        booking.starts_at - session.ends_at
    } else {
        Duration::zero()
    };
    Some(Clash {
        session: booking.session_id,
        village: booking.village.clone(),
        starts_at: local_minute(booking.starts_at, tz),
        ends_at: local_minute(booking.ends_at, tz),
        travel_minutes: leg.minutes,
        road_km: format!("{:.1}", leg.road_km),
        gap_minutes: gap.num_minutes(),
    })
}

/// Something a coordinator should know about a session that was scheduled all the same.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionWarning {
    /// The village does not list the session's language; the named interpreter bridges it.
    VillageLanguageNotListed { village: String, language: Language, listed: String, interpreter: String },
}

impl SessionWarning {
    /// A stable code for clients.
    pub fn code(&self) -> &'static str {
        match self {
            SessionWarning::VillageLanguageNotListed { .. } => "village_language_not_listed",
        }
    }

    /// The Fluent message (`locales/*/outreach.ftl`).
    pub fn message_id(&self) -> &'static str {
        match self {
            SessionWarning::VillageLanguageNotListed { .. } => "outreach-warning-village-language",
        }
    }

    /// The language the warning is about (its name is added by the caller that localizes).
    pub fn language(&self) -> Language {
        match self {
            SessionWarning::VillageLanguageNotListed { language, .. } => *language,
        }
    }

    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            SessionWarning::VillageLanguageNotListed { village, language, listed, interpreter } => vec![
                ("village", village.clone()),
                ("language", language.code().to_owned()),
                ("listed", listed.clone()),
                ("interpreter", interpreter.clone()),
            ],
        }
    }
}

/// Rule 3: a village that lists `language` needs nothing; one that does not needs an
/// interpreter, and then the session goes ahead with a warning. The scheduling check and the
/// session page (which shows a scheduled session's warnings again) both ask this.
pub fn language_warning(
    village: &str,
    village_languages: &[String],
    language: Language,
    interpreter: Option<&str>,
) -> Result<Option<SessionWarning>, OutreachError> {
    if village_languages.iter().any(|code| Language::parse(code) == Some(language)) {
        return Ok(None);
    }
    let listed = if village_languages.is_empty() { "—".to_owned() } else { village_languages.join(", ") };
    match interpreter {
        Some(interpreter) => Ok(Some(SessionWarning::VillageLanguageNotListed {
            village: village.to_owned(),
            language,
            listed,
            interpreter: interpreter.to_owned(),
        })),
        None => Err(OutreachError::VillageLanguage { village: village.to_owned(), language: language.code(), listed }),
    }
}

/// A session that passed every rule, with its warnings: what the services write.
#[derive(Clone, Debug, PartialEq)]
pub struct NewSession {
    input: SessionInput,
    warnings: Vec<SessionWarning>,
}

impl NewSession {
    /// Checks `input` against `facts`, reporting the first problem in the order of the module
    /// documentation: unknown team, unknown village, presenters not in the team, no fluent
    /// presenter, the village's languages, then clashes (presenters first, then the team; each
    /// by the other session's start).
    pub fn check(
        input: SessionInput,
        facts: &Facts,
        travel: &Travel,
        tz: chrono_tz::Tz,
    ) -> Result<NewSession, DomainError> {
        let team = facts.team.as_ref().ok_or(OutreachError::UnknownTeam { id: input.team_id })?;
        let village = facts.village.as_ref().ok_or(OutreachError::UnknownVillage { id: input.village_id })?;
        let mut presenters = Vec::with_capacity(input.presenter_ids.len());
        for id in &input.presenter_ids {
            let member = team
                .members
                .iter()
                .find(|member| member.id == *id)
                .ok_or_else(|| OutreachError::NotTeamMember { member: *id, team: team.name.clone() })?;
            presenters.push(member);
        }
        if !presenters.iter().any(|member| member.level_in(input.language).is_some_and(Level::can_present)) {
            let described: Vec<String> = presenters
                .iter()
                .map(|member| format!("{}: {}", member.name, member.level_in(input.language).map_or("—", Level::code)))
                .collect();
            return Err(OutreachError::NoFluentPresenter {
                language: input.language.code(),
                presenters: described.join(", "),
            }
            .into());
        }
        let warnings: Vec<SessionWarning> =
            language_warning(&village.name, &village.languages, input.language, input.interpreter.as_deref())?
                .into_iter()
                .collect();
        let mut bookings: Vec<&Booking> = facts.bookings.iter().collect();
        bookings.sort_by_key(|booking| (booking.starts_at, booking.session_id));
        for booking in &bookings {
            let Some(presenter) = presenters.iter().find(|member| booking.presenters.contains(&member.id)) else {
                continue;
            };
            if let Some(found) = clash((&input, village.at), booking, travel, tz) {
                return Err(OutreachError::PresenterBooked {
                    presenter: presenter.name.clone(),
                    clash: Box::new(found),
                }
                .into());
            }
        }
        for booking in bookings.iter().filter(|booking| booking.team_id == team.id) {
            if let Some(found) = clash((&input, village.at), booking, travel, tz) {
                return Err(OutreachError::TeamBooked { team: team.name.clone(), clash: Box::new(found) }.into());
            }
        }
        Ok(NewSession { input, warnings })
    }

    pub fn input(&self) -> &SessionInput {
        &self.input
    }

    pub fn warnings(&self) -> &[SessionWarning] {
        &self.warnings
    }
}

/// A held session's record: attendance and the topics covered.
#[derive(Clone, Debug, PartialEq)]
pub struct HeldInput {
    pub total: i32,
    pub women: i32,
    pub under18: i32,
    pub topics_covered: Vec<Topic>,
}

fn count_of(name: &'static str, value: Option<&Value>) -> Result<i32, DomainError> {
    let value = value.filter(|value| !value.is_null()).ok_or(DomainError::MissingParameter { name })?;
    value
        .as_i64()
        .filter(|count| (0..=MAX_ATTENDANCE).contains(count))
        .and_then(|count| i32::try_from(count).ok())
        .ok_or_else(|| OutreachError::Attendance { name, value: value.to_string(), max: MAX_ATTENDANCE }.into())
}

impl HeldInput {
    /// Reads `{"attendance": {"total", "women", "under18"}, "topics_covered": [codes]}`:
    /// whole numbers from 0, women and under-18s each at most the total; 1–10 known topics.
    pub fn from_json(body: &Value) -> Result<HeldInput, DomainError> {
        let body = object(body)?;
        let attendance =
            required(body, "attendance")?.as_object().ok_or(DomainError::MissingParameter { name: "attendance" })?;
        let total = count_of("attendance.total", attendance.get("total"))?;
        let women = count_of("attendance.women", attendance.get("women"))?;
        let under18 = count_of("attendance.under18", attendance.get("under18"))?;
        for (name, count) in [("attendance.women", women), ("attendance.under18", under18)] {
            if count > total {
                return Err(
                    OutreachError::AttendancePart { name, count: i64::from(count), total: i64::from(total) }.into()
                );
            }
        }
        let topics_covered = topics_of("topics_covered", field(body, "topics_covered"))?;
        Ok(HeldInput { total, women, under18, topics_covered })
    }
}

/// Reads a cancellation `{"reason": text}` (1–500 characters, not Zawgyi).
pub fn cancel_reason_from_json(body: &Value) -> Result<String, DomainError> {
    let body = object(body)?;
    Ok(checked_text("reason", required(body, "reason")?, MAX_REASON_CHARS, "reason")?)
}

/// A session may be marked held or cancelled only while planned.
pub fn require_planned(session: i64, status: &str) -> Result<(), OutreachError> {
    match Status::parse(status) {
        Some(Status::Planned) => Ok(()),
        Some(other) => Err(OutreachError::NotPlanned { session, status: other.code() }),
        None => Err(OutreachError::NotPlanned { session, status: "unknown" }),
    }
}

/// A session is held once it has started: marking it held earlier is refused.
pub fn require_started(
    session: i64,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: chrono_tz::Tz,
) -> Result<(), OutreachError> {
    if starts_at > now {
        return Err(OutreachError::NotStarted { session, starts_at: local_minute(starts_at, tz) });
    }
    Ok(())
}

/// A member of a new team, as the request states it.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberInput {
    pub name: String,
    pub user_id: Option<i64>,
    /// Each language once, in the order given.
    pub languages: Vec<(Language, Level)>,
}

/// A new team as the request states it.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamInput {
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    /// The GB/T 2260 code of the admin unit the team belongs to (absent: the caller's own).
    pub admin_unit: Option<String>,
    pub members: Vec<MemberInput>,
}

fn team_code(value: &Value) -> Result<String, OutreachError> {
    let text = value.as_str().map(str::trim).unwrap_or_default();
    let valid =
        (1..=32).contains(&text.len()) && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if valid {
        Ok(text.to_owned())
    } else {
        Err(OutreachError::TeamCode { value: value.as_str().map_or_else(|| value.to_string(), str::to_owned) })
    }
}

fn member_of(index: usize, value: &Value) -> Result<MemberInput, DomainError> {
    let member = object(value)?;
    let name = checked_text(&format!("members[{index}].name"), required(member, "name")?, MAX_NAME_CHARS, "name")?;
    let user_id = field(member, "user_id").map(|value| id_of("user_id", value)).transpose()?;
    let languages_given = field(member, "languages")
        .and_then(Value::as_array)
        .filter(|items| (1..=MAX_MEMBER_LANGUAGES).contains(&items.len()))
        .ok_or_else(|| OutreachError::MemberLanguages { member: name.clone(), max: MAX_MEMBER_LANGUAGES })?;
    let mut languages: Vec<(Language, Level)> = Vec::new();
    for item in languages_given {
        let item = object(item)?;
        let language = language_of("language", required(item, "language")?)?;
        let level_value = required(item, "level")?;
        let level = level_value.as_str().and_then(Level::parse).ok_or_else(|| OutreachError::UnknownLevel {
            value: level_value.as_str().map_or_else(|| level_value.to_string(), str::to_owned),
        })?;
        if languages.iter().any(|(known, _)| *known == language) {
            return Err(OutreachError::MemberLanguages { member: name, max: MAX_MEMBER_LANGUAGES }.into());
        }
        languages.push((language, level));
    }
    Ok(MemberInput { name, user_id, languages })
}

impl TeamInput {
    /// Reads `{code, name_zh, name_en?, admin_unit?, members: [{name, user_id?, languages:
    /// [{language, level}]}]}`: a code of 1–32 letters, digits, `-` or `_`; names as checked
    /// text; 1–50 members, each with 1–12 distinct known languages at a known level.
    pub fn from_json(body: &Value) -> Result<TeamInput, DomainError> {
        let body = object(body)?;
        let code = team_code(required(body, "code")?)?;
        let name_zh = checked_text("name_zh", required(body, "name_zh")?, MAX_NAME_CHARS, "name_zh")?;
        let name_en = match field(body, "name_en") {
            Some(Value::String(text)) if text.trim().is_empty() => None,
            Some(value) => Some(checked_text("name_en", value, MAX_NAME_CHARS, "name_en")?),
            None => None,
        };
        let admin_unit = match field(body, "admin_unit") {
            Some(Value::String(text)) if !text.trim().is_empty() => Some(text.trim().to_owned()),
            Some(Value::String(_)) | None => None,
            Some(other) => return Err(DomainError::UnknownJurisdiction { value: other.to_string() }),
        };
        let members = field(body, "members")
            .and_then(Value::as_array)
            .filter(|items| (1..=MAX_MEMBERS).contains(&items.len()))
            .ok_or(OutreachError::Members { max: MAX_MEMBERS })?;
        let members =
            members.iter().enumerate().map(|(index, item)| member_of(index, item)).collect::<Result<_, _>>()?;
        Ok(TeamInput { code, name_zh, name_en, admin_unit, members })
    }
}

/// The filters of the session list.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SessionFilter {
    pub team: Option<i64>,
    /// Local days the session starts on.
    pub span: DateSpan,
    pub status: Option<Status>,
}

impl SessionFilter {
    /// Reads `team` (an id), `from` and `to` (local days `YYYY-MM-DD`, inclusive) and
    /// `status` (`planned`, `held` or `cancelled`); empty values are no filter.
    pub fn parse(
        team: Option<&str>,
        from: Option<&str>,
        to: Option<&str>,
        status: Option<&str>,
    ) -> Result<SessionFilter, DomainError> {
        fn given(value: Option<&str>) -> Option<&str> {
            value.map(str::trim).filter(|text| !text.is_empty())
        }
        let team = given(team).map(super::paging::parse_id).transpose()?;
        let span = DateSpan::parse(None, given(from), given(to))?;
        let status = given(status)
            .map(|code| {
                Status::parse(code)
                    .ok_or_else(|| DomainError::from(OutreachError::UnknownStatus { value: code.to_owned() }))
            })
            .transpose()?;
        Ok(SessionFilter { team, span, status })
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use serde_json::json;

    use super::*;

    const TZ: chrono_tz::Tz = chrono_tz::Asia::Shanghai;
    const TRAVEL: Travel = Travel { speed_kmh: 30.0, road_factor: 1.4 };

    fn local(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
        TZ.with_ymd_and_hms(2027, 1, day, hour, minute, 0).single().expect("time").with_timezone(&Utc)
    }

    fn body() -> Value {
        json!({
            "team_id": 3,
            "village_id": 17,
            "starts_at": "2027-01-10T09:00:00+08:00",
            "ends_at": "2027-01-10T11:00:00+08:00",
            "language": "khb",
            "topics": ["border_law", "anti_drug", "border_law"],
            "presenter_ids": [12, 11, 12],
        })
    }

    fn with(mut value: Value, key: &str, replacement: Value) -> Value {
        value[key] = replacement;
        value
    }

    fn outreach_error<T: std::fmt::Debug>(result: Result<T, DomainError>) -> OutreachError {
        match result {
            Err(DomainError::Outreach(error)) => error,
            other => panic!("expected an outreach error, got {other:?}"),
        }
    }

    fn member(id: i64, name: &str, languages: &[(&str, &str)]) -> MemberFacts {
        MemberFacts {
            id,
            name: name.into(),
            languages: languages.iter().map(|(code, level)| ((*code).into(), (*level).into())).collect(),
        }
    }

    fn here() -> LonLat {
        LonLat::new(100.5, 21.9).expect("position")
    }

    fn facts() -> Facts {
        Facts {
            team: Some(TeamFacts {
                id: 3,
                name: "Team 3".into(),
                members: vec![
                    member(11, "Ai Kham", &[("zh", "fluent"), ("khb", "native")]),
                    member(12, "Yu Na", &[("zh", "native"), ("khb", "basic"), ("hni", "fluent")]),
                    member(13, "Zhang Wei", &[("zh", "native")]),
                ],
            }),
            village: Some(VillageFacts {
                id: 17,
                name: "Manzhang".into(),
                languages: vec!["khb".into(), "zh".into()],
                at: here(),
            }),
            bookings: Vec::new(),
        }
    }

    fn input() -> SessionInput {
        SessionInput::from_json(&body()).expect("valid")
    }

    #[test]
    fn a_session_body_is_read_and_normalised() {
        let input = input();
        assert_eq!(input.starts_at, local(10, 9, 0));
        assert_eq!(input.language.code(), "khb");
        assert_eq!(input.topics.iter().map(|topic| topic.code()).collect::<Vec<_>>(), ["border_law", "anti_drug"]);
        assert_eq!(input.presenter_ids, [11, 12]);
        assert_eq!(input.interpreter, None);
        let named = SessionInput::from_json(&with(body(), "interpreter", json!("  Bo Lan "))).expect("valid");
        assert_eq!(named.interpreter.as_deref(), Some("Bo Lan"));
        assert_eq!(SessionInput::from_json(&with(body(), "interpreter", json!(""))).expect("valid").interpreter, None);
        assert_eq!(
            SessionInput::from_json(&with(body(), "language", json!("khb-Talu"))).expect("valid").language.code(),
            "khb"
        );
    }

    #[test]
    fn bad_session_fields_are_named() {
        assert_eq!(outreach_error(SessionInput::from_json(&json!([]))), OutreachError::Body);
        assert_eq!(
            SessionInput::from_json(&with(body(), "team_id", Value::Null)),
            Err(DomainError::MissingParameter { name: "team_id" })
        );
        assert!(matches!(
            outreach_error(SessionInput::from_json(&with(body(), "village_id", json!(-1)))),
            OutreachError::InvalidId { name: "village_id", .. }
        ));
        assert!(matches!(
            outreach_error(SessionInput::from_json(&with(body(), "starts_at", json!("2027-01-10 09:00")))),
            OutreachError::InvalidTime { name: "starts_at", .. }
        ));
        assert!(matches!(
            outreach_error(SessionInput::from_json(&with(body(), "ends_at", json!("2027-01-10T09:00:00+08:00")))),
            OutreachError::EndsBeforeStart { .. }
        ));
        assert_eq!(
            outreach_error(SessionInput::from_json(&with(body(), "ends_at", json!("2027-01-10T21:00:01+08:00")))),
            OutreachError::TooLong { max_hours: 12 }
        );
        assert_eq!(
            outreach_error(SessionInput::from_json(&with(body(), "language", json!("fr")))),
            OutreachError::UnknownLanguage { name: "language", value: "fr".into() }
        );
        assert_eq!(
            outreach_error(SessionInput::from_json(&with(body(), "topics", json!(["astrology"])))),
            OutreachError::UnknownTopic { name: "topics", value: "astrology".into() }
        );
        assert_eq!(
            outreach_error(SessionInput::from_json(&with(body(), "topics", json!([])))),
            OutreachError::Topics { name: "topics", max: MAX_TOPICS }
        );
        assert_eq!(
            outreach_error(SessionInput::from_json(&with(body(), "presenter_ids", json!([])))),
            OutreachError::Presenters { max: MAX_PRESENTERS }
        );
        assert!(matches!(
            outreach_error(SessionInput::from_json(&with(body(), "interpreter", json!("x".repeat(101))))),
            OutreachError::Text { name: "interpreter", .. }
        ));
    }

    #[test]
    fn zawgyi_text_is_refused_with_its_field_and_position() {
        // "Ko ေအာင္": a Zawgyi vowel E typed before its consonant, at character 4.
        let error = outreach_error(SessionInput::from_json(&with(
            body(),
            "interpreter",
            json!("Ko \u{1031}\u{1021}\u{102C}\u{1004}\u{1039}"),
        )));
        assert_eq!(
            error,
            OutreachError::Zawgyi {
                name: "interpreter".into(),
                rule: "vowel-e",
                position: 4,
                character: "U+1031".into()
            }
        );
        assert_eq!(error.message_id(), "problem-zawgyi-detail");
        let unicode =
            SessionInput::from_json(&with(body(), "interpreter", json!("Ko \u{1021}\u{1031}\u{102C}\u{1004}\u{103A}")));
        assert!(unicode.is_ok(), "the same name in Unicode passes");
        assert!(matches!(
            outreach_error(cancel_reason_from_json(
                &json!({ "reason": "\u{1019}\u{102D}\u{102F}\u{1038}\u{101B}\u{103C}\u{102C}\u{1011}\u{1039}" })
            )),
            OutreachError::Zawgyi { .. }
        ));
    }

    #[test]
    fn a_valid_session_passes_without_warnings() {
        let checked = NewSession::check(input(), &facts(), &TRAVEL, TZ).expect("valid");
        assert!(checked.warnings().is_empty());
    }

    #[test]
    fn unknown_team_and_village_are_not_found() {
        let mut no_team = facts();
        no_team.team = None;
        let error = outreach_error(NewSession::check(input(), &no_team, &TRAVEL, TZ));
        assert_eq!(error, OutreachError::UnknownTeam { id: 3 });
        assert!(error.is_not_found());
        let mut no_village = facts();
        no_village.village = None;
        assert_eq!(
            outreach_error(NewSession::check(input(), &no_village, &TRAVEL, TZ)),
            OutreachError::UnknownVillage { id: 17 }
        );
    }

    #[test]
    fn presenters_must_be_members_of_the_team() {
        let stranger = SessionInput::from_json(&with(body(), "presenter_ids", json!([11, 99]))).expect("valid");
        assert_eq!(
            outreach_error(NewSession::check(stranger, &facts(), &TRAVEL, TZ)),
            OutreachError::NotTeamMember { member: 99, team: "Team 3".into() }
        );
    }

    #[test]
    fn someone_must_speak_the_language_fluently() {
        // Yu Na speaks Tai Lü only at basic level, Zhang Wei not at all.
        let weak = SessionInput::from_json(&with(body(), "presenter_ids", json!([12, 13]))).expect("valid");
        assert_eq!(
            outreach_error(NewSession::check(weak, &facts(), &TRAVEL, TZ)),
            OutreachError::NoFluentPresenter { language: "khb", presenters: "Yu Na: basic, Zhang Wei: —".into() }
        );
        let native = SessionInput::from_json(&with(body(), "presenter_ids", json!([11]))).expect("valid");
        assert!(NewSession::check(native, &facts(), &TRAVEL, TZ).is_ok());
    }

    #[test]
    fn an_unlisted_language_needs_an_interpreter_and_then_warns() {
        let hani = with(with(body(), "language", json!("hni")), "presenter_ids", json!([12]));
        let error =
            outreach_error(NewSession::check(SessionInput::from_json(&hani).expect("valid"), &facts(), &TRAVEL, TZ));
        assert_eq!(
            error,
            OutreachError::VillageLanguage { village: "Manzhang".into(), language: "hni", listed: "khb, zh".into() }
        );
        let interpreted = SessionInput::from_json(&with(hani, "interpreter", json!("Bo Lan"))).expect("valid");
        let checked = NewSession::check(interpreted, &facts(), &TRAVEL, TZ).expect("allowed with a warning");
        assert_eq!(
            checked.warnings(),
            [SessionWarning::VillageLanguageNotListed {
                village: "Manzhang".into(),
                language: Language::parse("hni").expect("known"),
                listed: "khb, zh".into(),
                interpreter: "Bo Lan".into(),
            }]
        );
    }

    fn booking(
        session_id: i64,
        team_id: i64,
        at: LonLat,
        starts_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
        presenters: &[i64],
    ) -> Booking {
        Booking {
            session_id,
            team_id,
            village: format!("V{session_id}"),
            at,
            starts_at,
            ends_at,
            presenters: presenters.to_vec(),
        }
    }

    #[test]
    fn travel_time_between_villages_separates_sessions() {
        // 0.2° of latitude north: about 22.1 km, 31.0 road km, 62 minutes at 30 km/h.
        let north = LonLat::new(100.5, 22.1).expect("position");
        let leg = TRAVEL.between(here(), north);
        let metres = Geodesic.distance(Point::new(100.5, 21.9), Point::new(100.5, 22.1));
        assert_eq!(leg.minutes, (metres * 1.4 / 1000.0 / 30.0 * 60.0).ceil() as i64);
        // The team's other session ends 07:30 there: 90 minutes before 09:00, enough.
        let mut enough = facts();
        enough.bookings = vec![booking(5, 3, north, local(10, 6, 0), local(10, 7, 30), &[])];
        assert!(NewSession::check(input(), &enough, &TRAVEL, TZ).is_ok());
        // Ending 08:30 leaves 30 minutes: too few.
        let mut short = facts();
        short.bookings = vec![booking(5, 3, north, local(10, 7, 0), local(10, 8, 30), &[])];
        let error = outreach_error(NewSession::check(input(), &short, &TRAVEL, TZ));
        let OutreachError::TeamBooked { team, clash } = &error else { panic!("{error:?}") };
        assert_eq!(team, "Team 3");
        assert_eq!((clash.session, clash.travel_minutes, clash.gap_minutes), (5, leg.minutes, 30));
        assert_eq!(clash.starts_at, "2027-01-10 07:00");
        assert!(error.is_conflict());
        // After the session: starting 11:30 at the other village is too soon as well.
        let mut after = facts();
        after.bookings = vec![booking(6, 3, north, local(10, 11, 30), local(10, 12, 30), &[])];
        assert!(matches!(
            outreach_error(NewSession::check(input(), &after, &TRAVEL, TZ)),
            OutreachError::TeamBooked { clash, .. } if clash.session == 6 && clash.gap_minutes == 30
        ));
        // In the same village back to back is fine; overlapping is not.
        let mut same = facts();
        same.bookings = vec![booking(7, 3, here(), local(10, 11, 0), local(10, 12, 0), &[])];
        assert!(NewSession::check(input(), &same, &TRAVEL, TZ).is_ok());
        same.bookings = vec![booking(7, 3, here(), local(10, 10, 59), local(10, 12, 0), &[])];
        assert!(matches!(
            outreach_error(NewSession::check(input(), &same, &TRAVEL, TZ)),
            OutreachError::TeamBooked { clash, .. }
                if clash.session == 7 && clash.gap_minutes == 0 && clash.travel_minutes == 0
        ));
        // A faster road makes the short gap enough.
        let fast = Travel { speed_kmh: 80.0, road_factor: 1.4 };
        assert!(NewSession::check(input(), &short, &fast, TZ).is_ok());
    }

    #[test]
    fn a_booked_presenter_is_named_before_the_team() {
        let north = LonLat::new(100.5, 22.1).expect("position");
        let mut facts = facts();
        facts.bookings = vec![
            booking(5, 3, north, local(10, 7, 0), local(10, 8, 30), &[]),
            // Another team's session that Ai Kham (as the same user) presents.
            booking(9, 4, north, local(10, 10, 0), local(10, 12, 0), &[11]),
        ];
        let error = outreach_error(NewSession::check(input(), &facts, &TRAVEL, TZ));
        assert!(
            matches!(&error, OutreachError::PresenterBooked { presenter, clash } if presenter == "Ai Kham" && clash.session == 9),
            "{error:?}"
        );
        let args = error.args();
        for name in
            ["presenter", "session", "village", "starts_at", "ends_at", "travel_minutes", "road_km", "gap_minutes"]
        {
            assert!(args.iter().any(|(arg, _)| *arg == name), "{name} in {args:?}");
        }
    }

    #[test]
    fn attendance_parts_may_not_exceed_the_total() {
        let held = |women: i64, under18: i64| {
            HeldInput::from_json(&json!({
                "attendance": { "total": 40, "women": women, "under18": under18 },
                "topics_covered": ["anti_fraud"],
            }))
        };
        let ok = held(40, 0).expect("valid");
        assert_eq!((ok.total, ok.women, ok.under18), (40, 40, 0));
        assert_eq!(
            outreach_error(held(41, 0)),
            OutreachError::AttendancePart { name: "attendance.women", count: 41, total: 40 }
        );
        assert_eq!(
            outreach_error(held(3, 45)),
            OutreachError::AttendancePart { name: "attendance.under18", count: 45, total: 40 }
        );
        assert!(matches!(outreach_error(held(-1, 0)), OutreachError::Attendance { name: "attendance.women", .. }));
        assert_eq!(
            HeldInput::from_json(&json!({ "topics_covered": ["anti_fraud"] })),
            Err(DomainError::MissingParameter { name: "attendance" })
        );
    }

    #[test]
    fn only_planned_sessions_move_and_held_ones_must_have_started() {
        assert!(require_planned(4, "planned").is_ok());
        assert_eq!(require_planned(4, "held"), Err(OutreachError::NotPlanned { session: 4, status: "held" }));
        assert_eq!(require_planned(4, "cancelled"), Err(OutreachError::NotPlanned { session: 4, status: "cancelled" }));
        assert!(require_started(4, local(10, 9, 0), local(10, 9, 0), TZ).is_ok());
        assert_eq!(
            require_started(4, local(10, 9, 0), local(10, 8, 59), TZ),
            Err(OutreachError::NotStarted { session: 4, starts_at: "2027-01-10 09:00".into() })
        );
    }

    #[test]
    fn a_team_body_is_read_with_its_members_languages_and_levels() {
        let team = TeamInput::from_json(&json!({
            "code": "MH-07",
            "name_zh": "勐海普法第7队",
            "members": [
                { "name": "Ai Kham", "languages": [{ "language": "khb", "level": "native" }, { "language": "zh-CN", "level": "Fluent" }] },
                { "name": "Yu Na", "user_id": 5, "languages": [{ "language": "hni", "level": "basic" }] },
            ],
        }))
        .expect("valid");
        assert_eq!(team.code, "MH-07");
        assert_eq!(team.name_en, None);
        assert_eq!(team.members[0].languages, [(Language("khb"), Level::Native), (Language("zh"), Level::Fluent)]);
        assert_eq!(team.members[1].user_id, Some(5));
        let bad = |members: Value| {
            outreach_error(TeamInput::from_json(&json!({ "code": "T", "name_zh": "队", "members": members })))
        };
        assert_eq!(bad(json!([])), OutreachError::Members { max: MAX_MEMBERS });
        assert_eq!(
            bad(json!([{ "name": "A", "languages": [{ "language": "zh", "level": "expert" }] }])),
            OutreachError::UnknownLevel { value: "expert".into() }
        );
        assert_eq!(
            bad(
                json!([{ "name": "A", "languages": [{ "language": "zh", "level": "basic" }, { "language": "ZH", "level": "native" }] }])
            ),
            OutreachError::MemberLanguages { member: "A".into(), max: MAX_MEMBER_LANGUAGES }
        );
        assert!(matches!(
            bad(json!([{ "name": "\u{103B}\u{1019}", "languages": [{ "language": "my", "level": "native" }] }])),
            OutreachError::Zawgyi { name, rule: "medial", position: 1, .. } if name == "members[0].name"
        ));
        assert!(matches!(
            outreach_error(TeamInput::from_json(&json!({ "code": "no spaces", "name_zh": "队", "members": [] }))),
            OutreachError::TeamCode { .. }
        ));
    }

    #[test]
    fn every_language_of_the_region_is_known_and_levels_rank() {
        for code in ["zh", "khb", "hni", "ahk", "lhu", "blr", "ium", "jiu", "lo", "my", "th", "en"] {
            let language = Language::parse(code).expect("known");
            assert_eq!(language.code(), code);
            assert_eq!(language.message_id(), format!("page-record-language-{code}"));
        }
        assert!(Level::Native.can_present() && Level::Fluent.can_present() && !Level::Basic.can_present());
        assert_eq!(
            Topic::parse("land_disputes").map(Topic::message_id).as_deref(),
            Some("outreach-topic-land-disputes")
        );
        let filter = SessionFilter::parse(Some("3"), Some("2027-01-01"), Some(""), Some("held")).expect("valid");
        assert_eq!((filter.team, filter.status), (Some(3), Some(Status::Held)));
        assert!(SessionFilter::parse(None, None, None, Some("done")).is_err());
        assert!(SessionFilter::parse(None, Some("2027-02-01"), Some("2027-01-01"), None).is_err());
    }

    #[test]
    fn a_village_language_is_matched_by_its_primary_subtag_else_an_interpreter_is_needed() {
        let zh = Language::parse("zh").expect("zh");
        let languages = vec!["khb".to_owned(), "zh-CN".to_owned()];
        assert_eq!(language_warning("曼庄", &languages, zh, None), Ok(None));
        let hni = Language::parse("hni").expect("hni");
        let warning = language_warning("曼庄", &languages, hni, Some("Li Mo")).expect("allowed").expect("a warning");
        assert_eq!(warning.code(), "village_language_not_listed");
        assert!(warning.args().contains(&("listed", "khb, zh-CN".to_owned())), "{warning:?}");
        assert_eq!(
            language_warning("曼庄", &[], hni, None),
            Err(OutreachError::VillageLanguage {
                village: "曼庄".to_owned(), language: "hni", listed: "—".to_owned()
            })
        );
    }
}
