//! The visit form's server side: the page hands its script the signed-in officer and the
//! limits in force, the service worker is served with the scope it needs and a cache name that
//! follows the files it keeps, and the demo's liaison account has linkages of its own county to
//! log visits on. (The form itself, offline, is driven in a browser by `browser.rs`.)

use std::collections::HashSet;

use banna_border::services::admin::AdminTree;
use banna_border::services::auth::{ensure_demo_accounts, login};
use banna_border::store::entities::{linkage, linkage_officer, user, village};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;

use crate::helpers::{backends, client_with, spawn_app, spawn_app_with_demo, token_for};

/// The JSON the page hands its script.
fn config_of(html: &str) -> Value {
    let start = html.find(r#"<script type="application/json" id="field-config">"#).expect("the config element");
    let rest = &html[start..];
    let open = rest.find('>').expect("tag end") + 1;
    let close = rest.find("</script>").expect("element end");
    serde_json::from_str(&rest[open..close]).expect("config JSON")
}

#[tokio::test]
async fn the_form_names_its_officer_and_its_worker_controls_the_form() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let officer = client_with(&token_for(&app.db, "field.officer", "liaison_officer", "532822").await);
        let page = officer.get(format!("{}/field?lang=en", app.address)).send().await.expect("get");
        assert_eq!(page.status(), 200, "{}", app.backend);
        let cache_control = page.headers().get("cache-control").and_then(|v| v.to_str().ok()).unwrap_or_default();
        assert_eq!(cache_control, "no-store", "{}: a signed-in page stays out of the HTTP cache", app.backend);
        let html = page.text().await.expect("body");
        let config = config_of(&html);
        assert_eq!(config["user"], "field.officer");
        assert_eq!(config["lang"], "en");
        assert_eq!(config["scope"], "/field");
        assert_eq!(config["max_accuracy_m"].as_f64(), Some(100.0), "the visits.max_accuracy_m default");
        let kinds: Vec<&str> = config["finding_kinds"]
            .as_array()
            .expect("finding kinds")
            .iter()
            .map(|pair| pair[0].as_str().expect("a code"))
            .collect();
        assert_eq!(kinds, ["dispute", "security_risk", "livelihood_need", "other"]);
        assert!(
            config["labels"].as_object().expect("labels").values().all(|text| !text.as_str().unwrap_or("").is_empty()),
            "every label is localized"
        );

        let worker = reqwest::get(format!("{}{}", app.address, config["worker"].as_str().expect("worker")))
            .await
            .expect("get the worker");
        assert_eq!(worker.status(), 200);
        let header =
            |name: &str| worker.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        assert_eq!(header("service-worker-allowed"), "/field", "the worker may control the form one level up");
        assert!(header("content-type").starts_with("text/javascript"));
        let script = worker.text().await.expect("script");
        assert!(!script.contains("__CACHE_VERSION__"), "the cache name is filled in");
        let name = script.split("'banna-field-").nth(1).and_then(|rest| rest.split('\'').next()).expect("cache name");
        assert!(name.len() == 16 && name.bytes().all(|b| b.is_ascii_hexdigit()), "{name}");
        for file in ["/static/field.js", "/static/field.css", "/static/app.css"] {
            assert!(script.contains(file), "the worker keeps {file}");
            let answer = reqwest::get(format!("{}{file}", app.address)).await.expect("get");
            assert_eq!(answer.status(), 200, "{file}");
        }
    }
}

#[tokio::test]
async fn the_demo_liaison_officer_has_linkages_of_its_county() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, 3, 100).await;
        let accounts = ensure_demo_accounts(&app.db).await.expect("demo accounts");
        let liaison = accounts.iter().find(|account| account.role == "liaison_officer").expect("a liaison account");
        let issued = login(&app.db, &liaison.username, &liaison.password, "127.0.0.3").await.expect("signs in");
        let response =
            client_with(&issued.secret).get(format!("{}/api/v1/linkages/mine", app.address)).send().await.expect("get");
        assert_eq!(response.status(), 200, "{}", app.backend);
        let mine: Value = response.json().await.expect("json");
        let listed: HashSet<i64> =
            mine["linkages"].as_array().expect("linkages").iter().map(|l| l["id"].as_i64().expect("id")).collect();
        assert!(!listed.is_empty(), "{}: the demo officer has linkages to log visits on", app.backend);

        // Computed here from the tables: every one is a running linkage of the officer's own
        // department whose village lies in the officer's county, and it lists the officer.
        let officer = user::Entity::find()
            .filter(user::Column::Username.eq(liaison.username.as_str()))
            .one(&app.db)
            .await
            .expect("read")
            .expect("user");
        let tree = AdminTree::load(&app.db).await.expect("tree");
        for id in &listed {
            let row = linkage::Entity::find_by_id(i32::try_from(*id).expect("id"))
                .one(&app.db)
                .await
                .expect("read")
                .expect("linkage");
            assert_eq!(Some(row.department_id), officer.department_id, "the officer's own department");
            assert!(row.ends_on.is_none(), "a running linkage");
            let place = village::Entity::find_by_id(row.village_id).one(&app.db).await.expect("read").expect("village");
            let county = tree.ancestor(place.admin_unit_id, "county").expect("a county");
            assert_eq!(county.code, liaison.jurisdiction_code, "a village of the officer's county");
            let listed_officer = linkage_officer::Entity::find()
                .filter(linkage_officer::Column::LinkageId.eq(row.id))
                .filter(linkage_officer::Column::UserId.eq(officer.id))
                .one(&app.db)
                .await
                .expect("read");
            assert!(listed_officer.is_some(), "the officer is listed on linkage {}", row.id);
        }
    }
}
