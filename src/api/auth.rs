//! Who is calling: the `Caller` extractor (bearer token or session cookie), and the sign-in,
//! sign-out and token endpoints.

use std::future::Future;
use std::pin::Pin;

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::http::header::AUTHORIZATION;
use actix_web::{FromRequest, HttpRequest, HttpResponse, dev::Payload, web};
use serde::Deserialize;
use serde_json::json;

use super::ApiError;
use crate::domain::auth::Action;
use crate::services::auth::{self, Principal};
use crate::startup::AppState;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "banna_session";

/// The caller of a request: a principal, or `None` for the anonymous public.
pub struct Caller(pub Option<Principal>);

impl Caller {
    pub fn principal(&self) -> Option<&Principal> {
        self.0.as_ref()
    }
}

fn secret_of(req: &HttpRequest) -> Option<String> {
    let bearer = req
        .headers()
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(|secret| secret.trim().to_owned());
    bearer.or_else(|| req.cookie(SESSION_COOKIE).map(|cookie| cookie.value().to_owned()))
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Caller, ApiError>>>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let secret = secret_of(req);
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move {
            let (Some(secret), Some(state)) = (secret, state) else { return Ok(Caller(None)) };
            // A secret that matches nothing is treated as no credentials (401 where needed).
            Ok(Caller(auth::authenticate(&state.db, &secret).await?))
        })
    }
}

#[derive(Deserialize)]
pub struct LoginBody {
    username: String,
    password: String,
}

/// A cookie of this site: HttpOnly, SameSite=Strict, Secure when the request came over TLS.
pub fn site_cookie(req: &HttpRequest, name: &'static str, value: String) -> Cookie<'static> {
    let secure = req.connection_info().scheme() == "https";
    Cookie::build(name, value).path("/").http_only(true).same_site(SameSite::Strict).secure(secure).finish()
}

/// The session cookie, lasting as long as the session.
pub fn session_cookie(req: &HttpRequest, secret: String) -> Cookie<'static> {
    let mut cookie = site_cookie(req, SESSION_COOKIE, secret);
    cookie.set_max_age(CookieDuration::hours(auth::SESSION_HOURS));
    cookie
}

/// `POST /api/v1/auth/login`: `{"username","password"}` → a bearer token in JSON and the
/// session cookie.
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<LoginBody>,
) -> Result<HttpResponse, ApiError> {
    auth::authorize(None, Action::Login)?;
    let address = req.peer_addr().map(|address| address.ip().to_string()).unwrap_or_default();
    let issued = auth::login(&state.db, &body.username, &body.password, &address).await?;
    let cookie = session_cookie(&req, issued.secret.clone());
    Ok(HttpResponse::Ok()
        .cookie(cookie)
        .json(json!({ "token": issued.secret, "token_type": "Bearer", "expires_at": issued.expires_at })))
}

/// `POST /api/v1/auth/logout`: ends the session (or revokes the token) used for the request.
pub async fn logout(req: HttpRequest, state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    let principal = auth::require(caller.principal(), Action::Logout)?;
    auth::logout(&state.db, principal).await?;
    let mut expired = site_cookie(&req, SESSION_COOKIE, String::new());
    expired.make_removal();
    Ok(HttpResponse::NoContent().cookie(expired).finish())
}

/// `GET /api/v1/auth/me`.
pub async fn me(caller: Caller) -> Result<HttpResponse, ApiError> {
    let principal = auth::require(caller.principal(), Action::ReadOwnAccount)?;
    Ok(HttpResponse::Ok().json(json!({
        "id": principal.user_id,
        "username": principal.username,
        "role": principal.role.code(),
        "department_id": principal.department_id,
    })))
}

#[derive(Deserialize)]
pub struct NewToken {
    name: String,
}

/// `POST /api/v1/auth/tokens`: a new API token, its secret shown once.
pub async fn create_token(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewToken>,
) -> Result<HttpResponse, ApiError> {
    let principal = auth::require(caller.principal(), Action::ManageOwnTokens)?;
    let issued = auth::create_token(&state.db, principal, body.name.trim()).await?;
    Ok(HttpResponse::Created()
        .json(json!({ "id": issued.token_id, "token": issued.secret, "expires_at": issued.expires_at })))
}

/// `GET /api/v1/auth/tokens`: the caller's API tokens, without secrets.
pub async fn list_tokens(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    let principal = auth::require(caller.principal(), Action::ManageOwnTokens)?;
    Ok(HttpResponse::Ok().json(auth::list_tokens(&state.db, principal).await?))
}

/// `DELETE /api/v1/auth/tokens/{id}`.
pub async fn revoke_token(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let principal = auth::require(caller.principal(), Action::ManageOwnTokens)?;
    let id = crate::domain::paging::parse_id(&id)?;
    let id = i32::try_from(id).map_err(|_| crate::domain::DomainError::InvalidId { value: id.to_string() })?;
    auth::revoke(&state.db, principal, id).await?;
    Ok(HttpResponse::NoContent().finish())
}
