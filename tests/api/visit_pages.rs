//! Flagged visits and patrol gaps on the dashboard (`GET /api/v1/dashboard` and `/`) and the
//! visit list page `/visits`, on both backends: visits with known flags in known years and
//! patrols with known covered km are inserted by hand, and every count, share and gap is
//! worked out here from those fixtures. A Mengla linkage's visits and a Mengla post's patrol
//! lie outside a Menghai official's jurisdiction.

use std::collections::BTreeSet;

use banna_border::border::Border;
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::Value;

use crate::fixtures::{
    add_department, add_flagged_visit, add_linkage, add_patrol, add_post, add_village, date, local, unit_id,
};
use crate::helpers::{TestApp, backends, client_with, spawn_app, token_for};

const FAR: &str = "far_from_target";
const LOW: &str = "low_accuracy";

/// Which linkage a fixture visit is on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum On {
    /// A Menghai village's linkage.
    Menghai,
    /// A Mengla village's linkage: outside a Menghai official's jurisdiction.
    Mengla,
}

/// A fixture visit: linkage, local time (year, month, day, hour, minute) and flags.
type Fixture = (On, (i32, u32, u32, u32, u32), &'static [&'static str]);

const VISITS: &[Fixture] = &[
    (On::Menghai, (2023, 2, 1, 9, 0), &[]),
    (On::Menghai, (2023, 5, 3, 9, 0), &[FAR]),
    (On::Menghai, (2023, 8, 9, 15, 0), &[FAR, LOW]),
    (On::Menghai, (2024, 1, 1, 0, 10), &[LOW]),
    (On::Menghai, (2024, 3, 4, 10, 0), &[LOW]),
    (On::Menghai, (2024, 6, 5, 10, 0), &[]),
    (On::Menghai, (2024, 9, 6, 10, 0), &[FAR]),
    (On::Menghai, (2024, 12, 31, 23, 50), &[FAR, LOW]),
    // 00:30 on 1 January 2025 in Banna is still 2024 in UTC: a 2025 visit all the same.
    (On::Menghai, (2025, 1, 1, 0, 30), &[FAR]),
    (On::Mengla, (2024, 4, 7, 11, 0), &[FAR]),
    (On::Mengla, (2024, 7, 8, 11, 0), &[LOW]),
    (On::Mengla, (2023, 7, 8, 11, 0), &[]),
];

/// A fixture patrol: which post (index into [`SECTORS`]), how many days ago it ended, and the
/// km it covered.
type PatrolFixture = (usize, i64, &'static [[f64; 2]]);

/// Post sectors: two in Menghai, one in Mengla.
const SECTORS: &[(&str, On, (f64, f64))] =
    &[("PG1", On::Menghai, (0.0, 10.0)), ("PG2", On::Menghai, (30.0, 40.0)), ("PG3", On::Mengla, (100.0, 120.0))];

const PATROLS: &[PatrolFixture] = &[
    (0, 2, &[[2.0, 5.0]]),
    (0, 20, &[[6.0, 9.0]]),
    (0, 45, &[[0.0, 10.0]]), // too old for either window
    (1, 10, &[[30.0, 40.0]]),
    (2, 1, &[[100.0, 120.0]]),
];

struct Fixtures {
    /// Visit ids in the order of [`VISITS`].
    visits: Vec<i32>,
    /// Post ids in the order of [`SECTORS`].
    posts: Vec<i32>,
    /// The Mengla village's linkage.
    mengla_linkage: i32,
}

async fn insert_fixtures(app: &TestApp) -> Fixtures {
    let db = &app.db;
    let (menghai, mengla) = (unit_id(db, "532822").await, unit_id(db, "532823").await);
    let unit = |on: On| if on == On::Menghai { menghai } else { mengla };
    let department = add_department(db, "D-FLAG", menghai).await;
    let mut posts = Vec::new();
    for (code, on, sector) in SECTORS {
        posts.push(add_post(db, code, unit(*on), *sector).await);
    }
    let menghai_village = add_village(db, "VF1", menghai, true, &["zh"]).await;
    let mengla_village = add_village(db, "VF2", mengla, true, &["lo"]).await;
    let menghai_linkage =
        add_linkage(db, (department, menghai_village, posts[0]), date(2022, 1, 1), None, (1, 1)).await;
    let mengla_linkage = add_linkage(db, (department, mengla_village, posts[2]), date(2022, 1, 1), None, (1, 1)).await;
    let officer = admin_id(app).await;
    let mut visits = Vec::new();
    for (on, (year, month, day, hour, minute), flags) in VISITS {
        let linkage = if *on == On::Menghai { menghai_linkage } else { mengla_linkage };
        let target = if visits.len() % 2 == 0 { "village" } else { "post" };
        let at = local(*year, *month, *day, *hour, *minute);
        visits.push(add_flagged_visit(db, (linkage, officer), target, at, flags).await);
    }
    let now = Utc::now();
    for (post, days_ago, covered) in PATROLS {
        add_patrol(db, posts[*post], now - Duration::days(*days_ago), covered).await;
    }
    Fixtures { visits, posts, mengla_linkage }
}

/// The test admin, who logs the fixture visits.
async fn admin_id(app: &TestApp) -> i32 {
    use banna_border::store::entities::user;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let found = user::Entity::find().filter(user::Column::Username.eq("test.admin")).one(&app.db).await;
    found.expect("read").expect("the test admin").id
}

/// Fixture visits seen from a jurisdiction (`None`: the whole prefecture) in local `year`
/// carrying `flag` (`None`: any flag).
fn expected_visits(fixtures: &Fixtures, menghai_only: bool, year: i32, flag: Option<&str>) -> BTreeSet<i32> {
    VISITS
        .iter()
        .zip(&fixtures.visits)
        .filter(|((on, (visit_year, ..), flags), _)| {
            (!menghai_only || *on == On::Menghai)
                && *visit_year == year
                && match flag {
                    None => !flags.is_empty(),
                    Some(flag) => flags.contains(&flag),
                }
        })
        .map(|(_, id)| *id)
        .collect()
}

/// Km of `sector` covered by the fixture patrols that ended within the last `days` days,
/// counted km by km (the fixtures cover whole km).
fn covered_km(sector: (f64, f64), days: i64) -> f64 {
    let (start, end) = (sector.0 as i64, sector.1 as i64);
    (start..end)
        .filter(|km| {
            PATROLS.iter().any(|(_, days_ago, covered)| {
                *days_ago < days && covered.iter().any(|[from, to]| *from <= *km as f64 && (*km + 1) as f64 <= *to)
            })
        })
        .count() as f64
}

/// Unpatrolled runs of whole km of `sector` in the last `days` days.
fn gaps(sector: (f64, f64), days: i64) -> Vec<[f64; 2]> {
    let mut found: Vec<[f64; 2]> = Vec::new();
    for km in sector.0 as i64..sector.1 as i64 {
        if covered_km((km as f64, (km + 1) as f64), days) > 0.0 {
            continue;
        }
        match found.last_mut() {
            Some(last) if last[1] == km as f64 => last[1] += 1.0,
            _ => found.push([km as f64, (km + 1) as f64]),
        }
    }
    found
}

fn one_decimal(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

async fn json(client: &reqwest::Client, url: String) -> Value {
    let response = client.get(&url).send().await.expect("get");
    assert_eq!(response.status(), StatusCode::OK, "{url}");
    response.json().await.expect("json")
}

async fn html(client: &reqwest::Client, url: String) -> String {
    let response = client.get(&url).send().await.expect("get");
    assert_eq!(response.status(), StatusCode::OK, "{url}");
    response.text().await.expect("html")
}

fn figure<'a>(body: &'a Value, id: &str) -> &'a Value {
    body["figures"].as_array().expect("figures").iter().find(|f| f["id"] == id).expect("the figure")
}

/// The opening tag and cells of the page's row that starts with `marker`.
fn row_of(html: &str, marker: &str) -> String {
    html.split(marker)
        .nth(1)
        .and_then(|rest| rest.split("</tr>").next())
        .unwrap_or_else(|| panic!("no row {marker} on the page"))
        .to_owned()
}

/// The number in `data-value` of the cell whose attributes start with `head`.
fn cell_value(row: &str, head: &str) -> f64 {
    row.split(head)
        .nth(1)
        .and_then(|rest| rest.split("data-value=\"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .and_then(|value| value.parse().ok())
        .unwrap_or_else(|| panic!("no {head} value in {row}"))
}

#[tokio::test]
async fn the_dashboard_counts_flagged_visits_per_year_as_the_visit_list_lists_them() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let fixtures = insert_fixtures(&app).await;
        let official = client_with(&token_for(&app.db, "flag.menghai", "official", "532822").await);
        for (client, menghai_only) in [(&official, true), (&app.client, false)] {
            let body = json(client, format!("{}/api/v1/dashboard?year=2024", app.address)).await;
            let page = html(client, format!("{}/?year=2024&lang=en", app.address)).await;
            for (id, flag) in
                [("visits-flagged", None), ("visits-far-from-target", Some(FAR)), ("visits-low-accuracy", Some(LOW))]
            {
                let base = expected_visits(&fixtures, menghai_only, 2023, flag).len() as f64;
                let compare = expected_visits(&fixtures, menghai_only, 2024, flag).len() as f64;
                let found = figure(&body, id);
                assert_eq!((found["base"].as_f64(), found["compare"].as_f64()), (Some(base), Some(compare)), "{id}");
                let change = (base > 0.0).then(|| one_decimal((compare - base) / base * 100.0));
                assert_eq!(found["change"].as_f64(), change, "{id} on {}", app.backend);
                assert_eq!(found["unit"], "count");

                // The page's row shows the API's numbers and links to the list of that year.
                let row = row_of(&page, &format!("<tr id=\"{id}\">"));
                let values: Vec<f64> = row
                    .split("data-value=\"")
                    .skip(1)
                    .map(|rest| rest.split('"').next().expect("a value").parse().expect("a number"))
                    .collect();
                let expected: Vec<f64> = [Some(base), Some(compare), change].into_iter().flatten().collect();
                assert_eq!(values, expected, "{id}: {row}");
                let code = flag.unwrap_or("true");
                let link = format!("/visits?flagged={code}&from=2024-01-01&to=2024-12-31");
                assert!(row.contains(&format!("href=\"{}\"", link.replace('&', "&#38;"))), "{row}");

                // The list the row links to holds exactly those visits.
                let listed = html(client, format!("{}{link}&lang=en", app.address)).await;
                assert!(listed.contains(&format!("data-total=\"{compare}\"")), "{link} lists {compare}");
                let ids: BTreeSet<i32> = listed
                    .split("<tr data-id=\"")
                    .skip(1)
                    .map(|rest| rest.split('"').next().expect("an id").parse().expect("a number"))
                    .collect();
                assert_eq!(ids, expected_visits(&fixtures, menghai_only, 2024, flag), "{link}");
                for row in listed.split("<tr data-id=\"").skip(1) {
                    let flags = row.split("data-flags=\"").nth(1).and_then(|rest| rest.split('"').next());
                    let flags = flags.expect("data-flags");
                    assert!(flag.is_none_or(|flag| flags.split(' ').any(|code| code == flag)), "{flags}");
                    assert!(!flags.is_empty(), "a flagged visit");
                }
                // The API lists the same visits under the same filter.
                let api = json(client, format!("{}/api/v1{link}&limit=100", app.address)).await;
                let api_ids: BTreeSet<i32> = api["features"]
                    .as_array()
                    .expect("features")
                    .iter()
                    .map(|feature| feature["id"].as_i64().expect("an id") as i32)
                    .collect();
                assert_eq!(api_ids, ids, "{link} on the API");
            }
        }

        // 2022 had no visit at all: no data, not 0.
        let body = json(&official, format!("{}/api/v1/dashboard?year=2023", app.address)).await;
        let found = figure(&body, "visits-flagged");
        assert!(found["base"].is_null() && found["change"].is_null(), "{found}");
        assert_eq!(found["compare"].as_f64(), Some(expected_visits(&fixtures, true, 2023, None).len() as f64));
    }
}

#[tokio::test]
async fn the_visit_list_page_filters_by_flag_and_keeps_to_the_jurisdiction() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let fixtures = insert_fixtures(&app).await;
        let official = client_with(&token_for(&app.db, "visits.menghai", "official", "532822").await);
        let ids_on = |page: &str| -> BTreeSet<i32> {
            page.split("<tr data-id=\"")
                .skip(1)
                .map(|rest| rest.split('"').next().expect("an id").parse().expect("a number"))
                .collect()
        };
        let menghai: BTreeSet<i32> =
            VISITS.iter().zip(&fixtures.visits).filter(|((on, ..), _)| *on == On::Menghai).map(|(_, id)| *id).collect();
        let page = html(&official, format!("{}/visits?lang=en", app.address)).await;
        assert_eq!(ids_on(&page), menghai, "every Menghai visit, no Mengla one");
        assert!(page.contains(&format!("data-total=\"{}\"", menghai.len())));
        assert!(page.contains("Imprecise position") && page.contains("Far from the place visited"), "flags in words");
        assert!(page.contains("<a href=\"/visits\" aria-current=\"page\">"), "the visit log is in the navigation bar");

        let unflagged = html(&official, format!("{}/visits?flagged=false", app.address)).await;
        let expected: BTreeSet<i32> = VISITS
            .iter()
            .zip(&fixtures.visits)
            .filter(|((on, _, flags), _)| *on == On::Menghai && flags.is_empty())
            .map(|(_, id)| *id)
            .collect();
        assert_eq!(ids_on(&unflagged), expected);

        // Paging keeps the filter.
        let first = html(&official, format!("{}/visits?flagged=true&limit=2", app.address)).await;
        assert_eq!(ids_on(&first).len(), 2);
        assert!(first.contains("href=\"/visits?flagged=true&#38;offset=2&#38;limit=2\""), "{first}");

        // A Mengla visit is not found through the linkage filter either.
        let mengla = html(&official, format!("{}/visits?linkage={}", app.address, fixtures.mengla_linkage)).await;
        assert!(ids_on(&mengla).is_empty());
        let all = html(&app.client, format!("{}/visits?linkage={}", app.address, fixtures.mengla_linkage)).await;
        let expected: BTreeSet<i32> =
            VISITS.iter().zip(&fixtures.visits).filter(|((on, ..), _)| *on == On::Mengla).map(|(_, id)| *id).collect();
        assert_eq!(ids_on(&all), expected, "the prefecture admin sees them");

        let bad = official.get(format!("{}/visits?flagged=maybe&lang=en", app.address)).send().await.expect("get");
        assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
        let text = bad.text().await.expect("html");
        assert!(text.contains("far_from_target or low_accuracy; received: maybe"), "{text}");
        let problem = official.get(format!("{}/api/v1/visits?flagged=maybe", app.address)).send().await.expect("get");
        assert_eq!(problem.status(), StatusCode::BAD_REQUEST);
        let outreach = client_with(&token_for(&app.db, "visits.outreach", "outreach_member", "532822").await);
        let refused = outreach.get(format!("{}/visits", app.address)).send().await.expect("get");
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn the_dashboard_shows_patrol_shares_and_gaps_of_the_callers_sectors() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let fixtures = insert_fixtures(&app).await;
        let official = client_with(&token_for(&app.db, "patrol.menghai", "official", "532822").await);
        let body = json(&official, format!("{}/api/v1/dashboard", app.address)).await;
        let patrols = &body["patrols"];
        assert_eq!(patrols["date"], Utc::now().with_timezone(&chrono_tz::Asia::Shanghai).date_naive().to_string());
        let page = html(&official, format!("{}/?lang=en", app.address)).await;

        // Menghai's sectors, in order along the border; not Mengla's.
        let sectors = patrols["sectors"].as_array().expect("sectors");
        let ids: Vec<i64> = sectors.iter().map(|sector| sector["postId"].as_i64().expect("an id")).collect();
        assert_eq!(ids, [i64::from(fixtures.posts[0]), i64::from(fixtures.posts[1])]);
        assert!(!page.contains(&format!("data-patrol=\"post:{}\"", fixtures.posts[2])), "no Mengla sector");

        let mut stretch_covered = [0.0; 2];
        let mut stretch_gaps: [Vec<[f64; 2]>; 2] = [Vec::new(), Vec::new()];
        for (index, sector) in sectors.iter().enumerate() {
            let (_, _, range) = SECTORS[index];
            let row = row_of(&page, &format!("data-patrol=\"post:{}\"", fixtures.posts[index]));
            assert!(row.contains(&format!("href=\"/posts/{}\"", fixtures.posts[index])), "{row}");
            for (slot, days) in [7_i64, 30].into_iter().enumerate() {
                let window = sector["windows"]
                    .as_array()
                    .expect("windows")
                    .iter()
                    .find(|window| window["days"] == days)
                    .expect("the window");
                let covered = covered_km(range, days);
                let share = one_decimal(covered / (range.1 - range.0) * 100.0);
                let expected_gaps = gaps(range, days);
                assert_eq!(window["sharePercent"].as_f64(), Some(share), "sector {index}, {days} days");
                assert_eq!(window["patrolledKm"].as_f64(), Some(covered));
                assert_eq!(window["gapCount"].as_u64(), Some(expected_gaps.len() as u64));
                assert_eq!(cell_value(&row, &format!("class=\"share\" data-days=\"{days}\"")), share);
                let count = cell_value(&row, &format!("class=\"gaps\" data-days=\"{days}\""));
                assert_eq!(count, expected_gaps.len() as f64);
                stretch_covered[slot] += covered;
                stretch_gaps[slot].extend(expected_gaps);
            }
        }

        // The whole Menghai stretch: both sectors together (20 km).
        let stretch = &patrols["stretch"];
        assert_eq!(stretch["lengthKm"].as_f64(), Some(20.0));
        let row = row_of(&page, "data-patrol=\"stretch\"");
        for (slot, days) in [7_i64, 30].into_iter().enumerate() {
            let window =
                stretch["windows"].as_array().expect("windows").iter().find(|w| w["days"] == days).expect("window");
            let share = one_decimal(stretch_covered[slot] / 20.0 * 100.0);
            assert_eq!(window["sharePercent"].as_f64(), Some(share), "{days} days");
            assert_eq!(window["gapCount"].as_u64(), Some(stretch_gaps[slot].len() as u64));
            assert_eq!(cell_value(&row, &format!("class=\"share\" data-days=\"{days}\"")), share);
            // The longest gaps, longest first, each with the post whose sector holds it.
            let mut longest = stretch_gaps[slot].clone();
            longest.sort_by(|a, b| (b[1] - b[0]).total_cmp(&(a[1] - a[0])).then(a[0].total_cmp(&b[0])));
            longest.truncate(3);
            let listed: Vec<([f64; 2], i64)> = window["longestGaps"]
                .as_array()
                .expect("gaps")
                .iter()
                .map(|gap| {
                    let km = [gap["startKm"].as_f64().expect("km"), gap["endKm"].as_f64().expect("km")];
                    (km, gap["postId"].as_i64().expect("a post"))
                })
                .collect();
            let expected: Vec<([f64; 2], i64)> = longest
                .iter()
                .map(|gap| {
                    let holder = SECTORS.iter().position(|(_, _, (a, b))| *a <= gap[0] && gap[1] <= *b).expect("held");
                    (*gap, i64::from(fixtures.posts[holder]))
                })
                .collect();
            assert_eq!(listed, expected, "{days} days");
            if days == 30 {
                for (_, post) in &expected {
                    assert!(row.contains(&format!("href=\"/map?focus=post:{post}\"")), "{row}");
                }
            }
        }
        assert_eq!(stretch_covered, [3.0, 16.0], "the fixtures as intended");

        // The prefecture admin's stretch is the whole line, with Mengla's sector patrolled.
        let all = json(&app.client, format!("{}/api/v1/dashboard", app.address)).await;
        let length_km = Border::bundled().length_km();
        assert_eq!(all["patrols"]["stretch"]["lengthKm"].as_f64(), Some(one_decimal(length_km)));
        let week = all["patrols"]["stretch"]["windows"]
            .as_array()
            .expect("windows")
            .iter()
            .find(|window| window["days"] == 7)
            .expect("a week");
        let covered: f64 = SECTORS.iter().map(|(_, _, range)| covered_km(*range, 7)).sum();
        assert_eq!(week["sharePercent"].as_f64(), Some(one_decimal(covered / length_km * 100.0)));
        assert_eq!(all["patrols"]["sectors"].as_array().map(Vec::len), Some(3));
    }
}
