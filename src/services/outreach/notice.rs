//! What the printed notice of an outreach session says (its village, township and county,
//! local times, topics, presenters, team), and the public page of a village that the notice's
//! QR code opens. The words and the layout are `crate::notice`'s.

use chrono_tz::Tz;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::domain::auth::Action;
use crate::notice::{Facts, Names, VillageFacts, village_url};
use crate::services::admin::{AdminTree, UnitRef};
use crate::services::auth::{self, Principal};
use crate::services::records::{db_err, small_id};
use crate::services::{RecordKind, ServiceError};
use crate::store::entities::{outreach_member, outreach_session, outreach_session_presenter, outreach_team, village};

fn unit_names(unit: UnitRef) -> Names {
    Names { zh: unit.name_zh, en: Some(unit.name_en).filter(|name| !name.trim().is_empty()) }
}

fn village_facts(row: &village::Model) -> VillageFacts {
    VillageFacts {
        code: row.code.clone(),
        names: Names { zh: row.name_zh.clone(), en: row.name_en.clone() },
        local: row.name_local.clone().zip(row.name_local_lang.clone()),
    }
}

/// The facts of session `id`'s notice, read by a caller who may read outreach sessions; a
/// session whose village lies outside the caller's jurisdiction is not found. Times are given
/// in `tz`; the QR code's address starts with `base_url` (scheme and host).
#[tracing::instrument(skip(db, caller))]
pub async fn notice(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    id: i64,
    tz: Tz,
    base_url: &str,
) -> Result<Facts, ServiceError> {
    let principal = auth::require(caller, Action::ReadOutreach)?;
    let not_found = || ServiceError::NotFound { kind: RecordKind::OutreachSession, id: id.to_string() };
    let key = small_id(id).ok_or_else(not_found)?;
    let session = outreach_session::Entity::find_by_id(key).one(db).await.map_err(db_err)?.ok_or_else(not_found)?;
    let place = village::Entity::find_by_id(session.village_id)
        .one(db)
        .await
        .map_err(db_err)?
        .filter(|row| principal.jurisdiction.covers(Some(row.admin_unit_id)))
        .ok_or_else(not_found)?;
    let team = outreach_team::Entity::find_by_id(session.team_id).one(db).await.map_err(db_err)?.ok_or_else(|| {
        ServiceError::Unexpected(anyhow::anyhow!("session {id} refers to a missing team {}", session.team_id))
    })?;
    let presenter_ids: Vec<i32> = outreach_session_presenter::Entity::find()
        .filter(outreach_session_presenter::Column::SessionId.eq(key))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|row| row.member_id)
        .collect();
    let presenters = if presenter_ids.is_empty() {
        Vec::new()
    } else {
        outreach_member::Entity::find()
            .filter(outreach_member::Column::Id.is_in(presenter_ids))
            .order_by_asc(outreach_member::Column::Id)
            .all(db)
            .await
            .map_err(db_err)?
            .into_iter()
            .map(|member| member.name)
            .collect()
    };
    let tree = AdminTree::load(db).await?;
    let topics = match &session.topics {
        serde_json::Value::Array(items) => items
            .iter()
            .map(|item| item.as_str().map_or_else(|| item.to_string(), str::to_owned))
            .filter(|topic| !topic.trim().is_empty())
            .collect(),
        _ => Vec::new(),
    };
    Ok(Facts {
        session_id: session.id,
        language: session.language.clone(),
        status: session.status.clone(),
        starts_local: session.starts_at.with_timezone(&tz).naive_local(),
        ends_local: session.ends_at.with_timezone(&tz).naive_local(),
        village: village_facts(&place),
        township: tree.ancestor(place.admin_unit_id, "township").map(unit_names),
        county: tree.ancestor(place.admin_unit_id, "county").map(unit_names),
        topics,
        presenters,
        interpreter: session.interpreter.clone(),
        team: Names { zh: team.name_zh, en: team.name_en },
        village_url: village_url(base_url, &place.code),
    })
}

/// What a village's public page shows: its names and where it lies, nothing more.
#[derive(Clone, Debug, PartialEq)]
pub struct PublicVillage {
    pub village: VillageFacts,
    pub township: Option<Names>,
    pub county: Option<Names>,
}

/// The village with `code`, for its public page (anyone may open it).
#[tracing::instrument(skip(db, caller))]
pub async fn public_village(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    code: &str,
) -> Result<PublicVillage, ServiceError> {
    auth::authorize(caller, Action::ReadVillagePage)?;
    let row = village::Entity::find()
        .filter(village::Column::Code.eq(code))
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(|| ServiceError::NotFound { kind: RecordKind::Village, id: code.to_owned() })?;
    let tree = AdminTree::load(db).await?;
    Ok(PublicVillage {
        village: village_facts(&row),
        township: tree.ancestor(row.admin_unit_id, "township").map(unit_names),
        county: tree.ancestor(row.admin_unit_id, "county").map(unit_names),
    })
}
