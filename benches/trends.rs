//! How fast the trend and change queries answer over a prepared database of a million demo
//! incidents (2023 and 2024), one query at a time, as the API runs them (services, with the
//! monthly rollup where it applies). Target: under 50 ms on SQLite.
//!
//! The database is not built here: `scripts/bench-trends` prepares it with
//! `banna demo --incidents 1000000` and passes its URL in `BANNA_BENCH_DB`
//! (`sqlite:///tmp/bench1m.db?mode=rwc` or a `postgres://` URL). Without it the bench says so
//! and measures nothing.

use std::time::{Duration, Instant};

use banna_border::border::Border;
use banna_border::config::DatabaseSettings;
use banna_border::domain::auth::Jurisdiction;
use banna_border::domain::bins::BinWidth;
use banna_border::domain::incident::Category;
use banna_border::domain::trend::{Grouping, PeriodKind, TrendSpan};
use banna_border::services::admin::AdminTree;
use banna_border::services::trends::{self, ChangeBy, TrendRequest};
use banna_border::store;
use criterion::{Criterion, criterion_group, criterion_main};
use sea_orm::DatabaseConnection;

const TZ: chrono_tz::Tz = chrono_tz::Asia::Shanghai;

fn request(bin_km: f64, period: PeriodKind, from: &str, to: &str, category: Option<Category>) -> TrendRequest {
    TrendRequest {
        width: BinWidth::new(bin_km).expect("a valid width"),
        period,
        span: TrendSpan::parse(Some(from), Some(to)).expect("valid dates"),
        category,
        section: None,
    }
}

async fn open(url: &str) -> DatabaseConnection {
    let db = store::connect(&DatabaseSettings { url: url.to_owned(), max_connections: 2 })
        .await
        .expect("the bench database opens");
    store::migrate(&db).await.expect("migrations");
    let started = Instant::now();
    trends::ensure_rollup(&db, TZ).await.expect("the rollup is ready");
    eprintln!("rollup ready for {} in {:.1} s", TZ.name(), started.elapsed().as_secs_f64());
    db
}

fn trend_and_change(c: &mut Criterion) {
    let Ok(url) = std::env::var("BANNA_BENCH_DB") else {
        eprintln!(
            "benches/trends: BANNA_BENCH_DB is not set, nothing measured. Prepare a database with \
             scripts/bench-trends (or `banna demo --incidents 1000000`) and pass its URL."
        );
        return;
    };
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    let db = runtime.block_on(open(&url));
    let border = Border::bundled();
    let all = Jurisdiction::All;
    let menghai = runtime.block_on(async {
        let tree = AdminTree::load(&db).await.expect("admin units");
        let id = tree.find("532822", "county").expect("Menghai");
        tree.jurisdiction(id)
    });

    let mut group = c.benchmark_group("trend");
    group.sample_size(30);
    group.warm_up_time(Duration::from_secs(2));
    group.measurement_time(Duration::from_secs(5));
    let trends = [
        ("24 months x 10 km", request(10.0, PeriodKind::Month, "2023-01", "2024-12", None), &all),
        ("8 quarters x 10 km", request(10.0, PeriodKind::Quarter, "2023-01", "2024-12", None), &all),
        ("24 months x 1 km", request(1.0, PeriodKind::Month, "2023-01", "2024-12", None), &all),
        (
            "24 months x 10 km, smuggling",
            request(10.0, PeriodKind::Month, "2023-01", "2024-12", Some(Category::Smuggling)),
            &all,
        ),
        ("24 months x 10 km, Menghai official", request(10.0, PeriodKind::Month, "2023-01", "2024-12", None), &menghai),
        (
            "15 Jan 2023 - 15 Dec 2024 x 10 km (partial months)",
            request(10.0, PeriodKind::Month, "2023-01-15", "2024-12-15", None),
            &all,
        ),
    ];
    for (name, request, scope) in &trends {
        group.bench_function(*name, |b| {
            b.iter(|| runtime.block_on(trends::trend(&db, scope, border, request, TZ)).expect("a trend"))
        });
    }
    // Without the rollup: a width that is not a whole number of km reads every incident.
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(15));
    let raw = request(2.5, PeriodKind::Month, "2023-01", "2024-12", None);
    group.bench_function("24 months x 2.5 km (no rollup)", |b| {
        b.iter(|| runtime.block_on(trends::trend(&db, &all, border, &raw, TZ)).expect("a trend"))
    });
    group.finish();

    let mut group = c.benchmark_group("change 2024 vs 2023");
    group.sample_size(30);
    group.warm_up_time(Duration::from_secs(2));
    group.measurement_time(Duration::from_secs(5));
    for grouping in [Grouping::Total, Grouping::Section, Grouping::Bin, Grouping::Category, Grouping::County] {
        let by = ChangeBy::new(grouping, BinWidth::default());
        group.bench_function(format!("by {}", grouping.code()), |b| {
            b.iter(|| runtime.block_on(trends::change(&db, &all, border, 2023, 2024, by, TZ)).expect("a change"))
        });
    }
    group.finish();
}

criterion_group!(benches, trend_and_change);
criterion_main!(benches);
