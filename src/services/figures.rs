//! The figures officials report, a year against the one before, for the caller's
//! jurisdiction: the five headline figures (border incidents, persons apprehended, and the key
//! villages' collective income, per-capita income and villagers involved in cross-border
//! crime), linkage visit compliance, flagged liaison visits, outreach coverage and case
//! handling time.
//!
//! [`dashboard`] is the one source of the dashboard page and of `GET /api/v1/dashboard`: both
//! show its figures as they are, already rounded for publication, with two things judged
//! today rather than per year: the linkages overdue and the gaps in patrol coverage.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, ExprTrait, QueryFilter, QuerySelect};

use super::ServiceError;
use super::auth::{self, Principal};
use super::patrols::{CoverageReport, WindowCoverage};
use crate::border::Border;
use crate::domain::auth::{Action, Jurisdiction};
use crate::domain::figures::{
    Change, Compliance, HandlingTime, VisitRule, VisitTarget, compliance, handling_time, percent_change, point_change,
    round1, weighted_per_capita,
};
use crate::domain::filter::DateSpan;
use crate::domain::period::{local_year, year_bounds_utc};
use crate::domain::visit::{FLAG_FAR_FROM_TARGET, FLAG_LOW_ACCURACY, Flagged, VisitFilter};
use crate::store::StoreError;
use crate::store::entities::{case, incident, linkage, village, village_indicator, visit};

/// Year-on-year headline figures. An indicator is `None` when the data for it is missing,
/// never 0.
#[derive(Clone, Debug)]
pub struct HeadlineFigures {
    pub base_year: i32,
    pub compare_year: i32,
    pub incidents: Change,
    pub persons_apprehended: Change,
    /// Σ collective income of key villages (CNY), over key villages reporting it in both years.
    pub key_collective_income_cny: Option<Change>,
    /// Per-capita income of key villages taken together (population-weighted mean, CNY).
    pub key_per_capita_income_cny: Option<Change>,
    /// Σ villagers of key villages involved in cross-border crime.
    pub key_villagers_in_cross_border_crime: Option<Change>,
}

/// Incidents (not deleted) and persons apprehended in local calendar year `year`.
pub async fn incident_totals(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    year: i32,
    tz: chrono_tz::Tz,
) -> Result<(i64, i64), ServiceError> {
    let (start, end) =
        year_bounds_utc(year, tz).ok_or_else(|| anyhow::anyhow!("year {year} is out of the calendar's range"))?;
    let row: Option<(i64, Option<i64>)> = incident::Entity::find()
        .select_only()
        .column_as(Expr::col(incident::Column::Id).count(), "n")
        .column_as(Expr::col(incident::Column::PersonsApprehended).sum().cast_as("BIGINT"), "persons")
        .filter(incident::Column::DeletedAt.is_null())
        .filter(in_scope(incident::Column::AdminUnitId, scope))
        .filter(incident::Column::OccurredAt.gte(start))
        .filter(incident::Column::OccurredAt.lt(end))
        .into_tuple()
        .one(db)
        .await
        .map_err(crate::store::StoreError::from)?;
    let (count, persons) = row.unwrap_or((0, None));
    Ok((count, persons.unwrap_or(0)))
}

/// Computes the headline figures of `compare_year` against `base_year`.
#[tracing::instrument(skip(db))]
pub async fn headline(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    base_year: i32,
    compare_year: i32,
    tz: chrono_tz::Tz,
) -> Result<HeadlineFigures, ServiceError> {
    let (base_count, base_persons) = incident_totals(db, scope, base_year, tz).await?;
    let (compare_count, compare_persons) = incident_totals(db, scope, compare_year, tz).await?;

    let key_villages: HashMap<i32, i32> = village::Entity::find()
        .filter(village::Column::IsKey.eq(true))
        .filter(in_scope(village::Column::AdminUnitId, scope))
        .all(db)
        .await
        .map_err(crate::store::StoreError::from)?
        .into_iter()
        .map(|row| (row.id, row.population))
        .collect();
    let indicators = village_indicator::Entity::find()
        .filter(village_indicator::Column::Year.is_in([base_year, compare_year]))
        .all(db)
        .await
        .map_err(crate::store::StoreError::from)?;
    let mut by_village: HashMap<i32, [Option<village_indicator::Model>; 2]> = HashMap::new();
    for row in indicators.into_iter().filter(|row| key_villages.contains_key(&row.village_id)) {
        let slot = usize::from(row.year == compare_year);
        let village_id = row.village_id;
        by_village.entry(village_id).or_default()[slot] = Some(row);
    }
    let pairs: Vec<(&village_indicator::Model, &village_indicator::Model, f64)> = by_village
        .iter()
        .filter_map(|(id, [base, compare])| {
            Some((base.as_ref()?, compare.as_ref()?, f64::from(*key_villages.get(id)?)))
        })
        .collect();

    let summed = |pick: &dyn Fn(&village_indicator::Model) -> Option<f64>| -> Option<Change> {
        let both: Vec<(f64, f64)> =
            pairs.iter().filter_map(|(base, compare, _)| Some((pick(base)?, pick(compare)?))).collect();
        (!both.is_empty())
            .then(|| Change::new(both.iter().map(|pair| pair.0).sum(), both.iter().map(|pair| pair.1).sum()))
    };
    let collective = summed(&|row| row.collective_income_cny.map(|value| value as f64));
    let crime = summed(&|row| row.villagers_in_cross_border_crime.map(f64::from));
    let per_capita_pairs: Vec<(f64, f64, f64)> = pairs
        .iter()
        .filter_map(|(base, compare, population)| {
            Some((base.per_capita_income_cny? as f64, compare.per_capita_income_cny? as f64, *population))
        })
        .collect();
    let per_capita = weighted_per_capita(per_capita_pairs.iter().map(|row| (row.0, row.2)))
        .zip(weighted_per_capita(per_capita_pairs.iter().map(|row| (row.1, row.2))))
        .map(|(base, compare)| Change::new(base, compare));

    Ok(HeadlineFigures {
        base_year,
        compare_year,
        incidents: Change::new(base_count as f64, compare_count as f64),
        persons_apprehended: Change::new(base_persons as f64, compare_persons as f64),
        key_collective_income_cny: collective,
        key_per_capita_income_cny: per_capita,
        key_villagers_in_cross_border_crime: crime,
    })
}

/// A condition keeping rows of the jurisdiction's admin units (everything for `All`).
fn in_scope<C: ColumnTrait>(column: C, scope: &Jurisdiction) -> sea_orm::Condition {
    match scope {
        Jurisdiction::All => sea_orm::Condition::all(),
        Jurisdiction::Units(units) => sea_orm::Condition::all().add(column.is_in(units.iter().copied())),
    }
}

/// The latest local calendar year with live incidents in the jurisdiction, if any.
pub async fn latest_incident_year(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    tz: chrono_tz::Tz,
) -> Result<Option<i32>, ServiceError> {
    use sea_orm::QueryOrder;
    let latest = incident::Entity::find()
        .filter(incident::Column::DeletedAt.is_null())
        .filter(in_scope(incident::Column::AdminUnitId, scope))
        .order_by_desc(incident::Column::OccurredAt)
        .one(db)
        .await
        .map_err(crate::store::StoreError::from)?;
    Ok(latest.map(|row| crate::domain::period::local_year(row.occurred_at, &tz)))
}

/// What a figure measures; fixes its rounding and how its change is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A whole number of things; the change is a percentage.
    Count,
    /// Whole yuan; the change is a percentage.
    Cny,
    /// A share in percent, one decimal; the change is in percentage points.
    Percent,
    /// Days, one decimal; the change is a percentage.
    Days,
}

impl Unit {
    /// Rounds a value as it is published in this unit.
    pub fn round(self, value: f64) -> f64 {
        match self {
            Unit::Count | Unit::Cny => value.round(),
            Unit::Percent | Unit::Days => round1(value),
        }
    }

    /// Whether the change is in percentage points (shares) rather than a percentage.
    pub fn changes_in_points(self) -> bool {
        self == Unit::Percent
    }

    /// A value as officials write it: "2,329,823", "87.5 %", "3.2" (days are in the label).
    pub fn written(self, value: f64) -> String {
        match self {
            Unit::Count | Unit::Cny => crate::i18n::grouped(value.round() as i64),
            Unit::Percent => format!("{value:.1}\u{a0}%"),
            Unit::Days => format!("{value:.1}"),
        }
    }

    /// The number as the API gives it and pages carry it in `data-value`: whole units without
    /// decimals, the others with one.
    pub fn plain(self, value: f64) -> String {
        match self {
            Unit::Count | Unit::Cny => format!("{value:.0}"),
            Unit::Percent | Unit::Days => format!("{value:.1}"),
        }
    }
}

/// The figures of the dashboard, in the order they are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureKey {
    Incidents,
    Persons,
    CollectiveIncome,
    PerCapitaIncome,
    VillagersInCrime,
    LinkageCompliance,
    LinkageVisitsRequired,
    LinkageVisitsLogged,
    VisitsFlagged,
    VisitsFarFromTarget,
    VisitsLowAccuracy,
    OutreachKeyVillages,
    OutreachAllVillages,
    CaseMeanDays,
    CaseMedianDays,
    CaseOpenOverdue,
}

impl FigureKey {
    /// The flag filter of the visit list a flagged-visits figure counts, as `/visits` and
    /// `GET /api/v1/visits` take it; `None` for the other figures.
    pub fn visit_flag(self) -> Option<Flagged> {
        match self {
            FigureKey::VisitsFlagged => Some(Flagged::Yes),
            FigureKey::VisitsFarFromTarget => Some(Flagged::With(FLAG_FAR_FROM_TARGET)),
            FigureKey::VisitsLowAccuracy => Some(Flagged::With(FLAG_LOW_ACCURACY)),
            _ => None,
        }
    }

    /// The stable id of the figure: the row id on the page, `id` in the API.
    pub fn id(self) -> &'static str {
        match self {
            FigureKey::Incidents => "incidents",
            FigureKey::Persons => "persons",
            FigureKey::CollectiveIncome => "collective-income",
            FigureKey::PerCapitaIncome => "per-capita-income",
            FigureKey::VillagersInCrime => "villagers-in-crime",
            FigureKey::LinkageCompliance => "linkage-compliance",
            FigureKey::LinkageVisitsRequired => "linkage-visits-required",
            FigureKey::LinkageVisitsLogged => "linkage-visits-logged",
            FigureKey::VisitsFlagged => "visits-flagged",
            FigureKey::VisitsFarFromTarget => "visits-far-from-target",
            FigureKey::VisitsLowAccuracy => "visits-low-accuracy",
            FigureKey::OutreachKeyVillages => "outreach-key-villages",
            FigureKey::OutreachAllVillages => "outreach-all-villages",
            FigureKey::CaseMeanDays => "case-mean-days",
            FigureKey::CaseMedianDays => "case-median-days",
            FigureKey::CaseOpenOverdue => "case-open-overdue",
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            FigureKey::CollectiveIncome | FigureKey::PerCapitaIncome => Unit::Cny,
            FigureKey::LinkageCompliance | FigureKey::OutreachKeyVillages | FigureKey::OutreachAllVillages => {
                Unit::Percent
            }
            FigureKey::CaseMeanDays | FigureKey::CaseMedianDays => Unit::Days,
            FigureKey::Incidents
            | FigureKey::Persons
            | FigureKey::VillagersInCrime
            | FigureKey::LinkageVisitsRequired
            | FigureKey::LinkageVisitsLogged
            | FigureKey::VisitsFlagged
            | FigureKey::VisitsFarFromTarget
            | FigureKey::VisitsLowAccuracy
            | FigureKey::CaseOpenOverdue => Unit::Count,
        }
    }
}

/// One figure of two years, rounded as published. `None` means the data are missing, never 0.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub key: FigureKey,
    pub base: Option<f64>,
    pub compare: Option<f64>,
    /// One decimal: percentage points for shares, else a percentage. `None` when a year is
    /// missing or, for a percentage, when the base is 0.
    pub change: Option<f64>,
}

impl Figure {
    /// Rounds both values and computes the change from the unrounded ones.
    pub fn new(key: FigureKey, base: Option<f64>, compare: Option<f64>) -> Figure {
        let unit = key.unit();
        let change = base.zip(compare).and_then(|(base, compare)| {
            if unit.changes_in_points() { Some(point_change(base, compare)) } else { percent_change(base, compare) }
        });
        Figure {
            key,
            base: base.map(|value| unit.round(value)),
            compare: compare.map(|value| unit.round(value)),
            change: change.map(round1),
        }
    }

    fn of_change(key: FigureKey, change: Option<&Change>) -> Figure {
        Figure::new(key, change.map(|change| change.base), change.map(|change| change.compare))
    }
}

/// The dashboard: every figure of `compare_year` against `base_year`.
#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard {
    pub base_year: i32,
    pub compare_year: i32,
    pub figures: Vec<Figure>,
    /// Linkages overdue today, whatever the years compared (see
    /// [`crate::services::linkages::overdue_count`]); `None` where not counted (the yearly
    /// report, the command line).
    pub linkages_overdue: Option<LinkagesOverdue>,
    /// Patrol coverage of the caller's border and its post sectors today, whatever the
    /// years compared; `None` where not counted, as `linkages_overdue`.
    pub patrols: Option<PatrolGaps>,
}

/// How many linkages are overdue on a local date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinkagesOverdue {
    pub date: NaiveDate,
    pub count: u64,
}

/// The dashboard of the caller's jurisdiction for `year` against the year before; without a
/// year, the latest year with incidents (else the current year). Needs `ReadDashboard`.
#[tracing::instrument(skip(db, caller))]
pub async fn dashboard(
    db: &DatabaseConnection,
    patrolling: Patrolling<'_>,
    caller: Option<&Principal>,
    year: Option<i32>,
    tz: chrono_tz::Tz,
) -> Result<Dashboard, ServiceError> {
    let principal = auth::require(caller, Action::ReadDashboard)?;
    let scope = &principal.jurisdiction;
    let compare_year = match year {
        Some(year) => year,
        None => latest_incident_year(db, scope, tz).await?.unwrap_or_else(|| local_year(Utc::now(), &tz)),
    };
    let mut found = dashboard_of(db, scope, compare_year, tz).await?;
    let date = Utc::now().with_timezone(&tz).date_naive();
    let count = super::linkages::overdue_count(db, scope, date, tz).await?;
    found.linkages_overdue = Some(LinkagesOverdue { date, count });
    let coverage =
        super::patrols::coverage(db, patrolling.border, patrolling.corridor_m, Some(principal), tz, Some(date)).await?;
    found.patrols = Some(patrol_gaps(&coverage));
    Ok(found)
}

/// The dashboard's figures of `scope` for `compare_year` against the year before, without an
/// authorization check: for use cases that made their own (the yearly report) and for the
/// command line, which runs as the system over the whole prefecture.
#[tracing::instrument(skip(db))]
pub async fn dashboard_of(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    compare_year: i32,
    tz: chrono_tz::Tz,
) -> Result<Dashboard, ServiceError> {
    let now = Utc::now();
    let base_year = compare_year - 1;
    let years = [base_year, compare_year];

    let headline = headline(db, scope, base_year, compare_year, tz).await?;
    let villages = scoped_villages(db, scope).await?;
    let today = now.with_timezone(&tz).date_naive();
    let [base_links, compare_links] = linkage_compliance(db, &villages, years, today, tz).await?;
    let [base_flagged, compare_flagged] =
        [flagged_visits(db, scope, base_year, tz).await?, flagged_visits(db, scope, compare_year, tz).await?];
    let [base_reach, compare_reach] = outreach_coverage(db, scope, years, tz).await?;
    let [base_cases, compare_cases] = case_handling(db, scope, years, now, tz).await?;

    let pair = |key: FigureKey, base: Option<f64>, compare: Option<f64>| Figure::new(key, base, compare);
    let links = |pick: fn(&Compliance) -> Option<f64>| {
        (base_links.as_ref().and_then(pick), compare_links.as_ref().and_then(pick))
    };
    let (required_base, required_compare) = links(|found| Some(found.visits_required as f64));
    let (logged_base, logged_compare) = links(|found| Some(found.visits_logged as f64));
    let (share_base, share_compare) = links(Compliance::share_percent);
    let handled = |pick: fn(&HandlingTime) -> f64| {
        (base_cases.handled.as_ref().map(pick), compare_cases.handled.as_ref().map(pick))
    };
    let (mean_base, mean_compare) = handled(|time| time.mean_days);
    let (median_base, median_compare) = handled(|time| time.median_days);

    let figures = vec![
        Figure::of_change(FigureKey::Incidents, Some(&headline.incidents)),
        Figure::of_change(FigureKey::Persons, Some(&headline.persons_apprehended)),
        Figure::of_change(FigureKey::CollectiveIncome, headline.key_collective_income_cny.as_ref()),
        Figure::of_change(FigureKey::PerCapitaIncome, headline.key_per_capita_income_cny.as_ref()),
        Figure::of_change(FigureKey::VillagersInCrime, headline.key_villagers_in_cross_border_crime.as_ref()),
        pair(FigureKey::LinkageCompliance, share_base, share_compare),
        pair(FigureKey::LinkageVisitsRequired, required_base, required_compare),
        pair(FigureKey::LinkageVisitsLogged, logged_base, logged_compare),
        pair(FigureKey::VisitsFlagged, base_flagged.any, compare_flagged.any),
        pair(FigureKey::VisitsFarFromTarget, base_flagged.far_from_target, compare_flagged.far_from_target),
        pair(FigureKey::VisitsLowAccuracy, base_flagged.low_accuracy, compare_flagged.low_accuracy),
        pair(FigureKey::OutreachKeyVillages, base_reach.key_villages, compare_reach.key_villages),
        pair(FigureKey::OutreachAllVillages, base_reach.all_villages, compare_reach.all_villages),
        pair(FigureKey::CaseMeanDays, mean_base, mean_compare),
        pair(FigureKey::CaseMedianDays, median_base, median_compare),
        pair(FigureKey::CaseOpenOverdue, base_cases.open_overdue, compare_cases.open_overdue),
    ];
    Ok(Dashboard { base_year, compare_year, figures, linkages_overdue: None, patrols: None })
}

/// A village of the jurisdiction: whether it is a key village.
type ScopedVillages = HashMap<i32, bool>;

async fn scoped_villages(db: &DatabaseConnection, scope: &Jurisdiction) -> Result<ScopedVillages, ServiceError> {
    let rows: Vec<(i32, bool)> = village::Entity::find()
        .select_only()
        .column(village::Column::Id)
        .column(village::Column::IsKey)
        .filter(in_scope(village::Column::AdminUnitId, scope))
        .into_tuple()
        .all(db)
        .await
        .map_err(StoreError::from)?;
    Ok(rows.into_iter().collect())
}

/// The UTC instants from the start of the first year to the end of the second.
fn span_utc(years: [i32; 2], tz: chrono_tz::Tz) -> Result<(DateTime<Utc>, DateTime<Utc>), ServiceError> {
    let bounds = |year: i32| {
        year_bounds_utc(year, tz).ok_or_else(|| anyhow::anyhow!("year {year} is out of the calendar's range"))
    };
    Ok((bounds(years[0])?.0, bounds(years[1])?.1))
}

/// Visit compliance of the linkages of villages in the jurisdiction, per year; `None` for a
/// year in which no linkage-month was due (see [`crate::domain::figures::due_months`]: only
/// whole calendar months of a linkage's period that are over count, so a linkage active for
/// part of the year owes visits for its months in it). A month is met when the visits logged
/// in it reach the linkage's monthly rule for its village and for its post.
async fn linkage_compliance(
    db: &DatabaseConnection,
    villages: &ScopedVillages,
    years: [i32; 2],
    today: NaiveDate,
    tz: chrono_tz::Tz,
) -> Result<[Option<Compliance>; 2], ServiceError> {
    let linkages: Vec<linkage::Model> = linkage::Entity::find()
        .all(db)
        .await
        .map_err(StoreError::from)?
        .into_iter()
        .filter(|row| villages.contains_key(&row.village_id))
        .collect();
    let ids: HashSet<i32> = linkages.iter().map(|row| row.id).collect();
    let (start, end) = span_utc(years, tz)?;
    let rows: Vec<(i32, String, DateTime<Utc>)> = visit::Entity::find()
        .select_only()
        .column(visit::Column::LinkageId)
        .column(visit::Column::Target)
        .column(visit::Column::VisitedAt)
        .filter(visit::Column::VisitedAt.gte(start))
        .filter(visit::Column::VisitedAt.lt(end))
        .into_tuple()
        .all(db)
        .await
        .map_err(StoreError::from)?;
    let mut visits: HashMap<i32, Vec<(NaiveDate, VisitTarget)>> = HashMap::new();
    for (linkage_id, target, visited_at) in rows.into_iter().filter(|row| ids.contains(&row.0)) {
        if let Some(target) = VisitTarget::parse(&target) {
            visits.entry(linkage_id).or_default().push((visited_at.with_timezone(&tz).date_naive(), target));
        }
    }
    let rules: Vec<(VisitRule, &[(NaiveDate, VisitTarget)])> = linkages
        .iter()
        .map(|row| {
            let rule = VisitRule {
                starts_on: row.starts_on,
                ends_on: row.ends_on,
                village_per_month: u32::try_from(row.village_visits_per_month).unwrap_or(0),
                post_per_month: u32::try_from(row.post_visits_per_month).unwrap_or(0),
            };
            (rule, visits.get(&row.id).map(Vec::as_slice).unwrap_or(&[]))
        })
        .collect();
    Ok(years.map(|year| {
        let found = compliance(year, today, rules.iter().copied());
        (found.linkage_months > 0).then_some(found)
    }))
}

/// Visits flagged in a year; every count `None` when no visit was logged in the year.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct FlaggedVisits {
    any: Option<f64>,
    far_from_target: Option<f64>,
    low_accuracy: Option<f64>,
}

/// The jurisdiction's visits of local calendar year `year` that carry a flag, and each flag,
/// counted as the visit list counts them (the dashboard's rows link to that list).
async fn flagged_visits(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    year: i32,
    tz: chrono_tz::Tz,
) -> Result<FlaggedVisits, ServiceError> {
    let days = DateSpan::year(year).ok_or_else(|| anyhow::anyhow!("year {year} is out of the calendar's range"))?;
    let count = |flagged: Option<Flagged>| {
        let filter = VisitFilter { flagged, days, ..VisitFilter::default() };
        async move { super::visits::count_in(db, scope, &filter, tz).await.map(|count| count as f64) }
    };
    if count(None).await? == 0.0 {
        return Ok(FlaggedVisits::default());
    }
    Ok(FlaggedVisits {
        any: Some(count(FigureKey::VisitsFlagged.visit_flag()).await?),
        far_from_target: Some(count(FigureKey::VisitsFarFromTarget.visit_flag()).await?),
        low_accuracy: Some(count(FigureKey::VisitsLowAccuracy.visit_flag()).await?),
    })
}

/// What the patrol coverage is measured with: the border in force and the corridor (m) on
/// either side of it within which track points count.
#[derive(Clone, Copy, Debug)]
pub struct Patrolling<'a> {
    pub border: &'a Border,
    pub corridor_m: f64,
}

/// How many of the longest gaps the dashboard names per stretch.
pub const LONGEST_GAPS: usize = 3;

/// Patrol coverage today as the dashboard shows it: the caller's stretch of border and each
/// post sector in scope, over the windows of [`super::patrols::WINDOWS_DAYS`].
#[derive(Clone, Debug, PartialEq)]
pub struct PatrolGaps {
    /// The local day the windows end with.
    pub date: NaiveDate,
    /// The whole stretch the caller answers for (the whole line for the prefecture).
    pub stretch: StretchGaps,
    /// The sectors of the posts in scope, along the border.
    pub sectors: Vec<StretchGaps>,
}

/// A post whose sector is shown.
#[derive(Clone, Debug, PartialEq)]
pub struct SectorPost {
    pub id: i64,
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub start_km: f64,
    pub end_km: f64,
}

/// A stretch of border and its coverage per window; lengths in km with one decimal.
#[derive(Clone, Debug, PartialEq)]
pub struct StretchGaps {
    /// The sector's post; `None` for the caller's whole stretch.
    pub post: Option<SectorPost>,
    pub length_km: f64,
    pub windows: Vec<GapWindow>,
}

/// Coverage of a stretch in one window.
#[derive(Clone, Debug, PartialEq)]
pub struct GapWindow {
    pub days: i64,
    /// Share of the stretch patrolled, percent with one decimal.
    pub share_percent: f64,
    pub patrolled_km: f64,
    /// How many unpatrolled intervals there are and their km together.
    pub gap_count: usize,
    pub gap_km: f64,
    /// The longest [`LONGEST_GAPS`] of them, longest first.
    pub longest: Vec<Gap>,
}

/// An unpatrolled interval, km with one decimal.
#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    pub start_km: f64,
    pub end_km: f64,
    pub length_km: f64,
    /// The post in scope whose sector holds most of it (the map opens there), if any.
    pub post_id: Option<i64>,
}

/// The dashboard's summary of a coverage report: shares rounded as published, the gaps
/// counted and the longest named, each with the post whose sector holds most of it.
fn patrol_gaps(report: &CoverageReport) -> PatrolGaps {
    let sectors: Vec<(i64, f64, f64)> =
        report.posts.iter().map(|post| (post.post_id, post.sector_start_km, post.sector_end_km)).collect();
    let post_of_gap = |[start_km, end_km]: [f64; 2]| {
        sectors
            .iter()
            .map(|(id, first, last)| (*id, end_km.min(*last) - start_km.max(*first)))
            .filter(|(_, overlap_km)| *overlap_km > 0.0)
            .fold(None, |best: Option<(i64, f64)>, (id, overlap_km)| match best {
                Some((_, most)) if most >= overlap_km => best,
                _ => Some((id, overlap_km)),
            })
            .map(|(id, _)| id)
    };
    let window = |found: &WindowCoverage, sector_post: Option<i64>| {
        let mut gaps: Vec<[f64; 2]> = found.gaps.clone();
        gaps.sort_by(|a, b| (b[1] - b[0]).total_cmp(&(a[1] - a[0])).then(a[0].total_cmp(&b[0])));
        GapWindow {
            days: found.days,
            share_percent: round1(found.share * 100.0),
            patrolled_km: round1(found.patrolled_km),
            gap_count: found.gaps.len(),
            gap_km: round1(found.gaps.iter().map(|[start, end]| end - start).fold(0.0, |total, km| total + km)),
            longest: gaps
                .into_iter()
                .take(LONGEST_GAPS)
                .map(|gap| Gap {
                    start_km: round1(gap[0]),
                    end_km: round1(gap[1]),
                    length_km: round1(gap[1] - gap[0]),
                    post_id: sector_post.or_else(|| post_of_gap(gap)),
                })
                .collect(),
        }
    };
    PatrolGaps {
        date: report.date,
        stretch: StretchGaps {
            post: None,
            length_km: round1(report.border.length_km),
            windows: report.border.windows.iter().map(|found| window(found, None)).collect(),
        },
        sectors: report
            .posts
            .iter()
            .map(|post| StretchGaps {
                post: Some(SectorPost {
                    id: post.post_id,
                    code: post.code.clone(),
                    name_zh: post.name_zh.clone(),
                    name_en: post.name_en.clone(),
                    start_km: post.sector_start_km,
                    end_km: post.sector_end_km,
                }),
                length_km: round1(post.length_km),
                windows: post.windows.iter().map(|found| window(found, Some(post.post_id))).collect(),
            })
            .collect(),
    }
}

/// Outreach coverage of a year, in percent; `None` when the data are missing.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Coverage {
    key_villages: Option<f64>,
    all_villages: Option<f64>,
}

/// Outreach coverage of each year: [`super::outreach::coverage::reach`] over the local calendar
/// year, the rule `GET /api/v1/outreach/coverage` applies to any days. A year without any
/// session in the jurisdiction (held, planned or cancelled) has no data.
async fn outreach_coverage(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    years: [i32; 2],
    tz: chrono_tz::Tz,
) -> Result<[Coverage; 2], ServiceError> {
    let mut found = [Coverage::default(); 2];
    for (slot, year) in found.iter_mut().zip(years) {
        let (start, end) = span_utc([year, year], tz)?;
        let reach = super::outreach::coverage::reach(db, scope, start, end).await?;
        *slot = Coverage { key_villages: reach.key_share(), all_villages: reach.all_share() };
    }
    Ok(found)
}

/// Case handling of a year.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct CaseHandling {
    /// Days from report to closure of the cases closed in the year; `None` if none closed.
    handled: Option<HandlingTime>,
    /// Of the cases reported in the year, those still open whose current stage is past its
    /// due time now; `None` if no case was reported in the year. The schema keeps only the
    /// due time of a case's current stage, so overdue is judged now, not at the year's end.
    open_overdue: Option<f64>,
}

/// Handling time and overdue cases of the jurisdiction (cases scoped by their admin unit).
async fn case_handling(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    years: [i32; 2],
    now: DateTime<Utc>,
    tz: chrono_tz::Tz,
) -> Result<[CaseHandling; 2], ServiceError> {
    let (start, end) = span_utc(years, tz)?;
    type Row = (DateTime<Utc>, Option<DateTime<Utc>>, Option<DateTime<Utc>>);
    let in_span = sea_orm::Condition::any()
        .add(case::Column::ReportedAt.gte(start).and(case::Column::ReportedAt.lt(end)))
        .add(case::Column::ClosedAt.gte(start).and(case::Column::ClosedAt.lt(end)));
    let rows: Vec<Row> = case::Entity::find()
        .select_only()
        .column(case::Column::ReportedAt)
        .column(case::Column::ClosedAt)
        .column(case::Column::StageDueAt)
        .filter(in_scope(case::Column::AdminUnitId, scope))
        .filter(in_span)
        .into_tuple()
        .all(db)
        .await
        .map_err(StoreError::from)?;
    Ok(years.map(|year| {
        let days: Vec<f64> = rows
            .iter()
            .filter_map(|(reported_at, closed_at, _)| {
                let closed_at = (*closed_at)?;
                (local_year(closed_at, &tz) == year)
                    .then(|| (closed_at - *reported_at).num_milliseconds() as f64 / 86_400_000.0)
            })
            .collect();
        let reported: Vec<&Row> = rows.iter().filter(|row| local_year(row.0, &tz) == year).collect();
        let overdue = reported
            .iter()
            .filter(|(_, closed_at, due_at)| closed_at.is_none() && due_at.is_some_and(|due| due < now))
            .count();
        CaseHandling { handled: handling_time(&days), open_overdue: (!reported.is_empty()).then_some(overdue as f64) }
    }))
}

#[cfg(test)]
mod tests {
    use super::super::patrols::{BorderCoverage, PostCoverage};
    use super::*;

    fn window(days: i64, length_km: f64, gaps: &[[f64; 2]]) -> WindowCoverage {
        let gap_km: f64 = gaps.iter().map(|[start, end]| end - start).sum();
        WindowCoverage {
            days,
            share: (length_km - gap_km) / length_km,
            patrolled_km: length_km - gap_km,
            patrolled: Vec::new(),
            gaps: gaps.to_vec(),
        }
    }

    #[test]
    fn patrol_gaps_are_counted_and_the_longest_named_with_the_post_holding_most_of_each() {
        let post = |id: i64, start_km: f64, end_km: f64, gaps: &[[f64; 2]]| PostCoverage {
            post_id: id,
            code: format!("P{id}"),
            name_zh: format!("岗{id}"),
            name_en: None,
            sector_start_km: start_km,
            sector_end_km: end_km,
            length_km: end_km - start_km,
            windows: vec![window(30, end_km - start_km, gaps)],
        };
        let stretch_gaps = [[0.0, 1.0], [4.0, 12.0], [15.0, 15.5], [17.0, 20.0]];
        let report = CoverageReport {
            date: NaiveDate::from_ymd_opt(2025, 3, 1).expect("a date"),
            border: BorderCoverage {
                stretches: vec![[0.0, 20.0]],
                length_km: 20.0,
                windows: vec![window(30, 20.0, &stretch_gaps)],
            },
            posts: vec![post(7, 0.0, 10.0, &[[0.0, 1.0], [4.0, 10.0]]), post(9, 10.0, 20.0, &[[10.0, 12.0]])],
        };
        let found = patrol_gaps(&report);
        let whole = &found.stretch.windows[0];
        assert_eq!((whole.days, whole.gap_count, whole.gap_km, whole.patrolled_km), (30, 4, 12.5, 7.5));
        assert_eq!(whole.share_percent, 37.5);
        let named: Vec<(f64, f64, Option<i64>)> =
            whole.longest.iter().map(|gap| (gap.start_km, gap.length_km, gap.post_id)).collect();
        // 4–12 lies 6 km in post 7's sector and 2 km in post 9's; 17–20 only in post 9's.
        assert_eq!(named, [(4.0, 8.0, Some(7)), (17.0, 3.0, Some(9)), (0.0, 1.0, Some(7))]);
        assert_eq!(found.sectors[1].windows[0].longest[0].post_id, Some(9), "a sector's gaps open its own post");
        assert_eq!(found.sectors[0].post.as_ref().map(|post| post.code.as_str()), Some("P7"));
        assert_eq!(found.stretch.post, None);
    }

    #[test]
    fn values_are_written_per_unit() {
        assert_eq!(Unit::Percent.written(87.5), "87.5\u{a0}%");
        assert_eq!(Unit::Days.written(3.0), "3.0");
        assert_eq!(Unit::Cny.written(12_345.0), "12,345");
        assert_eq!(Unit::Cny.plain(12_345.0), "12345");
        assert_eq!(Unit::Percent.plain(90.0), "90.0");
    }
}
