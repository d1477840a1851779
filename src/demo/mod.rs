//! Deterministic demo data for a seed: villages and posts along the real border, departments,
//! linkages, outreach teams, 2023–2024 visits, patrols, sessions, cases and incidents, shaped
//! so that 2024 against 2023 reproduces the published figures (see [`targets`]).
//!
//! Generation is pure (no database): the store layer writes what this module returns.
//! Each part draws from its own random stream, so changing the number of incidents does not
//! change the villages.

mod activity;
mod geography;
mod incidents;
mod indicators;
mod names;
mod people;

use chrono::{DateTime, NaiveDate, Utc};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::border::Border;

pub use incidents::{DEFAULT_TOTAL as DEFAULT_INCIDENTS, IncidentStream, MIN_TOTAL as MIN_INCIDENTS, incident_split};

/// The published 2024-vs-2023 changes the demo reproduces (per cent).
pub mod targets {
    pub const INCIDENTS_PCT: f64 = -31.3;
    pub const PERSONS_PCT: f64 = -34.5;
    pub const KEY_COLLECTIVE_INCOME_PCT: f64 = 11.7;
    pub const KEY_PER_CAPITA_INCOME_PCT: f64 = 2.5;
    pub const KEY_VILLAGERS_IN_CRIME_PCT: f64 = -56.4;
    pub const BASE_YEAR: i32 = 2023;
    pub const COMPARE_YEAR: i32 = 2024;
}

/// A township (乡镇) along the border: its stretch of the line in km.
#[derive(Clone, Debug, PartialEq)]
pub struct Township {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    /// GB/T 2260 code of the county-level unit.
    pub county_code: &'static str,
    pub start_km: f64,
    pub end_km: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Village {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    /// Index into [`Demo::townships`].
    pub township: usize,
    pub lon: f64,
    pub lat: f64,
    /// km of the station the village was placed from (a generation aid, not `border_km`).
    pub placed_km: f64,
    pub households: i32,
    pub population: i32,
    pub ethnic_groups: Vec<&'static str>,
    /// BCP 47 tags, primary first.
    pub languages: Vec<&'static str>,
    pub is_key: bool,
    /// True for real places from `geodata/places.csv` (real name; invented attributes).
    pub real_place: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    pub village: usize,
    pub year: i32,
    pub collective_income_cny: i64,
    pub per_capita_income_cny: i64,
    pub villagers_in_cross_border_crime: i32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Post {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub township: usize,
    pub lon: f64,
    pub lat: f64,
    pub sector_start_km: f64,
    pub sector_end_km: f64,
    pub staff: i32,
}

/// Where a department sits in the admin tree.
#[derive(Clone, Debug, PartialEq)]
pub enum Unit {
    /// A GB/T 2260 code of the prefecture or a county.
    Code(&'static str),
    Township(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Department {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    /// `member_unit` or `township_station`.
    pub kind: &'static str,
    pub unit: Unit,
}

#[derive(Clone, Debug, PartialEq)]
pub struct User {
    pub username: String,
    pub display_name: String,
    pub role: &'static str,
    pub unit: Unit,
    pub department: Option<usize>,
    pub languages: Vec<&'static str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Linkage {
    pub department: usize,
    pub village: usize,
    pub post: usize,
    pub starts_on: NaiveDate,
    pub officers: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub kind: &'static str,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Visit {
    pub uuid: uuid::Uuid,
    pub linkage: usize,
    pub officer: usize,
    /// `village` or `post`.
    pub target: &'static str,
    pub visited_at: DateTime<Utc>,
    pub lon: f64,
    pub lat: f64,
    pub accuracy_m: f64,
    pub findings: Vec<Finding>,
    pub follow_ups: Option<String>,
    pub distance_to_target_m: f64,
    pub flags: Vec<&'static str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Patrol {
    pub post: usize,
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    /// WGS84 lon/lat track.
    pub track: Vec<[f64; 2]>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub name: String,
    /// BCP 47 codes with the level spoken, Chinese first.
    pub languages: Vec<(&'static str, crate::domain::outreach::Level)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Team {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub county_code: &'static str,
    pub members: Vec<Member>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub team: usize,
    pub village: usize,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub language: &'static str,
    pub topics: Vec<&'static str>,
    /// `planned`, `held` or `cancelled`.
    pub status: &'static str,
    pub attendance: Option<(i32, i32, i32)>,
    pub cancel_reason: Option<&'static str>,
    /// Indexes into the team's members; at least one speaks `language` fluently or natively.
    pub presenters: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CaseEvent {
    pub at: DateTime<Utc>,
    pub from_stage: Option<&'static str>,
    pub to_stage: &'static str,
    pub note: Option<String>,
}

/// What a case was opened from; the incident is referred to by its position among the
/// generated incidents, the visit by its index.
#[derive(Clone, Debug, PartialEq)]
pub enum CaseOrigin {
    QrReport,
    VisitFinding(usize),
    Incident(u64),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    pub code: String,
    pub title: String,
    pub description: String,
    pub stage: &'static str,
    pub origin: CaseOrigin,
    pub village: usize,
    pub department: Option<usize>,
    pub reported_at: DateTime<Utc>,
    pub stage_due_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub satisfaction: Option<i16>,
    pub events: Vec<CaseEvent>,
}

/// One generated incident.
#[derive(Clone, Debug, PartialEq)]
pub struct Incident {
    pub occurred_at: DateTime<Utc>,
    pub lon: f64,
    pub lat: f64,
    pub category: &'static str,
    pub persons_apprehended: i32,
    pub villagers_involved: i32,
    pub village: Option<usize>,
    /// Index into [`Demo::townships`]: the jurisdiction the incident belongs to.
    pub township: usize,
}

/// Everything but the incidents, which are streamed (there may be millions).
#[derive(Clone, Debug, PartialEq)]
pub struct Demo {
    pub seed: u64,
    pub townships: Vec<Township>,
    pub villages: Vec<Village>,
    pub indicators: Vec<Indicator>,
    pub posts: Vec<Post>,
    pub departments: Vec<Department>,
    pub users: Vec<User>,
    pub linkages: Vec<Linkage>,
    pub visits: Vec<Visit>,
    pub patrols: Vec<Patrol>,
    pub teams: Vec<Team>,
    pub sessions: Vec<Session>,
    pub cases: Vec<Case>,
}

/// Separate random streams per part, derived from the seed.
fn stream(seed: u64, part: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(part))
}

impl Demo {
    /// Generates the reference and activity data for `seed`; `incident_total` is needed only
    /// so that cases opened from incidents refer to incidents that exist.
    pub fn generate(seed: u64, incident_total: u64, tz: chrono_tz::Tz) -> Demo {
        let border = Border::bundled();
        let townships = geography::townships(border);
        let villages = geography::villages(border, &townships, &mut stream(seed, 1));
        let indicators = indicators::generate(&villages, &mut stream(seed, 2));
        let posts = geography::posts(border, &townships, &villages, &mut stream(seed, 3));
        let departments = people::departments(&townships);
        let users = people::liaison_officers(&departments, &mut stream(seed, 4));
        let linkages = activity::linkages(&villages, &townships, &posts, &departments, &users, &mut stream(seed, 5));
        let visits = activity::visits(&linkages, &villages, &posts, tz, &mut stream(seed, 6));
        let patrols = activity::patrols(border, &posts, tz, &mut stream(seed, 7));
        let teams = people::teams(&mut stream(seed, 8));
        let sessions = activity::sessions(&teams, &villages, &townships, tz, &mut stream(seed, 9));
        let cases =
            activity::cases(&villages, &townships, &departments, &visits, incident_total, tz, &mut stream(seed, 10));
        Demo {
            seed,
            townships,
            villages,
            indicators,
            posts,
            departments,
            users,
            linkages,
            visits,
            patrols,
            teams,
            sessions,
            cases,
        }
    }

    /// The incidents of 2023 and 2024, `total` in all, generated lazily in order.
    pub fn incidents(&self, total: u64, tz: chrono_tz::Tz) -> IncidentStream<'_> {
        IncidentStream::new(self, total, tz, stream(self.seed, 11))
    }
}
