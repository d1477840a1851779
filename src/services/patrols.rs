//! Patrols: logging one with its GPS track (`POST /api/v1/patrols`, audited) and the coverage
//! of the border by the patrols of the last 7 and 30 days (`GET /api/v1/patrols/coverage`).
//! The km a track covered are computed once, when it is logged ([`crate::domain::patrol`]);
//! demo patrols stored without them are read from their track.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};
use serde::Serialize;
use serde_json::json;

use super::auth::{self, Principal};
use super::records::db_err;
use super::{RecordKind, ServiceError, audit};
use crate::border::{Border, KmInterval, KmIntervals};
use crate::domain::auth::{Action, Jurisdiction};
use crate::domain::patrol::{RawPoint, Track, covered_km, intervals_from_json, intervals_to_json};
use crate::store::entities::{patrol, post};

/// The windows of the coverage report, days back from the report's day (inclusive).
pub const WINDOWS_DAYS: [i64; 2] = [7, 30];

/// A stored patrol.
#[derive(Clone, Debug, Serialize)]
pub struct PatrolView {
    pub id: i64,
    pub post_id: i64,
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    pub points: usize,
    /// `[[start_km, end_km], …]` along the border.
    pub covered_km: Vec<[f64; 2]>,
    pub covered_length_km: f64,
}

fn pairs(intervals: &KmIntervals) -> Vec<[f64; 2]> {
    intervals.intervals().iter().map(|i| [i.start_km(), i.end_km()]).collect()
}

/// `POST /api/v1/patrols`: checks the track, the post (in the caller's jurisdiction, else
/// not found), derives the covered km and stores the patrol, audited in the same transaction.
#[tracing::instrument(skip(db, border, caller, raw))]
pub async fn log(
    db: &DatabaseConnection,
    border: &Border,
    corridor_m: f64,
    caller: Option<&Principal>,
    post_id: i64,
    raw: Vec<RawPoint>,
) -> Result<PatrolView, ServiceError> {
    let principal = auth::require(caller, Action::LogPatrols)?;
    let track = Track::new(raw, Utc::now()).map_err(crate::domain::DomainError::from)?;
    let not_found = || ServiceError::NotFound { kind: RecordKind::Post, id: post_id.to_string() };
    let post_key = i32::try_from(post_id).map_err(|_| not_found())?;
    let points: Vec<[f64; 2]> = track.points().iter().map(|p| [p.lon, p.lat]).collect();
    let covered = covered_km(border, &points, corridor_m);
    let txn = db.begin().await.map_err(db_err)?;
    post::Entity::find_by_id(post_key)
        .one(&txn)
        .await
        .map_err(db_err)?
        .filter(|row| principal.jurisdiction.covers(Some(row.admin_unit_id)))
        .ok_or_else(not_found)?;
    let row = patrol::ActiveModel {
        id: NotSet,
        post_id: Set(post_key),
        started_at: Set(track.started_at()),
        ended_at: Set(track.ended_at()),
        track_geojson: Set(track.line_string().to_string()),
        covered_km: Set(Some(intervals_to_json(&covered))),
        is_demo: Set(false),
    }
    .insert(&txn)
    .await
    .map_err(db_err)?;
    audit::record(
        &txn,
        audit::Event {
            actor_user_id: Some(principal.user_id),
            action: "create",
            record_type: "patrol",
            record_id: row.id.to_string(),
            before: None,
            after: Some(json!({
                "post_id": row.post_id,
                "started_at": row.started_at,
                "ended_at": row.ended_at,
                "points": points.len(),
                "covered_km": row.covered_km,
            })),
        },
    )
    .await?;
    txn.commit().await.map_err(db_err)?;
    Ok(PatrolView {
        id: i64::from(row.id),
        post_id,
        started_at: row.started_at,
        ended_at: row.ended_at,
        points: points.len(),
        covered_length_km: covered.total_km(),
        covered_km: pairs(&covered),
    })
}

/// Coverage of a stretch in one window.
#[derive(Clone, Debug, Serialize)]
pub struct WindowCoverage {
    pub days: i64,
    /// Patrolled km ÷ length, 0–1 (0 for a stretch of no length).
    pub share: f64,
    pub patrolled_km: f64,
    /// The patrolled parts, `[[start_km, end_km], …]`.
    pub patrolled: Vec<[f64; 2]>,
    /// The unpatrolled parts (gaps), `[[start_km, end_km], …]`.
    pub gaps: Vec<[f64; 2]>,
}

/// A post's sector and its coverage.
#[derive(Clone, Debug, Serialize)]
pub struct PostCoverage {
    pub post_id: i64,
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub sector_start_km: f64,
    pub sector_end_km: f64,
    pub length_km: f64,
    pub windows: Vec<WindowCoverage>,
}

/// The stretch of border a caller answers for and its coverage: the whole line for the
/// prefecture, the union of the caller's posts' sectors otherwise.
#[derive(Clone, Debug, Serialize)]
pub struct BorderCoverage {
    pub stretches: Vec<[f64; 2]>,
    pub length_km: f64,
    pub windows: Vec<WindowCoverage>,
}

/// The coverage report.
#[derive(Clone, Debug, Serialize)]
pub struct CoverageReport {
    /// The report's day (local); window `n` runs over the `n` days ending with it.
    pub date: NaiveDate,
    pub border: BorderCoverage,
    pub posts: Vec<PostCoverage>,
}

fn window(days: i64, stretches: &KmIntervals, covered: &KmIntervals) -> WindowCoverage {
    let patrolled = covered.intersection(stretches);
    let gaps = KmIntervals::from_intervals(
        stretches.intervals().iter().flat_map(|range| covered.gaps_within(*range).intervals().to_vec()),
    );
    let length_km = stretches.total_km();
    let patrolled_km = patrolled.total_km();
    WindowCoverage {
        days,
        share: if length_km > 0.0 { (patrolled_km / length_km).clamp(0.0, 1.0) } else { 0.0 },
        patrolled_km,
        patrolled: pairs(&patrolled),
        gaps: pairs(&gaps),
    }
}

fn sector_of(row: &post::Model) -> KmIntervals {
    KmIntervals::from_intervals(KmInterval::new(row.sector_start_km, row.sector_end_km).ok())
}

/// The km a stored patrol covered (from its track when it was stored without them).
fn stored_cover(row: &patrol::Model, border: &Border, corridor_m: f64) -> KmIntervals {
    match &row.covered_km {
        Some(value) => intervals_from_json(value),
        None => {
            let track: Vec<[f64; 2]> = serde_json::from_str::<serde_json::Value>(&row.track_geojson)
                .ok()
                .and_then(|value| serde_json::from_value(value.get("coordinates")?.clone()).ok())
                .unwrap_or_default();
            covered_km(border, &track, corridor_m)
        }
    }
}

/// `GET /api/v1/patrols/coverage`: for each post in the caller's jurisdiction and for the
/// stretch it answers for, the share patrolled (by the patrols of those posts) and the gaps,
/// over the 7 and 30 days ending with `date` (default today, in `tz`).
#[tracing::instrument(skip(db, border, caller))]
pub async fn coverage(
    db: &DatabaseConnection,
    border: &Border,
    corridor_m: f64,
    caller: Option<&Principal>,
    tz: chrono_tz::Tz,
    date: Option<NaiveDate>,
) -> Result<CoverageReport, ServiceError> {
    let principal = auth::require(caller, Action::ReadPosts)?;
    let date = date.unwrap_or_else(|| super::records::today(tz));
    let next_day = date.succ_opt().unwrap_or(date);
    let end = tz
        .from_local_datetime(&next_day.and_hms_opt(0, 0, 0).unwrap_or_default())
        .earliest()
        .map(|at| at.with_timezone(&Utc))
        .unwrap_or_else(|| next_day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc());
    let mut posts_query = post::Entity::find().order_by_asc(post::Column::SectorStartKm).order_by_asc(post::Column::Id);
    if let Jurisdiction::Units(units) = &principal.jurisdiction {
        posts_query = posts_query.filter(post::Column::AdminUnitId.is_in(units.clone()));
    }
    let posts = posts_query.all(db).await.map_err(db_err)?;
    let longest = WINDOWS_DAYS.iter().copied().max().unwrap_or(30);
    let post_ids: Vec<i32> = posts.iter().map(|row| row.id).collect();
    let patrols = if post_ids.is_empty() {
        Vec::new()
    } else {
        patrol::Entity::find()
            .filter(patrol::Column::PostId.is_in(post_ids))
            .filter(patrol::Column::StartedAt.lt(end))
            .filter(patrol::Column::EndedAt.gte(end - Duration::days(longest)))
            .all(db)
            .await
            .map_err(db_err)?
    };
    let covers: Vec<(DateTime<Utc>, KmIntervals)> =
        patrols.iter().map(|row| (row.ended_at, stored_cover(row, border, corridor_m))).collect();
    let covered_in: Vec<(i64, KmIntervals)> = WINDOWS_DAYS
        .iter()
        .map(|&days| {
            let start = end - Duration::days(days);
            let union = covers
                .iter()
                .filter(|(ended_at, _)| *ended_at >= start)
                .fold(KmIntervals::new(), |all, (_, cover)| all.union(cover));
            (days, union)
        })
        .collect();
    let stretches = match principal.jurisdiction {
        Jurisdiction::All => KmIntervals::from_intervals(KmInterval::new(0.0, border.length_km()).ok()),
        Jurisdiction::Units(_) => posts.iter().fold(KmIntervals::new(), |all, row| all.union(&sector_of(row))),
    };
    let windows_of = |stretch: &KmIntervals| -> Vec<WindowCoverage> {
        covered_in.iter().map(|(days, covered)| window(*days, stretch, covered)).collect()
    };
    let report_posts = posts
        .iter()
        .map(|row| {
            let sector = sector_of(row);
            PostCoverage {
                post_id: i64::from(row.id),
                code: row.code.clone(),
                name_zh: row.name_zh.clone(),
                name_en: row.name_en.clone(),
                sector_start_km: row.sector_start_km,
                sector_end_km: row.sector_end_km,
                length_km: sector.total_km(),
                windows: windows_of(&sector),
            }
        })
        .collect();
    Ok(CoverageReport {
        date,
        border: BorderCoverage {
            stretches: pairs(&stretches),
            length_km: stretches.total_km(),
            windows: windows_of(&stretches),
        },
        posts: report_posts,
    })
}
