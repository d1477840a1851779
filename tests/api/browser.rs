//! The pages in a real browser: Debian's chromium, headless, driven by playwright-core
//! (`tests/browser/run.mjs`). Sign in, the map's village markers against the API's count,
//! English labels after using the language switcher, a dashboard figure against the API.
//! The visit form offline (`tests/browser/field.mjs`): two visits recorded without a network
//! arrive exactly once, even when the answer to the first upload is lost.
//! Screenshots are kept in `target/browser/<backend>/` for people to look at.
//!
//! Needs `chromium` (`.ci/run` installs Debian's package when it is missing; `BANNA_CHROMIUM`
//! names another executable) and Node.js; the npm packages are installed from the lockfile
//! when they are missing.

use std::path::{Path, PathBuf};
use std::process::Command;

use banna_border::i18n::Localizer;

use banna_border::store::entities::{linkage, linkage_officer, user, visit};
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::helpers::{TEST_PASSWORD, backends, spawn_app_with_demo, token_for};

fn project_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The chromium executable: `BANNA_CHROMIUM`, else `chromium` on the PATH.
fn chromium() -> PathBuf {
    if let Some(path) = std::env::var_os("BANNA_CHROMIUM") {
        return PathBuf::from(path);
    }
    let found = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .map(|dir| dir.join("chromium"))
        .find(|candidate| candidate.is_file());
    found.unwrap_or_else(|| {
        panic!(
            "the browser tests need chromium: `apt-get install chromium` (.ci/run does it), \
             or set BANNA_CHROMIUM to a Chromium executable"
        )
    })
}

/// `npm ci` when playwright-core is not installed yet (the lockfile pins it). The browser
/// tests run on parallel threads: one installs while the others wait, or two `npm ci` would
/// empty the same folder under each other.
fn ensure_node_modules() {
    static INSTALLING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one_at_a_time = INSTALLING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let root = project_root();
    if root.join("node_modules/playwright-core/package.json").is_file() {
        return;
    }
    let status = Command::new("npm")
        .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline"])
        .current_dir(root)
        .status()
        .expect("run npm (Node.js is needed for the browser tests)");
    assert!(status.success(), "npm ci failed: {status}");
}

#[tokio::test]
async fn an_official_reads_the_map_and_the_dashboard_in_a_browser() {
    let chromium = chromium();
    ensure_node_modules();
    let localizer = Localizer::global();
    let en = "en".parse().expect("en");
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, 5, 3000).await;
        let username = "browser.official";
        token_for(&app.db, username, "official", "532800").await;
        let (status, _, latest) = app.get_json("/api/v1/dashboard").await;
        assert!(status.is_success(), "{}: the dashboard API answers: {status}", app.backend);
        let year = latest["compareYear"].as_i64().expect("the dashboard API names its year");
        let screenshots = project_root().join("target/browser").join(app.backend);
        let output = tokio::process::Command::new("node")
            .arg(project_root().join("tests/browser/run.mjs"))
            .current_dir(project_root())
            .env("BASE_URL", &app.address)
            .env("USERNAME", username)
            .env("PASSWORD", TEST_PASSWORD)
            .env("CHROMIUM", &chromium)
            .env("SCREENSHOTS", &screenshots)
            .env("EXPECT_EN_MAP_TITLE", localizer.text(&en, "page-map-title"))
            .env("EXPECT_EN_LEGEND", localizer.text(&en, "page-map-legend"))
            .env("DASHBOARD_YEAR", year.to_string())
            .output()
            .await
            .expect("run node");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{}: browser checks failed:\n{stdout}\n{stderr}", app.backend);
        let findings: serde_json::Value =
            serde_json::from_str(stdout.lines().last().unwrap_or_default()).expect("findings as JSON");
        assert!(findings["villageMarkers"].as_u64().unwrap_or(0) > 0, "{findings}");
        for shot in ["map-360-zh.png", "map-1280-zh.png", "dashboard-360-en.png"] {
            let size = std::fs::metadata(screenshots.join(shot)).map(|meta| meta.len()).unwrap_or(0);
            assert!(size > 10_000, "{}: screenshot {shot} is missing or empty", app.backend);
        }
    }
}

#[tokio::test]
async fn a_liaison_officer_logs_two_visits_offline_and_the_server_gets_each_once() {
    let chromium = chromium();
    ensure_node_modules();
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, 5, 300).await;
        let username = "browser.liaison";
        token_for(&app.db, username, "liaison_officer", "532800").await;
        let officer = user::Entity::find()
            .filter(user::Column::Username.eq(username))
            .one(&app.db)
            .await
            .expect("read")
            .expect("the officer");
        // Listed on the first two running linkages of the demo.
        let running: Vec<linkage::Model> = linkage::Entity::find()
            .filter(linkage::Column::EndsOn.is_null())
            .order_by_asc(linkage::Column::Id)
            .all(&app.db)
            .await
            .expect("linkages");
        assert!(running.len() >= 2, "{}: the demo has running linkages", app.backend);
        for row in &running[..2] {
            linkage_officer::ActiveModel { linkage_id: Set(row.id), user_id: Set(officer.id) }
                .insert(&app.db)
                .await
                .expect("list the officer");
        }
        let screenshots = project_root().join("target/browser").join(app.backend);
        let output = tokio::process::Command::new("node")
            .arg(project_root().join("tests/browser/field.mjs"))
            .current_dir(project_root())
            .env("BASE_URL", &app.address)
            .env("USERNAME", username)
            .env("PASSWORD", TEST_PASSWORD)
            .env("CHROMIUM", &chromium)
            .env("SCREENSHOTS", &screenshots)
            .output()
            .await
            .expect("run node");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{}: offline visit checks failed:\n{stdout}\n{stderr}", app.backend);
        let findings: serde_json::Value =
            serde_json::from_str(stdout.lines().last().unwrap_or_default()).expect("findings as JSON");
        // What the database holds, read here rather than through the API the script used.
        let stored =
            visit::Entity::find().filter(visit::Column::OfficerId.eq(officer.id)).all(&app.db).await.expect("visits");
        let mut stored_ids: Vec<String> = stored.iter().map(|row| row.uuid.to_string()).collect();
        stored_ids.sort();
        let mut recorded: Vec<String> = findings["ids"]
            .as_array()
            .expect("the ids the phone made")
            .iter()
            .map(|id| id.as_str().expect("an id").to_owned())
            .collect();
        recorded.sort();
        assert_eq!(stored_ids, recorded, "{}: exactly the two visits recorded offline are stored", app.backend);
        assert!(
            stored.iter().all(|row| row.linkage_id == running[0].id || row.linkage_id == running[1].id),
            "{}: each visit is on one of the officer's linkages",
            app.backend
        );
        for shot in ["field-offline-360-zh.png", "field-synced-360-zh.png"] {
            let size = std::fs::metadata(screenshots.join(shot)).map(|meta| meta.len()).unwrap_or(0);
            assert!(size > 10_000, "{}: screenshot {shot} is missing or empty", app.backend);
        }
    }
}
