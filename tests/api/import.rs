//! `banna import incidents` run as a program against a test database: GeoJSON and CSV files
//! written here are stored exactly, with the border fields the engine gives in this test and
//! the unit of their village or post sector; a file with 25 bad records among good ones stores
//! nothing and lists the first 20 by index or line; GCJ-02 input lands within a metre of the
//! WGS84 truth, shifted here by a forward transform of the test's own.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use banna_border::border::{Border, Side};
use banna_border::services::demo::{self, DemoOptions, Progress};
use banna_border::store::entities::{audit_event, incident, post, village};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

use crate::helpers::{Backend, TestDb, backends, fresh_db};

/// One record of a fixture file, WGS84 unless a test shifts it.
#[derive(Clone, Debug)]
struct Record {
    lon: f64,
    lat: f64,
    occurred_at: String,
    category: &'static str,
    persons: i64,
    villagers: i64,
    village_id: Option<i32>,
    description: Option<String>,
    source: Option<&'static str>,
}

const CATEGORIES: [&str; 6] =
    ["illegal_crossing", "smuggling", "drug_trafficking", "telecom_fraud", "human_trafficking", "other"];

/// A migrated database with the demo's villages and posts (and a few incidents).
async fn demo_db(backend: &Backend) -> (TestDb, DatabaseConnection) {
    let (database, db) = fresh_db(backend).await;
    let options = DemoOptions { seed: 13, incidents: 3000 };
    demo::load(&db, Border::bundled(), options, chrono_tz::Asia::Shanghai, Progress::Hidden).await.expect("demo");
    (database, db)
}

/// `count` good records: points on both sides of the line at various distances, some at
/// villages, with text that needs quoting in a CSV.
async fn good_records(db: &DatabaseConnection, count: usize) -> Vec<Record> {
    let villages = village::Entity::find().order_by_asc(village::Column::Id).all(db).await.expect("villages");
    let border = Border::bundled();
    (0..count)
        .map(|i| {
            let at_village = (i % 4 == 1).then(|| &villages[(i * 7) % villages.len()]);
            let (lon, lat) = match at_village {
                Some(v) => (v.lon + 0.001, v.lat - 0.0005),
                None => {
                    let km = 5.0 + (i as f64) * (border.length_km() - 10.0) / count as f64;
                    let side = if i % 5 == 0 { Side::Abroad } else { Side::Cn };
                    border.offset(km, 300.0 + 1_700.0 * (i % 9) as f64, side).expect("a point")
                }
            };
            Record {
                lon,
                lat,
                occurred_at: format!("2024-{:02}-{:02}T{:02}:15:00+08:00", 1 + i % 12, 1 + i % 28, i % 24),
                category: CATEGORIES[i % 6],
                persons: (i % 5) as i64,
                villagers: (i % 3) as i64,
                village_id: at_village.map(|v| v.id),
                description: (i % 3 == 0).then(|| format!("记录 {i}, \"引号\" and a comma")),
                source: (i % 7 == 2).then_some("partner-system"),
            }
        })
        .collect()
}

fn feature_of(record: &Record) -> Value {
    let mut properties = json!({
        "occurred_at": record.occurred_at,
        "category": record.category,
        "persons_apprehended": record.persons,
        "villagers_involved": record.villagers,
    });
    if let Some(id) = record.village_id {
        properties["village_id"] = json!(id);
    }
    if let Some(text) = &record.description {
        properties["description"] = json!(text);
    }
    if let Some(source) = record.source {
        properties["source"] = json!(source);
    }
    json!({ "type": "Feature", "geometry": { "type": "Point", "coordinates": [record.lon, record.lat] }, "properties": properties })
}

fn geojson_of(features: Vec<Value>) -> String {
    json!({ "type": "FeatureCollection", "name": "fixture", "features": features }).to_string()
}

/// The CSV of `records` with its header; the columns in another order than documented, to
/// show the header decides.
fn csv_of(records: &[Record]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record([
            "occurred_at",
            "lat",
            "lon",
            "category",
            "persons",
            "villagers",
            "village_id",
            "description",
            "source",
            "note",
        ])
        .expect("header");
    for r in records {
        writer
            .write_record([
                r.occurred_at.clone(),
                r.lat.to_string(),
                r.lon.to_string(),
                r.category.to_owned(),
                r.persons.to_string(),
                r.villagers.to_string(),
                r.village_id.map(|id| id.to_string()).unwrap_or_default(),
                r.description.clone().unwrap_or_default(),
                r.source.unwrap_or_default().to_owned(),
                "ignored column".to_owned(),
            ])
            .expect("row");
    }
    writer.into_inner().expect("bytes")
}

/// Runs `banna import incidents ARGS` on `url`, in English, with `stdin` piped in if given.
fn run_import(url: &str, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut command = Command::new(env!("CARGO_BIN_EXE_banna"));
    command
        .current_dir(dir.path())
        .env("DATABASE_URL", url)
        .env("BANNA_LOCALE__DEFAULT", "en")
        .env("RUST_LOG", "warn")
        .args(["import", "incidents"])
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("start banna");
    if let Some(bytes) = stdin {
        child.stdin.take().expect("stdin").write_all(bytes).expect("write stdin");
    }
    child.wait_with_output().expect("banna ends")
}

fn write_file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path.display().to_string()
}

async fn imported(db: &DatabaseConnection) -> Vec<incident::Model> {
    incident::Entity::find()
        .filter(incident::Column::IsDemo.eq(false))
        .order_by_asc(incident::Column::Id)
        .all(db)
        .await
        .expect("read")
}

/// The unit of the post whose sector holds `km`, from the posts as stored.
async fn sector_unit(db: &DatabaseConnection, km: f64) -> Option<i32> {
    let posts = post::Entity::find().order_by_asc(post::Column::SectorStartKm).all(db).await.expect("posts");
    posts
        .iter()
        .find(|row| row.sector_start_km <= km && km < row.sector_end_km)
        .or_else(|| posts.iter().find(|row| row.sector_end_km == km))
        .map(|row| row.admin_unit_id)
}

/// Every stored row against its fixture record: fields as given, border fields as the engine
/// gives them here, the unit of its village or post sector, one audit event.
async fn assert_stored(db: &DatabaseConnection, records: &[Record], file: &str) {
    let rows = imported(db).await;
    assert_eq!(rows.len(), records.len(), "exactly the file's records");
    for (row, record) in rows.iter().zip(records) {
        // Numbers are read to within a unit in the last place.
        assert!((row.lon - record.lon).abs() < 1e-12 && (row.lat - record.lat).abs() < 1e-12);
        let time: DateTime<Utc> = DateTime::parse_from_rfc3339(&record.occurred_at).expect("time").into();
        assert_eq!(row.occurred_at, time);
        assert_eq!(row.category, record.category);
        assert_eq!(i64::from(row.persons_apprehended), record.persons);
        assert_eq!(i64::from(row.villagers_involved), record.villagers);
        assert_eq!(row.village_id, record.village_id);
        assert_eq!(row.description, record.description);
        assert_eq!(row.source, record.source.unwrap_or("import"));
        assert_eq!((row.is_demo, row.deleted_at), (false, None));
        let expected = Border::bundled().locate(row.lon, row.lat).expect("located");
        assert_eq!(row.border_km, Some(expected.border_km));
        assert_eq!(row.distance_m, Some(expected.distance_m));
        assert_eq!(row.section.as_deref(), Some(expected.section.as_str()));
        assert_eq!(row.side.as_deref(), Some(expected.side.as_str()));
        let unit = match record.village_id {
            Some(id) => {
                Some(village::Entity::find_by_id(id).one(db).await.expect("read").expect("village").admin_unit_id)
            }
            None => sector_unit(db, expected.border_km).await,
        };
        assert!(unit.is_some());
        assert_eq!(row.admin_unit_id, unit);
    }
    let events = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("import_incidents"))
        .all(db)
        .await
        .expect("audit");
    assert_eq!(events.len(), 1, "one audit event per import");
    let after = events[0].after.as_ref().expect("after");
    assert_eq!(after["records"], json!(records.len()));
    assert_eq!(events[0].record_id, file);
}

#[tokio::test]
async fn a_geojson_file_is_stored_exactly_with_border_fields() {
    for backend in backends() {
        let (database, db) = demo_db(&backend).await;
        let records = good_records(&db, 40).await;
        let dir = tempfile::tempdir().expect("dir");
        let path =
            write_file(&dir, "incidents.geojson", geojson_of(records.iter().map(feature_of).collect()).as_bytes());
        let output = run_import(&database.url, &[&path], None);
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{}: {said}", backend.name());
        assert!(said.contains("Imported 40 incidents"), "{said}");
        assert_stored(&db, &records, "incidents.geojson").await;
    }
}

#[tokio::test]
async fn a_csv_file_is_stored_exactly_with_border_fields() {
    for backend in backends() {
        let (database, db) = demo_db(&backend).await;
        let records = good_records(&db, 40).await;
        let dir = tempfile::tempdir().expect("dir");
        let path = write_file(&dir, "incidents.csv", &csv_of(&records));
        let output = run_import(&database.url, &[&path], None);
        assert!(output.status.success(), "{}: {}", backend.name(), String::from_utf8_lossy(&output.stderr));
        assert_stored(&db, &records, "incidents.csv").await;
    }
}

/// The indexes (from 0) of the 25 bad records among 70, and how each is spoiled.
const BAD: [(usize, &str); 25] = [
    (1, "future"),
    (3, "category"),
    (4, "persons"),
    (8, "lon"),
    (9, "far"),
    (12, "village"),
    (15, "time"),
    (16, "villagers"),
    (20, "category"),
    (22, "future"),
    (25, "persons"),
    (29, "lat"),
    (30, "far"),
    (33, "village"),
    (37, "time"),
    (41, "category"),
    (44, "persons"),
    (46, "far"),
    (50, "lon"),
    (53, "village"),
    // Listed no more: only the first 20 are.
    (55, "category"),
    (58, "future"),
    (61, "persons"),
    (64, "far"),
    (68, "time"),
];

fn spoil(record: &mut Record, how: &str) {
    match how {
        "future" => record.occurred_at = (Utc::now() + chrono::Duration::days(3)).to_rfc3339(),
        "time" => record.occurred_at = "2024-13-01T00:00:00+08:00".to_owned(),
        "category" => record.category = "poaching",
        "persons" => record.persons = -2,
        "villagers" => record.villagers = -1,
        "lon" => record.lon = 200.0,
        "lat" => record.lat = 95.0,
        "far" => (record.lon, record.lat) = (104.0, 30.5),
        "village" => record.village_id = Some(999_999),
        other => panic!("unknown spoiler {other}"),
    }
}

/// The words each spoiled record's reason must contain (English messages).
fn reason_mentions(how: &str) -> &'static str {
    match how {
        "future" => "future",
        "time" => "RFC 3339",
        "category" => "poaching",
        "persons" => "persons_apprehended",
        "villagers" => "villagers_involved",
        "lon" | "lat" => "WGS84",
        "far" => "from the border",
        "village" => "999999",
        _ => unreachable!(),
    }
}

/// Checks a rejected import's report: 25 invalid, then exactly the first 20 by `label(index)`.
fn assert_rejected(output: &Output, label: impl Fn(usize) -> String) {
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{said}");
    assert!(said.contains("Nothing was imported: 25 invalid records"), "{said}");
    let listed: Vec<&str> =
        said.lines().filter(|line| line.starts_with("Feature ") || line.starts_with("Line ")).collect();
    assert_eq!(listed.len(), 20, "{said}");
    for (line, (index, how)) in listed.iter().zip(BAD.iter().take(20)) {
        assert!(line.starts_with(&label(*index)), "{line:?} should start with {:?}", label(*index));
        assert!(line.contains(reason_mentions(how)), "{line:?} should say why ({how})");
    }
}

#[tokio::test]
async fn a_file_with_25_bad_records_stores_nothing_and_lists_the_first_20() {
    for backend in backends() {
        let (database, db) = demo_db(&backend).await;
        let mut records = good_records(&db, 70).await;
        for (index, how) in BAD {
            spoil(&mut records[index], how);
        }
        let incidents_before = incident::Entity::find().count(&db).await.expect("count");
        let audit_before = audit_event::Entity::find().count(&db).await.expect("count");
        let dir = tempfile::tempdir().expect("dir");

        let geojson = write_file(&dir, "bad.geojson", geojson_of(records.iter().map(feature_of).collect()).as_bytes());
        let output = run_import(&database.url, &[&geojson], None);
        assert_rejected(&output, |index| format!("Feature {index} (counting from 0): "));

        let csv = write_file(&dir, "bad.csv", &csv_of(&records));
        let output = run_import(&database.url, &[&csv], None);
        // The header is line 1, the record at index i is on line i + 2.
        assert_rejected(&output, |index| format!("Line {}: ", index + 2));

        // A file that breaks off is refused as a whole, saying where.
        let mut text = geojson_of(records[..5].iter().map(feature_of).collect());
        text.truncate(text.len() - 40);
        let broken = write_file(&dir, "broken.geojson", text.as_bytes());
        let output = run_import(&database.url, &[&broken], None);
        let said = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{said}");
        assert!(said.contains("cannot be read"), "{said}");

        assert_eq!(incident::Entity::find().count(&db).await.expect("count"), incidents_before, "nothing stored");
        assert_eq!(audit_event::Entity::find().count(&db).await.expect("count"), audit_before, "nothing audited");
    }
}

/// WGS84 → GCJ-02, written here from the published description independently of the
/// application's module: offsets in "metres" from polynomial and sine terms around
/// (105°E, 35°N) on the Krasovsky ellipsoid, scaled to degrees at the latitude.
fn gcj02_of(lon: f64, lat: f64) -> (f64, f64) {
    use std::f64::consts::PI;
    let x = lon - 105.0;
    let y = lat - 35.0;
    let s = |t: f64| (t * PI).sin();
    let common = (20.0 * s(6.0 * x) + 20.0 * s(2.0 * x)) * 2.0 / 3.0;
    let north = -100.0
        + 2.0 * x
        + 3.0 * y
        + 0.2 * y * y
        + 0.1 * x * y
        + 0.2 * x.abs().sqrt()
        + common
        + (20.0 * s(y) + 40.0 * s(y / 3.0)) * 2.0 / 3.0
        + (160.0 * s(y / 12.0) + 320.0 * s(y / 30.0)) * 2.0 / 3.0;
    let east = 300.0
        + x
        + 2.0 * y
        + 0.1 * x * x
        + 0.1 * x * y
        + 0.1 * x.abs().sqrt()
        + common
        + (20.0 * s(x) + 40.0 * s(x / 3.0)) * 2.0 / 3.0
        + (150.0 * s(x / 12.0) + 300.0 * s(x / 30.0)) * 2.0 / 3.0;
    let a = 6_378_245.0_f64;
    let e2 = 0.006_693_421_622_965_943_f64;
    let phi = lat.to_radians();
    let q = 1.0 - e2 * phi.sin().powi(2);
    let lat_shift = (north / (a * (1.0 - e2) / (q * q.sqrt()))).to_degrees();
    let lon_shift = (east / (a / q.sqrt() * phi.cos())).to_degrees();
    (lon + lon_shift, lat + lat_shift)
}

/// Great-circle metres (haversine, mean Earth radius).
fn metres(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (p1, p2) = (a.1.to_radians(), b.1.to_radians());
    let dp = p2 - p1;
    let dl = (b.0 - a.0).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6_371_008.8 * h.sqrt().asin()
}

#[tokio::test]
async fn gcj02_coordinates_land_within_a_metre_of_the_wgs84_truth() {
    for backend in backends() {
        let (database, db) = demo_db(&backend).await;
        let truth = good_records(&db, 24).await;
        let shifted: Vec<Record> = truth
            .iter()
            .map(|record| {
                let (lon, lat) = gcj02_of(record.lon, record.lat);
                assert!(
                    metres((record.lon, record.lat), (lon, lat)) > 100.0,
                    "GCJ-02 moves points by hundreds of metres"
                );
                Record { lon, lat, ..record.clone() }
            })
            .collect();
        let dir = tempfile::tempdir().expect("dir");
        let path = write_file(&dir, "amap.json", geojson_of(shifted.iter().map(feature_of).collect()).as_bytes());
        let output = run_import(&database.url, &["--datum", "gcj02", &path], None);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        // The same records as CSV on standard input.
        let output = run_import(&database.url, &["-", "--format", "csv", "--datum", "gcj02"], Some(&csv_of(&shifted)));
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let rows = imported(&db).await;
        assert_eq!(rows.len(), 2 * truth.len());
        for (row, record) in rows.iter().zip(truth.iter().chain(truth.iter())) {
            let off = metres((row.lon, row.lat), (record.lon, record.lat));
            assert!(off < 1.0, "{}: stored {off} m from the truth", backend.name());
            let expected = Border::bundled().locate(row.lon, row.lat).expect("located");
            assert_eq!(row.border_km, Some(expected.border_km), "border fields of the converted point");
        }
    }
}

/// The indexes of the incidents table, by name.
async fn incident_indexes(db: &DatabaseConnection) -> Vec<String> {
    use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};
    let sql = match db.get_database_backend() {
        DatabaseBackend::Postgres => {
            "SELECT indexname FROM pg_indexes WHERE tablename = 'incidents' ORDER BY indexname"
        }
        _ => "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'incidents' ORDER BY name",
    };
    let rows = db.query_all_raw(Statement::from_string(db.get_database_backend(), sql)).await.expect("indexes");
    rows.iter().map(|row| row.try_get_by_index::<String>(0).expect("a name")).collect()
}

/// Incidents of 2024 (local year) per category as `GET /api/v1/incidents/change` gives them,
/// against the same counted here from the incidents table.
async fn assert_change_matches_table(app: &crate::helpers::TestApp) {
    let (status, _, body) = app.get_json("/api/v1/incidents/change?base=2023&compare=2024&by=category").await;
    assert_eq!(status, reqwest::StatusCode::OK, "{body}");
    let tz = chrono_tz::Asia::Shanghai;
    let live = incident::Entity::find().filter(incident::Column::DeletedAt.is_null()).all(&app.db).await.expect("read");
    for category in CATEGORIES {
        let counted = live
            .iter()
            .filter(|row| row.category == category)
            .filter(|row| chrono::Datelike::year(&row.occurred_at.with_timezone(&tz)) == 2024)
            .count();
        let rows = body["rows"].as_array().expect("rows");
        let answered = rows
            .iter()
            .find(|row| row["key"] == category)
            .map_or(0, |row| row["compare"]["incidents"].as_u64().expect("n"));
        assert_eq!(answered, counted as u64, "{category} in 2024");
    }
}

#[tokio::test]
async fn a_bulk_import_rebuilds_the_indexes_and_recounts_the_rollup_in_its_transaction() {
    use banna_border::services::incidents::{self, ImportFormat, ImportOptions, ImportOutcome};
    for backend in backends() {
        let app = crate::helpers::spawn_app_with_demo(&backend, 13, 3000).await;
        let indexes = incident_indexes(&app.db).await;
        assert!(indexes.len() >= 5, "{indexes:?}");
        let records = good_records(&app.db, 60).await;
        let text = geojson_of(records.iter().map(feature_of).collect());
        // A size hint of a gigabyte makes the service treat the file as a bulk import.
        let options = |name: &str| ImportOptions {
            format: ImportFormat::GeoJson,
            datum: banna_border::domain::gcj02::Datum::Wgs84,
            file_name: name.to_owned(),
            actor_user_id: None,
            input_bytes: Some(1 << 30),
        };
        let border = std::sync::Arc::new(Border::bundled().clone());
        let hidden = indicatif::ProgressBar::hidden();

        let mut spoiled = records.clone();
        spoil(&mut spoiled[59], "category");
        let bad = geojson_of(spoiled.iter().map(feature_of).collect()).into_bytes();
        let outcome =
            incidents::import(&app.db, border.clone(), std::io::Cursor::new(bad), options("bad"), hidden.clone())
                .await
                .expect("import");
        assert!(matches!(outcome, ImportOutcome::Rejected { invalid: 1, .. }), "{outcome:?}");
        assert_eq!(incident_indexes(&app.db).await, indexes, "{}: the rollback restores the indexes", app.backend);
        assert!(imported(&app.db).await.is_empty());
        assert_change_matches_table(&app).await;

        let outcome =
            incidents::import(&app.db, border, std::io::Cursor::new(text.into_bytes()), options("good"), hidden)
                .await
                .expect("import");
        assert!(matches!(outcome, ImportOutcome::Imported { records: 60, .. }), "{outcome:?}");
        assert_eq!(incident_indexes(&app.db).await, indexes, "{}: the same indexes again", app.backend);
        assert_stored(&app.db, &records, "good").await;
        let ready = banna_border::store::incident_rollup::ready_for(&app.db, "Asia/Shanghai").await.expect("read");
        assert!(ready, "the rollup is complete again, so the change below is read from it");
        assert_change_matches_table(&app).await;
    }
}
