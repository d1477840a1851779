//! Loads the generated demo data into the database in one transaction: all of it or nothing.
//! Idempotent: the seed is recorded, and a database that has it is left alone.

use std::collections::HashMap;
use std::time::Instant;

use chrono::{DateTime, NaiveDate, Utc};
use indicatif::{ProgressBar, ProgressStyle};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, TransactionTrait,
};
use serde_json::json;

use super::ServiceError;
use super::border;
use crate::border::Border;
use crate::demo::{self as generator, CaseOrigin, Demo, Unit};
use crate::i18n::Localizer;
use crate::store::entities::{
    admin_unit, case, case_event, department, incident, linkage, linkage_officer, outreach_member,
    outreach_member_language, outreach_session, outreach_session_presenter, outreach_team, patrol, post, user, village,
    village_indicator, village_language, visit,
};
use crate::store::{StoreError, meta};

pub const DEFAULT_SEED: u64 = 20241231;
/// Default number of incidents over 2023 and 2024.
pub use crate::demo::{DEFAULT_INCIDENTS, MIN_INCIDENTS};
/// Rows per multi-row INSERT of incidents (19 values each stays under every backend's limit).
const BATCH: usize = 1000;

const META_SEED: &str = "demo_seed";
const META_INCIDENTS: &str = "demo_incidents";

#[derive(Clone, Copy, Debug)]
pub struct DemoOptions {
    pub seed: u64,
    pub incidents: u64,
}

/// Whether to draw progress bars (the CLI) or not (tests, the server's `--demo`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    Bars,
    Hidden,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DemoOutcome {
    Loaded {
        seed: u64,
        villages: usize,
        posts: usize,
        departments: usize,
        incidents: u64,
        seconds: f64,
    },
    AlreadyLoaded {
        seed: String,
        incidents: String,
    },
    /// The database holds other data; the demo is not mixed into it.
    NotEmpty,
}

fn db_err(error: sea_orm::DbErr) -> ServiceError {
    StoreError::from(error).into()
}

/// Loads the demo unless it is already there, or the database holds other data (then nothing
/// changes). Border fields are computed against `border`, the line in force.
#[tracing::instrument(skip(db, border, tz, progress))]
pub async fn load(
    db: &DatabaseConnection,
    border: &Border,
    options: DemoOptions,
    tz: chrono_tz::Tz,
    progress: Progress,
) -> Result<DemoOutcome, ServiceError> {
    if let Some(seed) = meta::get(db, META_SEED).await? {
        let incidents = meta::get(db, META_INCIDENTS).await?.unwrap_or_default();
        return Ok(DemoOutcome::AlreadyLoaded { seed, incidents });
    }
    if village::Entity::find().count(db).await.map_err(db_err)? > 0 {
        return Ok(DemoOutcome::NotEmpty);
    }
    let started = Instant::now();
    let demo = Demo::generate(options.seed, options.incidents, tz);
    let txn = db.begin().await.map_err(db_err)?;
    // The incidents' rollup is recounted once at the end rather than row by row.
    super::trends::suspend_rollup(&txn).await?;
    write(&txn, &demo, border, options, tz, progress).await?;
    super::trends::resume_rollup(&txn, Some(tz)).await?;
    meta::insert(&txn, META_SEED, &options.seed.to_string()).await?;
    meta::insert(&txn, META_INCIDENTS, &options.incidents.to_string()).await?;
    let after = serde_json::json!({
        "seed": options.seed,
        "villages": demo.villages.len(),
        "posts": demo.posts.len(),
        "incidents": options.incidents,
    });
    super::audit::record(
        &txn,
        super::audit::Event {
            actor_user_id: None,
            action: "load_demo",
            record_type: "database",
            record_id: options.seed.to_string(),
            before: None,
            after: Some(after),
        },
    )
    .await?;
    txn.commit().await.map_err(db_err)?;
    tracing::info!(seed = options.seed, incidents = options.incidents, "demo data loaded");
    Ok(DemoOutcome::Loaded {
        seed: options.seed,
        villages: demo.villages.len(),
        posts: demo.posts.len(),
        departments: demo.departments.len(),
        incidents: options.incidents,
        seconds: started.elapsed().as_secs_f64(),
    })
}

fn bar(progress: Progress, length: u64, message_id: &str) -> ProgressBar {
    if progress == Progress::Hidden {
        return ProgressBar::hidden();
    }
    let localizer = Localizer::global();
    let bar = ProgressBar::new(length);
    let style = ProgressStyle::with_template("{msg:>12} [{bar:40}] {pos}/{len} ({per_sec}, {eta})")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message(localizer.text(localizer.default_locale(), message_id));
    bar
}

fn midnight(date: NaiveDate) -> DateTime<Utc> {
    date.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
}

async fn write(
    txn: &DatabaseTransaction,
    demo: &Demo,
    located: &Border,
    options: DemoOptions,
    tz: chrono_tz::Tz,
    progress: Progress,
) -> Result<(), ServiceError> {
    let reference = bar(progress, 6, "cli-progress-reference");
    let units = write_units(txn, demo).await?;
    reference.inc(1);
    let village_ids = write_villages(txn, demo, located, &units).await?;
    reference.inc(1);
    let post_ids = write_posts(txn, demo, located, &units).await?;
    reference.inc(1);
    let department_ids = write_departments(txn, demo, &units).await?;
    reference.inc(1);
    let user_ids = write_users(txn, demo, &units, &department_ids).await?;
    reference.inc(1);
    let linkage_ids = write_linkages(txn, demo, &village_ids, &post_ids, &department_ids, &user_ids).await?;
    reference.inc(1);
    reference.finish();
    let places = PlaceIds { villages: village_ids.clone(), townships: units.townships.clone() };

    let incidents = bar(progress, options.incidents, "cli-progress-incidents");
    let first_incident_id = write_incidents(txn, demo, located, options.incidents, tz, &places, &incidents).await?;
    incidents.finish();

    let activities = bar(progress, 4, "cli-progress-activities");
    let visit_ids = write_visits(txn, demo, located, &linkage_ids, &user_ids).await?;
    activities.inc(1);
    write_patrols(txn, demo, &post_ids).await?;
    activities.inc(1);
    write_outreach(txn, demo, &units, &village_ids).await?;
    activities.inc(1);
    write_cases(txn, demo, located, &places, &department_ids, &visit_ids, first_incident_id).await?;
    activities.inc(1);
    activities.finish();
    Ok(())
}

/// Database ids of the demo's villages and townships, by their index in the demo.
struct PlaceIds {
    villages: Vec<i32>,
    townships: Vec<i32>,
}

/// Admin unit ids by GB/T 2260 code, and the townships' ids by index.
struct Units {
    by_code: HashMap<String, i32>,
    townships: Vec<i32>,
}

impl Units {
    fn of(&self, unit: &Unit) -> Result<i32, ServiceError> {
        match unit {
            Unit::Code(code) => self.code(code),
            Unit::Township(index) => Ok(self.townships[*index]),
        }
    }

    fn code(&self, code: &str) -> Result<i32, ServiceError> {
        self.by_code.get(code).copied().ok_or_else(|| {
            ServiceError::Unexpected(anyhow::anyhow!("admin unit {code} is missing: run the migrations"))
        })
    }
}

async fn write_units(txn: &DatabaseTransaction, demo: &Demo) -> Result<Units, ServiceError> {
    let by_code: HashMap<String, i32> = admin_unit::Entity::find()
        .all(txn)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|unit| (unit.code, unit.id))
        .collect();
    let mut units = Units { by_code, townships: Vec::new() };
    for township in &demo.townships {
        let parent = units.code(township.county_code)?;
        let row = admin_unit::ActiveModel {
            id: NotSet,
            code: Set(township.code.clone()),
            name_zh: Set(township.name_zh.clone()),
            name_en: Set(township.name_en.clone()),
            level: Set("township".to_owned()),
            parent_id: Set(Some(parent)),
            is_demo: Set(true),
        }
        .insert(txn)
        .await
        .map_err(db_err)?;
        units.townships.push(row.id);
    }
    Ok(units)
}

async fn write_villages(
    txn: &DatabaseTransaction,
    demo: &Demo,
    located: &Border,
    units: &Units,
) -> Result<Vec<i32>, ServiceError> {
    let mut ids = Vec::with_capacity(demo.villages.len());
    let mut languages = Vec::new();
    for generated in &demo.villages {
        let at = border::fields(located, generated.lon, generated.lat);
        let row = village::ActiveModel {
            id: NotSet,
            code: Set(generated.code.clone()),
            name_zh: Set(generated.name_zh.clone()),
            name_en: Set(Some(generated.name_en.clone())),
            name_local: Set(None),
            name_local_lang: Set(None),
            admin_unit_id: Set(units.townships[generated.township]),
            households: Set(generated.households),
            population: Set(generated.population),
            ethnic_groups: Set(json!(generated.ethnic_groups)),
            is_key: Set(generated.is_key),
            lon: Set(generated.lon),
            lat: Set(generated.lat),
            border_km: Set(at.border_km),
            distance_m: Set(at.distance_m),
            section: Set(at.section),
            side: Set(at.side),
            is_demo: Set(true),
        }
        .insert(txn)
        .await
        .map_err(db_err)?;
        for (position, language) in generated.languages.iter().enumerate() {
            languages.push(village_language::ActiveModel {
                village_id: Set(row.id),
                position: Set(position as i32),
                language: Set((*language).to_owned()),
            });
        }
        ids.push(row.id);
    }
    insert_chunks(txn, languages, village_language::Entity::insert_many).await?;
    let indicators = demo.indicators.iter().map(|indicator| village_indicator::ActiveModel {
        id: NotSet,
        village_id: Set(ids[indicator.village]),
        year: Set(indicator.year),
        collective_income_cny: Set(Some(indicator.collective_income_cny)),
        per_capita_income_cny: Set(Some(indicator.per_capita_income_cny)),
        villagers_in_cross_border_crime: Set(Some(indicator.villagers_in_cross_border_crime)),
        is_demo: Set(true),
    });
    insert_chunks(txn, indicators.collect(), village_indicator::Entity::insert_many).await?;
    Ok(ids)
}

/// Inserts rows in chunks of [`BATCH`].
async fn insert_chunks<A, F>(txn: &DatabaseTransaction, rows: Vec<A>, insert_many: F) -> Result<(), ServiceError>
where
    A: ActiveModelTrait + Send,
    F: Fn(Vec<A>) -> sea_orm::InsertMany<A>,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(BATCH).collect();
        insert_many(chunk).exec(txn).await.map_err(db_err)?;
    }
    Ok(())
}

async fn write_posts(
    txn: &DatabaseTransaction,
    demo: &Demo,
    located: &Border,
    units: &Units,
) -> Result<Vec<i32>, ServiceError> {
    let mut ids = Vec::with_capacity(demo.posts.len());
    for generated in &demo.posts {
        let at = border::fields(located, generated.lon, generated.lat);
        let row = post::ActiveModel {
            id: NotSet,
            code: Set(generated.code.clone()),
            name_zh: Set(generated.name_zh.clone()),
            name_en: Set(Some(generated.name_en.clone())),
            admin_unit_id: Set(units.townships[generated.township]),
            sector_start_km: Set(generated.sector_start_km),
            sector_end_km: Set(generated.sector_end_km),
            staff: Set(generated.staff),
            lon: Set(generated.lon),
            lat: Set(generated.lat),
            border_km: Set(at.border_km),
            distance_m: Set(at.distance_m),
            section: Set(at.section),
            side: Set(at.side),
            is_demo: Set(true),
        }
        .insert(txn)
        .await
        .map_err(db_err)?;
        ids.push(row.id);
    }
    Ok(ids)
}

async fn write_departments(txn: &DatabaseTransaction, demo: &Demo, units: &Units) -> Result<Vec<i32>, ServiceError> {
    let mut ids = Vec::with_capacity(demo.departments.len());
    for generated in &demo.departments {
        let row = department::ActiveModel {
            id: NotSet,
            code: Set(generated.code.clone()),
            name_zh: Set(generated.name_zh.clone()),
            name_en: Set(Some(generated.name_en.clone())),
            kind: Set(generated.kind.to_owned()),
            admin_unit_id: Set(units.of(&generated.unit)?),
            is_demo: Set(true),
        }
        .insert(txn)
        .await
        .map_err(db_err)?;
        ids.push(row.id);
    }
    Ok(ids)
}

async fn write_users(
    txn: &DatabaseTransaction,
    demo: &Demo,
    units: &Units,
    departments: &[i32],
) -> Result<Vec<i32>, ServiceError> {
    let mut ids = Vec::with_capacity(demo.users.len());
    let created_at = midnight(NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default());
    for generated in &demo.users {
        let row = user::ActiveModel {
            id: NotSet,
            username: Set(generated.username.clone()),
            display_name: Set(generated.display_name.clone()),
            password_hash: Set(None),
            role: Set(generated.role.to_owned()),
            admin_unit_id: Set(units.of(&generated.unit)?),
            department_id: Set(generated.department.map(|index| departments[index])),
            languages: Set(json!(generated.languages)),
            locale: Set("zh-CN".to_owned()),
            is_active: Set(true),
            created_at: Set(created_at),
            is_demo: Set(true),
        }
        .insert(txn)
        .await
        .map_err(db_err)?;
        ids.push(row.id);
    }
    Ok(ids)
}

async fn write_linkages(
    txn: &DatabaseTransaction,
    demo: &Demo,
    villages: &[i32],
    posts: &[i32],
    departments: &[i32],
    users: &[i32],
) -> Result<Vec<i32>, ServiceError> {
    let mut ids = Vec::with_capacity(demo.linkages.len());
    let mut officers = Vec::new();
    for generated in &demo.linkages {
        let row = linkage::ActiveModel {
            id: NotSet,
            department_id: Set(departments[generated.department]),
            village_id: Set(villages[generated.village]),
            post_id: Set(posts[generated.post]),
            starts_on: Set(generated.starts_on),
            ends_on: Set(None),
            village_visits_per_month: Set(1),
            post_visits_per_month: Set(1),
            created_at: Set(midnight(generated.starts_on)),
            is_demo: Set(true),
        }
        .insert(txn)
        .await
        .map_err(db_err)?;
        for officer in &generated.officers {
            officers.push(linkage_officer::ActiveModel { linkage_id: Set(row.id), user_id: Set(users[*officer]) });
        }
        ids.push(row.id);
    }
    insert_chunks(txn, officers, linkage_officer::Entity::insert_many).await?;
    Ok(ids)
}

/// Streams the incidents in batches; returns the id of the first one (they are consecutive
/// within this transaction's inserts, looked up by position later).
async fn write_incidents(
    txn: &DatabaseTransaction,
    demo: &Demo,
    located: &Border,
    total: u64,
    tz: chrono_tz::Tz,
    places: &PlaceIds,
    bar: &ProgressBar,
) -> Result<Option<i64>, ServiceError> {
    let mut stream = demo.incidents(total, tz).peekable();
    while stream.peek().is_some() {
        let chunk: Vec<incident::ActiveModel> = stream
            .by_ref()
            .take(BATCH)
            .map(|generated| (border::fields(located, generated.lon, generated.lat), generated))
            .map(|(at, generated)| incident::ActiveModel {
                id: NotSet,
                occurred_at: Set(generated.occurred_at),
                category: Set(generated.category.to_owned()),
                persons_apprehended: Set(generated.persons_apprehended),
                villagers_involved: Set(generated.villagers_involved),
                village_id: Set(generated.village.map(|index| places.villages[index])),
                admin_unit_id: Set(Some(places.townships[generated.township])),
                source: Set("demo".to_owned()),
                description: Set(None),
                created_at: Set(generated.occurred_at),
                deleted_at: Set(None),
                lon: Set(generated.lon),
                lat: Set(generated.lat),
                border_km: Set(at.border_km),
                distance_m: Set(at.distance_m),
                section: Set(at.section),
                side: Set(at.side),
                is_demo: Set(true),
            })
            .collect();
        let rows = chunk.len() as u64;
        incident::Entity::insert_many(chunk).exec(txn).await.map_err(db_err)?;
        bar.inc(rows);
    }
    let first = incident::Entity::find()
        .filter(incident::Column::IsDemo.eq(true))
        .order_by_asc(incident::Column::Id)
        .select_only()
        .column(incident::Column::Id)
        .into_tuple::<i64>()
        .one(txn)
        .await
        .map_err(db_err)?;
    Ok(first)
}

async fn write_visits(
    txn: &DatabaseTransaction,
    demo: &Demo,
    located: &Border,
    linkages: &[i32],
    users: &[i32],
) -> Result<Vec<i32>, ServiceError> {
    let rows: Vec<visit::ActiveModel> = demo
        .visits
        .iter()
        .map(|generated| (border::fields(located, generated.lon, generated.lat), generated))
        .map(|(at, generated)| visit::ActiveModel {
            id: NotSet,
            uuid: Set(generated.uuid),
            linkage_id: Set(linkages[generated.linkage]),
            officer_id: Set(users[generated.officer]),
            target: Set(generated.target.to_owned()),
            visited_at: Set(generated.visited_at),
            accuracy_m: Set(generated.accuracy_m),
            findings: Set(json!(
                generated
                    .findings
                    .iter()
                    .map(|finding| json!({ "kind": finding.kind, "text": finding.text }))
                    .collect::<Vec<_>>()
            )),
            follow_ups: Set(generated.follow_ups.clone()),
            distance_to_target_m: Set(Some(generated.distance_to_target_m)),
            flags: Set(json!(generated.flags)),
            created_at: Set(generated.visited_at),
            lon: Set(generated.lon),
            lat: Set(generated.lat),
            border_km: Set(at.border_km),
            distance_m: Set(at.distance_m),
            section: Set(at.section),
            side: Set(at.side),
            is_demo: Set(true),
        })
        .collect();
    insert_chunks(txn, rows, visit::Entity::insert_many).await?;
    let by_uuid: HashMap<uuid::Uuid, i32> = visit::Entity::find()
        .select_only()
        .column(visit::Column::Uuid)
        .column(visit::Column::Id)
        .into_tuple::<(uuid::Uuid, i32)>()
        .all(txn)
        .await
        .map_err(db_err)?
        .into_iter()
        .collect();
    demo.visits
        .iter()
        .map(|generated| {
            by_uuid
                .get(&generated.uuid)
                .copied()
                .ok_or_else(|| ServiceError::Unexpected(anyhow::anyhow!("visit {} was not stored", generated.uuid)))
        })
        .collect()
}

async fn write_patrols(txn: &DatabaseTransaction, demo: &Demo, posts: &[i32]) -> Result<(), ServiceError> {
    let rows: Vec<patrol::ActiveModel> = demo
        .patrols
        .iter()
        .map(|generated| patrol::ActiveModel {
            id: NotSet,
            post_id: Set(posts[generated.post]),
            started_at: Set(generated.started_at),
            ended_at: Set(generated.ended_at),
            track_geojson: Set(json!({ "type": "LineString", "coordinates": generated.track }).to_string()),
            covered_km: Set(None),
            is_demo: Set(true),
        })
        .collect();
    insert_chunks(txn, rows, patrol::Entity::insert_many).await
}

async fn write_outreach(
    txn: &DatabaseTransaction,
    demo: &Demo,
    units: &Units,
    villages: &[i32],
) -> Result<(), ServiceError> {
    let mut team_ids = Vec::with_capacity(demo.teams.len());
    let mut member_ids: Vec<Vec<i32>> = Vec::with_capacity(demo.teams.len());
    for generated in &demo.teams {
        let team = outreach_team::ActiveModel {
            id: NotSet,
            code: Set(generated.code.clone()),
            name_zh: Set(generated.name_zh.clone()),
            name_en: Set(Some(generated.name_en.clone())),
            admin_unit_id: Set(units.code(generated.county_code)?),
            is_demo: Set(true),
        }
        .insert(txn)
        .await
        .map_err(db_err)?;
        let mut members = Vec::with_capacity(generated.members.len());
        for member in &generated.members {
            let row = outreach_member::ActiveModel {
                id: NotSet,
                team_id: Set(team.id),
                name: Set(member.name.clone()),
                user_id: Set(None),
                is_demo: Set(true),
            }
            .insert(txn)
            .await
            .map_err(db_err)?;
            let languages: Vec<outreach_member_language::ActiveModel> = member
                .languages
                .iter()
                .map(|(language, level)| outreach_member_language::ActiveModel {
                    member_id: Set(row.id),
                    language: Set((*language).to_owned()),
                    level: Set(level.code().to_owned()),
                })
                .collect();
            insert_chunks(txn, languages, outreach_member_language::Entity::insert_many).await?;
            members.push(row.id);
        }
        team_ids.push(team.id);
        member_ids.push(members);
    }
    let sessions: Vec<outreach_session::ActiveModel> = demo
        .sessions
        .iter()
        .map(|generated| outreach_session::ActiveModel {
            id: NotSet,
            team_id: Set(team_ids[generated.team]),
            village_id: Set(villages[generated.village]),
            starts_at: Set(generated.starts_at),
            ends_at: Set(generated.ends_at),
            language: Set(generated.language.to_owned()),
            topics: Set(json!(generated.topics)),
            status: Set(generated.status.to_owned()),
            attendance_total: Set(generated.attendance.map(|a| a.0)),
            attendance_women: Set(generated.attendance.map(|a| a.1)),
            attendance_under18: Set(generated.attendance.map(|a| a.2)),
            cancel_reason: Set(generated.cancel_reason.map(str::to_owned)),
            interpreter: Set(None),
            topics_covered: Set((generated.status == "held").then(|| json!(generated.topics))),
            created_at: Set(generated.starts_at),
            is_demo: Set(true),
        })
        .collect();
    // One by one: the presenters need each session's id (a few hundred rows).
    let mut presenters = Vec::new();
    for (generated, row) in demo.sessions.iter().zip(sessions) {
        let session = row.insert(txn).await.map_err(db_err)?;
        presenters.extend(generated.presenters.iter().map(|index| outreach_session_presenter::ActiveModel {
            session_id: Set(session.id),
            member_id: Set(member_ids[generated.team][*index]),
        }));
    }
    insert_chunks(txn, presenters, outreach_session_presenter::Entity::insert_many).await
}

async fn write_cases(
    txn: &DatabaseTransaction,
    demo: &Demo,
    located: &Border,
    places: &PlaceIds,
    departments: &[i32],
    visits: &[i32],
    first_incident_id: Option<i64>,
) -> Result<(), ServiceError> {
    let villages = &places.villages;
    let mut events = Vec::new();
    for generated in &demo.cases {
        let (origin, incident_id, visit_id) = match generated.origin {
            CaseOrigin::QrReport => ("qr_report", None, None),
            CaseOrigin::VisitFinding(index) => ("visit_finding", None, Some(visits[index])),
            CaseOrigin::Incident(position) => {
                let id = incident_at(txn, first_incident_id, position).await?;
                ("incident", id, None)
            }
        };
        let village = &demo.villages[generated.village];
        let updated_at = generated.events.last().map(|event| event.at).unwrap_or(generated.reported_at);
        let at = border::fields(located, village.lon, village.lat);
        let row = case::ActiveModel {
            id: NotSet,
            code: Set(generated.code.clone()),
            title: Set(generated.title.clone()),
            description: Set(Some(generated.description.clone())),
            stage: Set(generated.stage.to_owned()),
            origin: Set(origin.to_owned()),
            village_id: Set(Some(villages[generated.village])),
            admin_unit_id: Set(Some(places.townships[village.township])),
            incident_id: Set(incident_id),
            visit_id: Set(visit_id),
            assigned_department_id: Set(generated.department.map(|index| departments[index])),
            reported_at: Set(generated.reported_at),
            stage_due_at: Set(generated.stage_due_at),
            closed_at: Set(generated.closed_at),
            satisfaction: Set(generated.satisfaction),
            created_at: Set(generated.reported_at),
            updated_at: Set(updated_at),
            lon: Set(Some(village.lon)),
            lat: Set(Some(village.lat)),
            border_km: Set(at.border_km),
            distance_m: Set(at.distance_m),
            section: Set(at.section),
            side: Set(at.side),
            is_demo: Set(true),
        }
        .insert(txn)
        .await
        .map_err(db_err)?;
        for event in &generated.events {
            events.push(case_event::ActiveModel {
                id: NotSet,
                case_id: Set(row.id),
                at: Set(event.at),
                from_stage: Set(event.from_stage.map(str::to_owned)),
                to_stage: Set(event.to_stage.to_owned()),
                actor_user_id: Set(None),
                note: Set(event.note.clone()),
            });
        }
    }
    insert_chunks(txn, events, case_event::Entity::insert_many).await
}

/// The id of the incident at `position` among the demo's incidents (ids are ascending in
/// insertion order on both backends).
async fn incident_at(
    txn: &DatabaseTransaction,
    first: Option<i64>,
    position: u64,
) -> Result<Option<i64>, ServiceError> {
    if first.is_none() {
        return Ok(None);
    }
    let id = incident::Entity::find()
        .filter(incident::Column::IsDemo.eq(true))
        .order_by_asc(incident::Column::Id)
        .select_only()
        .column(incident::Column::Id)
        .offset(position)
        .limit(1)
        .into_tuple::<i64>()
        .one(txn)
        .await
        .map_err(db_err)?;
    Ok(id)
}

/// Exposes the generator's published targets to callers of the service.
pub use generator::targets;
