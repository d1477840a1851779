//! Each team's sessions as a calendar feed that phone calendars subscribe to.
//!
//! Subscription design: a phone calendar fetches a URL on its own schedule and sends neither
//! cookies nor an `Authorization` header, so the URL itself must authorize. A coordinator
//! (`ManageOutreach`, the team in their jurisdiction) asks for the team's calendar address;
//! the service draws a random 256-bit secret, stores only its SHA-256 in
//! `outreach_team_calendars` (one row per team) and returns the secret once, inside the URL
//! `/api/v1/outreach/calendars/{secret}.ics`. Anyone holding the URL reads that team's
//! sessions (planned, held and cancelled, from [`FEED_PAST_DAYS`] ago on) and nothing else.
//! Asking again replaces the secret: every old subscription stops working (404), which is how
//! a leaked address or a member who left is cut off. Issuing and replacing are audited; the
//! secret never is. Signed-in readers may also fetch `/api/v1/outreach/teams/{id}/calendar.ics`
//! with their own credentials, scoped as usual.

use chrono::{Duration, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect, TransactionTrait,
};
use serde_json::json;

use super::sessions::{team_sessions, views};
use super::teams::teams_in_scope;
use super::{SessionView, TeamRef};
use crate::domain::auth::{Action, Jurisdiction};
use crate::services::admin::AdminTree;
use crate::services::auth::{self, Principal, new_secret, sha256_hex};
use crate::services::records::{db_err, small_id};
use crate::services::{RecordKind, ServiceError, audit};
use crate::store::entities::{outreach_team, outreach_team_calendar};

/// How far back a feed reaches: sessions that started up to this many days ago.
pub const FEED_PAST_DAYS: i64 = 90;

/// A freshly issued calendar secret (shown once).
#[derive(Debug)]
pub struct IssuedFeed {
    pub team_id: i32,
    pub secret: String,
    /// Whether it replaced an earlier secret.
    pub replaced: bool,
}

/// What a team's feed shows.
#[derive(Debug)]
pub struct Feed {
    pub team: TeamRef,
    pub sessions: Vec<SessionView>,
}

/// `POST /api/v1/outreach/teams/{id}/calendar`: issues the team's calendar secret, replacing
/// any earlier one. Needs `ManageOutreach` and the team in the caller's jurisdiction.
#[tracing::instrument(skip(db, caller))]
pub async fn rotate_feed(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    team_id: i64,
) -> Result<IssuedFeed, ServiceError> {
    let principal = auth::require(caller, Action::ManageOutreach)?;
    let not_found = || ServiceError::NotFound { kind: RecordKind::OutreachTeam, id: team_id.to_string() };
    let key = small_id(team_id).ok_or_else(not_found)?;
    let txn = db.begin().await.map_err(db_err)?;
    let team = outreach_team::Entity::find_by_id(key)
        .filter(teams_in_scope(&principal.jurisdiction))
        .lock_exclusive()
        .one(&txn)
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    let secret = new_secret();
    let existing = outreach_team_calendar::Entity::find_by_id(team.id).one(&txn).await.map_err(db_err)?;
    let replaced = existing.is_some();
    let row = outreach_team_calendar::ActiveModel {
        team_id: Set(team.id),
        secret_hash: Set(sha256_hex(&secret)),
        created_at: Set(Utc::now()),
        created_by: Set(Some(principal.user_id)),
    };
    if replaced {
        row.update(&txn).await.map_err(db_err)?;
    } else {
        row.insert(&txn).await.map_err(db_err)?;
    }
    audit::record(
        &txn,
        audit::Event {
            actor_user_id: Some(principal.user_id),
            action: if replaced { "replace_calendar_address" } else { "issue_calendar_address" },
            record_type: "outreach_team",
            record_id: team.id.to_string(),
            before: None,
            after: Some(json!({ "calendar_address": "issued" })),
        },
    )
    .await?;
    txn.commit().await.map_err(db_err)?;
    Ok(IssuedFeed { team_id: team.id, secret, replaced })
}

async fn feed(db: &DatabaseConnection, team: outreach_team::Model, scope: &Jurisdiction) -> Result<Feed, ServiceError> {
    let tree = AdminTree::load(db).await?;
    let since = Utc::now() - Duration::days(FEED_PAST_DAYS);
    let rows = team_sessions(db, team.id, since, scope).await?;
    Ok(Feed {
        team: TeamRef { id: team.id, code: team.code, name_zh: team.name_zh, name_en: team.name_en },
        sessions: views(db, &tree, rows).await?,
    })
}

/// The feed behind a calendar secret (`GET /api/v1/outreach/calendars/{secret}.ics`): public,
/// the secret is the authorization. An unknown or replaced secret is "not found".
#[tracing::instrument(skip_all)]
pub async fn feed_for_secret(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    secret: &str,
) -> Result<Feed, ServiceError> {
    auth::authorize(caller, Action::ReadTeamCalendarFeed)?;
    let not_found = || ServiceError::NotFound { kind: RecordKind::CalendarFeed, id: "…".to_owned() };
    let well_formed = secret.len() == 64 && secret.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase());
    if !well_formed {
        return Err(not_found());
    }
    let row = outreach_team_calendar::Entity::find()
        .filter(outreach_team_calendar::Column::SecretHash.eq(sha256_hex(secret)))
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    let team = outreach_team::Entity::find_by_id(row.team_id).one(db).await.map_err(db_err)?.ok_or_else(not_found)?;
    feed(db, team, &Jurisdiction::All).await
}

/// `GET /api/v1/outreach/teams/{id}/calendar.ics`: the same feed for a signed-in reader, the
/// team and its sessions scoped to the caller's jurisdiction.
#[tracing::instrument(skip(db, caller))]
pub async fn feed_for_team(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    team_id: i64,
) -> Result<Feed, ServiceError> {
    let principal = auth::require(caller, Action::ReadOutreach)?;
    let not_found = || ServiceError::NotFound { kind: RecordKind::OutreachTeam, id: team_id.to_string() };
    let key = small_id(team_id).ok_or_else(not_found)?;
    let team = outreach_team::Entity::find_by_id(key)
        .filter(teams_in_scope(&principal.jurisdiction))
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)?;
    feed(db, team, &principal.jurisdiction).await
}
