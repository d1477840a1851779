//! Suggestions for a team's next sessions (`GET /api/v1/outreach/suggestions`): the villages
//! the team may go to, ranked by [`crate::domain::outreach_plan::rank`] with the reasons.
//!
//! The facts weighed, per village of the caller's jurisdiction within the team's area (the
//! team's admin unit and below): whether it is a key village; the last session held in its
//! primary language before the period (the coverage rule of [`super::coverage`]); the
//! incidents near it along the border (the caller's incidents per 5-km bin from
//! [`crate::services::trends::trend`], the bins within 10 km of its `border_km`, the last 12 whole
//! months before the period against the 12 before); whether a member of the team speaks its
//! primary language at fluent level or better; and a session in that language already planned
//! in the period (by any team).

use std::collections::{HashMap, HashSet};

use chrono::{Months, NaiveDate, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::coverage::{is_held, primary_languages, scoped_villages, sessions_of};
use crate::border::Border;
use crate::domain::auth::Action;
use crate::domain::bins::{BinWidth, KmBins};
use crate::domain::figures::reached_in_primary_language;
use crate::domain::filter::DateSpan;
use crate::domain::outreach::{Language, Level, Status};
use crate::domain::outreach_plan::{
    Candidate, Days, LanguageFit, NEAR_KM, NearbyIncidents, Ranked, TREND_BIN_KM, compare, incident_windows, near_bins,
    rank,
};
use crate::domain::period::{YEARS, local_midnight};
use crate::domain::trend::{PeriodKind, TrendSpan};
use crate::services::admin::{AdminTree, UnitRef};
use crate::services::auth::{self, Principal};
use crate::services::trends::{self, TrendRequest};
use crate::services::{RecordKind, ServiceError};
use crate::store::StoreError;
use crate::store::entities::{outreach_member, outreach_member_language, outreach_team};

/// How long the planning period runs when the request names no end.
pub const DEFAULT_MONTHS: u32 = 3;

/// The team asked about.
#[derive(Clone, Debug)]
pub struct TeamRef {
    pub id: i32,
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub unit: Option<UnitRef>,
    /// Languages (as stored, lower case) at least one member presents in, sorted.
    pub languages: Vec<String>,
}

/// One village, weighed.
#[derive(Clone, Debug)]
pub struct Suggestion {
    pub id: i32,
    pub code: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub county: Option<UnitRef>,
    pub border_km: Option<f64>,
    pub primary_language: Option<String>,
    pub last_held: Option<NaiveDate>,
    pub planned: Option<NaiveDate>,
    pub incidents: Option<NearbyIncidents>,
    pub ranked: Ranked,
}

/// The ranked villages of a team's planning period.
#[derive(Clone, Debug)]
pub struct Suggestions {
    pub team: TeamRef,
    /// The planning period, local days `first ..= last`.
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// The incident windows compared (before, recent); `None` at the ends of the calendar.
    pub windows: Option<(Days, Days)>,
    pub near_km: f64,
    /// Best first.
    pub villages: Vec<Suggestion>,
}

/// The planning period of a request: from `from` (default today, or `to` if that is earlier)
/// to `to` (default [`DEFAULT_MONTHS`] months on, less a day).
pub fn period_of(days: &DateSpan, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = days.from().unwrap_or_else(|| days.to().map_or(today, |to| to.min(today)));
    let last = days.to().unwrap_or_else(|| {
        first.checked_add_months(Months::new(DEFAULT_MONTHS)).and_then(|day| day.pred_opt()).unwrap_or(first)
    });
    (first, last)
}

/// The villages suggested to team `team_id` for `days` (local dates in `tz`); a team outside
/// the caller's jurisdiction is not found. Needs [`Action::PlanOutreach`].
#[tracing::instrument(skip(db, border, caller))]
pub async fn suggestions(
    db: &DatabaseConnection,
    border: &Border,
    caller: Option<&Principal>,
    team_id: i32,
    days: &DateSpan,
    tz: chrono_tz::Tz,
) -> Result<Suggestions, ServiceError> {
    let principal = auth::require(caller, Action::PlanOutreach)?;
    let scope = &principal.jurisdiction;
    let not_found = || ServiceError::NotFound { kind: RecordKind::OutreachTeam, id: team_id.to_string() };
    let team = outreach_team::Entity::find_by_id(team_id).one(db).await.map_err(StoreError::from)?;
    let team = team.filter(|team| scope.covers(Some(team.admin_unit_id))).ok_or_else(not_found)?;
    let (first, last) = period_of(days, Utc::now().with_timezone(&tz).date_naive());
    let out_of_range = || anyhow::anyhow!("{first}..{last} has no local midnight in {}", tz.name());
    let start = local_midnight(first, &tz).ok_or_else(out_of_range)?;
    let end = last.succ_opt().and_then(|next| local_midnight(next, &tz)).ok_or_else(out_of_range)?;

    let tree = AdminTree::load(db).await?;
    let area = tree.jurisdiction(team.admin_unit_id);
    let villages: Vec<_> =
        scoped_villages(db, scope).await?.into_iter().filter(|row| area.covers(Some(row.admin_unit_id))).collect();
    let ids: HashSet<i32> = villages.iter().map(|row| row.id).collect();
    let mut primary = primary_languages(db, &ids).await?;
    let presents = team_languages(db, team.id).await?;

    // Held before the period: the latest per village in its primary language. Planned in the
    // period: the earliest.
    let mut last_held: HashMap<i32, NaiveDate> = HashMap::new();
    let mut planned: HashMap<i32, NaiveDate> = HashMap::new();
    for session in sessions_of(db, &ids, None, Some(end)).await? {
        let in_language = reached_in_primary_language(
            primary.get(&session.village_id).map(String::as_str),
            [session.language.as_str()],
        );
        let on = session.starts_at.with_timezone(&tz).date_naive();
        if !in_language {
            continue;
        }
        if is_held(&session) && session.starts_at < start {
            let latest = last_held.entry(session.village_id).or_insert(on);
            *latest = (*latest).max(on);
        } else if session.status == Status::Planned.code() && session.starts_at >= start {
            let earliest = planned.entry(session.village_id).or_insert(on);
            *earliest = (*earliest).min(on);
        }
    }

    let windows = incident_windows(first);
    let nearby = nearby_incidents(db, principal, border, windows, tz).await?;

    let mut found: Vec<Suggestion> = villages
        .into_iter()
        .map(|row| {
            let primary_language = primary.remove(&row.id);
            let language = match primary_language.as_deref() {
                None => LanguageFit::NoLanguageListed,
                Some(tag) if presents.iter().any(|known| same_language(known, tag)) => {
                    LanguageFit::Serves { language: tag.to_owned() }
                }
                Some(tag) => LanguageFit::CannotServe { language: tag.to_owned() },
            };
            let incidents =
                row.border_km.filter(|km| km.is_finite()).and_then(|km| nearby.as_ref().map(|near| near.at(km)));
            let candidate = Candidate {
                is_key: row.is_key,
                last_held: last_held.get(&row.id).copied(),
                from: first,
                incidents,
                language,
                planned: planned.get(&row.id).copied(),
            };
            Suggestion {
                id: row.id,
                county: tree.ancestor(row.admin_unit_id, "county"),
                border_km: row.border_km,
                last_held: candidate.last_held,
                planned: candidate.planned,
                incidents,
                ranked: rank(&candidate),
                primary_language,
                code: row.code,
                name_zh: row.name_zh,
                name_en: row.name_en,
            }
        })
        .collect();
    found.sort_by(|a, b| compare(&a.ranked, &b.ranked).then_with(|| a.code.cmp(&b.code)));

    let mut languages: Vec<String> = presents.into_iter().collect();
    languages.sort();
    Ok(Suggestions {
        team: TeamRef {
            id: team.id,
            unit: tree.unit(team.admin_unit_id),
            code: team.code,
            name_zh: team.name_zh,
            name_en: team.name_en,
            languages,
        },
        first,
        last,
        windows,
        near_km: NEAR_KM,
        villages: found,
    })
}

/// Whether two stored language tags name the same language: the same known language (`zh`
/// and `zh-CN`), else the same text ignoring case.
fn same_language(a: &str, b: &str) -> bool {
    match (Language::parse(a), Language::parse(b)) {
        (Some(a), Some(b)) => a == b,
        _ => a.trim().eq_ignore_ascii_case(b.trim()),
    }
}

/// The languages (lower case) at least one member of the team presents in: spoken at fluent
/// level or better.
async fn team_languages(db: &DatabaseConnection, team_id: i32) -> Result<HashSet<String>, ServiceError> {
    let members: Vec<i32> = outreach_member::Entity::find()
        .filter(outreach_member::Column::TeamId.eq(team_id))
        .all(db)
        .await
        .map_err(StoreError::from)?
        .into_iter()
        .map(|member| member.id)
        .collect();
    if members.is_empty() {
        return Ok(HashSet::new());
    }
    let spoken = outreach_member_language::Entity::find()
        .filter(outreach_member_language::Column::MemberId.is_in(members))
        .all(db)
        .await
        .map_err(StoreError::from)?;
    Ok(spoken
        .into_iter()
        .filter(|row| Level::parse(&row.level).is_some_and(Level::can_present))
        .map(|row| row.language.trim().to_ascii_lowercase())
        .collect())
}

/// Incidents per km bin in the two windows.
struct Nearby {
    bins: KmBins,
    before: Vec<i64>,
    recent: Vec<i64>,
}

impl Nearby {
    /// The incidents near a village at `border_km`.
    fn at(&self, border_km: f64) -> NearbyIncidents {
        let near = near_bins(&self.bins, border_km);
        let sum = |counts: &[i64]| near.iter().filter_map(|index| counts.get(*index)).sum();
        NearbyIncidents { before: sum(&self.before), recent: sum(&self.recent) }
    }
}

/// The caller's live incidents per bin of [`TREND_BIN_KM`] km in the windows, read with
/// [`trends::trend`] by month; `None` when the windows fall outside the calendar.
async fn nearby_incidents(
    db: &DatabaseConnection,
    principal: &Principal,
    border: &Border,
    windows: Option<(Days, Days)>,
    tz: chrono_tz::Tz,
) -> Result<Option<Nearby>, ServiceError> {
    use chrono::Datelike;
    let Some((before, recent)) = windows else { return Ok(None) };
    if !YEARS.contains(&before.first.year()) || !YEARS.contains(&recent.last.year()) {
        return Ok(None);
    }
    let month = |day: NaiveDate| format!("{:04}-{:02}", day.year(), day.month());
    let request = TrendRequest {
        width: BinWidth::new(TREND_BIN_KM)?,
        period: PeriodKind::Month,
        span: TrendSpan::parse(Some(&month(before.first)), Some(&month(recent.last)))?,
        category: None,
        section: None,
    };
    let trend = trends::trend(db, &principal.jurisdiction, border, &request, tz).await?;
    let bins = KmBins::new(request.width, trend.length_km);
    let in_window = |window: Days| -> Vec<i64> {
        trend
            .incidents
            .iter()
            .map(|per_period| {
                trend
                    .periods
                    .iter()
                    .filter(|period| window.first <= period.first && period.last <= window.last)
                    .filter_map(|period| per_period.get(period.index))
                    .sum()
            })
            .collect()
    };
    Ok(Some(Nearby { before: in_window(before), recent: in_window(recent), bins }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("a date")
    }

    #[test]
    fn the_planning_period_defaults_to_three_months_from_today() {
        let today = day(2025, 1, 31);
        let span = |from: Option<&str>, to: Option<&str>| DateSpan::parse(None, from, to).expect("valid");
        assert_eq!(period_of(&span(None, None), today), (today, day(2025, 4, 29)));
        assert_eq!(period_of(&span(Some("2025-03-01"), None), today), (day(2025, 3, 1), day(2025, 5, 31)));
        assert_eq!(period_of(&span(None, Some("2024-12-31")), today), (day(2024, 12, 31), day(2024, 12, 31)));
        assert_eq!(period_of(&span(None, Some("2025-06-30")), today), (today, day(2025, 6, 30)));
    }

    #[test]
    fn language_tags_match_by_language() {
        assert!(same_language("zh", "zh-CN"));
        assert!(same_language("KHB", "khb"));
        assert!(!same_language("lo", "th"));
        assert!(same_language("xyz", "XYZ"));
    }
}
