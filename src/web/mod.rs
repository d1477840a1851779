//! Server-rendered pages. For now the sign-in page; forms posted with the session cookie carry
//! a CSRF token (double-submit: a random cookie value repeated in a hidden field).

mod assets;
mod charts;
mod dashboard;
mod html;
mod login;
mod map;

use actix_web::web;

/// Registers the page routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(dashboard::show))
        .route("/login", web::get().to(login::show))
        .route("/login", web::post().to(login::submit))
        .route("/logout", web::post().to(login::logout))
        .route("/map", web::get().to(map::show))
        .route("/charts/border-strip.svg", web::get().to(charts::border_strip))
        .route("/static/app.css", web::get().to(html::stylesheet))
        .route("/static/map.js", web::get().to(assets::map_script))
        .route("/static/map.css", web::get().to(assets::map_stylesheet))
        .route("/static/vendor/{file:.*}", web::get().to(assets::vendor));
}
