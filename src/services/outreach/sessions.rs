//! Outreach sessions: scheduling under the domain's rules, the scoped list and one session, and
//! the moves planned → held (attendance, topics covered) or cancelled (reason).
//!
//! Scheduling gathers the [`Facts`] in its transaction: the team and village as the caller may
//! see them, and every session that is not cancelled, within [`Travel::reach`] of the new one,
//! of the team or presented by one of the presenters (the same member, or a member of another
//! team linked to the same user). On PostgreSQL the team's row is locked first, so two
//! schedulings for one team cannot both pass the clash rule; SQLite runs one writer at a time.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use serde_json::{Value, json};

use super::teams::teams_in_scope;
use super::{Attendance, PresenterRef, SessionView, TeamRef, VillageRef, presenters_of, strings, village_languages};
use crate::domain::DomainError;
use crate::domain::auth::{Action, Jurisdiction};
use crate::domain::geo::LonLat;
use crate::domain::outreach::{
    Booking, Facts, HeldInput, MemberFacts, NewSession, SessionFilter, SessionInput, SessionWarning, Status, TeamFacts,
    Travel, VillageFacts, require_planned, require_started,
};
use crate::domain::paging::Page;
use crate::domain::period::local_midnight;
use crate::services::admin::AdminTree;
use crate::services::auth::{self, Principal};
use crate::services::places::PageOf;
use crate::services::records::{db_err, small_id};
use crate::services::{RecordKind, ServiceError, audit};
use crate::store::entities::{outreach_member, outreach_session, outreach_session_presenter, outreach_team, village};

/// A scheduled session and what the coordinator should know about it.
#[derive(Clone, Debug)]
pub struct Scheduled {
    pub session: SessionView,
    pub warnings: Vec<SessionWarning>,
}

/// Sessions whose village lies in the jurisdiction.
fn sessions_in_scope(scope: &Jurisdiction) -> Condition {
    match scope {
        Jurisdiction::All => Condition::all(),
        Jurisdiction::Units(units) => Condition::all().add(
            outreach_session::Column::VillageId.in_subquery(
                Query::select()
                    .column(village::Column::Id)
                    .from(village::Entity)
                    .and_where(village::Column::AdminUnitId.is_in(units.iter().copied()))
                    .to_owned(),
            ),
        ),
    }
}

/// The views of `rows`, in their order.
pub(super) async fn views(
    db: &impl ConnectionTrait,
    tree: &AdminTree,
    rows: Vec<outreach_session::Model>,
) -> Result<Vec<SessionView>, ServiceError> {
    let team_ids: HashSet<i32> = rows.iter().map(|row| row.team_id).collect();
    let village_ids: HashSet<i32> = rows.iter().map(|row| row.village_id).collect();
    let teams: HashMap<i32, outreach_team::Model> = outreach_team::Entity::find()
        .filter(outreach_team::Column::Id.is_in(team_ids))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|row| (row.id, row))
        .collect();
    let villages: HashMap<i32, village::Model> = village::Entity::find()
        .filter(village::Column::Id.is_in(village_ids.iter().copied()))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|row| (row.id, row))
        .collect();
    let languages = village_languages(db, village_ids).await?;
    let mut presenters = presenters_of(db, rows.iter().map(|row| row.id)).await?;
    let member_ids: HashSet<i32> = presenters.values().flatten().copied().collect();
    let names: HashMap<i32, String> = outreach_member::Entity::find()
        .filter(outreach_member::Column::Id.is_in(member_ids))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|row| (row.id, row.name))
        .collect();
    let mut views = Vec::with_capacity(rows.len());
    for row in rows {
        let missing =
            |what: &str| ServiceError::Unexpected(anyhow::anyhow!("session {}: its {what} is missing", row.id));
        let team = teams.get(&row.team_id).ok_or_else(|| missing("team"))?;
        let place = villages.get(&row.village_id).ok_or_else(|| missing("village"))?;
        let attendance = match (row.attendance_total, row.attendance_women, row.attendance_under18) {
            (Some(total), Some(women), Some(under18)) => Some(Attendance { total, women, under18 }),
            _ => None,
        };
        views.push(SessionView {
            id: row.id,
            team: TeamRef {
                id: team.id,
                code: team.code.clone(),
                name_zh: team.name_zh.clone(),
                name_en: team.name_en.clone(),
            },
            village: VillageRef {
                id: place.id,
                code: place.code.clone(),
                name_zh: place.name_zh.clone(),
                name_en: place.name_en.clone(),
                name_local: place.name_local.clone(),
                lon: place.lon,
                lat: place.lat,
                languages: languages.get(&place.id).cloned().unwrap_or_default(),
            },
            county: tree.ancestor(place.admin_unit_id, "county"),
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            language: row.language,
            topics: strings(&row.topics),
            presenters: presenters
                .remove(&row.id)
                .unwrap_or_default()
                .into_iter()
                .map(|id| PresenterRef { id, name: names.get(&id).cloned().unwrap_or_default() })
                .collect(),
            interpreter: row.interpreter,
            status: row.status,
            attendance,
            topics_covered: row.topics_covered.as_ref().map(strings),
            cancel_reason: row.cancel_reason,
            created_at: row.created_at,
        });
    }
    Ok(views)
}

/// The session `id` if its village is in scope.
async fn in_scope(
    db: &impl ConnectionTrait,
    scope: &Jurisdiction,
    id: i64,
) -> Result<outreach_session::Model, ServiceError> {
    let not_found = || ServiceError::NotFound { kind: RecordKind::OutreachSession, id: id.to_string() };
    let key = small_id(id).ok_or_else(not_found)?;
    outreach_session::Entity::find_by_id(key)
        .filter(sessions_in_scope(scope))
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)
}

async fn view_of(
    db: &impl ConnectionTrait,
    tree: &AdminTree,
    row: outreach_session::Model,
) -> Result<SessionView, ServiceError> {
    let id = row.id;
    views(db, tree, vec![row])
        .await?
        .pop()
        .ok_or_else(|| ServiceError::Unexpected(anyhow::anyhow!("session {id} vanished while read")))
}

/// The team as the rules need it, if the caller may see it.
async fn team_facts(
    txn: &DatabaseTransaction,
    scope: &Jurisdiction,
    team_id: i32,
) -> Result<Option<TeamFacts>, ServiceError> {
    let Some(team) =
        outreach_team::Entity::find_by_id(team_id).filter(teams_in_scope(scope)).one(txn).await.map_err(db_err)?
    else {
        return Ok(None);
    };
    let members = super::members_of(txn, [team.id]).await?.remove(&team.id).unwrap_or_default();
    Ok(Some(TeamFacts {
        id: i64::from(team.id),
        name: team.name_zh,
        members: members
            .into_iter()
            .map(|member| MemberFacts { id: i64::from(member.id), name: member.name, languages: member.languages })
            .collect(),
    }))
}

fn position(row: &village::Model) -> Result<LonLat, ServiceError> {
    LonLat::new(row.lon, row.lat)
        .ok_or_else(|| ServiceError::Unexpected(anyhow::anyhow!("village {} has no valid position", row.id)))
}

/// The other sessions that could clash with `input` (see the module documentation), with the
/// new presenters each involves.
async fn bookings(
    txn: &DatabaseTransaction,
    scope: &Jurisdiction,
    input: &SessionInput,
    travel: &Travel,
) -> Result<Vec<Booking>, ServiceError> {
    let presenter_keys: Vec<i32> = input.presenter_ids.iter().filter_map(|id| small_id(*id)).collect();
    // The people behind the presenters: a member linked to a user is the same person as every
    // other member row of that user.
    let presenter_rows = outreach_member::Entity::find()
        .filter(outreach_member::Column::Id.is_in(presenter_keys.iter().copied()))
        .all(txn)
        .await
        .map_err(db_err)?;
    let users: Vec<i32> = presenter_rows.iter().filter_map(|row| row.user_id).collect();
    let same_users = outreach_member::Entity::find()
        .filter(outreach_member::Column::UserId.is_in(users))
        .all(txn)
        .await
        .map_err(db_err)?;
    // Every member row standing for a presenter → the presenters (member ids of the input) it is.
    let mut stands_for: HashMap<i32, Vec<i64>> = HashMap::new();
    for presenter in &presenter_rows {
        stands_for.entry(presenter.id).or_default().push(i64::from(presenter.id));
        for other in same_users.iter().filter(|other| other.user_id.is_some() && other.user_id == presenter.user_id) {
            if other.id != presenter.id {
                stands_for.entry(other.id).or_default().push(i64::from(presenter.id));
            }
        }
    }
    let presented: HashSet<i32> = outreach_session_presenter::Entity::find()
        .filter(outreach_session_presenter::Column::MemberId.is_in(stands_for.keys().copied()))
        .all(txn)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|row| row.session_id)
        .collect();
    let team_key = small_id(input.team_id).unwrap_or(0);
    let reach = travel.reach();
    let rows = outreach_session::Entity::find()
        .filter(outreach_session::Column::Status.ne(Status::Cancelled.code()))
        .filter(outreach_session::Column::EndsAt.gt(input.starts_at - reach))
        .filter(outreach_session::Column::StartsAt.lt(input.ends_at + reach))
        .filter(
            Condition::any()
                .add(outreach_session::Column::TeamId.eq(team_key))
                .add(outreach_session::Column::Id.is_in(presented.iter().copied())),
        )
        .all(txn)
        .await
        .map_err(db_err)?;
    let sessions_presenters = presenters_of(txn, rows.iter().map(|row| row.id)).await?;
    let villages: HashMap<i32, village::Model> = village::Entity::find()
        .filter(village::Column::Id.is_in(rows.iter().map(|row| row.village_id)))
        .all(txn)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|row| (row.id, row))
        .collect();
    let mut found = Vec::with_capacity(rows.len());
    for row in rows {
        let place = villages
            .get(&row.village_id)
            .ok_or_else(|| ServiceError::Unexpected(anyhow::anyhow!("session {}: no village", row.id)))?;
        let mut presenters: Vec<i64> = sessions_presenters
            .get(&row.id)
            .into_iter()
            .flatten()
            .filter_map(|member| stands_for.get(member))
            .flatten()
            .copied()
            .collect();
        presenters.sort_unstable();
        presenters.dedup();
        // A village the caller may not see is named by its id only.
        let name =
            if scope.covers(Some(place.admin_unit_id)) { place.name_zh.clone() } else { format!("#{}", place.id) };
        found.push(Booking {
            session_id: i64::from(row.id),
            team_id: i64::from(row.team_id),
            village: name,
            at: position(place)?,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            presenters,
        });
    }
    Ok(found)
}

/// What the caller may see of the records `input` names, and the sessions it could clash with.
async fn facts(
    txn: &DatabaseTransaction,
    scope: &Jurisdiction,
    input: &SessionInput,
    travel: &Travel,
) -> Result<Facts, ServiceError> {
    let team = match small_id(input.team_id) {
        Some(key) => team_facts(txn, scope, key).await?,
        None => None,
    };
    let place = match small_id(input.village_id) {
        Some(key) => village::Entity::find_by_id(key)
            .one(txn)
            .await
            .map_err(db_err)?
            .filter(|row| scope.covers(Some(row.admin_unit_id))),
        None => None,
    };
    let village = match place {
        Some(row) => Some(VillageFacts {
            id: i64::from(row.id),
            name: row.name_zh.clone(),
            languages: village_languages(txn, [row.id]).await?.remove(&row.id).unwrap_or_default(),
            at: position(&row)?,
        }),
        None => None,
    };
    let bookings =
        if team.is_some() && village.is_some() { bookings(txn, scope, input, travel).await? } else { Vec::new() };
    Ok(Facts { team, village, bookings })
}

/// The stored JSON of topic codes.
fn topic_codes(topics: &[crate::domain::outreach::Topic]) -> Value {
    json!(topics.iter().map(|topic| topic.code()).collect::<Vec<_>>())
}

/// What the audit trail keeps of a session.
fn snapshot(row: &outreach_session::Model, presenters: &[i32]) -> Value {
    json!({
        "team_id": row.team_id,
        "village_id": row.village_id,
        "starts_at": row.starts_at.to_rfc3339(),
        "ends_at": row.ends_at.to_rfc3339(),
        "language": row.language,
        "topics": row.topics,
        "presenter_ids": presenters,
        "interpreter": row.interpreter,
        "status": row.status,
        "attendance": [row.attendance_total, row.attendance_women, row.attendance_under18],
        "topics_covered": row.topics_covered,
        "cancel_reason": row.cancel_reason,
    })
}

/// `POST /api/v1/outreach/sessions`: schedules a planned session under the rules of
/// [`NewSession::check`], with its presenters, audited. Needs `ManageOutreach`.
#[tracing::instrument(skip(db, caller, input))]
pub async fn schedule(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    input: SessionInput,
    travel: Travel,
    tz: chrono_tz::Tz,
) -> Result<Scheduled, ServiceError> {
    let principal = auth::require(caller, Action::ManageOutreach)?;
    let scope = &principal.jurisdiction;
    let tree = AdminTree::load(db).await?;
    let txn = db.begin().await.map_err(db_err)?;
    if let Some(key) = small_id(input.team_id) {
        outreach_team::Entity::find_by_id(key).lock_exclusive().one(&txn).await.map_err(db_err)?;
    }
    let facts = facts(&txn, scope, &input, &travel).await?;
    let checked = NewSession::check(input, &facts, &travel, tz)?;
    let session = checked.input();
    let row = outreach_session::ActiveModel {
        id: NotSet,
        team_id: Set(small_id(session.team_id).unwrap_or(0)),
        village_id: Set(small_id(session.village_id).unwrap_or(0)),
        starts_at: Set(session.starts_at),
        ends_at: Set(session.ends_at),
        language: Set(session.language.code().to_owned()),
        topics: Set(topic_codes(&session.topics)),
        status: Set(Status::Planned.code().to_owned()),
        attendance_total: Set(None),
        attendance_women: Set(None),
        attendance_under18: Set(None),
        cancel_reason: Set(None),
        interpreter: Set(session.interpreter.clone()),
        topics_covered: Set(None),
        created_at: Set(Utc::now()),
        is_demo: Set(false),
    }
    .insert(&txn)
    .await
    .map_err(db_err)?;
    let presenters: Vec<i32> = session.presenter_ids.iter().filter_map(|id| small_id(*id)).collect();
    let links = presenters
        .iter()
        .map(|member| outreach_session_presenter::ActiveModel { session_id: Set(row.id), member_id: Set(*member) });
    outreach_session_presenter::Entity::insert_many(links).exec(&txn).await.map_err(db_err)?;
    let mut after = snapshot(&row, &presenters);
    after["warnings"] = json!(checked.warnings().iter().map(SessionWarning::code).collect::<Vec<_>>());
    audit::write_by(&txn, principal, "create", "outreach_session", row.id, None, after).await?;
    let view = view_of(&txn, &tree, row).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(Scheduled { session: view, warnings: checked.warnings().to_vec() })
}

/// `GET /api/v1/outreach/sessions`: the sessions in the caller's jurisdiction matching
/// `filter`, by start then id, a page of them with the number matched.
#[tracing::instrument(skip(db, caller))]
pub async fn list(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    filter: &SessionFilter,
    page: Page,
    tz: chrono_tz::Tz,
) -> Result<PageOf<SessionView>, ServiceError> {
    let principal = auth::require(caller, Action::ReadOutreach)?;
    let tree = AdminTree::load(db).await?;
    let mut select = outreach_session::Entity::find().filter(sessions_in_scope(&principal.jurisdiction));
    if let Some(team) = filter.team {
        select = select.filter(outreach_session::Column::TeamId.eq(small_id(team).unwrap_or(0)));
    }
    if let Some(from) = filter.span.from().and_then(|day| local_midnight(day, &tz)) {
        select = select.filter(outreach_session::Column::StartsAt.gte(from));
    }
    if let Some(end) = filter.span.to().and_then(|day| day.succ_opt()).and_then(|day| local_midnight(day, &tz)) {
        select = select.filter(outreach_session::Column::StartsAt.lt(end));
    }
    if let Some(status) = filter.status {
        select = select.filter(outreach_session::Column::Status.eq(status.code()));
    }
    let matched = select.clone().count(db).await.map_err(db_err)?;
    let rows = select
        .order_by_asc(outreach_session::Column::StartsAt)
        .order_by_asc(outreach_session::Column::Id)
        .limit(page.limit())
        .offset(page.offset())
        .all(db)
        .await
        .map_err(db_err)?;
    Ok(PageOf { items: views(db, &tree, rows).await?, matched })
}

/// `GET /api/v1/outreach/sessions/{id}`.
#[tracing::instrument(skip(db, caller))]
pub async fn session(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    id: i64,
) -> Result<SessionView, ServiceError> {
    let principal = auth::require(caller, Action::ReadOutreach)?;
    let tree = AdminTree::load(db).await?;
    let row = in_scope(db, &principal.jurisdiction, id).await?;
    view_of(db, &tree, row).await
}

/// A planned session in scope, read in the transaction, with its presenters.
async fn planned(
    txn: &DatabaseTransaction,
    scope: &Jurisdiction,
    id: i64,
) -> Result<(outreach_session::Model, Vec<i32>), ServiceError> {
    let row = in_scope(txn, scope, id).await?;
    let row =
        outreach_session::Entity::find_by_id(row.id).lock_exclusive().one(txn).await.map_err(db_err)?.unwrap_or(row);
    require_planned(i64::from(row.id), &row.status).map_err(DomainError::from)?;
    let presenters = presenters_of(txn, [row.id]).await?.remove(&row.id).unwrap_or_default();
    Ok((row, presenters))
}

/// `POST /api/v1/outreach/sessions/{id}/held`: a planned session that has started is marked
/// held with its attendance and the topics covered, audited.
#[tracing::instrument(skip(db, caller, held))]
pub async fn hold(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    id: i64,
    held: HeldInput,
    tz: chrono_tz::Tz,
) -> Result<SessionView, ServiceError> {
    let principal = auth::require(caller, Action::ManageOutreach)?;
    let tree = AdminTree::load(db).await?;
    let txn = db.begin().await.map_err(db_err)?;
    let (row, presenters) = planned(&txn, &principal.jurisdiction, id).await?;
    require_started(i64::from(row.id), row.starts_at, Utc::now(), tz).map_err(DomainError::from)?;
    let before = snapshot(&row, &presenters);
    let mut model: outreach_session::ActiveModel = row.into();
    model.status = Set(Status::Held.code().to_owned());
    model.attendance_total = Set(Some(held.total));
    model.attendance_women = Set(Some(held.women));
    model.attendance_under18 = Set(Some(held.under18));
    model.topics_covered = Set(Some(topic_codes(&held.topics_covered)));
    let row = model.update(&txn).await.map_err(db_err)?;
    audit::write_by(&txn, principal, "hold", "outreach_session", row.id, Some(before), snapshot(&row, &presenters))
        .await?;
    let view = view_of(&txn, &tree, row).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(view)
}

/// `POST /api/v1/outreach/sessions/{id}/cancel`: a planned session is cancelled with its
/// reason, audited.
#[tracing::instrument(skip(db, caller, reason))]
pub async fn cancel(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    id: i64,
    reason: String,
) -> Result<SessionView, ServiceError> {
    let principal = auth::require(caller, Action::ManageOutreach)?;
    let tree = AdminTree::load(db).await?;
    let txn = db.begin().await.map_err(db_err)?;
    let (row, presenters) = planned(&txn, &principal.jurisdiction, id).await?;
    let before = snapshot(&row, &presenters);
    let mut model: outreach_session::ActiveModel = row.into();
    model.status = Set(Status::Cancelled.code().to_owned());
    model.cancel_reason = Set(Some(reason));
    let row = model.update(&txn).await.map_err(db_err)?;
    audit::write_by(&txn, principal, "cancel", "outreach_session", row.id, Some(before), snapshot(&row, &presenters))
        .await?;
    let view = view_of(&txn, &tree, row).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(view)
}

/// The sessions of `team_id` starting from `since`, by start then id (the calendar feed).
pub(super) async fn team_sessions(
    db: &impl ConnectionTrait,
    team_id: i32,
    since: DateTime<Utc>,
    scope: &Jurisdiction,
) -> Result<Vec<outreach_session::Model>, ServiceError> {
    outreach_session::Entity::find()
        .filter(outreach_session::Column::TeamId.eq(team_id))
        .filter(outreach_session::Column::StartsAt.gte(since))
        .filter(sessions_in_scope(scope))
        .order_by_asc(outreach_session::Column::StartsAt)
        .order_by_asc(outreach_session::Column::Id)
        .all(db)
        .await
        .map_err(db_err)
}
