//! What people did in 2023–2024: linkages and their visits, patrols, outreach sessions and
//! cases (with handling times that fall from about 7 days in 2023 to about 1 in 2024).

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use geo::{Destination, Distance, Geodesic, Point};
use rand::Rng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use super::geography::round6;
use super::incidents::{incident_split, year_span};
use super::{
    Case, CaseEvent, CaseOrigin, Department, Finding, Linkage, Patrol, Post, Session, Team, Township, Unit, User,
    Village, Visit,
};
use crate::border::{Border, Side};
use crate::domain::geo::LonLat;
use crate::domain::outreach::{
    Booking, Facts, Language, MemberFacts, NewSession, SessionInput, TOPICS, TeamFacts, Travel, VillageFacts,
};

/// Share of villages left without a linkage on purpose (coverage gaps to find).
const UNLINKED_VILLAGE_SHARE: f64 = 0.07;
/// Posts left without a linkage on purpose.
const UNLINKED_POSTS: usize = 2;

pub fn local(tz: chrono_tz::Tz, date: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    let naive = date.and_hms_opt(hour, minute, 0).unwrap_or_default();
    tz.from_local_datetime(&naive).earliest().map(|time| time.with_timezone(&Utc)).unwrap_or_default()
}

fn county_of_unit(unit: &Unit, townships: &[Township]) -> &'static str {
    match unit {
        Unit::Code(code) => code,
        Unit::Township(index) => townships[*index].county_code,
    }
}

pub fn linkages(
    villages: &[Village],
    townships: &[Township],
    posts: &[Post],
    departments: &[Department],
    users: &[User],
    rng: &mut ChaCha8Rng,
) -> Vec<Linkage> {
    let mut order: Vec<usize> = (0..villages.len()).collect();
    order.shuffle(rng);
    let unlinked = (villages.len() as f64 * UNLINKED_VILLAGE_SHARE).round() as usize;
    let mut linked: Vec<usize> = order.into_iter().skip(unlinked).collect();
    linked.sort_unstable();
    let mut post_order: Vec<usize> = (1..posts.len() - 1).collect();
    post_order.shuffle(rng);
    let unlinked_posts: Vec<usize> = post_order.into_iter().take(UNLINKED_POSTS).collect();
    let mut load = vec![0_usize; departments.len()];
    let mut linkages = Vec::with_capacity(linked.len());
    for village_index in linked {
        let village = &villages[village_index];
        let county = townships[village.township].county_code;
        let candidates: Vec<usize> = (0..departments.len())
            .filter(|index| match &departments[*index].unit {
                Unit::Code("532800") => true,
                Unit::Code(code) => *code == county,
                Unit::Township(township) => *township == village.township,
            })
            .collect();
        let least = candidates.iter().map(|index| load[*index]).min().unwrap_or(0);
        let lightest: Vec<usize> = candidates.into_iter().filter(|index| load[*index] == least).collect();
        let department = lightest[rng.random_range(0..lightest.len())];
        load[department] += 1;
        let mut post = posts
            .iter()
            .position(|post| (post.sector_start_km..post.sector_end_km).contains(&village.placed_km))
            .unwrap_or(posts.len() - 1);
        if unlinked_posts.contains(&post) {
            post = if post + 1 < posts.len() && !unlinked_posts.contains(&(post + 1)) { post + 1 } else { post - 1 };
        }
        let officers: Vec<usize> =
            (0..users.len()).filter(|index| users[*index].department == Some(department)).collect();
        let take = rng.random_range(1..=officers.len().max(1));
        let starts_on = NaiveDate::from_ymd_opt(2022, rng.random_range(3..=12), 1).unwrap_or_default();
        linkages.push(Linkage {
            department,
            village: village_index,
            post,
            starts_on,
            officers: officers[..take.min(officers.len())].to_vec(),
        });
    }
    linkages
}

const FINDINGS: [(&str, &[&str]); 4] = [
    (
        "dispute",
        &["两户村民因茶地边界发生争执，已现场调解", "外出务工人员反映被拖欠工资", "婚姻家庭矛盾，双方同意再次协商"],
    ),
    (
        "security_risk",
        &["发现境外人员临时借住，已登记并报告联防所", "便道附近发现可疑车辆停放", "有村民反映接到疑似诈骗电话"],
    ),
    (
        "livelihood_need",
        &["橡胶价格低，村民希望开展种植技术培训", "村小组道路雨季塌方，需要修复", "希望增加手机信号覆盖"],
    ),
    ("other", &["村规民约修订需要法律意见", "村委会希望领取普法宣传材料"]),
];

fn findings(rng: &mut ChaCha8Rng) -> Vec<Finding> {
    let count = match rng.random::<f64>() {
        r if r < 0.55 => 0,
        r if r < 0.9 => 1,
        _ => 2,
    };
    (0..count)
        .map(|_| {
            let (kind, texts) = FINDINGS[rng.random_range(0..FINDINGS.len())];
            Finding { kind, text: texts[rng.random_range(0..texts.len())].to_owned() }
        })
        .collect()
}

fn months() -> impl Iterator<Item = NaiveDate> {
    (2023..=2024).flat_map(|year| (1..=12).filter_map(move |month| NaiveDate::from_ymd_opt(year, month, 1)))
}

fn days_in_month(first: NaiveDate) -> u32 {
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    };
    next.map(|next| (next - first).num_days() as u32).unwrap_or(28)
}

/// Visits by the linkages' officers to their village and post, month by month, most months
/// compliant; a few GPS fixes are far from the target or imprecise and are flagged.
pub fn visits(
    linkages: &[Linkage],
    villages: &[Village],
    posts: &[Post],
    tz: chrono_tz::Tz,
    rng: &mut ChaCha8Rng,
) -> Vec<Visit> {
    let mut visits = Vec::new();
    for (linkage_index, linkage) in linkages.iter().enumerate() {
        for month in months() {
            if month < linkage.starts_on || linkage.officers.is_empty() {
                continue;
            }
            let miss = if month.year() == 2023 { 0.12 } else { 0.06 };
            for target in ["village", "post"] {
                let count = match rng.random::<f64>() {
                    r if r < miss => 0,
                    r if r < 0.9 => 1,
                    _ => 2,
                };
                let (target_lon, target_lat) = match target {
                    "village" => (villages[linkage.village].lon, villages[linkage.village].lat),
                    _ => (posts[linkage.post].lon, posts[linkage.post].lat),
                };
                for _ in 0..count {
                    let day = month + Duration::days(rng.random_range(0..i64::from(days_in_month(month))));
                    let visited_at = local(tz, day, rng.random_range(8..=17), rng.random_range(0..60));
                    let far = rng.random_bool(0.03);
                    let spread_m = if far { rng.random_range(2500.0..8000.0) } else { rng.random_range(5.0..400.0) };
                    let bearing = rng.random_range(0.0..360.0);
                    let fix = geo::Geodesic.destination(Point::new(target_lon, target_lat), bearing, spread_m);
                    let accuracy_m = if rng.random_bool(0.03) {
                        rng.random_range(150.0..400.0)
                    } else {
                        rng.random_range(4.0..45.0)
                    };
                    let distance = Geodesic.distance(Point::new(target_lon, target_lat), fix);
                    let mut flags = Vec::new();
                    // The flags the API stores, at the default limits of the `visits` settings.
                    if distance > 2000.0 {
                        flags.push(crate::domain::visit::FLAG_FAR_FROM_TARGET);
                    }
                    if accuracy_m > 100.0 {
                        flags.push(crate::domain::visit::FLAG_LOW_ACCURACY);
                    }
                    let found = findings(rng);
                    let follow_ups =
                        (!found.is_empty() && rng.random_bool(0.6)).then(|| "下次走访时回访处理情况".to_owned());
                    let officer = linkage.officers[rng.random_range(0..linkage.officers.len())];
                    visits.push(Visit {
                        uuid: uuid::Builder::from_random_bytes(rng.random()).into_uuid(),
                        linkage: linkage_index,
                        officer,
                        target,
                        visited_at,
                        lon: round6(fix.x()),
                        lat: round6(fix.y()),
                        accuracy_m: (accuracy_m * 10.0_f64).round() / 10.0,
                        findings: found,
                        follow_ups,
                        distance_to_target_m: (distance * 100.0).round() / 100.0,
                        flags,
                    });
                }
            }
        }
    }
    visits.sort_by_key(|visit| visit.visited_at);
    visits
}

/// Two patrols a month per post along part of its sector, 200–600 m inside China.
pub fn patrols(border: &Border, posts: &[Post], tz: chrono_tz::Tz, rng: &mut ChaCha8Rng) -> Vec<Patrol> {
    let mut patrols = Vec::new();
    for (post_index, post) in posts.iter().enumerate() {
        for month in months() {
            for _ in 0..2 {
                let day = month + Duration::days(rng.random_range(0..i64::from(days_in_month(month))));
                let started_at = local(tz, day, rng.random_range(7..=19), rng.random_range(0..60));
                let ended_at = started_at + Duration::minutes(rng.random_range(120..=360));
                let sector_km = post.sector_end_km - post.sector_start_km;
                let length_km = rng.random_range(3.0..10.0_f64).min(sector_km);
                let start_km = post.sector_start_km + rng.random_range(0.0..=(sector_km - length_km).max(0.0));
                let steps = (length_km / 0.5).ceil() as usize;
                let track: Vec<[f64; 2]> = (0..=steps)
                    .filter_map(|step| {
                        let km = (start_km + length_km * step as f64 / steps as f64).min(post.sector_end_km);
                        border.offset(km, rng.random_range(200.0..600.0), Side::Cn)
                    })
                    .map(|(lon, lat)| [round6(lon), round6(lat)])
                    .collect();
                if track.len() >= 2 {
                    patrols.push(Patrol { post: post_index, started_at, ended_at, track });
                }
            }
        }
    }
    patrols
}

const CANCEL_REASONS: [&str; 3] = ["weather", "village_event", "team_unavailable"];

/// Whether a demo session passes the scheduling rules of [`NewSession::check`] against the
/// team's sessions generated before it (the demo's members are not linked to users, so a
/// presenter's other sessions are all the team's).
fn schedulable(
    team: &Team,
    team_index: usize,
    village: &Village,
    candidate: (DateTime<Utc>, DateTime<Utc>, &'static str, &[usize]),
    booked: &[(usize, &Session, &Village)],
    tz: chrono_tz::Tz,
) -> bool {
    let (starts_at, ends_at, language, presenters) = candidate;
    let (Some(language), Some(at)) = (Language::parse(language), LonLat::new(village.lon, village.lat)) else {
        return false;
    };
    let member_id = |index: usize| i64::try_from(index).unwrap_or(0) + 1;
    let input = SessionInput {
        team_id: 1,
        village_id: 1,
        starts_at,
        ends_at,
        language,
        topics: Vec::new(),
        presenter_ids: presenters.iter().map(|index| member_id(*index)).collect(),
        interpreter: None,
    };
    let facts = Facts {
        team: Some(TeamFacts {
            id: 1,
            name: team.name_zh.clone(),
            members: team
                .members
                .iter()
                .enumerate()
                .map(|(index, member)| MemberFacts {
                    id: member_id(index),
                    name: member.name.clone(),
                    languages: member
                        .languages
                        .iter()
                        .map(|(code, level)| ((*code).to_owned(), level.code().to_owned()))
                        .collect(),
                })
                .collect(),
        }),
        village: Some(VillageFacts {
            id: 1,
            name: village.name_zh.clone(),
            languages: village.languages.iter().map(|code| (*code).to_owned()).collect(),
            at,
        }),
        bookings: booked
            .iter()
            .filter(|(team, _, _)| *team == team_index)
            .filter_map(|(_, session, place)| {
                Some(Booking {
                    session_id: 1,
                    team_id: 1,
                    village: place.name_zh.clone(),
                    at: LonLat::new(place.lon, place.lat)?,
                    starts_at: session.starts_at,
                    ends_at: session.ends_at,
                    presenters: session.presenters.iter().map(|index| member_id(*index)).collect(),
                })
            })
            .collect(),
    };
    NewSession::check(input, &facts, &DEMO_TRAVEL, tz).is_ok()
}

/// The demo's roads: the settings' defaults (30 km/h over 1.4 × the geodesic distance).
const DEMO_TRAVEL: Travel = Travel { speed_kmh: 30.0, road_factor: 1.4 };

/// About 30 sessions per team in 2023–2024 in villages of its county, in the village's
/// primary language when a member speaks it fluently or natively (else in Chinese, which every
/// demo village lists), presented by one or two members of whom the first speaks it fluently
/// or better; two planned sessions each in January 2027. Each session passes the scheduling
/// rules against the team's earlier ones (a clash is drawn again, up to 20 times).
pub fn sessions(
    teams: &[Team],
    villages: &[Village],
    townships: &[Township],
    tz: chrono_tz::Tz,
    rng: &mut ChaCha8Rng,
) -> Vec<Session> {
    let mut sessions: Vec<Session> = Vec::new();
    for (team_index, team) in teams.iter().enumerate() {
        let own: Vec<usize> = (0..villages.len())
            .filter(|index| townships[villages[*index].township].county_code == team.county_code)
            .collect();
        if own.is_empty() {
            continue;
        }
        let speakers = |language: &str| -> Vec<usize> {
            (0..team.members.len())
                .filter(|index| {
                    team.members[*index].languages.iter().any(|(code, level)| *code == language && level.can_present())
                })
                .collect()
        };
        let first_of_team = sessions.len();
        for number in 0..32 {
            let planned = number >= 30;
            for _attempt in 0..20 {
                let village = own[rng.random_range(0..own.len())];
                let primary = villages[village].languages[0];
                let language = if speakers(primary).is_empty() { "zh" } else { primary };
                let fluent = speakers(language);
                if fluent.is_empty() {
                    break;
                }
                let mut presenters = vec![fluent[rng.random_range(0..fluent.len())]];
                if rng.random_bool(0.4) {
                    let other = rng.random_range(0..team.members.len());
                    if !presenters.contains(&other) {
                        presenters.push(other);
                    }
                }
                presenters.sort_unstable();
                let day = if planned {
                    NaiveDate::from_ymd_opt(2027, 1, rng.random_range(5..=28)).unwrap_or_default()
                } else {
                    NaiveDate::from_ymd_opt(
                        rng.random_range(2023..=2024),
                        rng.random_range(1..=12),
                        rng.random_range(1..=28),
                    )
                    .unwrap_or_default()
                };
                let starts_at = local(tz, day, rng.random_range(9..=17), 0);
                let ends_at = starts_at + Duration::minutes(rng.random_range(60..=150));
                let booked: Vec<(usize, &Session, &Village)> = sessions[first_of_team..]
                    .iter()
                    .filter(|session| session.status != "cancelled")
                    .map(|session| (session.team, session, &villages[session.village]))
                    .collect();
                if !schedulable(
                    team,
                    team_index,
                    &villages[village],
                    (starts_at, ends_at, language, &presenters),
                    &booked,
                    tz,
                ) {
                    continue;
                }
                let mut topics: Vec<&'static str> = TOPICS.to_vec();
                topics.shuffle(rng);
                topics.truncate(rng.random_range(1..=3));
                let cancelled = !planned && rng.random_bool(0.12);
                let status = if planned {
                    "planned"
                } else if cancelled {
                    "cancelled"
                } else {
                    "held"
                };
                let attendance = (status == "held").then(|| {
                    let total = rng.random_range(20..=150);
                    let women = (f64::from(total) * rng.random_range(0.4..0.6)).round() as i32;
                    let under18 = (f64::from(total) * rng.random_range(0.05..0.2)).round() as i32;
                    (total, women, under18)
                });
                let cancel_reason = cancelled.then(|| CANCEL_REASONS[rng.random_range(0..CANCEL_REASONS.len())]);
                sessions.push(Session {
                    team: team_index,
                    village,
                    starts_at,
                    ends_at,
                    language,
                    topics,
                    status,
                    attendance,
                    cancel_reason,
                    presenters,
                });
                break;
            }
        }
    }
    sessions.sort_by_key(|session| session.starts_at);
    sessions
}

const STAGES: [&str; 7] = ["reported", "triaged", "assigned", "handling", "resolved", "followed_up", "closed"];
const QR_TITLES: [&str; 6] =
    ["土地边界纠纷", "婚姻家庭纠纷", "邻里纠纷", "务工欠薪求助", "电信诈骗求助", "疑似非法入境人员线索"];

/// Cases of 2023 (about 7 days from report to resolution) and 2024 (about 1 day).
#[allow(clippy::too_many_arguments)]
pub fn cases(
    villages: &[Village],
    townships: &[Township],
    departments: &[Department],
    visits: &[Visit],
    incident_total: u64,
    tz: chrono_tz::Tz,
    rng: &mut ChaCha8Rng,
) -> Vec<Case> {
    let (base_incidents, _) = incident_split(incident_total);
    let mut cases = Vec::new();
    for (year, count, mean_days) in [(2023, 220, 7.0), (2024, 260, 1.0)] {
        let Some((year_start, year_end)) = year_span(year, tz) else {
            continue;
        };
        let with_findings: Vec<usize> = (0..visits.len())
            .filter(|index| !visits[*index].findings.is_empty() && visits[*index].visited_at.year() == year)
            .collect();
        for number in 1..=count {
            let roll: f64 = rng.random();
            let (origin, reported_at, village, title) = if roll < 0.3 && !with_findings.is_empty() {
                let visit_index = with_findings[rng.random_range(0..with_findings.len())];
                let visit = &visits[visit_index];
                let village = super_village_of_visit(visit, villages);
                let title = visit.findings[0].text.clone();
                (
                    CaseOrigin::VisitFinding(visit_index),
                    visit.visited_at + Duration::hours(rng.random_range(1..=6)),
                    village,
                    title,
                )
            } else if roll < 0.5 {
                let (first, count_in_year) =
                    if year == 2023 { (0, base_incidents) } else { (base_incidents, incident_total - base_incidents) };
                let position = rng.random_range(0..count_in_year.max(1));
                let upper =
                    year_start + (year_end - year_start) * ((position + 1) as i32) / (count_in_year.max(1) as i32);
                let village = rng.random_range(0..villages.len());
                (
                    CaseOrigin::Incident(first + position),
                    upper + Duration::hours(rng.random_range(1..=48)),
                    village,
                    "涉边案事件后续处置".to_owned(),
                )
            } else {
                let span = (year_end - year_start).num_minutes();
                let reported_at = year_start + Duration::minutes(rng.random_range(0..span));
                let village = rng.random_range(0..villages.len());
                (CaseOrigin::QrReport, reported_at, village, QR_TITLES[rng.random_range(0..QR_TITLES.len())].to_owned())
            };
            let county = townships[villages[village].township].county_code;
            let local_departments: Vec<usize> = (0..departments.len())
                .filter(|index| county_of_unit(&departments[*index].unit, townships) == county)
                .collect();
            let department = (!local_departments.is_empty())
                .then(|| local_departments[rng.random_range(0..local_departments.len())]);
            let handling_hours = (mean_days * 24.0 * rng.random_range(0.5..1.5_f64)).max(2.0);
            let open_at_stage = (year == 2024 && number > count - 8).then(|| rng.random_range(1..=5_usize));
            let last_stage = open_at_stage.unwrap_or(STAGES.len() - 1);
            let mut events = Vec::new();
            let mut at = reported_at;
            let step_hours = [
                0.0,
                handling_hours * 0.1,
                handling_hours * 0.15,
                handling_hours * 0.25,
                handling_hours * 0.5,
                24.0 * rng.random_range(2.0..6.0),
                24.0,
            ];
            for (stage_index, stage) in STAGES.iter().enumerate().take(last_stage + 1) {
                at += Duration::minutes((step_hours[stage_index] * 60.0) as i64);
                events.push(CaseEvent {
                    at,
                    from_stage: stage_index.checked_sub(1).map(|previous| STAGES[previous]),
                    to_stage: stage,
                    note: None,
                });
            }
            let stage = STAGES[last_stage];
            let closed = stage == "closed";
            cases.push(Case {
                code: format!("C{year}-{number:04}"),
                description: format!("{}（演示数据）", title),
                title,
                stage,
                origin,
                village,
                department,
                reported_at,
                stage_due_at: (!closed).then(|| at + Duration::days(2)),
                closed_at: closed.then_some(at),
                satisfaction: (last_stage >= 5).then(|| rng.random_range(3..=5)),
                events,
            });
        }
    }
    cases
}

fn super_village_of_visit(visit: &Visit, villages: &[Village]) -> usize {
    villages
        .iter()
        .enumerate()
        .min_by(|(_, a), (_, b)| {
            let da = super::geography::planar_m(a.lon, a.lat, visit.lon, visit.lat);
            let db = super::geography::planar_m(b.lon, b.lat, visit.lon, visit.lat);
            da.total_cmp(&db)
        })
        .map(|(index, _)| index)
        .unwrap_or(0)
}
