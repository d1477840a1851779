//! Legal-outreach teams and their sessions: teams with their members' languages and levels
//! (`teams`), scheduling checked by [`crate::domain::outreach::NewSession::check`], the
//! scoped list and the moves planned → held or cancelled (`sessions`), and each team's
//! iCalendar feed (`calendar`); the villages the scheduling form offers (`choices`).
//!
//! Scoping: a team belongs to the jurisdiction of its own admin unit, a session to that of its
//! village; outside the caller's jurisdiction either is "not found". Every write runs in one
//! transaction with its audit event.

mod calendar;
mod choices;
pub mod coverage;
pub mod notice;
mod sessions;
pub mod suggestions;
mod teams;

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

pub use calendar::{FEED_PAST_DAYS, Feed, IssuedFeed, feed_for_secret, feed_for_team, rotate_feed};
pub use choices::{VillageChoice, village_choices};
pub use sessions::{Scheduled, cancel, hold, list, schedule, session};
pub use teams::{create_team, team, teams};

use super::ServiceError;
use super::admin::UnitRef;
use super::records::db_err;
use crate::store::entities::{outreach_member, outreach_member_language, outreach_session_presenter, village_language};

/// A member of a team with the languages they speak, `(code, level)` as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberView {
    pub id: i32,
    pub name: String,
    pub user_id: Option<i32>,
    pub languages: Vec<(String, String)>,
}

/// A team with its members.
#[derive(Clone, Debug)]
pub struct TeamView {
    pub id: i32,
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    /// The admin unit the team belongs to.
    pub unit: Option<UnitRef>,
    pub county: Option<UnitRef>,
    /// By id.
    pub members: Vec<MemberView>,
    /// Whether a calendar address has been issued.
    pub calendar_feed: bool,
}

/// A team as a session names it.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamRef {
    pub id: i32,
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
}

/// A village as a session names it.
#[derive(Clone, Debug, PartialEq)]
pub struct VillageRef {
    pub id: i32,
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub name_local: Option<String>,
    pub lon: f64,
    pub lat: f64,
    /// Primary first.
    pub languages: Vec<String>,
}

/// A presenter of a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PresenterRef {
    pub id: i32,
    pub name: String,
}

/// Attendance of a held session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attendance {
    pub total: i32,
    pub women: i32,
    pub under18: i32,
}

/// A session as the API shows it.
#[derive(Clone, Debug)]
pub struct SessionView {
    pub id: i32,
    pub team: TeamRef,
    pub village: VillageRef,
    pub county: Option<UnitRef>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub language: String,
    pub topics: Vec<String>,
    /// By id.
    pub presenters: Vec<PresenterRef>,
    pub interpreter: Option<String>,
    /// `planned`, `held` or `cancelled`.
    pub status: String,
    pub attendance: Option<Attendance>,
    pub topics_covered: Option<Vec<String>>,
    pub cancel_reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Text items of a stored JSON array (topics).
fn strings(value: &serde_json::Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| items.iter().filter_map(|item| item.as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

/// The languages of each of `village_ids`, primary first.
async fn village_languages(
    db: &impl ConnectionTrait,
    village_ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, Vec<String>>, ServiceError> {
    let rows = village_language::Entity::find()
        .filter(village_language::Column::VillageId.is_in(village_ids))
        .order_by_asc(village_language::Column::VillageId)
        .order_by_asc(village_language::Column::Position)
        .all(db)
        .await
        .map_err(db_err)?;
    let mut languages: HashMap<i32, Vec<String>> = HashMap::new();
    for row in rows {
        languages.entry(row.village_id).or_default().push(row.language);
    }
    Ok(languages)
}

/// The members of each of `team_ids` with their languages, by id.
async fn members_of(
    db: &impl ConnectionTrait,
    team_ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, Vec<MemberView>>, ServiceError> {
    let members = outreach_member::Entity::find()
        .filter(outreach_member::Column::TeamId.is_in(team_ids))
        .order_by_asc(outreach_member::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    let mut languages = member_languages(db, members.iter().map(|member| member.id)).await?;
    let mut by_team: HashMap<i32, Vec<MemberView>> = HashMap::new();
    for member in members {
        by_team.entry(member.team_id).or_default().push(MemberView {
            id: member.id,
            name: member.name,
            user_id: member.user_id,
            languages: languages.remove(&member.id).unwrap_or_default(),
        });
    }
    Ok(by_team)
}

/// The `(language, level)` pairs of each of `member_ids`, by language code.
async fn member_languages(
    db: &impl ConnectionTrait,
    member_ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, Vec<(String, String)>>, ServiceError> {
    let rows = outreach_member_language::Entity::find()
        .filter(outreach_member_language::Column::MemberId.is_in(member_ids))
        .order_by_asc(outreach_member_language::Column::MemberId)
        .order_by_asc(outreach_member_language::Column::Language)
        .all(db)
        .await
        .map_err(db_err)?;
    let mut languages: HashMap<i32, Vec<(String, String)>> = HashMap::new();
    for row in rows {
        languages.entry(row.member_id).or_default().push((row.language, row.level));
    }
    Ok(languages)
}

/// The presenters (member ids) of each of `session_ids`.
async fn presenters_of(
    db: &impl ConnectionTrait,
    session_ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, Vec<i32>>, ServiceError> {
    let rows = outreach_session_presenter::Entity::find()
        .filter(outreach_session_presenter::Column::SessionId.is_in(session_ids))
        .order_by_asc(outreach_session_presenter::Column::SessionId)
        .order_by_asc(outreach_session_presenter::Column::MemberId)
        .all(db)
        .await
        .map_err(db_err)?;
    let mut presenters: HashMap<i32, Vec<i32>> = HashMap::new();
    for row in rows {
        presenters.entry(row.session_id).or_default().push(row.member_id);
    }
    Ok(presenters)
}
