//! The `banna` binary itself: help, idempotent demo loading, graceful shutdown.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn banna() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_banna"));
    command.env_remove("DATABASE_URL").env("RUST_LOG", "warn");
    command
}

#[test]
fn help_documents_the_commands() {
    let output = banna().arg("--help").output().expect("run banna");
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    for command in ["serve", "migrate", "demo"] {
        assert!(text.contains(command), "--help mentions {command}");
    }
    let demo = banna().args(["demo", "--help"]).output().expect("run banna");
    assert!(String::from_utf8_lossy(&demo.stdout).contains("--incidents"));
}

#[test]
fn demo_from_the_command_line_is_idempotent() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = || {
        banna()
            .current_dir(dir.path())
            .args(["demo", "--seed", "3", "--incidents", "3000"])
            .output()
            .expect("run banna demo")
    };
    let first = run();
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    assert!(dir.path().join("data/banna.db").exists(), "the default SQLite file is created under ./data/");
    let second = run();
    assert!(second.status.success());
    let said = String::from_utf8_lossy(&second.stderr);
    assert!(said.contains("已有演示数据"), "the second run says it changed nothing: {said}");
}

#[test]
fn bad_arguments_fail_before_touching_anything() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = banna().current_dir(dir.path()).args(["demo", "--incidents", "5"]).output().expect("run");
    assert!(!output.status.success());
    assert!(!dir.path().join("data").exists(), "no database was created");
    let output = banna().current_dir(dir.path()).args(["serve", "--bind", "not-an-address"]).output().expect("run");
    assert!(!output.status.success());
}

#[test]
fn serve_stops_gracefully_on_sigterm() {
    let dir = tempfile::tempdir().expect("temp dir");
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("free port").local_addr().expect("addr").port();
    let mut child = banna()
        .current_dir(dir.path())
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .stderr(Stdio::piped())
        .spawn()
        .expect("start banna serve");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(started.elapsed() < Duration::from_secs(30), "the server did not start listening");
        std::thread::sleep(Duration::from_millis(50));
    }
    let killed = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().expect("kill");
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(Instant::now() < deadline, "the server did not stop after SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "exit status {status:?}");
    let output = child.wait_with_output().expect("output");
    assert!(String::from_utf8_lossy(&output.stderr).contains("服务已停止"));
}

#[test]
fn database_url_and_banna_variables_are_honoured() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("elsewhere.db");
    let output = banna()
        .current_dir(dir.path())
        .env("DATABASE_URL", format!("sqlite://{}?mode=rwc", file.display()))
        .env("BANNA_LOCALE__DEFAULT", "en")
        .arg("migrate")
        .output()
        .expect("run banna migrate");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(file.exists(), "DATABASE_URL chose the file");
    assert!(!dir.path().join("data").exists(), "the default database was not touched");
    assert!(String::from_utf8_lossy(&output.stdout).contains("The database is migrated"), "BANNA_LOCALE__DEFAULT=en");
}

#[test]
fn an_unsupported_database_url_is_a_clear_error() {
    let output = banna().env("DATABASE_URL", "mysql://nobody@127.0.0.1/none").arg("migrate").output().expect("run");
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("sqlite://") && said.contains("postgres://"), "{said}");
}

fn run_with_stdin(args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = banna()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start banna");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("output")
}

#[test]
fn locate_streams_csv_and_reports_bad_rows_by_line() {
    let input = "id,lon,lat\na,100.2,21.9\nb,east,21.9\nc,101.6,21.3\n";
    let output = run_with_stdin(&["locate"], input);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "id,lon,lat,border_km,distance_m,section,side");
    assert_eq!(lines.len(), 3, "header and two located rows: {stdout}");
    assert!(lines[1].starts_with("a,100.2,21.9,") && lines[2].starts_with("c,101.6,21.3,"));
    assert!(lines[2].ends_with(",LA,cn"), "{}", lines[2]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("第 3 行") && stderr.contains("east"), "{stderr}");

    let strict = run_with_stdin(&["locate", "--strict"], input);
    assert_eq!(strict.status.code(), Some(2), "strict mode stops with exit code 2");
    assert_eq!(String::from_utf8_lossy(&strict.stdout).lines().count(), 2, "rows before the bad one");
}

#[test]
fn locate_reads_and_writes_files_and_refuses_a_header_without_lon() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in.csv");
    let output_file = dir.path().join("out.csv");
    std::fs::write(&input, "lat,lon\n21.9,100.2\n").expect("write input");
    let run = banna()
        .args(["locate", "--input", input.to_str().expect("path"), "--output", output_file.to_str().expect("path")])
        .output()
        .expect("run");
    assert!(run.status.success());
    let written = std::fs::read_to_string(&output_file).expect("output written");
    assert!(written.starts_with("lat,lon,border_km,distance_m,section,side\n21.9,100.2,"), "{written}");

    let refused = run_with_stdin(&["locate"], "x,y\n1,2\n");
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("lon"));
}

#[test]
fn border_info_and_a_refused_import() {
    let dir = tempfile::tempdir().expect("temp dir");
    let info = banna()
        .current_dir(dir.path())
        .env("BANNA_LOCALE__DEFAULT", "en")
        .args(["border", "info"])
        .output()
        .expect("run");
    assert!(info.status.success(), "{}", String::from_utf8_lossy(&info.stderr));
    let text = String::from_utf8_lossy(&info.stdout);
    assert!(text.contains("673.241") && text.contains("966.3") && text.contains("69.7%"), "{text}");

    let bad = dir.path().join("bad.geojson");
    std::fs::write(&bad, r#"{"type":"FeatureCollection","features":[]}"#).expect("write");
    let import =
        banna().current_dir(dir.path()).args(["border", "import", bad.to_str().expect("path")]).output().expect("run");
    assert_eq!(import.status.code(), Some(1));
    let said = String::from_utf8_lossy(&import.stderr);
    assert!(said.contains("CN-MM-XSBN"), "a precise, localized reason: {said}");
}

#[test]
fn users_are_added_with_a_password_from_stdin_never_from_argv() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}/users.db?mode=rwc", dir.path().display());
    let add = |password: &str| {
        let mut command = banna();
        command.env("DATABASE_URL", &url);
        let args = ["user", "add", "--username", "yanwen", "--role", "official", "--jurisdiction", "532822"];
        let mut child = command
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start");
        use std::io::Write;
        child.stdin.take().expect("stdin").write_all(format!("{password}\n").as_bytes()).expect("write");
        child.wait_with_output().expect("output")
    };
    let short = add("too short");
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("12"), "the rule is explained");
    let ok = add("a long enough passphrase");
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let again = add("a long enough passphrase");
    assert!(!again.status.success(), "the user name is taken");
    assert!(String::from_utf8_lossy(&again.stderr).contains("已经存在"));
    let unknown_role = banna()
        .env("DATABASE_URL", &url)
        .args(["user", "add", "--username", "x", "--role", "king", "--jurisdiction", "532822"])
        .stdin(Stdio::null())
        .output()
        .expect("run");
    assert!(!unknown_role.status.success());
}

#[test]
fn serve_demo_prints_demo_passwords_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}/demo-users.db?mode=rwc", dir.path().display());
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (first, second) = runtime.block_on(async {
        let db = banna_border::store::connect(&crate::helpers::test_settings(&url).database).await.expect("connect");
        banna_border::store::migrate(&db).await.expect("migrate");
        let first = banna_border::services::auth::ensure_demo_accounts(&db).await.expect("accounts");
        let second = banna_border::services::auth::ensure_demo_accounts(&db).await.expect("accounts");
        for account in &first {
            banna_border::services::auth::login(&db, &account.username, &account.password, "127.0.0.2")
                .await
                .expect("demo account signs in");
        }
        (first, second)
    });
    let roles: std::collections::HashSet<&str> = first.iter().map(|a| a.role).collect();
    assert_eq!(roles.len(), 6, "one per role");
    assert_eq!(first.iter().filter(|a| a.role == "official").count(), 4, "prefecture and each county");
    assert!(second.is_empty(), "passwords are shown only when the accounts are created");
}

#[test]
fn locales_check_reports_coverage_and_fails_on_a_broken_file() {
    let shipped = banna()
        .args(["locales", "check", "--dir", concat!(env!("CARGO_MANIFEST_DIR"), "/locales")])
        .output()
        .expect("run");
    assert!(shipped.status.success(), "{}", String::from_utf8_lossy(&shipped.stderr));
    assert!(String::from_utf8_lossy(&shipped.stdout).contains("zh-CN"));

    let dir = tempfile::tempdir().expect("temp dir");
    for (tag, text) in [("zh-CN", "a = 甲\nb = 乙\n"), ("en", "a = A\nb = {\n"), ("lo", "a = ກ\n")] {
        std::fs::create_dir_all(dir.path().join(tag)).expect("dir");
        std::fs::write(dir.path().join(tag).join("main.ftl"), text).expect("write");
    }
    let broken = banna().args(["locales", "check", "--dir", dir.path().to_str().expect("path")]).output().expect("run");
    assert_eq!(broken.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&broken.stdout);
    assert!(stdout.contains("lo：1/2") || stdout.contains("lo: 1/2"), "{stdout}");
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(stderr.contains("main.ftl:2"), "the syntax error names file and line: {stderr}");
}
