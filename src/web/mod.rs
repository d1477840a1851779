//! Server-rendered pages. For now the sign-in page; forms posted with the session cookie carry
//! a CSRF token (double-submit: a random cookie value repeated in a hidden field).

mod assets;
mod charts;
mod dashboard;
mod field;
mod html;
mod login;
mod map;
mod outreach;
mod outreach_forms;
mod records;
mod report;
mod village_page;

use actix_web::web;

/// Registers the page routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(dashboard::show))
        .route("/login", web::get().to(login::show))
        .route("/login", web::post().to(login::submit))
        .route("/logout", web::post().to(login::logout))
        .route("/map", web::get().to(map::show))
        .route("/field", web::get().to(field::show))
        .route("/field/sw.js", web::get().to(field::service_worker))
        .route("/static/field.js", web::get().to(field::field_script))
        .route("/static/field.css", web::get().to(field::field_stylesheet))
        .route("/charts/border-strip.svg", web::get().to(charts::border_strip))
        .route("/villages", web::get().to(records::villages::list))
        .route("/villages/{id}", web::get().to(records::villages::show))
        .route("/posts", web::get().to(records::posts::list))
        .route("/posts/{id}", web::get().to(records::posts::show))
        .route("/departments", web::get().to(records::departments::list))
        .route("/departments/{id}", web::get().to(records::departments::show))
        .route("/linkages", web::get().to(records::linkages::list))
        .route("/linkages/overdue", web::get().to(records::overdue::show))
        .route("/linkages/{id}", web::get().to(records::linkages::show))
        .route("/visits", web::get().to(records::visits::list))
        .route("/incidents", web::get().to(records::incidents::list))
        .route("/incidents/{id}", web::get().to(records::incidents::show))
        .route("/outreach", web::get().to(outreach::coverage::show))
        .route("/outreach/sessions", web::get().to(outreach::sessions::list))
        .route("/outreach/teams", web::get().to(outreach::teams::list))
        .route("/outreach/teams/{id}", web::get().to(outreach::teams::show))
        .route("/outreach/sessions/new", web::get().to(outreach_forms::new_form))
        .route("/outreach/sessions/new", web::post().to(outreach_forms::new_submit))
        .route("/outreach/sessions/{id}", web::get().to(outreach_forms::show))
        .route("/outreach/sessions/{id}/held", web::post().to(outreach_forms::held))
        .route("/outreach/sessions/{id}/cancel", web::post().to(outreach_forms::cancel))
        .route("/reports/yearly", web::get().to(report::yearly))
        .route("/v/{code}", web::get().to(village_page::show))
        .route("/static/report.css", web::get().to(report::stylesheet))
        .route("/static/notice.css", web::get().to(village_page::notice_stylesheet))
        .route("/static/app.css", web::get().to(html::stylesheet))
        .route("/static/outreach-forms.css", web::get().to(outreach_forms::stylesheet))
        .route("/static/map.js", web::get().to(assets::map_script))
        .route("/static/map.css", web::get().to(assets::map_stylesheet))
        .route("/static/vendor/{file:.*}", web::get().to(assets::vendor));
}
