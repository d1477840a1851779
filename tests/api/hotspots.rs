//! Hotspots and the incident grid: `GET /api/v1/incidents/hotspots` checked against p-values,
//! Benjamini–Hochberg q-values, nearest villages and overlapping posts worked out here from
//! the fixtures (binomial terms summed directly), and `GET /api/v1/incidents/grid` against
//! counts per cell worked out from the fixture points and the documented cell rule; scoping,
//! filters and the refusals, on every backend.

use std::collections::BTreeMap;

use banna_border::border::{Border, Side};
use banna_border::store::entities::{incident, post, village};
use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use reqwest::StatusCode;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::fixtures::{NearBorder, add_incident_near, unit_id};
use crate::helpers::{TestApp, backends, client_with, spawn_app, spawn_app_with_demo, token_for};

const MENGHAI: &str = "532822";
const MENGLA: &str = "532823";
const SMUGGLING: &str = "smuggling";
const DRUGS: &str = "drug_trafficking";

/// One fixture incident: nominal km along the line, local time, persons, county, category and
/// whether it was deleted.
#[derive(Clone, Copy)]
struct Fixture {
    km: f64,
    at: (i32, u32, u32, u32),
    persons: i32,
    county: &'static str,
    category: &'static str,
    deleted: bool,
}

const fn at(km: f64, at: (i32, u32, u32, u32), persons: i32, county: &'static str) -> Fixture {
    Fixture { km, at, persons, county, category: SMUGGLING, deleted: false }
}

fn fixtures() -> Vec<Fixture> {
    let mut all = vec![
        // Bin 2 (20–30 km): one in 2023, twelve in 2024 (eight in Menghai, four in Mengla): a
        // sharp rise. A deleted one of 2023 must not soften it.
        at(21.5, (2023, 5, 3, 10), 1, MENGHAI),
        Fixture { deleted: true, ..at(22.5, (2023, 6, 3, 10), 2, MENGHAI) },
        // Just after the local new year (still 2023 in UTC): counts in 2024.
        at(23.0, (2024, 1, 1, 0), 2, MENGHAI),
    ];
    for n in 0..7 {
        all.push(at(21.0 + f64::from(n), (2024, 2 + n as u32, 10, 9), 1 + n % 3, MENGHAI));
    }
    for n in 0..4 {
        all.push(at(26.0 + f64::from(n), (2024, 8 + n as u32, 5, 14), 1, MENGLA));
    }
    // Bin 5 (50–60 km): four then six, in Menghai: a small rise, not significant.
    for n in 0..4 {
        all.push(at(51.0 + 2.0 * f64::from(n), (2023, 3 + n as u32, 1, 8), 1, MENGHAI));
    }
    for n in 0..6 {
        all.push(at(52.0 + f64::from(n), (2024, 3 + n as u32, 2, 8), 2, MENGHAI));
    }
    // Bin 8 (80–90 km): none in 2023, six in 2024, drug trafficking in Mengla: "new".
    for n in 0..6 {
        all.push(Fixture { category: DRUGS, ..at(81.0 + f64::from(n), (2024, 4 + n as u32, 20, 11), 3, MENGLA) });
    }
    // Bin 12 (120–130 km): five then one, in Mengla: a fall (one of 2023 is drug trafficking).
    for n in 0..5 {
        let fixture = at(121.0 + f64::from(n), (2023, 2 + n as u32, 14, 16), 1, MENGLA);
        all.push(if n == 0 { Fixture { category: DRUGS, ..fixture } } else { fixture });
    }
    all.push(at(125.5, (2024, 10, 1, 9), 1, MENGLA));
    // Bin 15 only in 2022: not in either year, not tested.
    all.push(at(155.0, (2022, 7, 1, 9), 4, MENGHAI));
    all.push(at(156.0, (2022, 8, 1, 9), 4, MENGHAI));
    all
}

fn local(at: (i32, u32, u32, u32)) -> DateTime<Utc> {
    let (year, month, day, hour) = at;
    chrono_tz::Asia::Shanghai.with_ymd_and_hms(year, month, day, hour, 30, 0).single().expect("a time").to_utc()
}

fn local_year(at: (i32, u32, u32, u32)) -> i32 {
    local(at).with_timezone(&chrono_tz::Asia::Shanghai).year()
}

/// A fixture as stored: where it is and its km as the border engine located it.
#[derive(Clone, Copy)]
struct Stored {
    fixture: Fixture,
    lon: f64,
    lat: f64,
    border_km: f64,
}

/// Inserts the incidents 150 m into China from their km, with the engine's border fields.
async fn insert_incidents(app: &TestApp, border: &Border) -> Vec<Stored> {
    let mut stored = Vec::new();
    for fixture in fixtures() {
        let when = local(fixture.at);
        let near = NearBorder {
            km: fixture.km,
            at: when,
            category: fixture.category,
            persons: fixture.persons,
            county_code: fixture.county,
            deleted_at: fixture.deleted.then_some(when + chrono::Duration::days(2)),
        };
        let (row, location) = add_incident_near(&app.db, border, near).await;
        stored.push(Stored { fixture, lon: row.lon, lat: row.lat, border_km: location.border_km });
    }
    stored
}

/// A village or post as stored: id, county, km (villages) or sector (posts).
struct Place {
    id: i64,
    county: &'static str,
    border_km: f64,
    sector: (f64, f64),
}

async fn insert_villages(app: &TestApp, border: &Border) -> Vec<Place> {
    let mut places = Vec::new();
    for (n, (km, county)) in
        [(24.0, MENGHAI), (27.0, MENGLA), (31.0, MENGHAI), (10.0, MENGHAI), (85.0, MENGLA), (200.0, MENGHAI)]
            .into_iter()
            .enumerate()
    {
        let (lon, lat) = border.offset(km, 2_000.0, Side::Cn).expect("a point");
        let location = border.locate(lon, lat).expect("located");
        let row = village::ActiveModel {
            id: NotSet,
            code: Set(format!("HV{n}")),
            name_zh: Set(format!("测试寨{n}")),
            name_en: Set(Some(format!("Test village {n}"))),
            name_local: Set(None),
            name_local_lang: Set(None),
            admin_unit_id: Set(unit_id(&app.db, county).await),
            households: Set(30),
            population: Set(120),
            ethnic_groups: Set(json!(["dai"])),
            is_key: Set(false),
            lon: Set(lon),
            lat: Set(lat),
            border_km: Set(Some(location.border_km)),
            distance_m: Set(Some(location.distance_m)),
            section: Set(Some(location.section.as_str().to_owned())),
            side: Set(Some(location.side.as_str().to_owned())),
            is_demo: Set(false),
        }
        .insert(&app.db)
        .await
        .expect("insert village");
        places.push(Place { id: i64::from(row.id), county, border_km: location.border_km, sector: (0.0, 0.0) });
    }
    places
}

async fn insert_posts(app: &TestApp) -> Vec<Place> {
    let mut places = Vec::new();
    for (n, (start, end, county)) in [
        (15.0, 22.0, MENGHAI),
        (22.0, 40.0, MENGLA),
        (60.0, 90.0, MENGLA),
        (200.0, 220.0, MENGHAI),
        (30.0, 50.0, MENGHAI),
    ]
    .into_iter()
    .enumerate()
    {
        let row = post::ActiveModel {
            id: NotSet,
            code: Set(format!("HP{n}")),
            name_zh: Set(format!("测试联防所{n}")),
            name_en: Set(None),
            admin_unit_id: Set(unit_id(&app.db, county).await),
            sector_start_km: Set(start),
            sector_end_km: Set(end),
            staff: Set(4),
            lon: Set(100.5),
            lat: Set(21.9),
            border_km: Set(None),
            distance_m: Set(None),
            section: Set(None),
            side: Set(None),
            is_demo: Set(false),
        }
        .insert(&app.db)
        .await
        .expect("insert post");
        places.push(Place { id: i64::from(row.id), county, border_km: f64::NAN, sector: (start, end) });
    }
    places
}

/// `P(X ≥ k)` for `X ~ Binomial(n, p)`, every term `C(n,i) pⁱ qⁿ⁻ⁱ` summed directly (the
/// binomial coefficient from a sum of logarithms).
fn upper_tail(n: u64, k: u64, p: f64) -> f64 {
    let ln_choose = |i: u64| -> f64 { (1..=i).map(|j| ((n - i + j) as f64 / j as f64).ln()).sum() };
    (k..=n).map(|i| (ln_choose(i) + i as f64 * p.ln() + (n - i) as f64 * (1.0 - p).ln()).exp()).sum()
}

/// Benjamini–Hochberg: for the i-th smallest of m p-values, the smallest `m·p₍ⱼ₎/j` over j ≥ i.
fn bh(p: &[f64]) -> Vec<f64> {
    let m = p.len();
    let mut sorted: Vec<(usize, f64)> = p.iter().copied().enumerate().collect();
    sorted.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut q = vec![0.0; m];
    for (rank, (index, _)) in sorted.iter().enumerate() {
        let best = sorted[rank..]
            .iter()
            .enumerate()
            .map(|(offset, (_, p))| p * m as f64 / (rank + offset + 1) as f64)
            .fold(f64::INFINITY, f64::min);
        q[*index] = best.min(1.0);
    }
    q
}

fn days_of(year: i32) -> f64 {
    let start = NaiveDate::from_ymd_opt(year, 1, 1).expect("a day");
    let end = NaiveDate::from_ymd_opt(year + 1, 1, 1).expect("a day");
    (end - start).num_days() as f64
}

/// One expected hotspot row.
#[derive(Debug, Clone)]
struct Expected {
    bin: usize,
    base: [i64; 2],
    compare: [i64; 2],
    p: f64,
    q: f64,
    rate_ratio: Option<f64>,
    villages: Vec<i64>,
    posts: Vec<i64>,
}

/// The hotspots the fixtures give for the counties in `counties` (and `category`), 10-km bins,
/// 2023 against 2024, at level `alpha`; and how many bins were tested.
fn expected_hotspots(
    stored: &[Stored],
    villages: &[Place],
    posts: &[Place],
    counties: &[&str],
    category: Option<&str>,
    alpha: f64,
) -> (Vec<Expected>, usize) {
    let bins = (Border::bundled().length_km() / 10.0).ceil() as usize;
    let mut counts = vec![[[0_i64; 2]; 2]; bins];
    for s in stored {
        let f = &s.fixture;
        if f.deleted || !counties.contains(&f.county) || category.is_some_and(|c| c != f.category) {
            continue;
        }
        let slot = match local_year(f.at) {
            2023 => 0,
            2024 => 1,
            _ => continue,
        };
        let bin = ((s.border_km / 10.0).floor() as usize).min(bins - 1);
        counts[bin][slot][0] += 1;
        counts[bin][slot][1] += i64::from(f.persons);
    }
    let (t_base, t_compare) = (days_of(2023), days_of(2024));
    let p0 = t_compare / (t_base + t_compare);
    let tested: Vec<usize> = (0..bins).filter(|&b| counts[b][0][0] + counts[b][1][0] > 0).collect();
    let p: Vec<f64> = tested
        .iter()
        .map(|&b| upper_tail((counts[b][0][0] + counts[b][1][0]) as u64, counts[b][1][0] as u64, p0))
        .collect();
    let q = bh(&p);
    let mut rows: Vec<Expected> = Vec::new();
    for (n, &b) in tested.iter().enumerate() {
        let [base, compare] = counts[b];
        let rose = compare[0] as f64 / t_compare > base[0] as f64 / t_base;
        if q[n] > alpha || !rose {
            continue;
        }
        let (start, end) = (b as f64 * 10.0, ((b + 1) as f64 * 10.0).min(Border::bundled().length_km()));
        let middle = (start + end) / 2.0;
        let mut near: Vec<&Place> = villages.iter().filter(|v| counties.contains(&v.county)).collect();
        near.sort_by(|a, b| {
            (a.border_km - middle).abs().total_cmp(&(b.border_km - middle).abs()).then(a.id.cmp(&b.id))
        });
        let mut overlapping: Vec<&Place> =
            posts.iter().filter(|p| counties.contains(&p.county) && p.sector.0 < end && start < p.sector.1).collect();
        overlapping.sort_by(|a, b| a.sector.0.total_cmp(&b.sector.0).then(a.id.cmp(&b.id)));
        rows.push(Expected {
            bin: b,
            base,
            compare,
            p: p[n],
            q: q[n],
            rate_ratio: (base[0] > 0).then(|| (compare[0] as f64 / t_compare) / (base[0] as f64 / t_base)),
            villages: near.iter().take(3).map(|v| v.id).collect(),
            posts: overlapping.iter().map(|p| p.id).collect(),
        });
    }
    rows.sort_by(|a, b| {
        a.q.total_cmp(&b.q).then((b.compare[0] - b.base[0]).cmp(&(a.compare[0] - a.base[0]))).then(a.bin.cmp(&b.bin))
    });
    (rows, tested.len())
}

fn close(actual: &Value, expected: f64, label: &str) {
    let actual = actual.as_f64().unwrap_or_else(|| panic!("{label}: not a number: {actual}"));
    assert!((actual - expected).abs() <= 1e-9 * expected.abs().max(1e-300), "{label}: {actual} vs {expected}");
}

fn check_hotspots(body: &Value, expected: &[Expected], tested: usize, alpha: f64, label: &str) {
    assert_eq!(body["test"], "conditional-binomial-one-sided", "{label}");
    assert_eq!(body["multiple_testing"], "bh-fdr", "{label}");
    assert_eq!(body["alpha"].as_f64(), Some(alpha), "{label}");
    assert_eq!((body["base_year"].as_i64(), body["compare_year"].as_i64()), (Some(2023), Some(2024)), "{label}");
    assert_eq!((body["base_days"].as_f64(), body["compare_days"].as_f64()), (Some(365.0), Some(366.0)), "{label}");
    close(&body["p0"], 366.0 / 731.0, label);
    assert_eq!(body["bins_tested"].as_u64(), Some(tested as u64), "{label}");
    let total = (Border::bundled().length_km() / 10.0).ceil() as u64;
    assert_eq!(body["bins_total"].as_u64(), Some(total), "{label}");
    let rows = body["hotspots"].as_array().expect("hotspots");
    let bins: Vec<u64> = rows.iter().map(|row| row["bin"].as_u64().expect("bin")).collect();
    let wanted: Vec<u64> = expected.iter().map(|row| row.bin as u64).collect();
    assert_eq!(bins, wanted, "{label}: the significant bins in order");
    for (row, want) in rows.iter().zip(expected) {
        let label = format!("{label}, bin {}", want.bin);
        assert_eq!(row["base_incidents"], want.base[0], "{label}");
        assert_eq!(row["base_persons"], want.base[1], "{label}");
        assert_eq!(row["compare_incidents"], want.compare[0], "{label}");
        assert_eq!(row["compare_persons"], want.compare[1], "{label}");
        assert_eq!(row["rise"], want.compare[0] - want.base[0], "{label}");
        assert_eq!(row["new"], want.base[0] == 0, "{label}");
        close(&row["p_value"], want.p, &label);
        close(&row["q_value"], want.q, &label);
        match want.rate_ratio {
            Some(ratio) => close(&row["rate_ratio"], ratio, &label),
            None => assert!(row["rate_ratio"].is_null(), "{label}"),
        }
        close(&row["start_km"], want.bin as f64 * 10.0, &label);
        close(&row["end_km"], (want.bin + 1) as f64 * 10.0, &label);
        assert_eq!(row["section"], "MM", "{label}: the fixtures lie on the Myanmar section");
        let villages: Vec<i64> =
            row["villages"].as_array().expect("villages").iter().map(|v| v["id"].as_i64().expect("id")).collect();
        assert_eq!(villages, want.villages, "{label}: nearest villages");
        let middle = want.bin as f64 * 10.0 + 5.0;
        for village in row["villages"].as_array().expect("villages") {
            let km = village["border_km"].as_f64().expect("km");
            close(&village["distance_km"], (km - middle).abs(), &label);
        }
        let posts: Vec<i64> =
            row["posts"].as_array().expect("posts").iter().map(|p| p["id"].as_i64().expect("id")).collect();
        assert_eq!(posts, want.posts, "{label}: posts whose sector overlaps");
    }
}

async fn get_as(client: &reqwest::Client, app: &TestApp, path: &str) -> (StatusCode, Value) {
    let response = client.get(format!("{}{path}", app.address)).send().await.expect("get");
    let status = response.status();
    (status, response.json().await.expect("json"))
}

#[tokio::test]
async fn a_sharp_rise_is_a_hotspot_and_a_small_one_is_not() {
    let border = Border::bundled();
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let stored = insert_incidents(&app, border).await;
        let villages = insert_villages(&app, border).await;
        let posts = insert_posts(&app).await;
        let both = [MENGHAI, MENGLA];

        let (expected, tested) = expected_hotspots(&stored, &villages, &posts, &both, None, 0.05);
        // The fixtures do what they are meant to: the sharp rise (1 → 12) and the new bin
        // (0 → 6) are significant, the small rise (4 → 6) and the fall (5 → 1) are not.
        assert_eq!(tested, 4, "{}", app.backend);
        let bins: Vec<usize> = expected.iter().map(|row| row.bin).collect();
        assert_eq!(bins, [2, 8]);
        assert_eq!((expected[0].base[0], expected[0].compare[0]), (1, 12));
        assert_eq!((expected[1].base[0], expected[1].compare[0]), (0, 6));

        let response = app.get("/api/v1/incidents/hotspots?bin_km=10&base=2023&compare=2024").await;
        assert_eq!(response.status(), StatusCode::OK, "{}", app.backend);
        let body: Value = response.json().await.expect("json");
        check_hotspots(&body, &expected, tested, 0.05, app.backend);
        assert_eq!(body["village_distance"], "along-border");
        assert!(body["hotspots"][1]["rate_ratio"].is_null(), "no ratio for a bin new this year");

        // A stricter level keeps only the sharp rise; the q-values do not change.
        let (strict, _) = expected_hotspots(&stored, &villages, &posts, &both, None, 0.01);
        assert_eq!(strict.iter().map(|row| row.bin).collect::<Vec<_>>(), [2]);
        let (status, _, body) = app.get_json("/api/v1/incidents/hotspots?base=2023&compare=2024&alpha=0.01").await;
        assert_eq!(status, StatusCode::OK);
        check_hotspots(&body, &strict, tested, 0.01, app.backend);

        // By category: drug trafficking makes the new bin the only hotspot; smuggling drops it.
        for category in [DRUGS, SMUGGLING] {
            let (rows, tested) = expected_hotspots(&stored, &villages, &posts, &both, Some(category), 0.05);
            let path = format!("/api/v1/incidents/hotspots?base=2023&compare=2024&category={category}");
            let (status, _, body) = app.get_json(&path).await;
            assert_eq!(status, StatusCode::OK, "{category}");
            assert_eq!(body["category"], category);
            check_hotspots(&body, &rows, tested, 0.05, category);
        }
        let (drugs, _) = expected_hotspots(&stored, &villages, &posts, &both, Some(DRUGS), 0.05);
        assert_eq!(drugs.iter().map(|row| row.bin).collect::<Vec<_>>(), [8]);

        // The years default to the latest year with incidents against the year before.
        let (status, _, body) = app.get_json("/api/v1/incidents/hotspots").await;
        assert_eq!(status, StatusCode::OK);
        check_hotspots(&body, &expected, tested, 0.05, "defaults");
    }
}

#[tokio::test]
async fn hotspots_are_tested_within_the_callers_jurisdiction() {
    let border = Border::bundled();
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let stored = insert_incidents(&app, border).await;
        let villages = insert_villages(&app, border).await;
        let posts = insert_posts(&app).await;
        let path = "/api/v1/incidents/hotspots?base=2023&compare=2024";
        for (county, role) in [(MENGHAI, "official"), (MENGLA, "post_staff")] {
            let client = client_with(&token_for(&app.db, &format!("{role}.{county}"), role, county).await);
            let (status, body) = get_as(&client, &app, path).await;
            assert_eq!(status, StatusCode::OK, "{county}");
            let (rows, tested) = expected_hotspots(&stored, &villages, &posts, &[county], None, 0.05);
            check_hotspots(&body, &rows, tested, 0.05, county);
            // Only the county's villages and posts are named.
            for row in body["hotspots"].as_array().expect("hotspots") {
                for id in row["villages"].as_array().expect("villages").iter().map(|v| v["id"].as_i64()) {
                    let village = villages.iter().find(|v| Some(v.id) == id).expect("a fixture village");
                    assert_eq!(village.county, county);
                }
            }
        }
        // Menghai alone: bin 2 rises 1 → 8, one of two bins tested; the Mengla bins are not there.
        let (menghai, tested) = expected_hotspots(&stored, &villages, &posts, &[MENGHAI], None, 0.05);
        assert_eq!(tested, 2);
        assert_eq!(menghai.iter().map(|row| (row.bin, row.compare[0])).collect::<Vec<_>>(), [(2, 8)]);

        let liaison = client_with(&token_for(&app.db, "liaison", "liaison_officer", MENGHAI).await);
        let (status, _) = get_as(&liaison, &app, path).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let anonymous = app.anonymous.get(format!("{}{path}", app.address)).send().await.expect("get");
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    }
}

/// The grid's steps as documented: Δφ = cell_km / (M(φ₀)·π/180), Δλ = cell_km / (N(φ₀) cos φ₀
/// ·π/180) on WGS84, φ₀ the middle of the line's latitude range rounded to 0.1°.
fn documented_steps(cell_km: f64) -> (f64, f64, f64) {
    let lats: Vec<f64> = Border::bundled().vertices().iter().map(|v| v[1]).collect();
    let (south, north) = lats.iter().fold((90.0_f64, -90.0_f64), |(s, n), lat| (s.min(*lat), n.max(*lat)));
    let phi0 = ((south + north) / 2.0 * 10.0).round() / 10.0;
    let (a, f) = (6_378_137.0_f64, 1.0 / 298.257_223_563);
    let e2 = f * (2.0 - f);
    let sin = phi0.to_radians().sin();
    let meridian_m = a * (1.0 - e2) / (1.0 - e2 * sin * sin).powf(1.5);
    let normal_m = a / (1.0 - e2 * sin * sin).sqrt();
    let per_degree = std::f64::consts::PI / 180.0 / 1000.0;
    let dlat = cell_km / (meridian_m * per_degree);
    let dlon = cell_km / (normal_m * phi0.to_radians().cos() * per_degree);
    (phi0, dlon, dlat)
}

/// `(i, j) → [count, persons]` of the live fixtures that `keep` selects.
fn expected_cells(
    stored: &[Stored],
    dlon: f64,
    dlat: f64,
    keep: impl Fn(&Fixture) -> bool,
) -> BTreeMap<(i64, i64), [i64; 2]> {
    let mut cells = BTreeMap::new();
    for s in stored.iter().filter(|s| !s.fixture.deleted && keep(&s.fixture)) {
        let key = (((s.lon + 180.0) / dlon).floor() as i64, ((s.lat + 90.0) / dlat).floor() as i64);
        let slot: &mut [i64; 2] = cells.entry(key).or_default();
        slot[0] += 1;
        slot[1] += i64::from(s.fixture.persons);
    }
    cells
}

fn check_grid(body: &Value, expected: &BTreeMap<(i64, i64), [i64; 2]>, stored: &[Stored], label: &str) {
    assert_eq!(body["type"], "FeatureCollection", "{label}");
    let (dlon, dlat) = (body["dlon_deg"].as_f64().expect("dlon"), body["dlat_deg"].as_f64().expect("dlat"));
    let features = body["features"].as_array().expect("features");
    let mut got = BTreeMap::new();
    for feature in features {
        let p = &feature["properties"];
        let (i, j) = (p["i"].as_i64().expect("i"), p["j"].as_i64().expect("j"));
        assert_eq!(feature["geometry"]["type"], "Polygon", "{label}");
        let ring: Vec<[f64; 2]> = feature["geometry"]["coordinates"][0]
            .as_array()
            .expect("ring")
            .iter()
            .map(|c| [c[0].as_f64().expect("lon"), c[1].as_f64().expect("lat")])
            .collect();
        // Closed, counter-clockwise, the cell's corners.
        assert_eq!(ring.len(), 5, "{label}");
        assert_eq!(ring[0], ring[4], "{label}: closed");
        let twice_area: f64 = ring.windows(2).map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1]).sum();
        assert!(twice_area > 0.0, "{label}: counter-clockwise");
        let (west, south) = (-180.0 + i as f64 * dlon, -90.0 + j as f64 * dlat);
        let near = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(near(ring[0][0], west) && near(ring[0][1], south), "{label}: south-west corner");
        assert!(near(ring[2][0], west + dlon) && near(ring[2][1], south + dlat), "{label}: north-east corner");
        // Every fixture point counted here lies inside the polygon.
        assert!(p["count"].as_i64().expect("count") > 0, "{label}: only non-empty cells");
        got.insert((i, j), [p["count"].as_i64().expect("count"), p["persons"].as_i64().expect("persons")]);
        let width = p["width_km"].as_f64().expect("width");
        let height = p["height_km"].as_f64().expect("height");
        let cell_km = body["cell_km"].as_f64().expect("cell_km");
        assert!(
            (width / cell_km - 1.0).abs() < 0.02 && (height / cell_km - 1.0).abs() < 0.001,
            "{label}: {width}×{height}"
        );
    }
    assert_eq!(&got, expected, "{label}: counts and persons per cell");
    for s in stored {
        let key = (((s.lon + 180.0) / dlon).floor() as i64, ((s.lat + 90.0) / dlat).floor() as i64);
        if got.contains_key(&key) {
            let west = -180.0 + key.0 as f64 * dlon;
            let south = -90.0 + key.1 as f64 * dlat;
            assert!(west <= s.lon && s.lon < west + dlon && south <= s.lat && s.lat < south + dlat, "{label}");
        }
    }
    let total: i64 = expected.values().map(|slot| slot[0]).sum();
    assert_eq!(body["total_count"].as_i64(), Some(total), "{label}");
}

#[tokio::test]
async fn the_grid_counts_incidents_per_cell_by_the_documented_rule() {
    let border = Border::bundled();
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let stored = insert_incidents(&app, border).await;

        for cell_km in [5.0, 2.5, 1.0] {
            let (phi0, dlon, dlat) = documented_steps(cell_km);
            let (status, content_type, body) =
                app.get_json(&format!("/api/v1/incidents/grid?cell_km={cell_km}&year=2024")).await;
            assert_eq!(status, StatusCode::OK, "{}", app.backend);
            assert_eq!(content_type, "application/geo+json");
            assert_eq!(body["cell_km"].as_f64(), Some(cell_km));
            close(&body["ref_lat"], phi0, "ref_lat");
            close(&body["dlon_deg"], dlon, "dlon");
            close(&body["dlat_deg"], dlat, "dlat");
            assert_eq!(body["origin"], json!([-180.0, -90.0]));
            assert_eq!((body["from"].as_str(), body["to"].as_str()), (Some("2024-01-01"), Some("2024-12-31")));
            let expected = expected_cells(&stored, dlon, dlat, |f| local_year(f.at) == 2024);
            assert!(expected.len() > 3, "the fixtures spread over several cells");
            check_grid(&body, &expected, &stored, &format!("{} {cell_km} km 2024", app.backend));
        }

        // The default cell is 5 km; without dates every live incident counts (2022 too).
        let (_, dlon, dlat) = documented_steps(5.0);
        let (status, _, body) = app.get_json("/api/v1/incidents/grid").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["cell_km"].as_f64(), Some(5.0));
        check_grid(&body, &expected_cells(&stored, dlon, dlat, |_| true), &stored, "all dates");

        // Days and a category, as on the incident list.
        let (status, _, body) =
            app.get_json("/api/v1/incidents/grid?from=2023-06-01&to=2024-03-31&category=smuggling").await;
        assert_eq!(status, StatusCode::OK);
        let first = local((2023, 6, 1, 0)) - chrono::Duration::minutes(30);
        let after = local((2024, 4, 1, 0)) - chrono::Duration::minutes(30);
        let expected = expected_cells(&stored, dlon, dlat, |f| {
            let when = local(f.at);
            f.category == SMUGGLING && first <= when && when < after
        });
        check_grid(&body, &expected, &stored, "days and category");

        // A county's post staff sees the county's cells only.
        let staff = client_with(&token_for(&app.db, "staff.mengla", "post_staff", MENGLA).await);
        let (status, body) = get_as(&staff, &app, "/api/v1/incidents/grid?year=2024").await;
        assert_eq!(status, StatusCode::OK);
        let mengla = expected_cells(&stored, dlon, dlat, |f| f.county == MENGLA && local_year(f.at) == 2024);
        check_grid(&body, &mengla, &stored, "mengla");
        let everyone = expected_cells(&stored, dlon, dlat, |f| local_year(f.at) == 2024);
        assert_ne!(mengla, everyone, "the fixtures tell the counties apart");

        let outreach = client_with(&token_for(&app.db, "member", "outreach_member", MENGLA).await);
        let (status, _) = get_as(&outreach, &app, "/api/v1/incidents/grid").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn bad_parameters_are_refused_with_a_localized_problem() {
    let backend = backends().into_iter().next().expect("a backend");
    let app = spawn_app(&backend).await;
    let cases = [
        ("/api/v1/incidents/grid?cell_km=0.5", "0.5"),
        ("/api/v1/incidents/grid?cell_km=51", "51"),
        ("/api/v1/incidents/grid?cell_km=five", "five"),
        ("/api/v1/incidents/grid?cell_km=NaN", "NaN"),
        ("/api/v1/incidents/grid?year=20x4", "20x4"),
        ("/api/v1/incidents/grid?from=2024-13-01", "2024-13-01"),
        ("/api/v1/incidents/grid?category=piracy", "piracy"),
        ("/api/v1/incidents/hotspots?alpha=0", "alpha"),
        ("/api/v1/incidents/hotspots?alpha=0.5", "alpha"),
        ("/api/v1/incidents/hotspots?alpha=five%25", "five%"),
        ("/api/v1/incidents/hotspots?bin_km=0.5", "0.5"),
        ("/api/v1/incidents/hotspots?base=2024&compare=2023", "2023"),
        ("/api/v1/incidents/hotspots?compare=twenty", "twenty"),
        ("/api/v1/incidents/hotspots?category=piracy", "piracy"),
    ];
    for (path, mention) in cases {
        let mut details = Vec::new();
        for lang in ["en", "zh-CN", "th"] {
            let response = app
                .client
                .get(format!("{}{path}", app.address))
                .header("Accept-Language", lang)
                .send()
                .await
                .expect("get");
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{path}");
            let content_type = response.headers()[reqwest::header::CONTENT_TYPE].to_str().expect("type").to_owned();
            assert_eq!(content_type, "application/problem+json", "{path}");
            let body: Value = response.json().await.expect("json");
            let detail = body["detail"].as_str().expect("detail").to_owned();
            assert!(detail.contains(mention), "{path} in {lang}: {detail}");
            details.push(detail);
        }
        assert_ne!(details[0], details[1], "{path}: English and Chinese differ");
    }
    // The new messages are translated for the public locales too (not the Chinese fallback).
    for path in ["/api/v1/incidents/grid?cell_km=0", "/api/v1/incidents/hotspots?alpha=1"] {
        let mut details = Vec::new();
        for lang in ["zh-CN", "lo", "th", "my"] {
            let response = app
                .client
                .get(format!("{}{path}", app.address))
                .header("Accept-Language", lang)
                .send()
                .await
                .expect("get");
            let body: Value = response.json().await.expect("json");
            details.push(body["detail"].as_str().expect("detail").to_owned());
        }
        for (n, detail) in details.iter().enumerate().skip(1) {
            assert_ne!(detail, &details[0], "{path}: locale {n} has its own message");
        }
    }
    let (status, _, _) = app.get_json("/api/v1/incidents/grid?cell_km=1").await;
    assert_eq!(status, StatusCode::OK, "1 km is allowed");
    let (status, _, _) = app.get_json("/api/v1/incidents/grid?cell_km=50&category=").await;
    assert_eq!(status, StatusCode::OK, "50 km is allowed, an empty category is no filter");
    let (status, _, _) = app.get_json("/api/v1/incidents/hotspots?alpha=0.2&bin_km=100").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn on_the_demo_data_the_grid_holds_every_incident_of_the_year_and_hotspots_agree_with_the_bins() {
    let backend = backends().into_iter().next().expect("a backend");
    let app = spawn_app_with_demo(&backend, 11, 4000).await;
    let tz = chrono_tz::Asia::Shanghai;
    let live: Vec<incident::Model> =
        incident::Entity::find().filter(incident::Column::DeletedAt.is_null()).all(&app.db).await.expect("read");
    let of_year = |year: i32| live.iter().filter(|row| row.occurred_at.with_timezone(&tz).year() == year).count();
    for year in [2023, 2024] {
        let (status, _, body) = app.get_json(&format!("/api/v1/incidents/grid?cell_km=5&year={year}")).await;
        assert_eq!(status, StatusCode::OK);
        let sum: i64 = body["features"]
            .as_array()
            .expect("features")
            .iter()
            .map(|f| f["properties"]["count"].as_i64().expect("count"))
            .sum();
        assert_eq!(sum as usize, of_year(year), "{year}: every live incident of the year is in one cell");
    }

    let (status, _, bins) = app.get_json("/api/v1/border/bins?bin_km=10&base=2023&compare=2024").await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, body) = app.get_json("/api/v1/incidents/hotspots?bin_km=10&base=2023&compare=2024").await;
    assert_eq!(status, StatusCode::OK);
    let features = bins["features"].as_array().expect("bins");
    let tested = features
        .iter()
        .filter(|f| {
            f["properties"]["base_incidents"].as_i64().unwrap_or(0)
                + f["properties"]["compare_incidents"].as_i64().unwrap_or(0)
                > 0
        })
        .count();
    assert_eq!(body["bins_tested"].as_u64(), Some(tested as u64));
    let p0 = 366.0 / 731.0;
    let mut p_values: Vec<(usize, f64)> = Vec::new();
    for (index, feature) in features.iter().enumerate() {
        let p = &feature["properties"];
        let (b, c) = (p["base_incidents"].as_u64().unwrap_or(0), p["compare_incidents"].as_u64().unwrap_or(0));
        if b + c > 0 {
            p_values.push((index, upper_tail(b + c, c, p0)));
        }
    }
    let q = bh(&p_values.iter().map(|(_, p)| *p).collect::<Vec<_>>());
    let significant: Vec<usize> = p_values
        .iter()
        .zip(&q)
        .filter(|((index, _), q)| {
            let p = &features[*index]["properties"];
            **q <= 0.05
                && p["compare_incidents"].as_f64().unwrap_or(0.0) / 366.0
                    > p["base_incidents"].as_f64().unwrap_or(0.0) / 365.0
        })
        .map(|((index, _), _)| *index)
        .collect();
    let rows = body["hotspots"].as_array().expect("hotspots");
    let mut listed: Vec<usize> = rows.iter().map(|row| row["bin"].as_u64().expect("bin") as usize).collect();
    listed.sort_unstable();
    assert_eq!(listed, significant, "the hotspots are the bins the test finds significant");
    for row in rows {
        let bin = row["bin"].as_u64().expect("bin") as usize;
        let p = &features[bin]["properties"];
        assert_eq!(row["base_incidents"], p["base_incidents"]);
        assert_eq!(row["compare_incidents"], p["compare_incidents"]);
        let (n, _) =
            p_values.iter().enumerate().find(|(_, (index, _))| *index == bin).map(|(n, v)| (n, v.1)).expect("tested");
        close(&row["p_value"], p_values[n].1, "demo p");
        close(&row["q_value"], q[n], "demo q");
        assert!(row["villages"].as_array().expect("villages").len() <= 3);
    }
    let qs: Vec<f64> = rows.iter().map(|row| row["q_value"].as_f64().expect("q")).collect();
    assert!(qs.windows(2).all(|w| w[0] <= w[1]), "ranked by q");
}
