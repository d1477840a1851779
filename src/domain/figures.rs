//! The year-on-year figures officials publish, computed exactly and rounded as they write them:
//! percentage changes of counts, percentage-point changes of shares, linkage visit compliance,
//! outreach coverage and case handling time.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

/// Percentage change from `base` to `compare`: `(compare − base) / base × 100`.
/// `None` when the base is zero (there is no percentage: the value is "new").
///
/// ```
/// use banna_border::domain::figures::percent_change;
/// assert_eq!(percent_change(2000.0, 1374.0), Some(-31.3));
/// assert_eq!(percent_change(0.0, 5.0), None);
/// ```
pub fn percent_change(base: f64, compare: f64) -> Option<f64> {
    (base != 0.0 && base.is_finite() && compare.is_finite()).then(|| (compare - base) / base * 100.0)
}

/// Rounds to one decimal, half away from zero, as published figures are written ("−31.3 %").
pub fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The change of a figure between two years, with the percentage rounded for publication.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub base: f64,
    pub compare: f64,
    /// Unrounded percentage change; `None` when the base is 0.
    pub percent: Option<f64>,
}

impl Change {
    pub fn new(base: f64, compare: f64) -> Change {
        Change { base, compare, percent: percent_change(base, compare) }
    }

    /// The percentage rounded to one decimal, as published.
    pub fn published_percent(&self) -> Option<f64> {
        self.percent.map(round1)
    }

    /// Which way the figure went: a zero base is [`Direction::New`] when the compared value
    /// is not zero and [`Direction::None`] (no data either year) when it is.
    pub fn direction(&self) -> Direction {
        if self.base == 0.0 {
            return if self.compare == 0.0 { Direction::None } else { Direction::New };
        }
        match self.compare.partial_cmp(&self.base) {
            Some(std::cmp::Ordering::Greater) => Direction::Up,
            Some(std::cmp::Ordering::Less) => Direction::Down,
            _ => Direction::Same,
        }
    }
}

/// The direction of a [`Change`], as the map colours it and the API writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Same,
    /// Zero in the base year, something in the compared one: there is no percentage.
    New,
    /// Zero in both years.
    None,
}

impl Direction {
    /// `up`, `down`, `same`, `new` or `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Same => "same",
            Direction::New => "new",
            Direction::None => "none",
        }
    }
}

/// Population-weighted mean of per-capita values: Σ(value × population) / Σ population,
/// i.e. the per-capita figure of the villages taken together. `None` without population.
pub fn weighted_per_capita(rows: impl IntoIterator<Item = (f64, f64)>) -> Option<f64> {
    let (weighted, population) =
        rows.into_iter().fold((0.0, 0.0), |(sum, pop), (value, weight)| (sum + value * weight, pop + weight));
    (population > 0.0).then(|| weighted / population)
}

/// A share as a percentage: `part / whole × 100`; `None` when `whole` is 0 (nothing to share).
///
/// ```
/// use banna_border::domain::figures::share_percent;
/// assert_eq!(share_percent(3, 4), Some(75.0));
/// assert_eq!(share_percent(0, 0), None);
/// ```
pub fn share_percent(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64 * 100.0)
}

/// The change of a share in percentage points (`compare − base`), unrounded: "+4.2 pp" is
/// [`round1`] of it. Computed from the unrounded shares, so it may differ by 0.1 from the
/// difference of the two rounded shares.
pub fn point_change(base_percent: f64, compare_percent: f64) -> f64 {
    compare_percent - base_percent
}

/// Where a liaison visit went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VisitTarget {
    Village,
    Post,
}

impl VisitTarget {
    /// `village` or `post`, as stored; anything else is not a visit target.
    pub fn parse(text: &str) -> Option<VisitTarget> {
        match text {
            "village" => Some(VisitTarget::Village),
            "post" => Some(VisitTarget::Post),
            _ => None,
        }
    }
}

/// A linkage's visit rule: at least `village_per_month` visits to its village and
/// `post_per_month` to its post in every month of its period `starts_on ..= ends_on`
/// (`ends_on` is the last day; `None` while the linkage runs).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VisitRule {
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub village_per_month: u32,
    pub post_per_month: u32,
}

/// Visit compliance of a set of linkages over one year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Compliance {
    /// Linkage-months due in the year (see [`due_months`]).
    pub linkage_months: u64,
    /// Linkage-months whose visits met the rule for both the village and the post.
    pub months_met: u64,
    /// Σ over due linkage-months of the visits the rule asks for (village + post).
    pub visits_required: u64,
    /// Visits logged in the due linkage-months (every logged visit counts, flagged or not).
    pub visits_logged: u64,
}

impl Compliance {
    /// Share of due linkage-months that met the rule; `None` when no month was due.
    pub fn share_percent(&self) -> Option<f64> {
        share_percent(self.months_met, self.linkage_months)
    }
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let next =
        if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(year, month + 1, 1) };
    next?.pred_opt()
}

/// The months (1–12) of `year` in which a linkage's rule is due: months the linkage covers
/// from their first to their last day, and that are over before `as_of` (today, local date).
///
/// This is how a linkage active for part of the year is pro-rated: it owes visits only for
/// its whole months in the year. A month it covers only in part (it started or ended within
/// the month) owes nothing, and visits in such a month are not counted either; a month not
/// yet over is not judged.
///
/// ```
/// use banna_border::domain::figures::{VisitRule, due_months};
/// use chrono::NaiveDate;
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let rule = VisitRule { starts_on: day(2024, 3, 15), ends_on: Some(day(2024, 6, 30)),
///                        village_per_month: 1, post_per_month: 1 };
/// assert_eq!(due_months(&rule, 2024, day(2025, 1, 1)), vec![4, 5, 6]);
/// ```
pub fn due_months(rule: &VisitRule, year: i32, as_of: NaiveDate) -> Vec<u32> {
    (1..=12)
        .filter(|month| {
            let (Some(first), Some(last)) = (NaiveDate::from_ymd_opt(year, *month, 1), last_day_of_month(year, *month))
            else {
                return false;
            };
            rule.starts_on <= first && rule.ends_on.is_none_or(|end| end >= last) && last < as_of
        })
        .collect()
}

/// A linkage's logged visits counted per local calendar month and target.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MonthlyVisits {
    /// `(year, month)` → visits to the village and to the post.
    counts: HashMap<(i32, u32), [u64; 2]>,
}

impl MonthlyVisits {
    /// Counts visits given as local dates and targets.
    pub fn count<'a>(visits: impl IntoIterator<Item = &'a (NaiveDate, VisitTarget)>) -> MonthlyVisits {
        let mut counted = MonthlyVisits::default();
        for (day, target) in visits {
            counted.add(*day, *target);
        }
        counted
    }

    pub fn add(&mut self, day: NaiveDate, target: VisitTarget) {
        let slot = match target {
            VisitTarget::Village => 0,
            VisitTarget::Post => 1,
        };
        self.counts.entry((day.year(), day.month())).or_default()[slot] += 1;
    }

    /// Visits to the village and to the post in local month `month` of `year`.
    pub fn logged(&self, year: i32, month: u32) -> (u64, u64) {
        self.counts.get(&(year, month)).map_or((0, 0), |[village, post]| (*village, *post))
    }
}

/// One month of a linkage judged against its rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JudgedMonth {
    pub year: i32,
    /// 1–12.
    pub month: u32,
    pub village_logged: u64,
    pub post_logged: u64,
    pub village_required: u64,
    pub post_required: u64,
    /// Both the village's and the post's visits reach the rule's numbers.
    pub met: bool,
}

/// The visit rule applied to one month: it is met when the month's visits to the village
/// reach `village_per_month` and those to the post reach `post_per_month`. Every figure of
/// compliance (the dashboard, a linkage's page, coverage and the overdue list) judges a month
/// here; call it for due months only (see [`due_months`]).
pub fn judge_month(rule: &VisitRule, visits: &MonthlyVisits, year: i32, month: u32) -> JudgedMonth {
    let (village_logged, post_logged) = visits.logged(year, month);
    let (village_required, post_required) = (u64::from(rule.village_per_month), u64::from(rule.post_per_month));
    JudgedMonth {
        year,
        month,
        village_logged,
        post_logged,
        village_required,
        post_required,
        met: village_logged >= village_required && post_logged >= post_required,
    }
}

/// The due months of a linkage from month `from` to month `to` (each `(year, month)`, both
/// included), judged as of the local date `as_of`, oldest first.
pub fn judged_months(
    rule: &VisitRule,
    visits: &MonthlyVisits,
    from: (i32, u32),
    to: (i32, u32),
    as_of: NaiveDate,
) -> Vec<JudgedMonth> {
    (from.0..=to.0)
        .flat_map(|year| {
            due_months(rule, year, as_of)
                .into_iter()
                .filter(move |month| (year, *month) >= from && (year, *month) <= to)
                .map(move |month| (year, month))
        })
        .map(|(year, month)| judge_month(rule, visits, year, month))
        .collect()
}

/// How far a linkage is behind its rule on a date: the unbroken run of unmet due months that
/// ends with its latest due month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Behind {
    /// The first day of the run's first (oldest) month.
    pub first_unmet: NaiveDate,
    /// Months in the run.
    pub months: u32,
    /// Days from the last day of the run's first month to the date: 1 on the first day of the
    /// month after it.
    pub days: i64,
    /// The latest due month, judged (not met).
    pub latest: JudgedMonth,
}

/// Whether a linkage is overdue on the local date `as_of`: its latest due month (the last
/// whole month of its period that is over, see [`due_months`]) is not met. `None` when that
/// month is met or when no month is due yet. The run goes back month by month while the
/// months stay unmet; the days count from the end of its oldest month.
///
/// ```
/// use banna_border::domain::figures::{MonthlyVisits, VisitRule, VisitTarget, behind};
/// use chrono::NaiveDate;
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let rule = VisitRule { starts_on: day(2025, 1, 1), ends_on: None, village_per_month: 1, post_per_month: 0 };
/// // January met, February and March not: on 5 April the run starts in February.
/// let visits = MonthlyVisits::count(&[(day(2025, 1, 20), VisitTarget::Village)]);
/// let late = behind(&rule, &visits, day(2025, 4, 5)).unwrap();
/// assert_eq!((late.first_unmet, late.months, late.days), (day(2025, 2, 1), 2, 36));
/// ```
pub fn behind(rule: &VisitRule, visits: &MonthlyVisits, as_of: NaiveDate) -> Option<Behind> {
    let mut latest: Option<JudgedMonth> = None;
    let mut run: Option<(i32, u32)> = None;
    let mut months = 0;
    'years: for year in (rule.starts_on.year()..=as_of.year()).rev() {
        for month in due_months(rule, year, as_of).into_iter().rev() {
            let judged = judge_month(rule, visits, year, month);
            if judged.met {
                break 'years;
            }
            latest.get_or_insert(judged);
            run = Some((year, month));
            months += 1;
        }
    }
    let (year, month) = run?;
    let first_unmet = NaiveDate::from_ymd_opt(year, month, 1)?;
    let days = (as_of - last_day_of_month(year, month)?).num_days();
    Some(Behind { first_unmet, months, days, latest: latest? })
}

/// Compliance of linkages in `year`: each linkage with its rule and the local dates and
/// targets of its visits, every due month judged by [`judge_month`].
pub fn compliance<'a>(
    year: i32,
    as_of: NaiveDate,
    linkages: impl IntoIterator<Item = (VisitRule, &'a [(NaiveDate, VisitTarget)])>,
) -> Compliance {
    let mut total = Compliance::default();
    for (rule, visits) in linkages {
        let counted = MonthlyVisits::count(visits);
        for month in judged_months(&rule, &counted, (year, 1), (year, 12), as_of) {
            total.linkage_months += 1;
            total.visits_required += month.village_required + month.post_required;
            total.visits_logged += month.village_logged + month.post_logged;
            total.months_met += u64::from(month.met);
        }
    }
    total
}

/// Whether a village counts as reached by outreach: at least one session *held* there in its
/// primary language (BCP 47 tags compared without regard to case). A village with no
/// language on record has no primary language to miss, so any held session reaches it.
pub fn reached_in_primary_language<'a>(
    primary_language: Option<&str>,
    held_session_languages: impl IntoIterator<Item = &'a str>,
) -> bool {
    let mut held = held_session_languages.into_iter().peekable();
    match primary_language {
        Some(primary) => held.any(|language| language.eq_ignore_ascii_case(primary)),
        None => held.peek().is_some(),
    }
}

/// Mean and median of how long cases took, in days.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HandlingTime {
    pub cases: u64,
    pub mean_days: f64,
    pub median_days: f64,
}

/// Mean and median of durations in days; the median of an even count is the mean of the two
/// middle values. `None` without any duration.
///
/// ```
/// use banna_border::domain::figures::handling_time;
/// let time = handling_time(&[1.0, 10.0, 2.0, 3.0]).unwrap();
/// assert_eq!((time.mean_days, time.median_days), (4.0, 2.5));
/// ```
pub fn handling_time(days: &[f64]) -> Option<HandlingTime> {
    if days.is_empty() {
        return None;
    }
    let mut sorted = days.to_vec();
    sorted.sort_by(f64::total_cmp);
    let middle = sorted.len() / 2;
    let median_days = if sorted.len() % 2 == 1 { sorted[middle] } else { (sorted[middle - 1] + sorted[middle]) / 2.0 };
    Some(HandlingTime {
        cases: days.len() as u64,
        mean_days: days.iter().sum::<f64>() / days.len() as f64,
        median_days,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("a date")
    }

    #[test]
    fn shares_and_points() {
        assert_eq!(share_percent(1, 8), Some(12.5));
        assert_eq!(share_percent(0, 5), Some(0.0));
        assert_eq!(share_percent(3, 0), None);
        assert_eq!(round1(point_change(2.0 / 3.0 * 100.0, 75.0)), 8.3);
    }

    #[test]
    fn only_whole_months_of_a_linkage_are_due() {
        let whole_year =
            VisitRule { starts_on: day(2020, 1, 1), ends_on: None, village_per_month: 1, post_per_month: 2 };
        assert_eq!(due_months(&whole_year, 2023, day(2030, 1, 1)).len(), 12);
        let starts_on_the_second = VisitRule { starts_on: day(2023, 2, 2), ..whole_year };
        assert_eq!(due_months(&starts_on_the_second, 2023, day(2030, 1, 1)), (3..=12).collect::<Vec<_>>());
        let ends_in_november = VisitRule { ends_on: Some(day(2023, 11, 29)), ..whole_year };
        assert_eq!(due_months(&ends_in_november, 2023, day(2030, 1, 1)), (1..=10).collect::<Vec<_>>());
        let ends_on_the_last_day = VisitRule { ends_on: Some(day(2024, 2, 29)), ..whole_year };
        assert_eq!(due_months(&ends_on_the_last_day, 2024, day(2030, 1, 1)), vec![1, 2]);
        assert_eq!(due_months(&whole_year, 2024, day(2024, 4, 1)), vec![1, 2, 3], "April is not over on 1 April");
        assert_eq!(due_months(&whole_year, 2024, day(2024, 3, 31)), vec![1, 2]);
        assert!(due_months(&whole_year, 2019, day(2030, 1, 1)).is_empty());
    }

    #[test]
    fn a_month_meets_the_rule_only_with_enough_visits_to_both_targets() {
        use VisitTarget::{Post, Village};
        let rule = VisitRule { starts_on: day(2024, 10, 1), ends_on: None, village_per_month: 1, post_per_month: 2 };
        // October: 1 village + 2 post visits (met). November: 2 village + 1 post (not met).
        // December: nothing. A visit of the year before does not count.
        let visits = [
            (day(2024, 10, 3), Village),
            (day(2024, 10, 9), Post),
            (day(2024, 10, 31), Post),
            (day(2024, 11, 1), Village),
            (day(2024, 11, 2), Village),
            (day(2024, 11, 30), Post),
            (day(2023, 12, 5), Post),
        ];
        let found = compliance(2024, day(2025, 6, 1), [(rule, &visits[..])]);
        assert_eq!(found, Compliance { linkage_months: 3, months_met: 1, visits_required: 9, visits_logged: 6 });
        assert_eq!(found.share_percent().map(round1), Some(33.3));
        assert_eq!(compliance(2024, day(2025, 6, 1), []).share_percent(), None);
    }

    #[test]
    fn a_linkage_is_behind_from_the_first_month_of_its_latest_unmet_run() {
        use VisitTarget::{Post, Village};
        let rule = VisitRule { starts_on: day(2024, 11, 15), ends_on: None, village_per_month: 1, post_per_month: 1 };
        // November is partial (not due). December met; January and February not.
        let visits = MonthlyVisits::count(&[
            (day(2024, 12, 1), Village),
            (day(2024, 12, 31), Post),
            (day(2025, 1, 5), Village),
            (day(2025, 2, 5), Post),
        ]);
        let late = behind(&rule, &visits, day(2025, 3, 1)).expect("behind");
        assert_eq!((late.first_unmet, late.months, late.days), (day(2025, 1, 1), 2, 29));
        assert_eq!((late.latest.year, late.latest.month, late.latest.post_logged), (2025, 2, 1));
        assert_eq!(behind(&rule, &visits, day(2025, 1, 31)), None, "January is not over: December counts");
        assert_eq!(behind(&rule, &visits, day(2024, 12, 20)), None, "no month due yet");
        let never = MonthlyVisits::default();
        let late = behind(&rule, &never, day(2025, 1, 1)).expect("behind");
        assert_eq!((late.first_unmet, late.months, late.days), (day(2024, 12, 1), 1, 1));
        let months = judged_months(&rule, &visits, (2024, 1), (2025, 1), day(2025, 6, 1));
        assert_eq!(months.iter().map(|month| (month.month, month.met)).collect::<Vec<_>>(), [(12, true), (1, false)]);
    }

    #[test]
    fn outreach_counts_held_sessions_in_the_primary_language() {
        assert!(reached_in_primary_language(Some("khb"), ["zh", "KHB"]));
        assert!(!reached_in_primary_language(Some("khb"), ["zh"]));
        assert!(!reached_in_primary_language(Some("zh"), []));
        assert!(reached_in_primary_language(None, ["lo"]));
        assert!(!reached_in_primary_language(None, []));
    }

    #[test]
    fn handling_time_has_a_mean_and_a_median() {
        let odd = handling_time(&[5.0, 1.0, 3.0]).expect("three cases");
        assert_eq!((odd.cases, odd.mean_days, odd.median_days), (3, 3.0, 3.0));
        let skewed = handling_time(&[0.5, 0.5, 20.0]).expect("three cases");
        assert_eq!(skewed.median_days, 0.5);
        assert_eq!(skewed.mean_days, 7.0);
        assert_eq!(handling_time(&[]), None);
    }

    #[test]
    fn rounding_is_half_away_from_zero_to_one_decimal() {
        assert_eq!(round1(-31.25), -31.3);
        assert_eq!(round1(11.749), 11.7);
        assert_eq!(round1(2.45), 2.5);
    }

    #[test]
    fn the_published_demo_changes_round_as_printed() {
        assert_eq!(Change::new(1000.0, 687.0).published_percent(), Some(-31.3));
        assert_eq!(Change::new(1000.0, 655.0).published_percent(), Some(-34.5));
        assert_eq!(Change::new(55.0, 24.0).published_percent(), Some(-56.4));
    }

    #[test]
    fn a_zero_base_has_no_percentage() {
        assert_eq!(Change::new(0.0, 3.0).published_percent(), None);
        assert_eq!(Change::new(0.0, 0.0).percent, None);
    }

    #[test]
    fn a_change_has_a_direction_and_a_zero_base_is_new_or_nothing() {
        assert_eq!(Change::new(4.0, 6.0).direction(), Direction::Up);
        assert_eq!(Change::new(4.0, 0.0).direction(), Direction::Down);
        assert_eq!(Change::new(4.0, 4.0).direction(), Direction::Same);
        assert_eq!(Change::new(0.0, 2.0).direction(), Direction::New);
        assert_eq!(Change::new(0.0, 0.0).direction(), Direction::None);
        assert_eq!(Direction::New.as_str(), "new");
    }

    #[test]
    fn per_capita_is_weighted_by_population() {
        assert_eq!(weighted_per_capita([(10_000.0, 100.0), (20_000.0, 300.0)]), Some(17_500.0));
        assert_eq!(weighted_per_capita(Vec::<(f64, f64)>::new()), None);
    }
}
