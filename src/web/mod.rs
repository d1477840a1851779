//! Server-rendered pages. For now the sign-in page; forms posted with the session cookie carry
//! a CSRF token (double-submit: a random cookie value repeated in a hidden field).

mod dashboard;
mod html;
mod login;

use actix_web::web;

/// Registers the page routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(dashboard::show))
        .route("/login", web::get().to(login::show))
        .route("/login", web::post().to(login::submit))
        .route("/logout", web::post().to(login::logout))
        .route("/static/app.css", web::get().to(html::stylesheet));
}
