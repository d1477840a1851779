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
    }
}
