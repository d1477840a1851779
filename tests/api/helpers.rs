//! `spawn_app`: a fresh database (SQLite temp file or a new PostgreSQL database that is dropped
//! afterwards), migrated, and the real server on 127.0.0.1:0.

use banna_border::config::Settings;
use banna_border::services::demo::{self, DemoOptions, Progress};
use banna_border::startup::Application;
use banna_border::store;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};

/// A database backend to run a test on.
#[derive(Clone, Debug)]
pub enum Backend {
    Sqlite,
    Postgres { admin_url: String },
}

impl Backend {
    pub fn name(&self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres { .. } => "postgres",
        }
    }
}

/// SQLite always; PostgreSQL as well when `BANNA_TEST_PG` is set.
pub fn backends() -> Vec<Backend> {
    let mut backends = vec![Backend::Sqlite];
    match std::env::var("BANNA_TEST_PG") {
        Ok(url) if !url.is_empty() => backends.push(Backend::Postgres { admin_url: url }),
        _ => eprintln!("BANNA_TEST_PG is not set: this test runs on SQLite only"),
    }
    backends
}

/// A fresh, empty database; dropped (PostgreSQL) or deleted (SQLite) with the value.
pub struct TestDb {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    drop_pg: Option<(String, String)>,
}

impl TestDb {
    pub async fn create(backend: &Backend) -> TestDb {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite://{}/banna-test.db?mode=rwc", dir.path().display());
                TestDb { url, _dir: Some(dir), drop_pg: None }
            }
            Backend::Postgres { admin_url } => {
                let name = format!("banna_test_{}", uuid::Uuid::new_v4().simple());
                let admin = Database::connect(admin_url.as_str()).await.expect("connect to BANNA_TEST_PG");
                admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.expect("create test database");
                admin.close().await.expect("close admin connection");
                let base = admin_url.rsplit_once('/').map(|(base, _)| base).unwrap_or(admin_url);
                TestDb { url: format!("{base}/{name}"), _dir: None, drop_pg: Some((admin_url.clone(), name)) }
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some((admin_url, name)) = self.drop_pg.take() else {
            return;
        };
        // A runtime of its own: Drop may run inside or outside the test's runtime.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
            runtime.block_on(async {
                let admin = Database::connect(admin_url.as_str()).await?;
                admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await?;
                admin.close().await
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("could not drop a test database: {dropped:?}");
        }
    }
}

/// Settings for a test: the given database, port 0, defaults otherwise.
pub fn test_settings(database_url: &str) -> Settings {
    let mut settings = Settings::load(None).expect("default settings");
    settings.database.url = database_url.to_owned();
    settings.database.max_connections = 4;
    settings.server.bind = "127.0.0.1:0".parse().expect("bind address");
    settings
}

pub struct TestApp {
    pub address: String,
    pub db: DatabaseConnection,
    /// Signed in as a prefecture-wide admin.
    pub client: reqwest::Client,
    /// Sends no credentials.
    pub anonymous: reqwest::Client,
    pub backend: &'static str,
    _database: TestDb,
}

impl TestApp {
    /// The URL of the app's database, for the `banna` binary run against it.
    pub fn database_url(&self) -> &str {
        &self._database.url
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.address)).send().await.expect("request")
    }

    pub async fn get_json(&self, path: &str) -> (reqwest::StatusCode, String, serde_json::Value) {
        let response = self.get(path).await;
        let status = response.status();
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let body = response.json().await.expect("a JSON body");
        (status, content_type, body)
    }
}

/// Starts the real application on a fresh database.
pub async fn spawn_app(backend: &Backend) -> TestApp {
    banna_border::telemetry::init_with_default("warn");
    let database = TestDb::create(backend).await;
    let settings = test_settings(&database.url);
    let app = Application::build(settings).await.expect("the app builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let db = app.db().clone();
    tokio::spawn(app.run_until_stopped());
    let token = token_for(&db, "test.admin", "admin", "532800").await;
    TestApp {
        address,
        db,
        client: client_with(&token),
        anonymous: reqwest::Client::new(),
        backend: backend.name(),
        _database: database,
    }
}

/// The password every test account gets.
pub const TEST_PASSWORD: &str = "correct horse battery staple";

/// Creates a user with `role` in the jurisdiction `code` and signs it in; returns the token.
pub async fn token_for(db: &DatabaseConnection, username: &str, role: &str, code: &str) -> String {
    use banna_border::domain::auth::Password;
    use banna_border::services::auth::{self, NewUser};
    let new = NewUser {
        username,
        display_name: username,
        role,
        jurisdiction_code: code,
        department_id: None,
        password: Some(Password::parse(TEST_PASSWORD).expect("a valid password")),
        is_demo: false,
    };
    auth::create_user(db, new, None).await.expect("create the test user");
    auth::login(db, username, TEST_PASSWORD, "127.0.0.1").await.expect("sign in").secret
}

/// A client that sends `token` as a bearer token.
pub fn client_with(token: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    let value = format!("Bearer {token}").parse().expect("header value");
    headers.insert(reqwest::header::AUTHORIZATION, value);
    reqwest::Client::builder().default_headers(headers).build().expect("client")
}

/// Starts the app and loads the demo with `seed` and `incidents`.
pub async fn spawn_app_with_demo(backend: &Backend, seed: u64, incidents: u64) -> TestApp {
    let app = spawn_app(backend).await;
    demo::load(
        &app.db,
        banna_border::border::Border::bundled(),
        DemoOptions { seed, incidents },
        chrono_tz::Asia::Shanghai,
        Progress::Hidden,
    )
    .await
    .expect("demo loads");
    app
}

/// A migrated database without a server.
pub async fn fresh_db(backend: &Backend) -> (TestDb, DatabaseConnection) {
    let database = TestDb::create(backend).await;
    let db = store::connect(&test_settings(&database.url).database).await.expect("connect");
    store::migrate(&db).await.expect("migrate");
    (database, db)
}
