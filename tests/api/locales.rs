//! The shipped locales and `banna locales check`: the stricter rules fail on a syntax error, an
//! orphan key, a public message missing from Thai and a placeable mismatch; the sign-in page
//! speaks Lao, Thai and Burmese from their files, and a partial locale never shows a message id.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::helpers::{backends, spawn_app};

fn banna() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_banna"));
    command.env_remove("DATABASE_URL").env("RUST_LOG", "warn");
    command
}

fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

fn check(dir: &Path) -> Output {
    banna().args(["locales", "check", "--dir"]).arg(dir).output().expect("run banna locales check")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `id → value` of the single-line messages of one shipped file, read without the Localizer.
fn messages(tag: &str, file: &str) -> Vec<(String, String)> {
    let source = std::fs::read_to_string(shipped().join(tag).join(file)).expect("read locale file");
    source
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|line| line.split_once(" = "))
        .map(|(id, value)| (id.trim().to_owned(), value.to_owned()))
        .collect()
}

fn message(tag: &str, file: &str, id: &str) -> String {
    messages(tag, file).into_iter().find(|(found, _)| found == id).map(|(_, value)| value).expect("message defined")
}

/// Every message id a shipped locale defines, parsed with fluent-syntax from its files.
fn ids_of(tag: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(shipped().join(tag)).expect("read locale") {
        let source = std::fs::read_to_string(entry.expect("entry").path()).expect("read file");
        let resource = fluent_syntax::parser::parse(source.as_str()).expect("shipped files parse");
        for item in resource.body {
            if let fluent_syntax::ast::Entry::Message(message) = item {
                ids.insert(message.id.name.to_owned());
            }
        }
    }
    ids
}

fn shipped_tags() -> Vec<String> {
    std::fs::read_dir(shipped())
        .expect("read locales")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .collect()
}

/// Writes `(tag, file, text)` fixtures into a fresh folder.
fn fixture(files: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (tag, file, source) in files {
        std::fs::create_dir_all(dir.path().join(tag)).expect("locale dir");
        std::fs::write(dir.path().join(tag).join(file), source).expect("write fixture");
    }
    dir
}

/// A small locale set that satisfies every rule; each failing case changes one file.
fn valid() -> Vec<(&'static str, &'static str, &'static str)> {
    vec![
        ("zh-CN", "public.ftl", "page-hello = 你好，{ $name }\npage-bye = 再见\n"),
        ("zh-CN", "problems.ftl", "problem-x = 出错了\n"),
        ("zh-CN", "pages.ftl", "page-private = 内部\n"),
        ("en", "public.ftl", "page-hello = Hello, { $name }\npage-bye = Goodbye\n"),
        ("en", "problems.ftl", "problem-x = Something went wrong\n"),
        ("en", "pages.ftl", "page-private = Internal\n"),
        ("lo", "public.ftl", "page-hello = ສະບາຍດີ { $name }\npage-bye = ລາກ່ອນ\n"),
        ("lo", "problems.ftl", "problem-x = ມີບັນຫາ\n"),
        ("th", "public.ftl", "page-hello = สวัสดี { $name }\npage-bye = ลาก่อน\n"),
        ("th", "problems.ftl", "problem-x = มีปัญหา\n"),
        ("my", "public.ftl", "page-hello = မင်္ဂလာပါ { $name }\npage-bye = သွားတော့မယ်\n"),
        ("my", "problems.ftl", "problem-x = ပြဿနာ ရှိသည်\n"),
        ("khb", "public.ftl", "# partial\n"),
    ]
}

/// `valid()` with the file `(tag, name)` replaced by `source`.
fn valid_with(tag: &str, name: &str, source: &str) -> tempfile::TempDir {
    let mut files: Vec<(&str, &str, &str)> =
        valid().into_iter().filter(|(t, n, _)| !(*t == tag && *n == name)).collect();
    files.push((tag, name, source));
    fixture(&files)
}

fn assert_rejected(output: &Output, mentions: &[&str]) {
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "rejected with exit 2: {stderr}");
    for expected in mentions {
        assert!(stderr.contains(expected), "the report mentions {expected:?}: {stderr}");
    }
}

#[test]
fn the_shipped_locales_pass_the_stricter_check_with_coverage_per_locale() {
    let output = check(&shipped());
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let reference = ids_of("zh-CN");
    let tags = shipped_tags();
    for tag in ["zh-CN", "en", "lo", "th", "my", "khb", "hni", "lhu"] {
        assert!(tags.iter().any(|found| found == tag), "{tag} is shipped");
    }
    for tag in &tags {
        let defined = ids_of(tag).intersection(&reference).count();
        let (line, wide) =
            (format!("{tag}: {defined}/{} ", reference.len()), format!("{tag}：{defined}/{} ", reference.len()));
        assert!(stdout.contains(&line) || stdout.contains(&wide), "coverage of {tag} is {line}: {stdout}");
    }
    assert!(ids_of("khb").len() < reference.len(), "khb is partial");
    assert!(stdout.contains("    - page-login-title"), "the ids a partial locale lacks are listed: {stdout}");
}

#[test]
fn a_small_valid_set_passes_and_a_partial_locale_may_lack_messages() {
    let dir = fixture(&valid());
    let output = check(dir.path());
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("khb: 0/4") || stdout.contains("khb：0/4"), "{stdout}");
    assert!(stdout.contains("lo: 3/4") || stdout.contains("lo：3/4"), "lo may lack dashboard messages: {stdout}");
}

#[test]
fn a_syntax_error_fails_the_check_with_file_and_line() {
    let dir = valid_with("lo", "public.ftl", "page-hello = ສະບາຍດີ { $name }\npage-bye = { \n");
    assert_rejected(&check(dir.path()), &["public.ftl:2"]);
}

#[test]
fn a_key_absent_from_the_reference_fails_the_check() {
    let dir = valid_with("lo", "problems.ftl", "problem-x = ມີບັນຫາ\nproblem-only-in-lao = ບັນຫາ\n");
    assert_rejected(&check(dir.path()), &["problem-only-in-lao", "problems.ftl:2"]);
}

#[test]
fn a_public_message_missing_from_thai_fails_the_check() {
    let dir = valid_with("th", "public.ftl", "page-hello = สวัสดี { $name }\n");
    let output = check(dir.path());
    assert_rejected(&output, &["th", "page-bye"]);
    let problems = valid_with("th", "problems.ftl", "# not translated yet\n");
    assert_rejected(&check(problems.path()), &["problem-x"]);
}

#[test]
fn a_placeable_that_differs_from_the_reference_fails_the_check() {
    let dir = valid_with("my", "public.ftl", "page-hello = မင်္ဂလာပါ { $username }\npage-bye = သွားတော့မယ်\n");
    assert_rejected(&check(dir.path()), &["page-hello", "$name", "$username"]);
}

#[test]
fn a_message_missing_from_english_fails_the_check() {
    let dir = valid_with("en", "pages.ftl", "# nothing\n");
    assert_rejected(&check(dir.path()), &["en", "page-private"]);
}

async fn login_page(address: &str, query: &str) -> String {
    let response = reqwest::get(format!("{address}/login?{query}")).await.expect("get /login");
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    response.text().await.expect("html")
}

#[tokio::test]
async fn the_sign_in_page_speaks_lao_thai_and_burmese_from_their_files() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        for tag in ["lo", "th", "my"] {
            let html = login_page(&app.address, &format!("lang={tag}")).await;
            let title = message(tag, "public.ftl", "page-login-title");
            assert!(html.contains(&format!("<html lang=\"{tag}\">")), "{tag}: {html}");
            assert!(html.contains(&format!("<h1>{title}</h1>")), "{tag} title {title}: {html}");
            for id in ["page-login-username", "page-login-password"] {
                let label = message(tag, "public.ftl", id);
                assert!(html.contains(&format!(">{label}</label>")), "{tag} {id} {label}: {html}");
            }
            let name = message(tag, "public.ftl", "language-name");
            assert!(html.contains(&format!("<strong lang=\"{tag}\">{name}</strong>")), "current language marked");
        }
    }
}

#[tokio::test]
async fn accept_language_picks_burmese_and_the_switcher_lists_every_language_in_its_own_script() {
    let app = spawn_app(&crate::helpers::Backend::Sqlite).await;
    let html = reqwest::Client::new()
        .get(format!("{}/login", app.address))
        .header("accept-language", "fr, my-MM;q=0.9, en;q=0.5")
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("html");
    let title = message("my", "public.ftl", "page-login-title");
    assert!(html.contains(&format!("<h1>{title}</h1>")), "{html}");
    for tag in shipped_tags().iter().filter(|tag| *tag != "my") {
        let name = message(tag, "public.ftl", "language-name");
        let link = format!("<a href=\"?lang={tag}\" lang=\"{tag}\" hreflang=\"{tag}\">{name}</a>");
        assert!(html.contains(&link), "{link} in {html}");
    }
    let label = message("my", "public.ftl", "page-languages-label");
    assert!(html.contains(&format!("<nav class=\"languages\" aria-label=\"{label}\">")), "{html}");
}

#[tokio::test]
async fn partial_locales_fall_back_to_chinese_and_never_show_a_message_id() {
    let app = spawn_app(&crate::helpers::Backend::Sqlite).await;
    let ids = ids_of("zh-CN");
    let chinese_title = message("zh-CN", "public.ftl", "page-login-title");
    for tag in ["khb", "hni", "lhu"] {
        let html = login_page(&app.address, &format!("lang={tag}")).await;
        assert!(html.contains(&format!("<html lang=\"{tag}\">")), "{tag} is chosen: {html}");
        let shown: Vec<&String> = ids.iter().filter(|id| html.contains(id.as_str())).collect();
        assert!(shown.is_empty(), "{tag} shows message ids {shown:?}: {html}");
        let own = messages(tag, "public.ftl");
        let title = own
            .iter()
            .find(|(id, _)| id == "page-login-title")
            .map_or(chinese_title.clone(), |(_, value)| value.clone());
        assert!(html.contains(&format!("<h1>{title}</h1>")), "{tag} title {title}: {html}");
        let name = message(tag, "public.ftl", "language-name");
        assert!(html.contains(&format!("<strong lang=\"{tag}\">{name}</strong>")), "{tag} names itself: {html}");
    }
}

#[tokio::test]
async fn api_problems_are_localized_in_thai_too() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let response =
            app.anonymous.get(format!("{}/api/v1/auth/me?lang=th", app.address)).send().await.expect("request");
        assert_eq!(response.status(), reqwest::StatusCode::UNAUTHORIZED);
        let problem: serde_json::Value = response.json().await.expect("problem+json");
        assert_eq!(problem["title"], message("th", "problems.ftl", "problem-unauthenticated-title"));
        assert_eq!(problem["detail"], message("th", "problems.ftl", "problem-unauthenticated-detail"));
    }
}
