//! Outreach coverage: which villages of a jurisdiction had at least one session *held* in their
//! primary language (the first of `village_languages`) in a period. [`reach`] is the one rule:
//! the dashboard's outreach figures ([`crate::services::figures`]) take it per calendar year, and
//! [`coverage`] (`GET /api/v1/outreach/coverage`) over any days, with the shares by language and
//! by county and the key villages still uncovered, the "full coverage" check officials ask for.
//!
//! A village that lists no language counts as reached by any held session, as on the
//! dashboard. A period without any session of the jurisdiction's villages (held, planned or
//! cancelled) has no data: its shares are `None`, not 0, while its uncovered villages are still
//! listed.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

use crate::domain::auth::{Action, Jurisdiction};
use crate::domain::figures::reached_in_primary_language;
use crate::domain::filter::DateSpan;
use crate::domain::outreach::Status;
use crate::domain::outreach_plan::CoverageTally;
use crate::domain::period::local_midnight;
use crate::services::ServiceError;
use crate::services::admin::{AdminTree, UnitRef};
use crate::services::auth::{self, Principal};
use crate::store::StoreError;
use crate::store::entities::{outreach_session, village, village_language};

/// A village of the jurisdiction and whether the period reached it in its primary language.
#[derive(Clone, Debug, PartialEq)]
pub struct VillageReach {
    pub id: i32,
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub admin_unit_id: i32,
    pub is_key: bool,
    pub border_km: Option<f64>,
    /// As stored; `None` when the village lists no language.
    pub primary_language: Option<String>,
    pub reached: bool,
}

/// Every village of a jurisdiction, reached in a period or not.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodReach {
    /// Sessions of the jurisdiction's villages starting in the period, whatever their status.
    pub sessions: u64,
    /// In the order of their codes.
    pub villages: Vec<VillageReach>,
}

impl PeriodReach {
    /// Key villages and all villages, counted.
    pub fn tally(&self) -> CoverageTally {
        let mut tally = CoverageTally::default();
        for village in &self.villages {
            tally.add(village.is_key, village.reached);
        }
        tally
    }

    /// Whether the period has data: some session was recorded in it.
    pub fn has_data(&self) -> bool {
        self.sessions > 0
    }

    /// Share of key villages reached, percent, unrounded; `None` without data or key villages.
    pub fn key_share(&self) -> Option<f64> {
        self.has_data().then(|| self.tally().key.share_percent()).flatten()
    }

    /// Share of all villages reached, percent, unrounded; `None` without data or villages.
    pub fn all_share(&self) -> Option<f64> {
        self.has_data().then(|| self.tally().all.share_percent()).flatten()
    }
}

/// The villages of `scope`, by code.
pub(crate) async fn scoped_villages(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
) -> Result<Vec<village::Model>, ServiceError> {
    use sea_orm::QueryOrder;
    let mut select = village::Entity::find().order_by_asc(village::Column::Code);
    if let Jurisdiction::Units(units) = scope {
        select = select.filter(village::Column::AdminUnitId.is_in(units.iter().copied()));
    }
    Ok(select.all(db).await.map_err(StoreError::from)?)
}

/// The primary language (lowest position) of each of `villages` that lists one.
pub(crate) async fn primary_languages(
    db: &DatabaseConnection,
    villages: &HashSet<i32>,
) -> Result<HashMap<i32, String>, ServiceError> {
    let rows: Vec<(i32, i32, String)> = village_language::Entity::find()
        .select_only()
        .column(village_language::Column::VillageId)
        .column(village_language::Column::Position)
        .column(village_language::Column::Language)
        .into_tuple()
        .all(db)
        .await
        .map_err(StoreError::from)?;
    let mut primary: HashMap<i32, (i32, String)> = HashMap::new();
    for (village_id, position, language) in rows.into_iter().filter(|row| villages.contains(&row.0)) {
        match primary.get(&village_id) {
            Some((known, _)) if *known <= position => {}
            _ => {
                primary.insert(village_id, (position, language));
            }
        }
    }
    Ok(primary.into_iter().map(|(id, (_, language))| (id, language)).collect())
}

/// A session as the coverage and the suggestions read it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SessionRow {
    pub village_id: i32,
    pub language: String,
    pub status: String,
    pub starts_at: DateTime<Utc>,
}

/// Sessions of `villages` starting in `[start, end)` (either end open), any status.
pub(crate) async fn sessions_of(
    db: &DatabaseConnection,
    villages: &HashSet<i32>,
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
) -> Result<Vec<SessionRow>, ServiceError> {
    let mut select = outreach_session::Entity::find()
        .select_only()
        .column(outreach_session::Column::VillageId)
        .column(outreach_session::Column::Language)
        .column(outreach_session::Column::Status)
        .column(outreach_session::Column::StartsAt);
    if let Some(start) = start {
        select = select.filter(outreach_session::Column::StartsAt.gte(start));
    }
    if let Some(end) = end {
        select = select.filter(outreach_session::Column::StartsAt.lt(end));
    }
    let rows: Vec<(i32, String, String, DateTime<Utc>)> =
        select.into_tuple().all(db).await.map_err(StoreError::from)?;
    Ok(rows
        .into_iter()
        .filter(|row| villages.contains(&row.0))
        .map(|(village_id, language, status, starts_at)| SessionRow { village_id, language, status, starts_at })
        .collect())
}

/// Whether a session counts for coverage: held.
pub(crate) fn is_held(session: &SessionRow) -> bool {
    session.status == Status::Held.code()
}

/// The villages of `scope` and whether a session held from `start` (inclusive) to `end`
/// (exclusive) reached each in its primary language: the rule of the module documentation.
#[tracing::instrument(skip(db))]
pub async fn reach(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Result<PeriodReach, ServiceError> {
    let villages = scoped_villages(db, scope).await?;
    let ids: HashSet<i32> = villages.iter().map(|row| row.id).collect();
    let mut primary = primary_languages(db, &ids).await?;
    let sessions = sessions_of(db, &ids, Some(start), Some(end)).await?;
    let mut held: HashMap<i32, Vec<&str>> = HashMap::new();
    for session in sessions.iter().filter(|session| is_held(session)) {
        held.entry(session.village_id).or_default().push(session.language.as_str());
    }
    let villages = villages
        .into_iter()
        .map(|row| {
            let primary_language = primary.remove(&row.id);
            let languages = held.get(&row.id).map(Vec::as_slice).unwrap_or(&[]);
            let reached = reached_in_primary_language(primary_language.as_deref(), languages.iter().copied());
            VillageReach {
                id: row.id,
                code: row.code,
                name_zh: row.name_zh,
                name_en: row.name_en,
                admin_unit_id: row.admin_unit_id,
                is_key: row.is_key,
                border_km: row.border_km,
                primary_language,
                reached,
            }
        })
        .collect();
    Ok(PeriodReach { sessions: sessions.len() as u64, villages })
}

/// Coverage of one language or one county.
#[derive(Clone, Debug)]
pub struct GroupCoverage<K> {
    pub key: K,
    pub tally: CoverageTally,
}

/// A village still uncovered.
#[derive(Clone, Debug)]
pub struct UncoveredVillage {
    pub id: i32,
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub primary_language: Option<String>,
    pub county: Option<UnitRef>,
}

/// The coverage of a period: see the module documentation.
#[derive(Clone, Debug)]
pub struct CoverageReport {
    /// Local days `first ..= last`.
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub sessions: u64,
    pub has_data: bool,
    pub totals: CoverageTally,
    /// By primary language (as stored, lower case), villages without a language last.
    pub by_language: Vec<GroupCoverage<Option<String>>>,
    /// By county, in code order; villages outside any county last.
    pub by_county: Vec<GroupCoverage<Option<UnitRef>>>,
    /// Key villages not reached, by county and code.
    pub uncovered_key_villages: Vec<UncoveredVillage>,
}

/// The days of a coverage request: `to` defaults to today (or to the end of the year of `from`
/// when that is later), `from` to the first of January of the year of `to`.
pub fn period_of(days: &DateSpan, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let last = match (days.from(), days.to()) {
        (_, Some(to)) => to,
        (Some(from), None) if from > today => NaiveDate::from_ymd_opt(from.year(), 12, 31).unwrap_or(from),
        _ => today,
    };
    let first = days.from().unwrap_or_else(|| NaiveDate::from_ymd_opt(last.year(), 1, 1).unwrap_or(last));
    (first, last)
}

/// The outreach coverage of the caller's jurisdiction over `days` (local dates in `tz`).
/// Needs [`Action::PlanOutreach`].
#[tracing::instrument(skip(db, caller))]
pub async fn coverage(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    days: &DateSpan,
    tz: chrono_tz::Tz,
) -> Result<CoverageReport, ServiceError> {
    let principal = auth::require(caller, Action::PlanOutreach)?;
    let (first, last) = period_of(days, Utc::now().with_timezone(&tz).date_naive());
    let out_of_range = || anyhow::anyhow!("{first}..{last} has no local midnight in {}", tz.name());
    let start = local_midnight(first, &tz).ok_or_else(out_of_range)?;
    let end = last.succ_opt().and_then(|next| local_midnight(next, &tz)).ok_or_else(out_of_range)?;
    let found = reach(db, &principal.jurisdiction, start, end).await?;
    let tree = AdminTree::load(db).await?;

    let mut by_language: BTreeMap<(bool, String), CoverageTally> = BTreeMap::new();
    let mut by_county: BTreeMap<(bool, String), (Option<UnitRef>, CoverageTally)> = BTreeMap::new();
    let mut uncovered = Vec::new();
    for village in &found.villages {
        let language = village.primary_language.as_deref().map(str::to_ascii_lowercase);
        let language_key = (language.is_none(), language.clone().unwrap_or_default());
        by_language.entry(language_key).or_default().add(village.is_key, village.reached);
        let county = tree.ancestor(village.admin_unit_id, "county");
        let county_key = (county.is_none(), county.as_ref().map(|unit| unit.code.clone()).unwrap_or_default());
        by_county
            .entry(county_key)
            .or_insert_with(|| (county.clone(), CoverageTally::default()))
            .1
            .add(village.is_key, village.reached);
        if village.is_key && !village.reached {
            uncovered.push(UncoveredVillage {
                id: village.id,
                code: village.code.clone(),
                name_zh: village.name_zh.clone(),
                name_en: village.name_en.clone(),
                primary_language: village.primary_language.clone(),
                county,
            });
        }
    }
    uncovered.sort_by(|a, b| {
        let county = |village: &UncoveredVillage| village.county.as_ref().map(|unit| unit.code.clone());
        (county(a).is_none(), county(a), &a.code).cmp(&(county(b).is_none(), county(b), &b.code))
    });
    Ok(CoverageReport {
        first,
        last,
        sessions: found.sessions,
        has_data: found.has_data(),
        totals: found.tally(),
        by_language: by_language
            .into_iter()
            .map(|((none, code), tally)| GroupCoverage { key: (!none).then_some(code), tally })
            .collect(),
        by_county: by_county.into_values().map(|(county, tally)| GroupCoverage { key: county, tally }).collect(),
        uncovered_key_villages: uncovered,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("a date")
    }

    #[test]
    fn a_period_defaults_to_the_year_so_far() {
        let today = day(2025, 6, 15);
        let span = |from: Option<&str>, to: Option<&str>| DateSpan::parse(None, from, to).expect("valid");
        assert_eq!(period_of(&span(None, None), today), (day(2025, 1, 1), today));
        assert_eq!(period_of(&span(Some("2024-03-01"), None), today), (day(2024, 3, 1), today));
        assert_eq!(period_of(&span(None, Some("2024-05-31")), today), (day(2024, 1, 1), day(2024, 5, 31)));
        assert_eq!(period_of(&span(Some("2026-02-01"), None), today), (day(2026, 2, 1), day(2026, 12, 31)));
    }
}
