//! What the scheduling form offers a coordinator: the villages of their jurisdiction with the
//! languages each lists (primary first) and where it lies, so a session can be placed in a
//! language the village speaks before the rules are asked.

use sea_orm::{DatabaseConnection, EntityTrait, QueryFilter};

use super::village_languages;
use crate::domain::auth::{Action, Jurisdiction};
use crate::services::ServiceError;
use crate::services::admin::{AdminTree, UnitRef};
use crate::services::auth::{self, Principal};
use crate::services::records::db_err;
use crate::store::entities::village;

/// A village a session may be scheduled in.
#[derive(Clone, Debug)]
pub struct VillageChoice {
    pub id: i32,
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub name_local: Option<String>,
    pub is_key: bool,
    pub county: Option<UnitRef>,
    pub township: Option<UnitRef>,
    /// BCP 47 tags, primary first.
    pub languages: Vec<String>,
}

fn in_scope(scope: &Jurisdiction) -> sea_orm::Condition {
    use sea_orm::ColumnTrait;
    match scope {
        Jurisdiction::All => sea_orm::Condition::all(),
        Jurisdiction::Units(units) => {
            sea_orm::Condition::all().add(village::Column::AdminUnitId.is_in(units.iter().copied()))
        }
    }
}

/// The villages of the caller's jurisdiction, by county, township and code, with their
/// languages. Needs `ManageOutreach`: it is the scheduling form's list.
#[tracing::instrument(skip(db, caller))]
pub async fn village_choices(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
) -> Result<Vec<VillageChoice>, ServiceError> {
    let principal = auth::require(caller, Action::ManageOutreach)?;
    let tree = AdminTree::load(db).await?;
    let rows = village::Entity::find().filter(in_scope(&principal.jurisdiction)).all(db).await.map_err(db_err)?;
    let mut languages = village_languages(db, rows.iter().map(|row| row.id)).await?;
    let mut choices: Vec<VillageChoice> = rows
        .into_iter()
        .map(|row| VillageChoice {
            county: tree.ancestor(row.admin_unit_id, "county"),
            township: tree.ancestor(row.admin_unit_id, "township"),
            languages: languages.remove(&row.id).unwrap_or_default(),
            id: row.id,
            code: row.code,
            name_zh: row.name_zh,
            name_en: row.name_en,
            name_local: row.name_local,
            is_key: row.is_key,
        })
        .collect();
    let code = |unit: &Option<UnitRef>| unit.as_ref().map(|unit| unit.code.clone()).unwrap_or_default();
    choices.sort_by(|a, b| {
        (code(&a.county), code(&a.township), &a.code).cmp(&(code(&b.county), code(&b.township), &b.code))
    });
    Ok(choices)
}
