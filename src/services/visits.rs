//! Liaison visits: logging one (`POST /api/v1/visits`), syncing a phone's queue
//! (`POST /api/v1/sync/visits`), listing them (`GET /api/v1/visits`) and the linkages a phone
//! caches for offline use (`GET /api/v1/linkages/mine`).
//!
//! Who may log on which linkage: a liaison officer on the linkages that list them among their
//! officers (`linkage_officers`); officials and admins on the linkages whose village lies in
//! their jurisdiction. Any other linkage is "not found". The visit's officer is the caller.
//!
//! Exactly once: a visit is identified by the UUID its phone generated (unique in the table).
//! A UUID seen before is answered from the stored record: "duplicate" when the content is the
//! same ([`ContentKey`]) and the caller may read that record, "conflict" otherwise; nothing is
//! written in either case. Each visit is written in its own short transaction whose first
//! statement is the INSERT (so SQLite takes its write lock before any read), and two
//! submissions racing with one UUID meet at the unique constraint: the loser rolls back,
//! re-reads the winner's record and classifies itself against it.
//!
//! Audit: one `create` event per visit created, in its transaction; duplicates, conflicts and
//! invalid visits write nothing, so a sync batch leaves as many events as it created visits.
//!
//! Reading: liaison officers see their own visits; officials and admins the visits on
//! linkages whose village lies in their jurisdiction.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::sea_query::SimpleExpr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, Select, TransactionTrait,
};
use serde::Serialize;
use serde_json::{Value, json};

use super::auth::{self, Principal};
use super::places::{BorderFields, Located, PageOf};
use super::records::{LinkageParts, linkage_parts};
use super::{RecordKind, ServiceError, audit};
use crate::border::Border;
use crate::domain::DomainError;
use crate::domain::auth::{Action, Jurisdiction, Role};
use crate::domain::geo::LonLat;
use crate::domain::paging::Page;
use crate::domain::period::local_midnight;
use crate::domain::visit::{
    ContentKey, Flagged, LinkageFacts, MAX_SYNC_VISITS, NewVisit, StoredContent, VisitContent, VisitError, VisitFilter,
    VisitInput, VisitLimits, sent_id, target_code,
};
use crate::store::StoreError;
use crate::store::entities::{linkage, linkage_officer, post, user, village, visit};

fn db_err(error: sea_orm::DbErr) -> ServiceError {
    StoreError::from(error).into()
}

/// The rules a visit is checked with: when it is flagged, and the time zone of the calendar
/// days a linkage runs on.
#[derive(Clone, Copy, Debug)]
pub struct VisitRules {
    pub limits: VisitLimits,
    pub tz: chrono_tz::Tz,
}

/// What a visit is about: the linkage's village or post.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TargetRef {
    /// `village` or `post`.
    pub kind: String,
    pub id: i32,
}

/// One finding; `index` (from 0, the order sent) names it for good: a case opened from it
/// refers to "visit `visit_id`, finding `index`".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FindingView {
    pub index: usize,
    pub kind: String,
    pub text: String,
}

/// A visit as the API shows it (a GeoJSON Point feature whose id is the visit's record id).
#[derive(Clone, Debug, Serialize)]
pub struct VisitProperties {
    /// The client-generated id.
    pub uuid: String,
    pub linkage_id: i32,
    pub officer_id: i32,
    pub officer_name: String,
    pub target: TargetRef,
    /// RFC 3339, UTC.
    pub visited_at: String,
    pub accuracy_m: f64,
    pub findings: Vec<FindingView>,
    pub follow_ups: Option<String>,
    /// Geodesic metres from the visit's point to its target.
    pub distance_to_target_m: Option<f64>,
    /// `far_from_target`, `low_accuracy`; empty when none.
    pub flags: Vec<String>,
    pub created_at: String,
    #[serde(flatten)]
    pub border: BorderFields,
    pub is_demo: bool,
}

/// How a submitted visit was received.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Received {
    /// Stored now.
    Created,
    /// The same visit was stored before; nothing was written.
    Duplicate,
}

/// A visit as stored, and whether this submission stored it.
#[derive(Debug)]
pub struct Submitted {
    pub received: Received,
    pub visit: Located<VisitProperties>,
}

/// Why a synced visit was not stored.
#[derive(Debug)]
pub enum Refusal {
    /// It breaks a rule.
    Invalid(DomainError),
    /// Its linkage is not one the caller may log on.
    NotFound { kind: RecordKind, id: String },
    /// Its UUID was recorded already with other content.
    Conflict { uuid: String },
}

/// The answer for one visit of a sync, in the order sent.
#[derive(Debug)]
pub struct SyncItem {
    /// The `id` as sent (when it was a string).
    pub id: Option<String>,
    pub outcome: Result<Submitted, Refusal>,
}

/// What the service knows about the caller for writing visits.
struct Writer<'a> {
    principal: &'a Principal,
    rules: VisitRules,
    border: &'a Border,
    now: DateTime<Utc>,
    /// Linkages already looked up in this request.
    linkages: HashMap<i32, Option<LinkageFacts>>,
}

/// `POST /api/v1/visits`: stores one visit, or answers the record stored before under its
/// UUID. A visit that breaks a rule is `Invalid`, a linkage the caller may not log on
/// `NotFound`, a UUID recorded with other content `VisitConflict`.
#[tracing::instrument(skip_all)]
pub async fn submit(
    db: &DatabaseConnection,
    border: &Border,
    caller: Option<&Principal>,
    rules: VisitRules,
    visit: &Value,
) -> Result<Submitted, ServiceError> {
    let principal = auth::require(caller, Action::LogVisits)?;
    let mut writer = Writer { principal, rules, border, now: Utc::now(), linkages: HashMap::new() };
    match writer.submit(db, visit).await? {
        Ok(submitted) => Ok(submitted),
        Err(Refusal::Invalid(error)) => Err(error.into()),
        Err(Refusal::NotFound { kind, id }) => Err(ServiceError::NotFound { kind, id }),
        Err(Refusal::Conflict { uuid }) => Err(ServiceError::VisitConflict { uuid }),
    }
}

/// `POST /api/v1/sync/visits`: each visit handled as [`submit`] handles one, independently
/// (a refused visit does not stop the others), answered in the order sent. More than
/// [`MAX_SYNC_VISITS`] visits are refused whole. A failure of the database ends the request;
/// the visits stored before it stay stored and a replay reports them as duplicates.
#[tracing::instrument(skip_all, fields(visits = visits.len()))]
pub async fn sync(
    db: &DatabaseConnection,
    border: &Border,
    caller: Option<&Principal>,
    rules: VisitRules,
    visits: &[Value],
) -> Result<Vec<SyncItem>, ServiceError> {
    let principal = auth::require(caller, Action::LogVisits)?;
    if visits.len() > MAX_SYNC_VISITS {
        return Err(DomainError::from(VisitError::TooMany { count: visits.len(), max: MAX_SYNC_VISITS }).into());
    }
    let mut writer = Writer { principal, rules, border, now: Utc::now(), linkages: HashMap::new() };
    let mut items = Vec::with_capacity(visits.len());
    for visit in visits {
        let outcome = writer.submit(db, visit).await?;
        items.push(SyncItem { id: sent_id(visit).map(str::to_owned), outcome });
    }
    Ok(items)
}

impl Writer<'_> {
    /// One visit: `Ok(Err(_))` when it is refused, `Err(_)` when the database fails.
    async fn submit(
        &mut self,
        db: &DatabaseConnection,
        sent: &Value,
    ) -> Result<Result<Submitted, Refusal>, ServiceError> {
        let content = match VisitInput::from_json(sent).and_then(|input| VisitContent::parse(input, self.now)) {
            Ok(content) => content,
            Err(error) => return Ok(Err(Refusal::Invalid(error))),
        };
        if let Some(existing) = by_uuid(db, content.uuid()).await? {
            return self.classify(db, &content, existing).await;
        }
        let Some(facts) = self.linkage(db, content.linkage_id()).await? else {
            return Ok(Err(Refusal::NotFound { kind: RecordKind::Linkage, id: content.linkage_id().to_string() }));
        };
        let border = self.border;
        let checked = NewVisit::parse(content, &facts, self.rules.tz, self.rules.limits, |at| {
            super::border::fields(border, at.lon(), at.lat())
        });
        let new = match checked {
            Ok(new) => new,
            Err(error) => return Ok(Err(Refusal::Invalid(error))),
        };
        let txn = db.begin().await.map_err(db_err)?;
        let inserted = active_model(&new, self.principal.user_id, self.now).insert(&txn).await;
        let row = match inserted {
            Ok(row) => row,
            Err(error) if matches!(error.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
                // Another submission of this UUID won the race: answer from its record.
                txn.rollback().await.map_err(db_err)?;
                let existing = by_uuid(db, new.content().uuid()).await?.ok_or_else(|| {
                    ServiceError::Unexpected(anyhow::anyhow!(
                        "visit {} vanished after a conflict",
                        new.content().uuid()
                    ))
                })?;
                return self.classify(db, new.content(), existing).await;
            }
            Err(error) => return Err(db_err(error)),
        };
        audit::record(
            &txn,
            audit::Event {
                actor_user_id: Some(self.principal.user_id),
                action: "create",
                record_type: "visit",
                record_id: row.id.to_string(),
                before: None,
                after: Some(snapshot(&row)),
            },
        )
        .await?;
        txn.commit().await.map_err(db_err)?;
        let visit = views(db, vec![row]).await?.pop().ok_or_else(|| vanished("created"))?;
        Ok(Ok(Submitted { received: Received::Created, visit }))
    }

    /// A UUID seen before: the stored record if it is the same visit and the caller may read
    /// it, a conflict otherwise.
    async fn classify(
        &self,
        db: &DatabaseConnection,
        content: &VisitContent,
        existing: visit::Model,
    ) -> Result<Result<Submitted, Refusal>, ServiceError> {
        let linked = linkage::Entity::find_by_id(existing.linkage_id).one(db).await.map_err(db_err)?;
        let same = linked.as_ref().is_some_and(|found| stored_key(&existing, found) == Some(content.key()));
        if !same || !may_read(db, self.principal, &existing, linked.as_ref()).await? {
            return Ok(Err(Refusal::Conflict { uuid: content.uuid().to_string() }));
        }
        let visit = views(db, vec![existing]).await?.pop().ok_or_else(|| vanished("stored"))?;
        Ok(Ok(Submitted { received: Received::Duplicate, visit }))
    }

    /// The linkage `id` if the caller may log visits on it, looked up once per request.
    async fn linkage(&mut self, db: &DatabaseConnection, id: i32) -> Result<Option<LinkageFacts>, ServiceError> {
        if let Some(known) = self.linkages.get(&id) {
            return Ok(*known);
        }
        let facts = writable_linkage(db, self.principal, id).await?;
        self.linkages.insert(id, facts);
        Ok(facts)
    }
}

fn vanished(what: &str) -> ServiceError {
    ServiceError::Unexpected(anyhow::anyhow!("a {what} visit could not be read back"))
}

async fn by_uuid(db: &impl ConnectionTrait, uuid: uuid::Uuid) -> Result<Option<visit::Model>, ServiceError> {
    visit::Entity::find().filter(visit::Column::Uuid.eq(uuid)).one(db).await.map_err(db_err)
}

/// The linkage, with its village's and post's positions, if `principal` may log visits on it.
async fn writable_linkage(
    db: &impl ConnectionTrait,
    principal: &Principal,
    id: i32,
) -> Result<Option<LinkageFacts>, ServiceError> {
    let Some(found) = linkage::Entity::find_by_id(id).one(db).await.map_err(db_err)? else {
        return Ok(None);
    };
    let Some(village) = village::Entity::find_by_id(found.village_id).one(db).await.map_err(db_err)? else {
        return Ok(None);
    };
    let allowed = match principal.role {
        Role::LiaisonOfficer => {
            linkage_officer::Entity::find_by_id((id, principal.user_id)).one(db).await.map_err(db_err)?.is_some()
        }
        _ => principal.jurisdiction.covers(Some(village.admin_unit_id)),
    };
    if !allowed {
        return Ok(None);
    }
    let Some(post) = post::Entity::find_by_id(found.post_id).one(db).await.map_err(db_err)? else {
        return Ok(None);
    };
    let (Some(village_at), Some(post_at)) = (LonLat::new(village.lon, village.lat), LonLat::new(post.lon, post.lat))
    else {
        return Err(ServiceError::Unexpected(anyhow::anyhow!("linkage {id} pairs a place without a valid position")));
    };
    Ok(Some(LinkageFacts {
        id,
        village_id: village.id,
        village: village_at,
        post_id: post.id,
        post: post_at,
        starts_on: found.starts_on,
        ends_on: found.ends_on,
    }))
}

/// Whether `principal` may read a stored visit: their own (liaison officers), or on a linkage
/// whose village is in their jurisdiction (officials, admins).
async fn may_read(
    db: &impl ConnectionTrait,
    principal: &Principal,
    row: &visit::Model,
    linked: Option<&linkage::Model>,
) -> Result<bool, ServiceError> {
    if principal.role == Role::LiaisonOfficer {
        return Ok(row.officer_id == principal.user_id);
    }
    let Some(linked) = linked else { return Ok(false) };
    let unit = village::Entity::find_by_id(linked.village_id)
        .one(db)
        .await
        .map_err(db_err)?
        .map(|village| village.admin_unit_id);
    Ok(unit.is_some() && principal.jurisdiction.covers(unit))
}

/// The stored findings as (kind, text), in order; rows written by other means (the demo) may
/// lack members, which read as empty.
fn stored_findings(findings: &Value) -> Vec<(&str, &str)> {
    findings
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| {
                    let member = |name: &str| item.get(name).and_then(Value::as_str).unwrap_or_default();
                    (member("kind"), member("text"))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The comparison key of a stored visit (its target id is the linkage's village or post).
fn stored_key(row: &visit::Model, linked: &linkage::Model) -> Option<ContentKey> {
    let target_id = match row.target.as_str() {
        "village" => linked.village_id,
        "post" => linked.post_id,
        _ => return None,
    };
    Some(ContentKey::new(StoredContent {
        linkage_id: row.linkage_id,
        target: &row.target,
        target_id,
        visited_at: row.visited_at,
        lon: row.lon,
        lat: row.lat,
        accuracy_m: row.accuracy_m,
        findings: stored_findings(&row.findings),
        follow_ups: row.follow_ups.as_deref(),
    }))
}

fn active_model(new: &NewVisit, officer_id: i32, now: DateTime<Utc>) -> visit::ActiveModel {
    let content = new.content();
    let border = new.border();
    let findings: Vec<Value> = content
        .findings()
        .iter()
        .enumerate()
        .map(|(index, finding)| json!({ "index": index, "kind": finding.kind.code(), "text": finding.text }))
        .collect();
    visit::ActiveModel {
        id: NotSet,
        uuid: Set(content.uuid()),
        linkage_id: Set(content.linkage_id()),
        officer_id: Set(officer_id),
        target: Set(target_code(content.target()).to_owned()),
        visited_at: Set(content.visited_at()),
        accuracy_m: Set(content.accuracy_m()),
        findings: Set(Value::Array(findings)),
        follow_ups: Set(content.follow_ups().map(str::to_owned)),
        distance_to_target_m: Set(Some(new.distance_to_target_m())),
        flags: Set(json!(new.flags())),
        created_at: Set(now),
        lon: Set(content.position().lon()),
        lat: Set(content.position().lat()),
        border_km: Set(border.border_km),
        distance_m: Set(border.distance_m),
        section: Set(border.section.clone()),
        side: Set(border.side.clone()),
        is_demo: Set(false),
    }
}

/// The visit as the audit trail keeps it.
fn snapshot(row: &visit::Model) -> Value {
    json!({
        "uuid": row.uuid.to_string(),
        "linkage_id": row.linkage_id,
        "officer_id": row.officer_id,
        "target": row.target,
        "visited_at": row.visited_at.to_rfc3339(),
        "lon": row.lon,
        "lat": row.lat,
        "accuracy_m": row.accuracy_m,
        "findings": row.findings,
        "follow_ups": row.follow_ups,
        "distance_to_target_m": row.distance_to_target_m,
        "flags": row.flags,
        "border_km": row.border_km,
        "distance_m": row.distance_m,
        "section": row.section,
        "side": row.side,
    })
}

/// Stored visits as shown, with their targets' ids and their officers' names.
async fn views(
    db: &impl ConnectionTrait,
    rows: Vec<visit::Model>,
) -> Result<Vec<Located<VisitProperties>>, ServiceError> {
    let linkage_ids: HashSet<i32> = rows.iter().map(|row| row.linkage_id).collect();
    let linkages: HashMap<i32, linkage::Model> = linkage::Entity::find()
        .filter(linkage::Column::Id.is_in(linkage_ids))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|row| (row.id, row))
        .collect();
    let officer_ids: HashSet<i32> = rows.iter().map(|row| row.officer_id).collect();
    let officers: HashMap<i32, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(officer_ids))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|row| (row.id, row.display_name))
        .collect();
    rows.into_iter()
        .map(|row| {
            let linked = linkages.get(&row.linkage_id).ok_or_else(|| {
                ServiceError::Unexpected(anyhow::anyhow!("visit {} refers to a missing linkage", row.id))
            })?;
            let target_id = if row.target == "village" { linked.village_id } else { linked.post_id };
            let findings = stored_findings(&row.findings)
                .into_iter()
                .enumerate()
                .map(|(index, (kind, text))| FindingView { index, kind: kind.to_owned(), text: text.to_owned() })
                .collect();
            let flags = stored_flags(&row);
            Ok(Located {
                id: i64::from(row.id),
                lon: row.lon,
                lat: row.lat,
                properties: VisitProperties {
                    uuid: row.uuid.to_string(),
                    linkage_id: row.linkage_id,
                    officer_id: row.officer_id,
                    officer_name: officers.get(&row.officer_id).cloned().unwrap_or_default(),
                    target: TargetRef { kind: row.target.clone(), id: target_id },
                    visited_at: row.visited_at.to_rfc3339(),
                    accuracy_m: row.accuracy_m,
                    findings,
                    follow_ups: row.follow_ups,
                    distance_to_target_m: row.distance_to_target_m,
                    flags,
                    created_at: row.created_at.to_rfc3339(),
                    border: BorderFields {
                        border_km: row.border_km,
                        distance_m: row.distance_m,
                        section: row.section,
                        side: row.side,
                    },
                    is_demo: row.is_demo,
                },
            })
        })
        .collect()
}

/// Visits the caller may read: their own (liaison officers), or those on linkages whose
/// village lies in the jurisdiction.
fn readable(principal: &Principal) -> Condition {
    if principal.role == Role::LiaisonOfficer {
        return Condition::all().add(visit::Column::OfficerId.eq(principal.user_id));
    }
    in_jurisdiction(&principal.jurisdiction)
}

/// Visits on linkages whose village lies in `scope`: what officials and admins read.
fn in_jurisdiction(scope: &Jurisdiction) -> Condition {
    match scope {
        Jurisdiction::All => Condition::all(),
        Jurisdiction::Units(_) => {
            let linkages = linkage::Entity::find()
                .select_only()
                .column(linkage::Column::Id)
                .filter(super::records::linkages_in_scope(scope))
                .into_query();
            Condition::all().add(visit::Column::LinkageId.in_subquery(linkages))
        }
    }
}

/// Visits carrying `flag` (one of [`crate::domain::visit::FLAGS`], never user text) among
/// their `flags`, a JSON array of codes.
fn carrying(backend: DbBackend, flag: &'static str) -> SimpleExpr {
    match backend {
        DbBackend::Postgres => Expr::cust(format!(
            "EXISTS (SELECT 1 FROM json_array_elements_text(flags) AS f(code) WHERE f.code = '{flag}')"
        )),
        _ => Expr::cust(format!("EXISTS (SELECT 1 FROM json_each(flags) WHERE json_each.value = '{flag}')")),
    }
}

/// The visits `readable` keeps that match the filter (days are local calendar days in `tz`).
fn matching(
    backend: DbBackend,
    readable: Condition,
    filter: &VisitFilter,
    tz: chrono_tz::Tz,
) -> Result<Select<visit::Entity>, ServiceError> {
    let mut select = visit::Entity::find().filter(readable);
    // An id no record can have matches nothing.
    if let Some(id) = filter.linkage_id {
        select = select.filter(visit::Column::LinkageId.eq(i32::try_from(id).unwrap_or(0)));
    }
    if let Some(id) = filter.officer_id {
        select = select.filter(visit::Column::OfficerId.eq(i32::try_from(id).unwrap_or(0)));
    }
    match filter.flagged {
        // `json_array_length` exists in SQLite and PostgreSQL alike.
        Some(Flagged::Yes) => select = select.filter(Expr::cust("json_array_length(flags) > 0")),
        Some(Flagged::No) => select = select.filter(Expr::cust("json_array_length(flags) = 0")),
        Some(Flagged::With(flag)) => select = select.filter(carrying(backend, flag)),
        None => {}
    }
    let out_of_range = || anyhow::anyhow!("a date of the filter is out of the calendar's range");
    if let Some(first) = filter.days.from() {
        select = select.filter(visit::Column::VisitedAt.gte(local_midnight(first, &tz).ok_or_else(out_of_range)?));
    }
    if let Some(last) = filter.days.to() {
        let after = last.succ_opt().and_then(|next| local_midnight(next, &tz)).ok_or_else(out_of_range)?;
        select = select.filter(visit::Column::VisitedAt.lt(after));
    }
    Ok(select)
}

/// `GET /api/v1/visits`: the visits the caller may read that match the filter (days are local
/// calendar days in `tz`), newest first.
#[tracing::instrument(skip(db, caller))]
pub async fn list(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    filter: &VisitFilter,
    page: Page,
    tz: chrono_tz::Tz,
) -> Result<PageOf<Located<VisitProperties>>, ServiceError> {
    let principal = auth::require(caller, Action::ReadLinkages)?;
    let found = stored_page(db, principal, filter, page, tz).await?;
    Ok(PageOf { items: views(db, found.items).await?, matched: found.matched })
}

/// The stored visits of [`list`]'s page, as stored: for the visit list page, which names
/// their linkages and targets.
pub(crate) async fn stored_page(
    db: &DatabaseConnection,
    principal: &Principal,
    filter: &VisitFilter,
    page: Page,
    tz: chrono_tz::Tz,
) -> Result<PageOf<visit::Model>, ServiceError> {
    let select = matching(db.get_database_backend(), readable(principal), filter, tz)?;
    let matched = select.clone().count(db).await.map_err(db_err)?;
    let items = select
        .order_by_desc(visit::Column::VisitedAt)
        .order_by_desc(visit::Column::Id)
        .offset(page.offset())
        .limit(page.limit())
        .all(db)
        .await
        .map_err(db_err)?;
    Ok(PageOf { items, matched })
}

/// A stored visit's flags (codes), in order.
pub(crate) fn stored_flags(row: &visit::Model) -> Vec<String> {
    row.flags
        .as_array()
        .map(|flags| flags.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default()
}

/// How many visits on linkages whose village lies in `scope` match `filter`: the total
/// [`list`] gives an official or admin of that jurisdiction (the dashboard counts flagged
/// visits with it, so its rows and the list they link to agree). No authorization check:
/// for use cases that made their own.
pub(crate) async fn count_in(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    filter: &VisitFilter,
    tz: chrono_tz::Tz,
) -> Result<u64, ServiceError> {
    matching(db.get_database_backend(), in_jurisdiction(scope), filter, tz)?.count(db).await.map_err(db_err)
}

/// A village or post as a phone caches it.
#[derive(Clone, Debug, Serialize)]
pub struct PlaceToVisit {
    pub id: i32,
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub lon: f64,
    pub lat: f64,
}

/// A department named.
#[derive(Clone, Debug, Serialize)]
pub struct DepartmentRef {
    pub id: i32,
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
}

/// One of the caller's active linkages, with what a phone needs to log a visit offline.
#[derive(Clone, Debug, Serialize)]
pub struct MyLinkage {
    pub id: i32,
    pub department: DepartmentRef,
    pub village: PlaceToVisit,
    pub post: PlaceToVisit,
    pub starts_on: NaiveDate,
    /// The last day; `None` while it runs.
    pub ends_on: Option<NaiveDate>,
    pub village_visits_per_month: i32,
    pub post_visits_per_month: i32,
}

/// `GET /api/v1/linkages/mine`: the linkages listing the caller among their officers that run
/// today (local day in `tz`), by id.
#[tracing::instrument(skip(db, caller))]
pub async fn my_linkages(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    tz: chrono_tz::Tz,
) -> Result<Vec<MyLinkage>, ServiceError> {
    let principal = auth::require(caller, Action::LogVisits)?;
    let today = Utc::now().with_timezone(&tz).date_naive();
    let mine = linkage_officer::Entity::find()
        .select_only()
        .column(linkage_officer::Column::LinkageId)
        .filter(linkage_officer::Column::UserId.eq(principal.user_id))
        .into_query();
    let rows = linkage::Entity::find()
        .filter(linkage::Column::Id.in_subquery(mine))
        .filter(linkage::Column::StartsOn.lte(today))
        .filter(Condition::any().add(linkage::Column::EndsOn.is_null()).add(linkage::Column::EndsOn.gte(today)))
        .order_by_asc(linkage::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    let LinkageParts { villages, posts, departments } = linkage_parts(db, &rows).await?;
    let missing =
        |what: &str, id: i32| ServiceError::Unexpected(anyhow::anyhow!("linkage refers to a missing {what} {id}"));
    rows.into_iter()
        .map(|row| {
            let village = villages.get(&row.village_id).ok_or_else(|| missing("village", row.village_id))?;
            let post = posts.get(&row.post_id).ok_or_else(|| missing("post", row.post_id))?;
            let department =
                departments.get(&row.department_id).ok_or_else(|| missing("department", row.department_id))?;
            Ok(MyLinkage {
                id: row.id,
                department: DepartmentRef {
                    id: department.id,
                    code: department.code.clone(),
                    name_zh: department.name_zh.clone(),
                    name_en: department.name_en.clone(),
                },
                village: PlaceToVisit {
                    id: village.id,
                    code: village.code.clone(),
                    name_zh: village.name_zh.clone(),
                    name_en: village.name_en.clone(),
                    lon: village.lon,
                    lat: village.lat,
                },
                post: PlaceToVisit {
                    id: post.id,
                    code: post.code.clone(),
                    name_zh: post.name_zh.clone(),
                    name_en: post.name_en.clone(),
                    lon: post.lon,
                    lat: post.lat,
                },
                starts_on: row.starts_on,
                ends_on: row.ends_on,
                village_visits_per_month: row.village_visits_per_month,
                post_visits_per_month: row.post_visits_per_month,
            })
        })
        .collect()
}
