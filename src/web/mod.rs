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

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use unic_langid::LanguageIdentifier;

    use crate::i18n::Localizer;

    fn templates_below(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("templates").flatten() {
            let path = entry.path();
            if path.is_dir() {
                templates_below(&path, found);
            } else {
                found.push(path);
            }
        }
    }

    /// The architecture test scans Rust sources, not templates: every `t.get("…")` id in any
    /// page template must exist in zh-CN and en.
    #[test]
    fn every_message_id_in_the_page_templates_exists() {
        let localizer = Localizer::global();
        let mut templates = Vec::new();
        templates_below(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web/templates"), &mut templates);
        let mut used = 0;
        for path in templates {
            let text = std::fs::read_to_string(&path).expect("read");
            for id in text.split("t.get(\"").skip(1).filter_map(|rest| rest.split('"').next()) {
                used += 1;
                for tag in ["zh-CN", "en"] {
                    let lang: LanguageIdentifier = tag.parse().expect("tag");
                    assert!(
                        localizer.message_ids(&lang).iter().any(|known| known == id),
                        "{}: {id} is missing from {tag}",
                        path.display()
                    );
                }
            }
        }
        assert!(used > 100, "the templates use their texts through t.get ({used})");
    }
}
