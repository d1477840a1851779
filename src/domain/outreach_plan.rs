//! Planning legal outreach, pure: how a period's held sessions covered the villages (tallied
//! for key villages and for all, per language and per county) and how villages rank for a
//! team's next sessions, each with the reasons a coordinator can read.
//!
//! Whether one village was reached is [`super::figures::reached_in_primary_language`], the
//! dashboard's rule; this module only counts and weighs.
//!
//! The ranking rule ([`rank`], ordered by [`compare`]):
//! - a key village scores [`KEY_POINTS`];
//! - time since the last session held in the village's primary language scores
//!   [`POINTS_PER_MONTH`] a whole month, up to [`MAX_WAIT_POINTS`] (reached after
//!   [`MAX_WAIT_MONTHS`] months); never held scores [`MAX_WAIT_POINTS`];
//! - the incidents near the village, the last [`TREND_MONTHS`] whole months against the
//!   [`TREND_MONTHS`] before: rising or new scores [`RISING_POINTS`], unchanged
//!   [`STEADY_POINTS`], falling [`FALLING_POINTS`], none or unknown 0;
//! - villages come in three groups whatever their score: first those the team can serve (a
//!   member speaks the primary language at fluent level or better, or the village lists no
//!   language), then those with a session already planned in the period in their primary
//!   language, last those whose primary language no member can present in. Within a group the
//!   higher score comes first, then key villages, then the longer wait.

use std::cmp::Ordering;

use chrono::{Datelike, Months, NaiveDate};

use super::bins::KmBins;
use super::figures::{Change, Direction, share_percent};

/// Points of a key village.
pub const KEY_POINTS: u32 = 40;
/// Points a whole month since the last session held in the primary language.
pub const POINTS_PER_MONTH: u32 = 2;
/// The wait that earns the most points, in months.
pub const MAX_WAIT_MONTHS: u32 = 15;
/// The most points waiting earns, and what a village never reached in its language earns.
pub const MAX_WAIT_POINTS: u32 = POINTS_PER_MONTH * MAX_WAIT_MONTHS;
/// Points of incidents rising (or appearing) near the village.
pub const RISING_POINTS: u32 = 30;
/// Points of incidents near the village as many as the year before (and some).
pub const STEADY_POINTS: u32 = 15;
/// Points of incidents near the village falling.
pub const FALLING_POINTS: u32 = 5;
/// Months in each of the two incident windows compared.
pub const TREND_MONTHS: u32 = 12;
/// Km along the border on either side of a village within which incidents count as near it.
pub const NEAR_KM: f64 = 10.0;
/// Width of the km bins of the border the incidents near a village are counted in.
pub const TREND_BIN_KM: f64 = 5.0;

/// Villages counted and those of them reached.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub total: u64,
    pub covered: u64,
}

impl Tally {
    pub fn add(&mut self, covered: bool) {
        self.total += 1;
        self.covered += u64::from(covered);
    }

    pub fn uncovered(&self) -> u64 {
        self.total - self.covered
    }

    /// The share covered in percent, unrounded; `None` without villages.
    pub fn share_percent(&self) -> Option<f64> {
        share_percent(self.covered, self.total)
    }
}

/// Coverage of a group of villages: the key villages among them and all of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CoverageTally {
    pub key: Tally,
    pub all: Tally,
}

impl CoverageTally {
    /// Counts one village.
    ///
    /// ```
    /// use banna_border::domain::outreach_plan::CoverageTally;
    /// let mut tally = CoverageTally::default();
    /// tally.add(true, true);
    /// tally.add(true, false);
    /// tally.add(false, true);
    /// assert_eq!((tally.key.share_percent(), tally.all.covered, tally.all.uncovered()), (Some(50.0), 2, 1));
    /// ```
    pub fn add(&mut self, is_key: bool, covered: bool) {
        self.all.add(covered);
        if is_key {
            self.key.add(covered);
        }
    }
}

/// Whole calendar months from `earlier` to `later` (0 when `later` is not a month on). A
/// month from a day the next month lacks ends on that month's last day.
///
/// ```
/// use banna_border::domain::outreach_plan::whole_months;
/// use chrono::NaiveDate;
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(whole_months(day(2024, 1, 31), day(2024, 2, 28)), 0);
/// assert_eq!(whole_months(day(2024, 1, 31), day(2024, 2, 29)), 1);
/// assert_eq!(whole_months(day(2023, 4, 2), day(2025, 4, 2)), 24);
/// ```
pub fn whole_months(earlier: NaiveDate, later: NaiveDate) -> u32 {
    if later <= earlier {
        return 0;
    }
    let months = (later.year() - earlier.year()) * 12 + later.month() as i32 - earlier.month() as i32;
    let mut months = u32::try_from(months).unwrap_or(0);
    // Not a whole month yet when the day has not come round.
    while months > 0 && earlier.checked_add_months(Months::new(months)).is_none_or(|anniversary| anniversary > later) {
        months -= 1;
    }
    months
}

/// Local days `first ..= last`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Days {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

/// The two incident windows of a planning period starting on `from`: the [`TREND_MONTHS`]
/// whole months before the month of `from` (recent), and the [`TREND_MONTHS`] before those.
/// `None` only at the ends of the calendar.
///
/// ```
/// use banna_border::domain::outreach_plan::incident_windows;
/// use chrono::NaiveDate;
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let (before, recent) = incident_windows(day(2025, 3, 15)).unwrap();
/// assert_eq!((before.first, before.last), (day(2023, 3, 1), day(2024, 2, 29)));
/// assert_eq!((recent.first, recent.last), (day(2024, 3, 1), day(2025, 2, 28)));
/// ```
pub fn incident_windows(from: NaiveDate) -> Option<(Days, Days)> {
    let month = NaiveDate::from_ymd_opt(from.year(), from.month(), 1)?;
    let recent_first = month.checked_sub_months(Months::new(TREND_MONTHS))?;
    let before_first = recent_first.checked_sub_months(Months::new(TREND_MONTHS))?;
    Some((
        Days { first: before_first, last: recent_first.pred_opt()? },
        Days { first: recent_first, last: month.pred_opt()? },
    ))
}

/// The bins of `bins` that share some length with `border_km ± NEAR_KM`: the incidents
/// counted as near a village at `border_km`.
///
/// ```
/// use banna_border::domain::bins::{BinWidth, KmBins};
/// use banna_border::domain::outreach_plan::near_bins;
/// let bins = KmBins::new(BinWidth::new(5.0).unwrap(), 600.0);
/// assert_eq!(near_bins(&bins, 100.0), vec![18, 19, 20, 21]);
/// assert_eq!(near_bins(&bins, 2.0), vec![0, 1, 2]);
/// ```
pub fn near_bins(bins: &KmBins, border_km: f64) -> Vec<usize> {
    let (low, high) = (border_km - NEAR_KM, border_km + NEAR_KM);
    (0..bins.count())
        .filter(|&index| {
            let (start, end) = bins.range(index);
            start < high && end > low
        })
        .collect()
}

/// Whether the team can present in a village's primary language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LanguageFit {
    /// A member speaks it at fluent level or better.
    Serves { language: String },
    /// No member speaks it at fluent level or better.
    CannotServe { language: String },
    /// The village lists no language.
    NoLanguageListed,
}

/// Incidents near a village in the two windows of [`incident_windows`]; `None` for a village
/// without border fields (not located on the line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NearbyIncidents {
    pub before: i64,
    pub recent: i64,
}

impl NearbyIncidents {
    pub fn direction(&self) -> Direction {
        Change::new(self.before as f64, self.recent as f64).direction()
    }
}

/// What the ranking weighs about one village.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub is_key: bool,
    /// The local day of the last session held in its primary language before the period.
    pub last_held: Option<NaiveDate>,
    /// The first day of the planning period.
    pub from: NaiveDate,
    pub incidents: Option<NearbyIncidents>,
    pub language: LanguageFit,
    /// The local day of the first session planned in the period in its primary language.
    pub planned: Option<NaiveDate>,
}

/// A reason a village ranks where it does, in the order they are given; each is a Fluent
/// message of `locales/*/outreach_plan.ftl`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    KeyVillage,
    NeverHeld,
    LastHeld { on: NaiveDate, months: u32 },
    IncidentsRising { before: i64, recent: i64 },
    IncidentsNew { recent: i64 },
    IncidentsSteady { count: i64 },
    IncidentsFalling { before: i64, recent: i64 },
    NoIncidents,
    NotLocated,
    LanguageServed { language: String },
    LanguageNotServed { language: String },
    NoLanguageListed,
    AlreadyPlanned { on: NaiveDate },
}

impl Reason {
    /// A stable code for clients (`key-village`, `never-held`, …).
    pub fn code(&self) -> &'static str {
        match self {
            Reason::KeyVillage => "key-village",
            Reason::NeverHeld => "never-held",
            Reason::LastHeld { .. } => "last-held",
            Reason::IncidentsRising { .. } => "incidents-rising",
            Reason::IncidentsNew { .. } => "incidents-new",
            Reason::IncidentsSteady { .. } => "incidents-steady",
            Reason::IncidentsFalling { .. } => "incidents-falling",
            Reason::NoIncidents => "no-incidents",
            Reason::NotLocated => "not-located",
            Reason::LanguageServed { .. } => "language-served",
            Reason::LanguageNotServed { .. } => "language-not-served",
            Reason::NoLanguageListed => "no-language-listed",
            Reason::AlreadyPlanned { .. } => "already-planned",
        }
    }

    /// The Fluent message saying the reason in words.
    pub fn message_id(&self) -> &'static str {
        match self {
            Reason::KeyVillage => "outreach-plan-reason-key-village",
            Reason::NeverHeld => "outreach-plan-reason-never-held",
            Reason::LastHeld { .. } => "outreach-plan-reason-last-held",
            Reason::IncidentsRising { .. } => "outreach-plan-reason-incidents-rising",
            Reason::IncidentsNew { .. } => "outreach-plan-reason-incidents-new",
            Reason::IncidentsSteady { .. } => "outreach-plan-reason-incidents-steady",
            Reason::IncidentsFalling { .. } => "outreach-plan-reason-incidents-falling",
            Reason::NoIncidents => "outreach-plan-reason-no-incidents",
            Reason::NotLocated => "outreach-plan-reason-not-located",
            Reason::LanguageServed { .. } => "outreach-plan-reason-language-served",
            Reason::LanguageNotServed { .. } => "outreach-plan-reason-language-not-served",
            Reason::NoLanguageListed => "outreach-plan-reason-no-language-listed",
            Reason::AlreadyPlanned { .. } => "outreach-plan-reason-already-planned",
        }
    }
}

/// Where a village goes in the list, before its score is compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    /// The team can serve it and nothing is planned yet.
    Open,
    /// A session in its primary language is planned in the period already.
    Planned,
    /// No member can present in its primary language.
    CannotServe,
}

impl Group {
    pub fn code(self) -> &'static str {
        match self {
            Group::Open => "open",
            Group::Planned => "planned",
            Group::CannotServe => "cannot-serve",
        }
    }
}

/// A village weighed by [`rank`].
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    pub score: u32,
    pub group: Group,
    /// Whole months since the last session held in the primary language; `None` for never.
    pub months_waiting: Option<u32>,
    pub is_key: bool,
    pub reasons: Vec<Reason>,
}

/// Weighs one village by the rule of the module documentation.
///
/// ```
/// use banna_border::domain::outreach_plan::{Candidate, Group, LanguageFit, NearbyIncidents, rank};
/// use chrono::NaiveDate;
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let village = Candidate {
///     is_key: true,
///     last_held: Some(day(2024, 1, 10)),
///     from: day(2024, 7, 1),
///     incidents: Some(NearbyIncidents { before: 2, recent: 5 }),
///     language: LanguageFit::Serves { language: "khb".into() },
///     planned: None,
/// };
/// let ranked = rank(&village);
/// assert_eq!((ranked.score, ranked.group), (40 + 5 * 2 + 30, Group::Open));
/// ```
pub fn rank(candidate: &Candidate) -> Ranked {
    let mut reasons = Vec::new();
    let mut score = 0;
    if candidate.is_key {
        score += KEY_POINTS;
        reasons.push(Reason::KeyVillage);
    }
    let months_waiting = candidate.last_held.map(|on| whole_months(on, candidate.from));
    match (candidate.last_held, months_waiting) {
        (Some(on), Some(months)) => {
            score += months.min(MAX_WAIT_MONTHS) * POINTS_PER_MONTH;
            reasons.push(Reason::LastHeld { on, months });
        }
        _ => {
            score += MAX_WAIT_POINTS;
            reasons.push(Reason::NeverHeld);
        }
    }
    match candidate.incidents {
        None => reasons.push(Reason::NotLocated),
        Some(found) => {
            let NearbyIncidents { before, recent } = found;
            let (points, reason) = match found.direction() {
                Direction::Up => (RISING_POINTS, Reason::IncidentsRising { before, recent }),
                Direction::New => (RISING_POINTS, Reason::IncidentsNew { recent }),
                Direction::Same => (STEADY_POINTS, Reason::IncidentsSteady { count: recent }),
                Direction::Down => (FALLING_POINTS, Reason::IncidentsFalling { before, recent }),
                Direction::None => (0, Reason::NoIncidents),
            };
            score += points;
            reasons.push(reason);
        }
    }
    let mut group = Group::Open;
    match &candidate.language {
        LanguageFit::Serves { language } => reasons.push(Reason::LanguageServed { language: language.clone() }),
        LanguageFit::CannotServe { language } => {
            group = Group::CannotServe;
            reasons.push(Reason::LanguageNotServed { language: language.clone() });
        }
        LanguageFit::NoLanguageListed => reasons.push(Reason::NoLanguageListed),
    }
    if let Some(on) = candidate.planned {
        group = group.max(Group::Planned);
        reasons.push(Reason::AlreadyPlanned { on });
    }
    Ranked { score, group, months_waiting, is_key: candidate.is_key, reasons }
}

/// The order of the suggestions: group, then score (higher first), then key villages, then
/// the longer wait (never first). Ties are left to the caller (e.g. by village code).
pub fn compare(a: &Ranked, b: &Ranked) -> Ordering {
    let wait = |ranked: &Ranked| ranked.months_waiting.map_or(u32::MAX, |months| months);
    a.group.cmp(&b.group).then(b.score.cmp(&a.score)).then(b.is_key.cmp(&a.is_key)).then(wait(b).cmp(&wait(a)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("a date")
    }

    fn candidate() -> Candidate {
        Candidate {
            is_key: false,
            last_held: None,
            from: day(2025, 1, 1),
            incidents: Some(NearbyIncidents { before: 0, recent: 0 }),
            language: LanguageFit::Serves { language: "hni".into() },
            planned: None,
        }
    }

    #[test]
    fn a_key_village_never_reached_with_rising_incidents_scores_everything() {
        let ranked =
            rank(&Candidate { is_key: true, incidents: Some(NearbyIncidents { before: 1, recent: 4 }), ..candidate() });
        assert_eq!(ranked.score, KEY_POINTS + MAX_WAIT_POINTS + RISING_POINTS);
        assert_eq!(ranked.group, Group::Open);
        let codes: Vec<&str> = ranked.reasons.iter().map(Reason::code).collect();
        assert_eq!(codes, ["key-village", "never-held", "incidents-rising", "language-served"]);
    }

    #[test]
    fn waiting_earns_points_per_whole_month_up_to_the_cap() {
        let waited = |last: NaiveDate| rank(&Candidate { last_held: Some(last), ..candidate() });
        assert_eq!(waited(day(2024, 12, 2)).score, 0, "less than a month");
        assert_eq!(waited(day(2024, 10, 1)).score, 3 * POINTS_PER_MONTH);
        assert_eq!(waited(day(2020, 1, 1)).score, MAX_WAIT_POINTS);
        assert_eq!(waited(day(2020, 1, 1)).months_waiting, Some(60));
        assert_eq!(rank(&candidate()).score, MAX_WAIT_POINTS, "never held is the longest wait");
    }

    #[test]
    fn each_incident_trend_has_its_points_and_reason() {
        let with =
            |before, recent| rank(&Candidate { incidents: Some(NearbyIncidents { before, recent }), ..candidate() });
        let trend_points = |ranked: Ranked| ranked.score - MAX_WAIT_POINTS;
        assert_eq!(trend_points(with(0, 3)), RISING_POINTS);
        assert_eq!(with(0, 3).reasons[1], Reason::IncidentsNew { recent: 3 });
        assert_eq!(trend_points(with(3, 3)), STEADY_POINTS);
        assert_eq!(trend_points(with(5, 2)), FALLING_POINTS);
        assert_eq!(with(5, 2).reasons[1], Reason::IncidentsFalling { before: 5, recent: 2 });
        assert_eq!(trend_points(with(0, 0)), 0);
        let unlocated = rank(&Candidate { incidents: None, ..candidate() });
        assert_eq!((unlocated.score, unlocated.reasons[1].clone()), (MAX_WAIT_POINTS, Reason::NotLocated));
    }

    #[test]
    fn villages_the_team_cannot_serve_go_last_whatever_their_score() {
        let unserved = rank(&Candidate {
            is_key: true,
            incidents: Some(NearbyIncidents { before: 0, recent: 9 }),
            language: LanguageFit::CannotServe { language: "lhu".into() },
            ..candidate()
        });
        let planned = rank(&Candidate { is_key: true, planned: Some(day(2025, 1, 20)), ..candidate() });
        let modest = rank(&Candidate { last_held: Some(day(2024, 12, 20)), ..candidate() });
        let unlisted = rank(&Candidate { language: LanguageFit::NoLanguageListed, ..candidate() });
        assert!(unserved.score > modest.score && planned.score > modest.score);
        let mut all = [unserved.clone(), planned.clone(), modest.clone(), unlisted.clone()];
        all.sort_by(compare);
        assert_eq!(
            all.clone().map(|ranked| ranked.group),
            [Group::Open, Group::Open, Group::Planned, Group::CannotServe]
        );
        assert_eq!(all[0], unlisted, "the higher score first within a group");
        assert!(unserved.reasons.contains(&Reason::LanguageNotServed { language: "lhu".into() }));
        assert!(planned.reasons.contains(&Reason::AlreadyPlanned { on: day(2025, 1, 20) }));
    }

    #[test]
    fn a_planned_village_the_team_cannot_serve_stays_last() {
        let ranked = rank(&Candidate {
            language: LanguageFit::CannotServe { language: "lo".into() },
            planned: Some(day(2025, 2, 1)),
            ..candidate()
        });
        assert_eq!(ranked.group, Group::CannotServe);
    }

    #[test]
    fn ties_go_to_key_villages_then_to_the_longer_wait() {
        let a = Ranked { score: 50, group: Group::Open, months_waiting: Some(3), is_key: false, reasons: vec![] };
        let b = Ranked { is_key: true, ..a.clone() };
        let c = Ranked { months_waiting: None, ..a.clone() };
        assert_eq!(compare(&b, &a), Ordering::Less);
        assert_eq!(compare(&c, &a), Ordering::Less, "never held before a wait of 3 months");
    }

    #[test]
    fn months_are_counted_on_the_calendar() {
        assert_eq!(whole_months(day(2024, 2, 29), day(2025, 2, 27)), 11);
        assert_eq!(whole_months(day(2024, 2, 29), day(2025, 2, 28)), 12);
        assert_eq!(whole_months(day(2024, 3, 31), day(2024, 4, 30)), 1);
        assert_eq!(whole_months(day(2025, 1, 1), day(2024, 1, 1)), 0);
    }

    #[test]
    fn tallies_count_key_villages_apart() {
        let mut tally = CoverageTally::default();
        for (is_key, covered) in [(true, true), (true, false), (false, false), (false, true), (true, true)] {
            tally.add(is_key, covered);
        }
        assert_eq!(tally.key, Tally { total: 3, covered: 2 });
        assert_eq!(tally.all, Tally { total: 5, covered: 3 });
        assert_eq!(Tally::default().share_percent(), None);
    }
}
