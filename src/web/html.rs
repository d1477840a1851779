//! Small HTML helpers: escaping, the page frame, the stylesheet.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// A whole page: `title` and `lang` are escaped here, `body` must already be safe HTML.
pub fn page(status: StatusCode, lang: &str, title: &str, body: &str) -> HttpResponse {
    let html = format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<link rel=\"stylesheet\" href=\"/static/app.css\">\n</head>\n\
         <body>\n<main>\n{body}\n</main>\n</body>\n</html>\n",
        lang = escape(lang),
        title = escape(title),
    );
    HttpResponse::build(status).insert_header((CONTENT_TYPE, "text/html; charset=utf-8")).body(html)
}

const STYLESHEET: &str = "body{font-family:system-ui,'Noto Sans','Noto Sans SC',sans-serif;margin:0;padding:1rem;}\
main{max-width:28rem;margin:0 auto;}label{display:block;margin:.75rem 0 .25rem;}\
input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;}\
button{margin-top:1rem;padding:.6rem 1.2rem;font-size:1rem;}.error{color:#a40000;}\
.languages{text-align:right;font-size:.9rem;}";

pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "public, max-age=3600"))
        .body(STYLESHEET)
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
