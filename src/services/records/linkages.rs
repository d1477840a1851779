//! Double linkages (双挂联): the filtered list and one linkage with its officers and its visits
//! month by month against the visit rule.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use super::{Named, Officer, PageOf, db_err, narrowed, small_id, today, villages_in};
use crate::domain::auth::{Action, Jurisdiction};
use crate::domain::figures::{MonthlyVisits, VisitRule, VisitTarget, due_months, judge_month};
use crate::domain::filter::LinkageFilter;
use crate::domain::paging::ListFilter;
use crate::services::admin::{AdminTree, UnitRef};
use crate::services::auth::{self, Principal};
use crate::services::{RecordKind, ServiceError};
use crate::store::entities::{department, linkage, linkage_officer, post, user, village, visit};

/// A linkage as listed, with the department, village and post it pairs.
#[derive(Clone, Debug)]
pub struct LinkageRow {
    pub id: i64,
    pub department: Named,
    pub village: Named,
    pub post: Named,
    /// The village's county.
    pub county: Option<UnitRef>,
    pub starts_on: NaiveDate,
    /// The last day; `None` while it runs.
    pub ends_on: Option<NaiveDate>,
    pub village_visits_per_month: i32,
    pub post_visits_per_month: i32,
    /// Running today.
    pub active: bool,
}

/// Visits of one month against the rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthVisits {
    /// 1–12.
    pub month: u32,
    pub village_logged: u32,
    pub post_logged: u32,
    /// What the rule asks for this month: 0 when the month is not due (see
    /// [`crate::domain::figures::due_months`]).
    pub village_required: u32,
    pub post_required: u32,
    /// Whether the rule was met; `None` when the month is not due.
    pub met: Option<bool>,
}

/// A linkage's page.
#[derive(Clone, Debug)]
pub struct LinkageRecord {
    pub row: LinkageRow,
    pub officers: Vec<Officer>,
    /// The local calendar year of `months`.
    pub year: i32,
    pub months: Vec<MonthVisits>,
    /// Every year with logged visits, oldest first.
    pub visit_years: Vec<i32>,
}

/// Linkages running on `day`: started, and not yet ended.
pub(crate) fn active_on(day: NaiveDate) -> Condition {
    Condition::all()
        .add(linkage::Column::StartsOn.lte(day))
        .add(Condition::any().add(linkage::Column::EndsOn.is_null()).add(linkage::Column::EndsOn.gte(day)))
}

fn is_active(row: &linkage::Model, day: NaiveDate) -> bool {
    row.starts_on <= day && row.ends_on.is_none_or(|end| end >= day)
}

/// Linkages whose village is in scope.
pub(crate) fn scoped(scope: &Jurisdiction) -> Condition {
    match villages_in(scope) {
        None => Condition::all(),
        Some(villages) => Condition::all().add(linkage::Column::VillageId.in_subquery(villages)),
    }
}

/// The villages, posts and departments `linkages` refer to, by id (one query each).
pub(crate) struct LinkageParts {
    pub villages: HashMap<i32, village::Model>,
    pub posts: HashMap<i32, post::Model>,
    pub departments: HashMap<i32, department::Model>,
}

pub(crate) async fn linkage_parts(
    db: &impl ConnectionTrait,
    linkages: &[linkage::Model],
) -> Result<LinkageParts, ServiceError> {
    let ids = |pick: fn(&linkage::Model) -> i32| -> BTreeSet<i32> { linkages.iter().map(pick).collect() };
    let villages: HashMap<i32, village::Model> = village::Entity::find()
        .filter(village::Column::Id.is_in(ids(|row| row.village_id)))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|row| (row.id, row))
        .collect();
    let posts: HashMap<i32, post::Model> = post::Entity::find()
        .filter(post::Column::Id.is_in(ids(|row| row.post_id)))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|row| (row.id, row))
        .collect();
    let departments: HashMap<i32, department::Model> = department::Entity::find()
        .filter(department::Column::Id.is_in(ids(|row| row.department_id)))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|row| (row.id, row))
        .collect();
    Ok(LinkageParts { villages, posts, departments })
}

/// The rows of `linkages` whose village is in `scope`, with their department, village and
/// post named.
pub(crate) async fn linkage_rows(
    db: &impl ConnectionTrait,
    tree: &AdminTree,
    scope: &Jurisdiction,
    linkages: Vec<linkage::Model>,
    today: NaiveDate,
) -> Result<Vec<LinkageRow>, ServiceError> {
    let LinkageParts { villages, posts, departments } = linkage_parts(db, &linkages).await?;
    let missing =
        |what: &str, id: i32| ServiceError::Unexpected(anyhow::anyhow!("linkage refers to a missing {what} {id}"));
    let mut rows = Vec::with_capacity(linkages.len());
    for row in linkages {
        let village = villages.get(&row.village_id).ok_or_else(|| missing("village", row.village_id))?;
        if !scope.covers(Some(village.admin_unit_id)) {
            continue;
        }
        let post = posts.get(&row.post_id).ok_or_else(|| missing("post", row.post_id))?;
        let department = departments.get(&row.department_id).ok_or_else(|| missing("department", row.department_id))?;
        rows.push(LinkageRow {
            id: i64::from(row.id),
            // The department is visible through this very linkage.
            department: Named {
                id: i64::from(department.id),
                code: department.code.clone(),
                name_zh: department.name_zh.clone(),
                name_en: department.name_en.clone(),
                visible: true,
            },
            village: Named {
                id: i64::from(village.id),
                code: village.code.clone(),
                name_zh: village.name_zh.clone(),
                name_en: village.name_en.clone(),
                visible: true,
            },
            post: Named {
                id: i64::from(post.id),
                code: post.code.clone(),
                name_zh: post.name_zh.clone(),
                name_en: post.name_en.clone(),
                visible: scope.covers(Some(post.admin_unit_id)),
            },
            county: tree.ancestor(village.admin_unit_id, "county"),
            active: is_active(&row, today),
            starts_on: row.starts_on,
            ends_on: row.ends_on,
            village_visits_per_month: row.village_visits_per_month,
            post_visits_per_month: row.post_visits_per_month,
        });
    }
    Ok(rows)
}

/// `GET /linkages`: linkages whose village is in scope, matching the filter, by id.
#[tracing::instrument(skip(db))]
pub async fn linkages(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    filter: &LinkageFilter,
    list: ListFilter,
    tz: chrono_tz::Tz,
) -> Result<PageOf<LinkageRow>, ServiceError> {
    let principal = auth::require(caller, Action::ReadLinkages)?;
    let tree = AdminTree::load(db).await?;
    let scope = narrowed(&tree, &principal.jurisdiction, filter.county.as_deref())?;
    let today = today(tz);
    let mut select = linkage::Entity::find().filter(scoped(&scope));
    if let Some(department) = filter.department_id {
        // An id no department has matches nothing.
        select = select.filter(linkage::Column::DepartmentId.eq(small_id(department).unwrap_or(0)));
    }
    if filter.active_only {
        select = select.filter(active_on(today));
    }
    let matched = select.clone().count(db).await.map_err(db_err)?;
    let rows = select
        .order_by_asc(linkage::Column::Id)
        .offset(list.page.offset())
        .limit(list.page.limit())
        .all(db)
        .await
        .map_err(db_err)?;
    let items = linkage_rows(db, &tree, &scope, rows, today).await?;
    Ok(PageOf { items, matched })
}

/// A linkage's visit rule, as the figures judge it.
pub(crate) fn visit_rule(row: &linkage::Model) -> VisitRule {
    VisitRule {
        starts_on: row.starts_on,
        ends_on: row.ends_on,
        village_per_month: u32::try_from(row.village_visits_per_month).unwrap_or(0),
        post_per_month: u32::try_from(row.post_visits_per_month).unwrap_or(0),
    }
}

/// The officers of the given linkage.
async fn officers_of(db: &impl ConnectionTrait, linkage_id: i32) -> Result<Vec<Officer>, ServiceError> {
    let user_ids: Vec<i32> = linkage_officer::Entity::find()
        .filter(linkage_officer::Column::LinkageId.eq(linkage_id))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|row| row.user_id)
        .collect();
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(user_ids))
        .order_by_asc(user::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|row| Officer { id: row.id, display_name: row.display_name })
        .collect())
}

/// `GET /linkages/{id}[?year=]`: the linkage with its visits per month of `year` (by default
/// the current local year) against the rule.
#[tracing::instrument(skip(db))]
pub async fn linkage(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    id: i64,
    year: Option<i32>,
    tz: chrono_tz::Tz,
) -> Result<LinkageRecord, ServiceError> {
    let principal = auth::require(caller, Action::ReadLinkages)?;
    let scope = &principal.jurisdiction;
    let not_found = || ServiceError::NotFound { kind: RecordKind::Linkage, id: id.to_string() };
    let key = small_id(id).ok_or_else(not_found)?;
    let found = linkage::Entity::find_by_id(key).filter(scoped(scope)).one(db).await.map_err(db_err)?;
    let found = found.ok_or_else(not_found)?;
    let tree = AdminTree::load(db).await?;
    let today = today(tz);
    let rule = visit_rule(&found);
    let row = linkage_rows(db, &tree, scope, vec![found], today).await?.pop().ok_or_else(not_found)?;
    let year = year.unwrap_or_else(|| today.year());
    let visits: Vec<(NaiveDate, Option<VisitTarget>)> = visit::Entity::find()
        .select_only()
        .column(visit::Column::VisitedAt)
        .column(visit::Column::Target)
        .filter(visit::Column::LinkageId.eq(key))
        .into_tuple::<(chrono::DateTime<chrono::Utc>, String)>()
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|(at, target)| (at.with_timezone(&tz).date_naive(), VisitTarget::parse(&target)))
        .collect();
    let visit_years = visits.iter().map(|(day, _)| day.year()).collect::<BTreeSet<_>>().into_iter().collect();
    let mut counted = MonthlyVisits::default();
    for (day, target) in &visits {
        if let Some(target) = target {
            counted.add(*day, *target);
        }
    }
    let due = due_months(&rule, year, today);
    let months = (1..=12)
        .map(|month| {
            let judged = judge_month(&rule, &counted, year, month);
            let is_due = due.contains(&month);
            let count = |value: u64| u32::try_from(value).unwrap_or(u32::MAX);
            MonthVisits {
                month,
                village_logged: count(judged.village_logged),
                post_logged: count(judged.post_logged),
                village_required: if is_due { count(judged.village_required) } else { 0 },
                post_required: if is_due { count(judged.post_required) } else { 0 },
                met: is_due.then_some(judged.met),
            }
        })
        .collect();
    Ok(LinkageRecord { officers: officers_of(db, key).await?, row, year, months, visit_years })
}
