//! Outreach teams: the scoped list with members, languages and levels, one team, and a new team.

use chrono::Utc;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, SqlErr,
    TransactionTrait,
};
use serde_json::json;

use super::{TeamView, members_of};
use crate::domain::DomainError;
use crate::domain::auth::{Action, Jurisdiction};
use crate::domain::outreach::{OutreachError, TeamInput};
use crate::services::admin::AdminTree;
use crate::services::auth::{self, Principal};
use crate::services::records::{db_err, small_id};
use crate::services::{RecordKind, ServiceError, audit};
use crate::store::entities::{outreach_member, outreach_member_language, outreach_team, outreach_team_calendar, user};

/// The levels of the admin tree, top down, for finding a unit by its code.
const LEVELS: [&str; 3] = ["prefecture", "county", "township"];

/// Teams of the jurisdiction's admin units (every team for the whole prefecture).
pub(super) fn teams_in_scope(scope: &Jurisdiction) -> sea_orm::Condition {
    match scope {
        Jurisdiction::All => sea_orm::Condition::all(),
        Jurisdiction::Units(units) => {
            sea_orm::Condition::all().add(outreach_team::Column::AdminUnitId.is_in(units.iter().copied()))
        }
    }
}

async fn views(
    db: &impl sea_orm::ConnectionTrait,
    tree: &AdminTree,
    rows: Vec<outreach_team::Model>,
) -> Result<Vec<TeamView>, ServiceError> {
    let ids: Vec<i32> = rows.iter().map(|row| row.id).collect();
    let mut members = members_of(db, ids.iter().copied()).await?;
    let feeds: Vec<i32> = outreach_team_calendar::Entity::find()
        .filter(outreach_team_calendar::Column::TeamId.is_in(ids))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|row| row.team_id)
        .collect();
    Ok(rows
        .into_iter()
        .map(|row| TeamView {
            id: row.id,
            members: members.remove(&row.id).unwrap_or_default(),
            calendar_feed: feeds.contains(&row.id),
            unit: tree.unit(row.admin_unit_id),
            county: tree.ancestor(row.admin_unit_id, "county"),
            code: row.code,
            name_zh: row.name_zh,
            name_en: row.name_en,
        })
        .collect())
}

/// `GET /api/v1/outreach/teams`: the teams of the caller's jurisdiction, by code, with their
/// members (by id) and the languages each speaks with its level.
#[tracing::instrument(skip(db, caller))]
pub async fn teams(db: &DatabaseConnection, caller: Option<&Principal>) -> Result<Vec<TeamView>, ServiceError> {
    let principal = auth::require(caller, Action::ReadOutreach)?;
    let tree = AdminTree::load(db).await?;
    let rows = outreach_team::Entity::find()
        .filter(teams_in_scope(&principal.jurisdiction))
        .order_by_asc(outreach_team::Column::Code)
        .all(db)
        .await
        .map_err(db_err)?;
    views(db, &tree, rows).await
}

/// One team of the caller's jurisdiction with its members (the team pages); a team outside
/// it is not found.
#[tracing::instrument(skip(db, caller))]
pub async fn team(db: &DatabaseConnection, caller: Option<&Principal>, id: i64) -> Result<TeamView, ServiceError> {
    let principal = auth::require(caller, Action::ReadOutreach)?;
    let not_found = || ServiceError::NotFound { kind: RecordKind::OutreachTeam, id: id.to_string() };
    let key = small_id(id).ok_or_else(not_found)?;
    let row = outreach_team::Entity::find_by_id(key)
        .filter(teams_in_scope(&principal.jurisdiction))
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    let tree = AdminTree::load(db).await?;
    views(db, &tree, vec![row]).await?.pop().ok_or_else(not_found)
}

fn unique_violation(error: &DbErr) -> bool {
    matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

/// `POST /api/v1/outreach/teams`: a new team with its members and their languages. Needs
/// `ManageOutreach`; its admin unit (a GB/T 2260 code) must lie in the caller's jurisdiction
/// and a member's `user_id` must name a user there. A code in use is a conflict (409).
#[tracing::instrument(skip(db, caller, input))]
pub async fn create_team(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    input: TeamInput,
) -> Result<TeamView, ServiceError> {
    let principal = auth::require(caller, Action::ManageOutreach)?;
    let scope = &principal.jurisdiction;
    let tree = AdminTree::load(db).await?;
    let code = input.admin_unit.clone().ok_or(DomainError::MissingParameter { name: "admin_unit" })?;
    let unit_id = LEVELS
        .iter()
        .find_map(|level| tree.find(&code, level))
        .filter(|unit| scope.covers(Some(*unit)))
        .ok_or_else(|| DomainError::UnknownJurisdiction { value: code.clone() })?;
    let txn = db.begin().await.map_err(db_err)?;
    let user_ids: Vec<i32> = input.members.iter().filter_map(|member| member.user_id).filter_map(small_id).collect();
    let known_users: Vec<i32> = user::Entity::find()
        .filter(user::Column::Id.is_in(user_ids))
        .all(&txn)
        .await
        .map_err(db_err)?
        .into_iter()
        .filter(|row| scope.covers(Some(row.admin_unit_id)))
        .map(|row| row.id)
        .collect();
    for member in &input.members {
        if let Some(id) = member.user_id
            && !small_id(id).is_some_and(|key| known_users.contains(&key))
        {
            return Err(DomainError::from(OutreachError::UnknownUser { id }).into());
        }
    }
    let inserted = outreach_team::ActiveModel {
        id: NotSet,
        code: Set(input.code.clone()),
        name_zh: Set(input.name_zh.clone()),
        name_en: Set(input.name_en.clone()),
        admin_unit_id: Set(unit_id),
        is_demo: Set(false),
    }
    .insert(&txn)
    .await;
    let team = match inserted {
        Ok(team) => team,
        Err(error) if unique_violation(&error) => return Err(ServiceError::Conflict),
        Err(error) => return Err(db_err(error)),
    };
    let mut snapshot_members = Vec::new();
    for member in &input.members {
        let row = outreach_member::ActiveModel {
            id: NotSet,
            team_id: Set(team.id),
            name: Set(member.name.clone()),
            user_id: Set(member.user_id.and_then(small_id)),
            is_demo: Set(false),
        }
        .insert(&txn)
        .await
        .map_err(db_err)?;
        let languages = member.languages.iter().map(|(language, level)| outreach_member_language::ActiveModel {
            member_id: Set(row.id),
            language: Set(language.code().to_owned()),
            level: Set(level.code().to_owned()),
        });
        outreach_member_language::Entity::insert_many(languages).exec(&txn).await.map_err(db_err)?;
        snapshot_members.push(json!({
            "id": row.id,
            "name": member.name,
            "user_id": member.user_id,
            "languages": member.languages.iter().map(|(language, level)| json!({ "language": language.code(), "level": level.code() })).collect::<Vec<_>>(),
        }));
    }
    audit::record(
        &txn,
        audit::Event {
            actor_user_id: Some(principal.user_id),
            action: "create",
            record_type: "outreach_team",
            record_id: team.id.to_string(),
            before: None,
            after: Some(json!({
                "code": team.code,
                "name_zh": team.name_zh,
                "name_en": team.name_en,
                "admin_unit": code,
                "members": snapshot_members,
                "at": Utc::now().to_rfc3339(),
            })),
        },
    )
    .await?;
    let mut created = views(&txn, &tree, vec![team]).await?;
    txn.commit().await.map_err(db_err)?;
    created.pop().ok_or_else(|| ServiceError::Unexpected(anyhow::anyhow!("the new team vanished")))
}
