//! The demo data: deterministic per seed, idempotent, shaped as the issue asks, and
//! reproducing the five published figures.

use std::collections::HashMap;

use banna_border::demo::targets;
use banna_border::domain::auth::Jurisdiction;
use banna_border::domain::period::local_year;
use banna_border::services::demo::{self, DemoOptions, DemoOutcome, Progress};
use banna_border::services::figures;
use banna_border::store::entities::{
    department, incident, linkage, outreach_team, post, village, village_indicator, visit,
};
use chrono_tz::Asia::Shanghai;
use geo::{Distance, Geodesic, Point};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait, QueryOrder};

use crate::helpers::{backends, fresh_db};

const SEED: u64 = 2024;
const INCIDENTS: u64 = 3400;

async fn load(db: &DatabaseConnection, seed: u64, incidents: u64) -> DemoOutcome {
    demo::load(db, banna_border::border::Border::bundled(), DemoOptions { seed, incidents }, Shanghai, Progress::Hidden)
        .await
        .expect("demo loads")
}

async fn snapshot(
    db: &DatabaseConnection,
) -> (Vec<village::Model>, Vec<post::Model>, Vec<incident::Model>, Vec<visit::Model>) {
    (
        village::Entity::find().order_by_asc(village::Column::Id).all(db).await.expect("villages"),
        post::Entity::find().order_by_asc(post::Column::Id).all(db).await.expect("posts"),
        incident::Entity::find().order_by_asc(incident::Column::Id).all(db).await.expect("incidents"),
        visit::Entity::find().order_by_asc(visit::Column::Id).all(db).await.expect("visits"),
    )
}

#[tokio::test]
async fn the_same_seed_gives_the_same_data_and_another_seed_does_not() {
    for backend in backends() {
        let (_a, first) = fresh_db(&backend).await;
        let (_b, second) = fresh_db(&backend).await;
        let (_c, other) = fresh_db(&backend).await;
        load(&first, SEED, 1000).await;
        load(&second, SEED, 1000).await;
        load(&other, SEED + 1, 1000).await;
        let (a, b, c) = (snapshot(&first).await, snapshot(&second).await, snapshot(&other).await);
        assert!(a == b, "{}: same seed, same rows", backend.name());
        assert!(a.0 != c.0, "another seed places other villages");
        assert!(a.2 != c.2, "another seed gives other incidents");
    }
}

#[tokio::test]
async fn loading_the_demo_twice_adds_nothing() {
    for backend in backends() {
        let (_guard, db) = fresh_db(&backend).await;
        assert!(matches!(load(&db, SEED, 1000).await, DemoOutcome::Loaded { .. }));
        let before = snapshot(&db).await;
        let again = load(&db, SEED + 5, 5000).await;
        assert_eq!(again, DemoOutcome::AlreadyLoaded { seed: SEED.to_string(), incidents: "1000".to_owned() });
        assert!(snapshot(&db).await == before, "{}: nothing changed", backend.name());
    }
}

/// Percentage change, computed here from raw rows independently of the service.
fn pct(base: f64, compare: f64) -> f64 {
    (compare - base) / base * 100.0
}

fn assert_published(name: &str, computed: f64, target: f64) {
    assert!((computed - target).abs() < 0.1, "{name}: {computed:.3} % is not within 0.1 pp of {target} %");
    assert_eq!((computed * 10.0).round() / 10.0, target, "{name} rounds to the published figure");
}

#[tokio::test]
async fn the_demo_reproduces_the_five_published_figures() {
    for backend in backends() {
        let (_guard, db) = fresh_db(&backend).await;
        load(&db, SEED, INCIDENTS).await;

        let mut per_year: HashMap<i32, (f64, f64)> = HashMap::new();
        for row in incident::Entity::find().all(&db).await.expect("incidents") {
            let entry = per_year.entry(local_year(row.occurred_at, &Shanghai)).or_default();
            entry.0 += 1.0;
            entry.1 += f64::from(row.persons_apprehended);
        }
        let (base, compare) = (per_year[&targets::BASE_YEAR], per_year[&targets::COMPARE_YEAR]);
        assert_eq!(per_year.len(), 2, "incidents in 2023 and 2024 only");
        assert!(base.0 + compare.0 >= 3000.0);
        assert_published("border incidents", pct(base.0, compare.0), targets::INCIDENTS_PCT);
        assert_published("persons apprehended", pct(base.1, compare.1), targets::PERSONS_PCT);

        let key: HashMap<i32, f64> = village::Entity::find()
            .all(&db)
            .await
            .expect("villages")
            .into_iter()
            .filter(|v| v.is_key)
            .map(|v| (v.id, f64::from(v.population)))
            .collect();
        let mut sums: HashMap<i32, [f64; 4]> = HashMap::new();
        for row in village_indicator::Entity::find().all(&db).await.expect("indicators") {
            let Some(population) = key.get(&row.village_id) else {
                continue;
            };
            let sum = sums.entry(row.year).or_default();
            sum[0] += row.collective_income_cny.expect("collective income") as f64;
            sum[1] += row.per_capita_income_cny.expect("per-capita income") as f64 * population;
            sum[2] += population;
            sum[3] += f64::from(row.villagers_in_cross_border_crime.expect("villagers"));
        }
        let (b, c) = (sums[&targets::BASE_YEAR], sums[&targets::COMPARE_YEAR]);
        assert_published("key collective income", pct(b[0], c[0]), targets::KEY_COLLECTIVE_INCOME_PCT);
        assert_published("key per-capita income", pct(b[1] / b[2], c[1] / c[2]), targets::KEY_PER_CAPITA_INCOME_PCT);
        assert_published("villagers in cross-border crime", pct(b[3], c[3]), targets::KEY_VILLAGERS_IN_CRIME_PCT);

        let headline = figures::headline(&db, &Jurisdiction::All, targets::BASE_YEAR, targets::COMPARE_YEAR, Shanghai)
            .await
            .expect("figures");
        assert_eq!(headline.incidents.published_percent(), Some(targets::INCIDENTS_PCT));
        assert_eq!(headline.persons_apprehended.published_percent(), Some(targets::PERSONS_PCT));
        let published = |change: &Option<banna_border::domain::figures::Change>| {
            change.as_ref().and_then(|c| c.published_percent())
        };
        assert_eq!(published(&headline.key_collective_income_cny), Some(targets::KEY_COLLECTIVE_INCOME_PCT));
        assert_eq!(published(&headline.key_per_capita_income_cny), Some(targets::KEY_PER_CAPITA_INCOME_PCT));
        assert_eq!(published(&headline.key_villagers_in_cross_border_crime), Some(targets::KEY_VILLAGERS_IN_CRIME_PCT));
    }
}

#[tokio::test]
async fn figures_say_missing_rather_than_zero_without_indicators() {
    let (_guard, db) = fresh_db(&crate::helpers::Backend::Sqlite).await;
    let headline = figures::headline(&db, &Jurisdiction::All, 2023, 2024, Shanghai).await.expect("figures");
    assert_eq!(headline.incidents.percent, None, "no base: no percentage");
    assert!(headline.key_collective_income_cny.is_none());
    assert!(headline.key_per_capita_income_cny.is_none());
}

#[tokio::test]
async fn the_demo_has_the_promised_shape() {
    let (_guard, db) = fresh_db(&crate::helpers::Backend::Sqlite).await;
    load(&db, SEED, 1000).await;
    let border = banna_border::border::Border::bundled();

    let villages = village::Entity::find().all(&db).await.expect("villages");
    assert!(villages.len() >= 150);
    assert!(villages.iter().filter(|v| v.is_key).count() >= 30);
    // Distance to the nearest vertex bounds the distance to the line from above.
    for v in &villages {
        let nearest_vertex_m = border
            .vertices()
            .iter()
            .map(|p| Geodesic.distance(Point::new(v.lon, v.lat), Point::new(p[0], p[1])))
            .fold(f64::INFINITY, f64::min);
        assert!(nearest_vertex_m <= 20_000.0, "{} is {nearest_vertex_m:.0} m from the line", v.name_zh);
    }
    let real = villages.iter().filter(|v| v.code.starts_with("RP-")).count();
    assert!(real >= 1, "real places from places.csv keep their names");
    assert!(villages.iter().filter(|v| !v.code.starts_with("RP-")).all(|v| v.is_demo));

    let mut posts = post::Entity::find().order_by_asc(post::Column::SectorStartKm).all(&db).await.expect("posts");
    assert!(posts.len() >= 25);
    posts.sort_by(|a, b| a.sector_start_km.total_cmp(&b.sector_start_km));
    assert_eq!(posts[0].sector_start_km, 0.0);
    for pair in posts.windows(2) {
        assert_eq!(pair[0].sector_end_km, pair[1].sector_start_km, "sectors tile the line without gap or overlap");
    }
    let end = posts.last().expect("a post").sector_end_km;
    assert!((end - border.length_km()).abs() < 1e-9, "the last sector ends at the end of the line");

    assert!(department::Entity::find().count(&db).await.expect("departments") >= 40);
    assert!(outreach_team::Entity::find().count(&db).await.expect("teams") >= 10);
    let linkages = linkage::Entity::find().all(&db).await.expect("linkages");
    let linked: std::collections::HashSet<i32> = linkages.iter().map(|l| l.village_id).collect();
    let unlinked = villages.len() - linked.len();
    assert!(unlinked > 0 && unlinked * 100 < villages.len() * 15, "{unlinked} villages without a linkage");
    let posts_linked: std::collections::HashSet<i32> = linkages.iter().map(|l| l.post_id).collect();
    assert!(posts_linked.len() < posts.len(), "some posts have no linkage on purpose");
}
