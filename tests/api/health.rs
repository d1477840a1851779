//! `/healthz`: 200 while the database answers, 503 problem+json when it does not.

use crate::helpers::{backends, spawn_app};

#[tokio::test]
async fn healthz_answers_ok_with_the_backend() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        let (status, _, body) = app.get_json("/healthz").await;
        assert_eq!(status, 200);
        assert_eq!(body["status"], "ok");
        assert_eq!(body["backend"], app.backend);
    }
}

#[tokio::test]
async fn healthz_is_503_when_the_database_is_gone() {
    for backend in backends() {
        let app = spawn_app(&backend).await;
        app.db.close_by_ref().await.expect("close the pool");
        let (status, content_type, body) = app.get_json("/healthz").await;
        assert_eq!(status, 503, "{}", app.backend);
        assert_eq!(content_type, "application/problem+json");
        assert_eq!(body["status"], 503);
        assert_eq!(body["title"], "服务暂不可用");
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app(&crate::helpers::Backend::Sqlite).await;
    for path in ["/healthz", "/api/v1/villages", "/api/v1/nowhere"] {
        let response = app.anonymous.get(format!("{}{path}", app.address)).send().await.expect("get");
        let header =
            |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        let csp = header("content-security-policy");
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"));
        assert_eq!(header("x-content-type-options"), "nosniff");
        assert_eq!(header("referrer-policy"), "no-referrer");
        if path == "/api/v1/villages" {
            assert_eq!(response.status(), 401);
            assert!(header("www-authenticate").starts_with("Bearer"), "a 401 names its scheme");
        }
    }
}

#[tokio::test]
async fn the_sign_in_page_sets_a_session_cookie_behind_a_csrf_check() {
    let app = spawn_app(&crate::helpers::Backend::Sqlite).await;
    crate::helpers::token_for(&app.db, "page.user", "official", "532801").await;
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let form = browser.get(format!("{}/login?lang=en", app.address)).send().await.expect("get");
    assert_eq!(form.status(), 200);
    let html = form.text().await.expect("html");
    assert!(html.contains("<form method=\"post\" action=\"/login\">") && html.contains("Sign in"), "{html}");
    let csrf = html
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a csrf field")
        .to_owned();

    let forged = browser
        .post(format!("{}/login", app.address))
        .form(&[
            ("csrf", "0".repeat(64).as_str()),
            ("username", "page.user"),
            ("password", crate::helpers::TEST_PASSWORD),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(forged.status(), 403, "a wrong CSRF token is refused");

    let wrong = browser
        .post(format!("{}/login?lang=en", app.address))
        .form(&[("csrf", csrf.as_str()), ("username", "page.user"), ("password", "not the right one")])
        .send()
        .await
        .expect("post");
    assert_eq!(wrong.status(), 401);
    let page = wrong.text().await.expect("html");
    assert!(page.contains("The user name or the password is wrong") && page.contains("value=\"page.user\""), "{page}");

    let signed_in = browser
        .post(format!("{}/login", app.address))
        .form(&[("csrf", csrf.as_str()), ("username", "page.user"), ("password", crate::helpers::TEST_PASSWORD)])
        .send()
        .await
        .expect("post");
    assert_eq!(signed_in.status(), 303);
    let me = browser.get(format!("{}/api/v1/auth/me", app.address)).send().await.expect("me");
    assert_eq!(me.status(), 200, "the session cookie authenticates");
    let logout =
        browser.post(format!("{}/logout", app.address)).form(&[("csrf", csrf.as_str())]).send().await.expect("post");
    assert_eq!(logout.status(), 303);
    let after = browser.get(format!("{}/api/v1/auth/me", app.address)).send().await.expect("me");
    assert_eq!(after.status(), 401, "signed out");
}

#[tokio::test]
async fn a_language_chosen_with_lang_is_remembered_by_cookie() {
    let app = spawn_app(&crate::helpers::Backend::Sqlite).await;
    let browser = reqwest::Client::builder().cookie_store(true).build().expect("client");
    let chosen = browser
        .get(format!("{}/login?lang=en", app.address))
        .header("accept-language", "zh-CN")
        .send()
        .await
        .expect("get");
    let html = chosen.text().await.expect("html");
    assert!(
        html.contains("<html lang=\"en\">") && html.contains("href=\"?lang=zh-CN\""),
        "a switcher to Chinese: {html}"
    );
    let later =
        browser.get(format!("{}/login", app.address)).header("accept-language", "zh-CN").send().await.expect("get");
    let html = later.text().await.expect("html");
    assert!(html.contains("Sign in"), "the cookie outranks Accept-Language");
    let problem = browser.get(format!("{}/api/v1/villages", app.address)).send().await.expect("get");
    let body: serde_json::Value = problem.json().await.expect("json");
    assert_eq!(body["title"], "Sign-in required", "API problems follow the cookie too");
}
