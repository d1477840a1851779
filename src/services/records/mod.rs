//! What the record pages read: villages, posts, departments, linkages, incidents and liaison
//! visits, each with the records it links to, scoped to the caller's jurisdiction and returned
//! as plain views.
//!
//! Scoping: villages, posts and incidents by their own admin unit; a linkage by its village's
//! unit; a department by its own unit or by any linkage it has to a village in scope (a
//! prefecture bureau paired with a Menghai village is visible in Menghai, with only the
//! linkages there). A record out of scope is "not found".

mod departments;
mod incidents;
mod linkages;
mod posts;
mod villages;
mod visits;

pub use departments::{DepartmentRecord, DepartmentRow, department, department_choices, departments};
pub(crate) use incidents::matching as matching_incidents;
pub use incidents::{IncidentRecord, IncidentRow, incident, incidents};
pub(crate) use linkages::{
    LinkageParts, active_on as linkage_active_on, linkage_parts, linkage_rows, scoped as linkages_in_scope, visit_rule,
};
pub use linkages::{LinkageRecord, LinkageRow, MonthVisits, linkage, linkages};
pub use posts::{PostRecord, PostRow, post, posts};
pub use villages::{IndicatorRow, VillageRecord, VillageRow, village, villages};
pub use visits::{VisitRow, visits};

use chrono::NaiveDate;
use sea_orm::sea_query::SelectStatement;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QuerySelect, QueryTrait};

use super::ServiceError;
use super::admin::{AdminTree, UnitRef};
use crate::domain::DomainError;
use crate::domain::auth::Jurisdiction;
use crate::store::StoreError;
use crate::store::entities::village;

pub use super::places::PageOf;

/// Another record named on a page: enough to show and link it. `visible` is false for a
/// record outside the caller's jurisdiction (shown by name, not linked: its page is a 404).
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    pub id: i64,
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub visible: bool,
}

/// Where a record sits in the admin tree.
#[derive(Clone, Debug, Default)]
pub struct Place {
    pub county: Option<UnitRef>,
    pub township: Option<UnitRef>,
}

impl Place {
    fn of(tree: &AdminTree, unit_id: Option<i32>) -> Place {
        match unit_id {
            None => Place::default(),
            Some(unit) => Place { county: tree.ancestor(unit, "county"), township: tree.ancestor(unit, "township") },
        }
    }
}

/// A person responsible for a linkage or working in a department.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Officer {
    pub id: i32,
    pub display_name: String,
}

pub(crate) fn db_err(error: sea_orm::DbErr) -> ServiceError {
    StoreError::from(error).into()
}

/// Rows of the jurisdiction's admin units (every row for `All`).
fn in_scope<C: ColumnTrait>(column: C, scope: &Jurisdiction) -> Condition {
    match scope {
        Jurisdiction::All => Condition::all(),
        Jurisdiction::Units(units) => Condition::all().add(column.is_in(units.iter().copied())),
    }
}

/// Ids of the villages in scope, as a subquery (`None`: every village).
fn villages_in(scope: &Jurisdiction) -> Option<SelectStatement> {
    match scope {
        Jurisdiction::All => None,
        Jurisdiction::Units(units) => Some(
            village::Entity::find()
                .select_only()
                .column(village::Column::Id)
                .filter(village::Column::AdminUnitId.is_in(units.iter().copied()))
                .into_query(),
        ),
    }
}

/// The caller's jurisdiction narrowed to a county (GB/T 2260 code) when a filter names one.
/// An unknown code is refused; a county outside the jurisdiction leaves nothing.
fn narrowed(tree: &AdminTree, scope: &Jurisdiction, county: Option<&str>) -> Result<Jurisdiction, ServiceError> {
    let Some(code) = county else { return Ok(scope.clone()) };
    let id = tree.find(code, "county").ok_or_else(|| DomainError::UnknownJurisdiction { value: code.to_owned() })?;
    let Jurisdiction::Units(county_units) = tree.jurisdiction(id) else {
        return Ok(scope.clone());
    };
    Ok(match scope {
        Jurisdiction::All => Jurisdiction::Units(county_units),
        Jurisdiction::Units(units) => {
            Jurisdiction::Units(county_units.into_iter().filter(|unit| units.contains(unit)).collect())
        }
    })
}

/// The counties a jurisdiction reaches, for the county field of the filter forms.
pub async fn counties(db: &impl sea_orm::ConnectionTrait, scope: &Jurisdiction) -> Result<Vec<UnitRef>, ServiceError> {
    let tree = AdminTree::load(db).await?;
    Ok(tree.at_level("county").into_iter().filter(|(id, _)| scope.covers(Some(*id))).map(|(_, unit)| unit).collect())
}

/// Today's date in the reporting time zone.
pub fn today(tz: chrono_tz::Tz) -> NaiveDate {
    chrono::Utc::now().with_timezone(&tz).date_naive()
}

/// A record id as the `i32` of the tables keyed so; larger ids exist nowhere.
pub(crate) fn small_id(id: i64) -> Option<i32> {
    i32::try_from(id).ok()
}
