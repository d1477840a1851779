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
    let demo = banna()
        .args(["demo", "--help"])
        .output()
        .expect("run banna");
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
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(
        dir.path().join("data/banna.db").exists(),
        "the default SQLite file is created under ./data/"
    );
    let second = run();
    assert!(second.status.success());
    let said = String::from_utf8_lossy(&second.stderr);
    assert!(
        said.contains("已有演示数据"),
        "the second run says it changed nothing: {said}"
    );
}

#[test]
fn bad_arguments_fail_before_touching_anything() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = banna()
        .current_dir(dir.path())
        .args(["demo", "--incidents", "5"])
        .output()
        .expect("run");
    assert!(!output.status.success());
    assert!(!dir.path().join("data").exists(), "no database was created");
    let output = banna()
        .current_dir(dir.path())
        .args(["serve", "--bind", "not-an-address"])
        .output()
        .expect("run");
    assert!(!output.status.success());
}

#[test]
fn serve_stops_gracefully_on_sigterm() {
    let dir = tempfile::tempdir().expect("temp dir");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("free port")
        .local_addr()
        .expect("addr")
        .port();
    let mut child = banna()
        .current_dir(dir.path())
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .stderr(Stdio::piped())
        .spawn()
        .expect("start banna serve");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the server did not start listening"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "the server did not stop after SIGTERM"
        );
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
        .env(
            "DATABASE_URL",
            format!("sqlite://{}?mode=rwc", file.display()),
        )
        .env("BANNA_LOCALE__DEFAULT", "en")
        .arg("migrate")
        .output()
        .expect("run banna migrate");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(file.exists(), "DATABASE_URL chose the file");
    assert!(
        !dir.path().join("data").exists(),
        "the default database was not touched"
    );
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("The database is migrated"),
        "BANNA_LOCALE__DEFAULT=en"
    );
}

#[test]
fn an_unsupported_database_url_is_a_clear_error() {
    let output = banna()
        .env("DATABASE_URL", "mysql://nobody@127.0.0.1/none")
        .arg("migrate")
        .output()
        .expect("run");
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("sqlite://") && said.contains("postgres://"),
        "{said}"
    );
}
