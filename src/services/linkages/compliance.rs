//! Coverage and compliance of linkages: villages and posts with no linkage running on a date;
//! each linkage's visits against its rule over a span of months; and the linkages overdue on a
//! date, with totals per department and per county.
//!
//! Months are judged by [`judged_months`] and [`behind`] (the dashboard's rule): only whole
//! months of a linkage's period that are over on the date are due, and a due month is met when
//! its visits to the village and to the post both reach the monthly numbers. Visits are dated
//! in the reporting time zone.
//!
//! **Overdue.** A linkage running on the date `D` is overdue when its latest due month is not
//! met. It has been behind since the oldest month of the unbroken run of unmet due months that
//! ends with that month; `days_overdue` is `D` minus the last day of that oldest month (on
//! 1 December a linkage that missed only November is 1 day overdue; one that missed October
//! and November, 32 days). A month still in progress is never judged, and a linkage with no
//! whole month over yet is not overdue. Ended linkages owe nothing any more and are left out.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait,
};

use crate::domain::auth::{Action, Jurisdiction};
use crate::domain::figures::{Behind, Compliance, JudgedMonth, MonthlyVisits, VisitTarget, behind, judged_months};
use crate::domain::linkage::MonthSpan;
use crate::domain::period::local_midnight;
use crate::services::ServiceError;
use crate::services::admin::{AdminTree, UnitRef};
use crate::services::auth::{self, Principal};
use crate::services::records::{
    LinkageRow, Named, db_err, linkage_active_on, linkage_rows, linkages_in_scope, visit_rule,
};
use crate::store::entities::{linkage, post, village, visit};

/// A village or post with no linkage running on the date.
#[derive(Clone, Debug)]
pub struct Uncovered {
    pub id: i64,
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub county: Option<UnitRef>,
}

/// The villages (or posts) of the jurisdiction: how many, how many have a linkage running on
/// the date, and those that have none, by id.
#[derive(Clone, Debug)]
pub struct CoverageGap {
    pub total: u64,
    pub covered: u64,
    pub uncovered: Vec<Uncovered>,
}

/// One linkage's due months in the span, judged.
#[derive(Clone, Debug)]
pub struct LinkageCompliance {
    pub row: LinkageRow,
    /// Oldest first; months not due are left out.
    pub months: Vec<JudgedMonth>,
}

impl LinkageCompliance {
    /// The linkage's months as the dashboard adds them up.
    pub fn totals(&self) -> Compliance {
        add_up(&self.months)
    }

    /// Visits the rule asked of the village and the post over the due months.
    pub fn required(&self) -> (u64, u64) {
        self.months
            .iter()
            .fold((0, 0), |(village, post), month| (village + month.village_required, post + month.post_required))
    }

    /// Visits logged to the village and the post in the due months.
    pub fn logged(&self) -> (u64, u64) {
        self.months
            .iter()
            .fold((0, 0), |(village, post), month| (village + month.village_logged, post + month.post_logged))
    }
}

fn add_up<'a>(months: impl IntoIterator<Item = &'a JudgedMonth>) -> Compliance {
    let mut total = Compliance::default();
    for month in months {
        total.linkage_months += 1;
        total.months_met += u64::from(month.met);
        total.visits_required += month.village_required + month.post_required;
        total.visits_logged += month.village_logged + month.post_logged;
    }
    total
}

/// `GET /api/v1/linkages/coverage`.
#[derive(Clone, Debug)]
pub struct Coverage {
    pub date: NaiveDate,
    pub villages: CoverageGap,
    pub posts: CoverageGap,
    pub span: MonthSpan,
    /// Every listed linkage's due months together.
    pub totals: Compliance,
    /// The linkages in scope whose period shares a day with the span, by id.
    pub linkages: Vec<LinkageCompliance>,
}

/// Rows of the jurisdiction's admin units (every row for `All`).
fn unit_in<C: ColumnTrait>(column: C, scope: &Jurisdiction) -> Condition {
    match scope {
        Jurisdiction::All => Condition::all(),
        Jurisdiction::Units(units) => Condition::all().add(column.is_in(units.iter().copied())),
    }
}

/// The UTC instant local day `day` starts.
fn start_of(day: NaiveDate, tz: chrono_tz::Tz) -> Result<DateTime<Utc>, ServiceError> {
    local_midnight(day, &tz).ok_or_else(|| ServiceError::Unexpected(anyhow::anyhow!("no local midnight on {day}")))
}

/// Visits of the linkages `ids` selects, from local day `from` up to (not including) local day
/// `until`, counted per linkage and local month.
async fn monthly_visits(
    db: &impl ConnectionTrait,
    ids: sea_orm::sea_query::SelectStatement,
    from: NaiveDate,
    until: NaiveDate,
    tz: chrono_tz::Tz,
) -> Result<HashMap<i32, MonthlyVisits>, ServiceError> {
    let rows: Vec<(i32, String, DateTime<Utc>)> = visit::Entity::find()
        .select_only()
        .column(visit::Column::LinkageId)
        .column(visit::Column::Target)
        .column(visit::Column::VisitedAt)
        .filter(visit::Column::LinkageId.in_subquery(ids))
        .filter(visit::Column::VisitedAt.gte(start_of(from, tz)?))
        .filter(visit::Column::VisitedAt.lt(start_of(until, tz)?))
        .into_tuple()
        .all(db)
        .await
        .map_err(db_err)?;
    let mut counted: HashMap<i32, MonthlyVisits> = HashMap::new();
    for (linkage_id, target, visited_at) in rows {
        if let Some(target) = VisitTarget::parse(&target) {
            counted.entry(linkage_id).or_default().add(visited_at.with_timezone(&tz).date_naive(), target);
        }
    }
    Ok(counted)
}

/// Villages or posts of the jurisdiction as `(id, code, names, unit)`, against the ids that
/// have a running linkage.
fn gap(tree: &AdminTree, rows: Vec<(i32, String, String, Option<String>, i32)>, covered: &HashSet<i32>) -> CoverageGap {
    let total = rows.len() as u64;
    let uncovered: Vec<Uncovered> = rows
        .into_iter()
        .filter(|row| !covered.contains(&row.0))
        .map(|(id, code, name_zh, name_en, unit)| Uncovered {
            id: i64::from(id),
            code,
            name_zh,
            name_en,
            county: tree.ancestor(unit, "county"),
        })
        .collect();
    CoverageGap { total, covered: total - uncovered.len() as u64, uncovered }
}

/// Villages and posts of the caller's jurisdiction with no linkage running on `date`, and
/// each linkage's visits against its rule in the months of `span` (judged as of `date`).
/// A post counts as covered by any running linkage, whichever village that pairs it with.
#[tracing::instrument(skip(db, caller))]
pub async fn coverage(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    date: NaiveDate,
    span: MonthSpan,
    tz: chrono_tz::Tz,
) -> Result<Coverage, ServiceError> {
    let principal = auth::require(caller, Action::ReadLinkages)?;
    let scope = &principal.jurisdiction;
    let tree = AdminTree::load(db).await?;

    let running: Vec<(i32, i32)> = linkage::Entity::find()
        .select_only()
        .column(linkage::Column::VillageId)
        .column(linkage::Column::PostId)
        .filter(linkage_active_on(date))
        .into_tuple()
        .all(db)
        .await
        .map_err(db_err)?;
    let linked_villages: HashSet<i32> = running.iter().map(|pair| pair.0).collect();
    let linked_posts: HashSet<i32> = running.iter().map(|pair| pair.1).collect();
    let villages = village::Entity::find()
        .select_only()
        .columns([village::Column::Id, village::Column::Code, village::Column::NameZh, village::Column::NameEn])
        .column(village::Column::AdminUnitId)
        .filter(unit_in(village::Column::AdminUnitId, scope))
        .order_by_asc(village::Column::Id)
        .into_tuple()
        .all(db)
        .await
        .map_err(db_err)?;
    let posts = post::Entity::find()
        .select_only()
        .columns([post::Column::Id, post::Column::Code, post::Column::NameZh, post::Column::NameEn])
        .column(post::Column::AdminUnitId)
        .filter(unit_in(post::Column::AdminUnitId, scope))
        .order_by_asc(post::Column::Id)
        .into_tuple()
        .all(db)
        .await
        .map_err(db_err)?;

    let (first, last) = span
        .first_day()
        .zip(span.last_day())
        .ok_or_else(|| ServiceError::Unexpected(anyhow::anyhow!("span {span:?} is out of the calendar")))?;
    let in_span = Condition::all()
        .add(linkages_in_scope(scope))
        .add(linkage::Column::StartsOn.lte(last))
        .add(Condition::any().add(linkage::Column::EndsOn.is_null()).add(linkage::Column::EndsOn.gte(first)));
    let models = linkage::Entity::find()
        .filter(in_span.clone())
        .order_by_asc(linkage::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    let ids = linkage::Entity::find().select_only().column(linkage::Column::Id).filter(in_span).into_query();
    let after_last = last.succ_opt().unwrap_or(last);
    let visits = monthly_visits(db, ids, first, after_last, tz).await?;
    let empty = MonthlyVisits::default();
    let mut judged: HashMap<i64, Vec<JudgedMonth>> = models
        .iter()
        .map(|row| {
            let counted = visits.get(&row.id).unwrap_or(&empty);
            (i64::from(row.id), judged_months(&visit_rule(row), counted, span.from, span.to, date))
        })
        .collect();
    let linkages: Vec<LinkageCompliance> = linkage_rows(db, &tree, scope, models, date)
        .await?
        .into_iter()
        .map(|row| LinkageCompliance { months: judged.remove(&row.id).unwrap_or_default(), row })
        .collect();
    Ok(Coverage {
        date,
        villages: gap(&tree, villages, &linked_villages),
        posts: gap(&tree, posts, &linked_posts),
        span,
        totals: add_up(linkages.iter().flat_map(|linkage| linkage.months.iter())),
        linkages,
    })
}

/// A linkage behind its rule.
#[derive(Clone, Debug)]
pub struct OverdueLinkage {
    pub row: LinkageRow,
    /// The first day of the oldest unmet month of the run.
    pub first_unmet: NaiveDate,
    /// Unmet due months in the run, the latest due month included.
    pub months_unmet: u32,
    pub days_overdue: i64,
    /// The latest due month, judged.
    pub latest: JudgedMonth,
}

/// Linkages running on the date, and how many of them are overdue, of one department.
#[derive(Clone, Debug)]
pub struct DepartmentTotal {
    pub department: Named,
    pub running: u64,
    pub overdue: u64,
}

/// The same per county of the linkages' villages (`None`: a village outside any county).
#[derive(Clone, Debug)]
pub struct CountyTotal {
    pub county: Option<UnitRef>,
    pub running: u64,
    pub overdue: u64,
}

/// `GET /api/v1/linkages/overdue`.
#[derive(Clone, Debug)]
pub struct Overdue {
    pub date: NaiveDate,
    /// Linkages of the jurisdiction running on the date.
    pub running: u64,
    /// Most days overdue first, then by id.
    pub linkages: Vec<OverdueLinkage>,
    /// Departments with a running linkage, most overdue first, then by department id.
    pub by_department: Vec<DepartmentTotal>,
    /// Counties, most overdue first, then by code.
    pub by_county: Vec<CountyTotal>,
}

/// The linkages of `scope` running on `date`, and those overdue with how far behind they are.
async fn judged_running(
    db: &impl ConnectionTrait,
    scope: &Jurisdiction,
    date: NaiveDate,
    tz: chrono_tz::Tz,
) -> Result<(Vec<linkage::Model>, Vec<(i32, Behind)>), ServiceError> {
    let running_here = Condition::all().add(linkages_in_scope(scope)).add(linkage_active_on(date));
    let models = linkage::Entity::find()
        .filter(running_here.clone())
        .order_by_asc(linkage::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    let Some(earliest) = models.iter().map(|row| row.starts_on).min() else {
        return Ok((models, Vec::new()));
    };
    let ids = linkage::Entity::find().select_only().column(linkage::Column::Id).filter(running_here).into_query();
    // Due months are over before the date's month begins.
    let month_start = date.with_day(1).unwrap_or(date);
    let visits = monthly_visits(db, ids, earliest, month_start, tz).await?;
    let empty = MonthlyVisits::default();
    let overdue = models
        .iter()
        .filter_map(|row| {
            let rule = visit_rule(row);
            let counted = visits.get(&row.id).unwrap_or(&empty);
            Some((row.id, behind(&rule, counted, date)?))
        })
        .collect();
    Ok((models, overdue))
}

/// How many linkages of `scope` are overdue on `date` (see the module's definition), without
/// an authorization check: for the dashboard, which made its own.
pub async fn overdue_count(
    db: &impl ConnectionTrait,
    scope: &Jurisdiction,
    date: NaiveDate,
    tz: chrono_tz::Tz,
) -> Result<u64, ServiceError> {
    Ok(judged_running(db, scope, date, tz).await?.1.len() as u64)
}

/// The linkages of the caller's jurisdiction overdue on `date`, with totals per department
/// and per county. Needs `ReadLinkages`.
#[tracing::instrument(skip(db, caller))]
pub async fn overdue(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    date: NaiveDate,
    tz: chrono_tz::Tz,
) -> Result<Overdue, ServiceError> {
    let principal = auth::require(caller, Action::ReadLinkages)?;
    let scope = &principal.jurisdiction;
    let tree = AdminTree::load(db).await?;
    let (models, late) = judged_running(db, scope, date, tz).await?;
    let late: HashMap<i64, Behind> = late.into_iter().map(|(id, behind)| (i64::from(id), behind)).collect();
    let rows = linkage_rows(db, &tree, scope, models, date).await?;
    let mut departments: BTreeMap<i64, DepartmentTotal> = BTreeMap::new();
    let mut counties: BTreeMap<Option<String>, CountyTotal> = BTreeMap::new();
    let mut linkages = Vec::new();
    for row in rows {
        let is_late = late.get(&row.id);
        let department = departments.entry(row.department.id).or_insert_with(|| DepartmentTotal {
            department: row.department.clone(),
            running: 0,
            overdue: 0,
        });
        department.running += 1;
        department.overdue += u64::from(is_late.is_some());
        let county = counties
            .entry(row.county.as_ref().map(|county| county.code.clone()))
            .or_insert_with(|| CountyTotal { county: row.county.clone(), running: 0, overdue: 0 });
        county.running += 1;
        county.overdue += u64::from(is_late.is_some());
        if let Some(behind) = is_late {
            linkages.push(OverdueLinkage {
                first_unmet: behind.first_unmet,
                months_unmet: behind.months,
                days_overdue: behind.days,
                latest: behind.latest,
                row,
            });
        }
    }
    let running = departments.values().map(|total| total.running).sum();
    linkages.sort_by(|a, b| b.days_overdue.cmp(&a.days_overdue).then(a.row.id.cmp(&b.row.id)));
    let mut by_department: Vec<DepartmentTotal> = departments.into_values().collect();
    by_department.sort_by(|a, b| b.overdue.cmp(&a.overdue).then(a.department.id.cmp(&b.department.id)));
    let mut by_county: Vec<CountyTotal> = counties.into_values().collect();
    by_county.sort_by(|a, b| {
        b.overdue.cmp(&a.overdue).then_with(|| {
            let code = |total: &CountyTotal| total.county.as_ref().map(|county| county.code.clone());
            code(a).cmp(&code(b))
        })
    });
    Ok(Overdue { date, running, linkages, by_department, by_county })
}
