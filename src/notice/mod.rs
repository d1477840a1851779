//! The printable notice of an outreach session, pure (no actix_web, no sea_orm): the plain
//! [`Facts`] of a session and the messages of `locales/<lang>/notice.ftl` go in; a localized
//! [`View`] comes out, written as an A4 HTML page ([`html`], styled by `/static/notice.css`,
//! see [`stylesheet`]) or as an A4 SVG ([`svg::document`]).
//!
//! The notice is in the session's language, line by line: a message the language lacks is
//! taken from zh-CN and that line is marked ([`FALLBACK_MARK`]) and explained in a footnote,
//! so a partial locale such as Tai Lü (khb) still prints, honestly. Each line carries its own
//! `lang`, so the font stacks of [`font_stack`] pick Noto Sans Lao, Thai, Myanmar, New Tai Lue
//! or CJK for it, in HTML and in SVG alike.
//!
//! The QR code points at the village's stable public address ([`village_url`]): `/v/{code}`.

pub mod qr;
pub mod svg;

use std::sync::OnceLock;

use askama::Template;
use chrono::{Datelike, NaiveDateTime};
use fluent_bundle::FluentValue;
use unic_langid::LanguageIdentifier;

use crate::domain::DomainError;
use crate::i18n::Localizer;
pub use qr::Qr;

/// The mark after a line that is in Chinese because its translation is missing.
pub const FALLBACK_MARK: &str = "*";

/// How a notice is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Html,
    Svg,
}

impl Format {
    /// The formats offered, as `?format=` names them.
    pub const ALLOWED: &'static str = "html, svg";

    /// `?format=`: `html` (also when absent or empty) or `svg`.
    pub fn parse(value: Option<&str>) -> Result<Format, DomainError> {
        match value.map(str::trim).unwrap_or_default() {
            "" | "html" => Ok(Format::Html),
            "svg" => Ok(Format::Svg),
            other => Err(DomainError::UnknownFormat { value: other.to_owned(), allowed: Format::ALLOWED }),
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Html => "text/html; charset=utf-8",
            Format::Svg => "image/svg+xml; charset=utf-8",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Svg => "svg",
        }
    }
}

/// A name in Chinese and, where known, in Latin letters.
#[derive(Clone, Debug, PartialEq)]
pub struct Names {
    pub zh: String,
    pub en: Option<String>,
}

/// The village of a session.
#[derive(Clone, Debug, PartialEq)]
pub struct VillageFacts {
    pub code: String,
    pub names: Names,
    /// The village's name in a local script and the language (BCP 47) it is written in.
    pub local: Option<(String, String)>,
}

/// What a notice says about its session, as plain values.
#[derive(Clone, Debug, PartialEq)]
pub struct Facts {
    pub session_id: i32,
    /// The language the session is held in (BCP 47, e.g. `lo`, `khb`, `zh`).
    pub language: String,
    /// `planned`, `held` or `cancelled`.
    pub status: String,
    /// Start and end in the local time zone.
    pub starts_local: NaiveDateTime,
    pub ends_local: NaiveDateTime,
    pub village: VillageFacts,
    pub township: Option<Names>,
    pub county: Option<Names>,
    /// Topic codes (`anti_drug`, …) or free text.
    pub topics: Vec<String>,
    pub presenters: Vec<String>,
    pub interpreter: Option<String>,
    /// The organising team.
    pub team: Names,
    /// The absolute address the QR code opens ([`village_url`]).
    pub village_url: String,
}

/// A line of the notice: its text, the language it is written in (empty: names and other
/// data, which take the notice's) and whether it fell back to Chinese.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub text: String,
    pub lang: String,
    pub fallback: bool,
}

/// A labelled part of the notice (date, time, place, …) with one or more values.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub id: &'static str,
    pub label: Line,
    pub values: Vec<Line>,
}

/// The notice in words, in the session's language.
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    pub session_id: i32,
    /// BCP 47 tag of the notice's language (its `lang`).
    pub lang: String,
    pub title: Line,
    pub intro: Line,
    /// Said in large letters when the session was cancelled.
    pub cancelled: Option<Line>,
    pub rows: Vec<Row>,
    pub qr_caption: Line,
    pub village_url: String,
    /// `None` only for an address too long for any QR version.
    pub qr: Option<Qr>,
    /// Explains [`FALLBACK_MARK`], present when some line fell back.
    pub footnote: Option<Line>,
}

impl View {
    /// Every line of the notice, in reading order (the footnote last).
    pub fn lines(&self) -> Vec<&Line> {
        let mut lines = vec![&self.title];
        lines.extend(self.cancelled.iter());
        lines.push(&self.intro);
        for row in &self.rows {
            lines.push(&row.label);
            lines.extend(row.values.iter());
        }
        lines.push(&self.qr_caption);
        lines.extend(self.footnote.iter());
        lines
    }
}

/// The stable public address of a village, printed as the notice's QR code: `{base}/v/{code}`,
/// `base` being the configured `server.public_url` or the request's scheme and host.
pub fn village_url(base: &str, code: &str) -> String {
    let mut url = base.trim_end_matches('/').to_owned();
    url.push_str("/v/");
    for byte in code.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

/// The primary language subtag of a BCP 47 tag, lower case (`zh-CN` → `zh`).
fn primary(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase()
}

/// The locale whose messages a session in `language` is written in: the shipped locale of the
/// same language, or none (every line then falls back to Chinese and is marked).
pub fn notice_locale(localizer: &Localizer, language: &str) -> Option<LanguageIdentifier> {
    let wanted = primary(language);
    let chosen = localizer.negotiate([language]);
    (chosen.language.as_str() == wanted).then_some(chosen)
}

/// Messages of the session's language, each falling back to the reference on its own.
struct Words<'a> {
    localizer: &'a Localizer,
    locale: Option<LanguageIdentifier>,
    reference: &'a LanguageIdentifier,
    /// The session is held in Chinese: nothing can fall back.
    chinese: bool,
    lang: String,
}

impl Words<'_> {
    fn defined(&self, locale: &LanguageIdentifier, id: &str) -> bool {
        self.localizer.message_ids(locale).binary_search_by(|known| known.as_str().cmp(id)).is_ok()
    }

    fn line(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> Line {
        match &self.locale {
            Some(locale) if self.defined(locale, id) => {
                Line { text: self.localizer.format(locale, id, args), lang: self.lang.clone(), fallback: false }
            }
            _ => Line {
                text: self.localizer.format(self.reference, id, args),
                lang: self.reference.to_string(),
                fallback: !self.chinese,
            },
        }
    }

    /// Names and other data: not translated, never marked.
    fn data(&self, text: String) -> Line {
        Line { text, lang: String::new(), fallback: false }
    }

    /// Whether message `id` will be taken from Chinese for this notice.
    fn falls_back(&self, id: &str) -> bool {
        !self.locale.as_ref().is_some_and(|locale| self.defined(locale, id))
    }

    /// A name as the notice writes it: Chinese in a Chinese line, else the Latin name with
    /// the Chinese one (the name on the signposts) in brackets.
    fn name(&self, names: &Names, chinese_line: bool) -> String {
        match &names.en {
            Some(en) if !chinese_line && !en.trim().is_empty() && *en != names.zh => format!("{en} ({})", names.zh),
            _ => names.zh.clone(),
        }
    }
}

/// Builds the notice of a session in its language.
pub fn view(facts: &Facts, localizer: &Localizer) -> View {
    let locale = notice_locale(localizer, &facts.language);
    let language = primary(&facts.language);
    let words = Words {
        localizer,
        lang: locale.as_ref().map_or_else(|| facts.language.clone(), ToString::to_string),
        locale,
        reference: localizer.default_locale(),
        chinese: language == "zh",
    };
    let start = facts.starts_local;
    let date = words.line(
        "notice-date",
        &[
            ("year", FluentValue::from(start.year())),
            ("month", FluentValue::from(start.month())),
            ("day", FluentValue::from(start.day())),
            ("weekday", FluentValue::from(start.weekday().number_from_monday())),
        ],
    );
    let time = words.line(
        "notice-time",
        &[
            ("start", FluentValue::from(start.format("%H:%M").to_string())),
            ("end", FluentValue::from(facts.ends_local.format("%H:%M").to_string())),
        ],
    );
    // A place line that falls back is a Chinese sentence: it names the places in Chinese.
    let place_id = if facts.township.is_some() { "notice-place" } else { "notice-place-county" };
    let chinese_place = words.chinese || words.falls_back(place_id);
    let mut village = Vec::new();
    if let Some((local, local_lang)) = &facts.village.local
        && primary(local_lang) == language
        && !words.chinese
    {
        village.push(local.clone());
    }
    village.push(words.name(&facts.village.names, chinese_place));
    let village = village.join(" · ");
    let county = facts.county.as_ref().map(|county| words.name(county, chinese_place)).unwrap_or_default();
    let mut place_args = vec![("village", FluentValue::from(village)), ("county", FluentValue::from(county))];
    if let Some(township) = &facts.township {
        place_args.push(("township", FluentValue::from(words.name(township, chinese_place))));
    }
    let place = words.line(place_id, &place_args);
    let topics = facts
        .topics
        .iter()
        .map(|topic| {
            let id = format!("notice-topic-{topic}");
            if words.defined(words.reference, &id) { words.line(&id, &[]) } else { words.data(topic.clone()) }
        })
        .collect();
    let presenters = if facts.presenters.is_empty() {
        vec![words.line("notice-presenters-none", &[])]
    } else {
        facts.presenters.iter().map(|name| words.data(name.clone())).collect()
    };
    let language_name = match &words.locale {
        Some(locale) => {
            Line { text: localizer.text(locale, "language-name"), lang: words.lang.clone(), fallback: false }
        }
        None => words.data(facts.language.clone()),
    };
    let row = |id: &'static str, label: &str, values: Vec<Line>| Row { id, label: words.line(label, &[]), values };
    let mut rows = vec![
        row("date", "notice-date-label", vec![date]),
        row("time", "notice-time-label", vec![time]),
        row("place", "notice-place-label", vec![place]),
        row("topics", "notice-topics-label", topics),
        row("presenters", "notice-presenters-label", presenters),
    ];
    if let Some(interpreter) = facts.interpreter.as_ref().filter(|name| !name.trim().is_empty()) {
        rows.push(row("interpreter", "notice-interpreter-label", vec![words.data(interpreter.clone())]));
    }
    rows.push(row("team", "notice-team-label", vec![words.data(words.name(&facts.team, words.chinese))]));
    rows.push(row("language", "notice-language-label", vec![language_name]));
    let mut view = View {
        session_id: facts.session_id,
        lang: words.lang.clone(),
        title: words.line("notice-title", &[]),
        intro: words.line("notice-intro", &[]),
        cancelled: (facts.status == "cancelled").then(|| words.line("notice-cancelled", &[])),
        rows,
        qr_caption: words.line("notice-qr-caption", &[]),
        village_url: facts.village_url.clone(),
        qr: Qr::encode(&facts.village_url),
        footnote: None,
    };
    if view.lines().iter().any(|line| line.fallback) {
        let mut note = words.line("notice-fallback-note", &[]);
        // The footnote explains the mark; it is not itself marked.
        note.fallback = false;
        view.footnote = Some(note);
    }
    view
}

/// Font families for each script, the Noto family first. [`font_stack`] ends every stack
/// with all of them, so a line mixing scripts (a Lao line naming a Chinese village) finds a
/// font for each glyph.
const SCRIPT_FONTS: [(&str, &str); 5] = [
    ("zh", "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','Microsoft YaHei'"),
    ("lo", "'Noto Sans Lao','Noto Sans Lao UI','Phetsarath OT','Lao UI'"),
    ("th", "'Noto Sans Thai','Noto Sans Thai UI','Leelawadee UI','Tahoma'"),
    ("my", "'Noto Sans Myanmar','Noto Sans Myanmar UI','Myanmar Text','Padauk'"),
    ("khb", "'Noto Sans New Tai Lue','Microsoft New Tai Lue'"),
];

const EVERY_SCRIPT: &str = "'Noto Sans','Noto Sans CJK SC','Noto Sans Lao','Noto Sans Thai','Noto Sans Myanmar',\
'Noto Sans New Tai Lue',sans-serif";

/// The CSS font-family stack of text in language `lang` (BCP 47).
pub fn font_stack(lang: &str) -> String {
    let language = primary(lang);
    match SCRIPT_FONTS.iter().find(|(tag, _)| *tag == language) {
        Some((_, fonts)) => format!("{fonts},{EVERY_SCRIPT}"),
        None => EVERY_SCRIPT.to_owned(),
    }
}

/// `/static/notice.css`: the sheet (A4 on paper, a sheet on grey on screen) and a
/// `:lang()` rule per script with the stacks of [`font_stack`], which the SVG uses too.
pub fn stylesheet() -> &'static str {
    static SHEET: OnceLock<String> = OnceLock::new();
    SHEET.get_or_init(|| {
        let mut sheet = include_str!("notice.css").to_owned();
        sheet.push_str(&format!(".notice{{font-family:{};}}\n", font_stack("")));
        for (tag, _) in SCRIPT_FONTS {
            sheet.push_str(&format!(".notice:lang({tag}),.notice :lang({tag}){{font-family:{};}}\n", font_stack(tag)));
        }
        sheet
    })
}

#[derive(Template)]
#[template(path = "notice.html")]
struct Page<'a> {
    view: &'a View,
    qr_svg: String,
    mark: &'static str,
}

/// The notice as a standalone HTML page (no script, no inline style: the site's CSP holds).
pub fn html(view: &View) -> Result<String, askama::Error> {
    let qr_svg = view
        .qr
        .as_ref()
        .map(|qr| qr.svg("class=\"qr-code\" width=\"100%\" height=\"100%\"", &svg::escape(&view.village_url)))
        .unwrap_or_default();
    Page { view, qr_svg, mark: FALLBACK_MARK }.render()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono::NaiveDate;

    use super::*;

    fn facts(language: &str) -> Facts {
        let at =
            |hour| NaiveDate::from_ymd_opt(2027, 1, 12).and_then(|day| day.and_hms_opt(hour, 30, 0)).expect("time");
        Facts {
            session_id: 7,
            language: language.to_owned(),
            status: "planned".to_owned(),
            starts_local: at(9),
            ends_local: at(11),
            village: VillageFacts {
                code: "532822100201".to_owned(),
                names: Names { zh: "曼山".to_owned(), en: Some("Manshan".to_owned()) },
                local: None,
            },
            township: Some(Names { zh: "打洛镇".to_owned(), en: Some("Daluo".to_owned()) }),
            county: Some(Names { zh: "勐海县".to_owned(), en: Some("Menghai".to_owned()) }),
            topics: vec!["anti_drug".to_owned(), "bring your ID card".to_owned()],
            presenters: vec!["岩温".to_owned()],
            interpreter: None,
            team: Names { zh: "勐海县普法宣讲队".to_owned(), en: Some("Menghai outreach team".to_owned()) },
            village_url: village_url("https://banna.example.org/", "532822100201"),
        }
    }

    /// A reference and a partial locale: `xx` lacks the time and place messages.
    fn localizer() -> Localizer {
        let zh = "language-name = 中文\nnotice-title = 通知\nnotice-intro = 欢迎\n\
                  notice-date = {$year}年{$month}月{$day}日 周{$weekday}\nnotice-time = {$start}至{$end}\n\
                  notice-place = {$county}{$township}{$village}\nnotice-place-county = {$county}{$village}\n\
                  notice-topic-anti_drug = 禁毒\nnotice-presenters-none = 待定\nnotice-cancelled = 取消\n\
                  notice-qr-caption = 扫码\nnotice-fallback-note = 中文行\n\
                  notice-date-label = 日期\nnotice-time-label = 时间\nnotice-place-label = 地点\n\
                  notice-topics-label = 内容\nnotice-presenters-label = 宣讲人\nnotice-team-label = 主办\n\
                  notice-language-label = 语言\nnotice-interpreter-label = 翻译\n";
        let en = "language-name = English\nnotice-title = Notice\nnotice-intro = Welcome\n\
                  notice-date = {$weekday}/{$day}/{$month}/{$year}\nnotice-topic-anti_drug = Drugs\n\
                  notice-qr-caption = Scan\nnotice-fallback-note = Chinese line\n\
                  notice-date-label = Date\nnotice-topics-label = Topics\n";
        let mut files = BTreeMap::new();
        files.insert("zh-CN".to_owned(), vec![("zh-CN/notice.ftl".to_owned(), zh.to_owned())]);
        files.insert("en".to_owned(), vec![("en/notice.ftl".to_owned(), en.to_owned())]);
        Localizer::from_sources(files).expect("valid sources")
    }

    #[test]
    fn a_missing_message_falls_back_to_chinese_and_only_that_line_is_marked() {
        let view = view(&facts("en"), &localizer());
        assert_eq!(view.lang, "en");
        assert_eq!(view.title, Line { text: "Notice".to_owned(), lang: "en".to_owned(), fallback: false });
        let row = |id: &str| view.rows.iter().find(|row| row.id == id).expect("row").clone();
        assert_eq!(row("date").values[0].text, "2/12/1/2027", "Tuesday 12 January 2027");
        assert!(!row("date").label.fallback && !row("date").values[0].fallback);
        let time = row("time");
        assert_eq!(time.values[0], Line { text: "09:30至11:30".to_owned(), lang: "zh-CN".to_owned(), fallback: true });
        assert!(time.label.fallback, "the time label is missing in en too");
        assert_eq!(row("place").values[0].text, "勐海县打洛镇曼山", "a Chinese line names the places in Chinese");
        assert!(row("place").values[0].fallback);
        let topics = row("topics");
        assert_eq!(topics.values[0].text, "Drugs");
        assert_eq!(
            topics.values[1],
            Line { text: "bring your ID card".to_owned(), lang: String::new(), fallback: false }
        );
        assert_eq!(row("presenters").values[0].text, "岩温");
        assert_eq!(row("team").values[0].text, "Menghai outreach team (勐海县普法宣讲队)");
        assert_eq!(row("language").values[0].text, "English");
        let footnote = view.footnote.expect("a line fell back");
        assert_eq!(footnote.text, "Chinese line");
        assert_eq!(view.cancelled, None);
    }

    #[test]
    fn a_chinese_session_never_marks_a_line() {
        let view = view(&facts("zh"), &localizer());
        assert_eq!(view.lang, "zh-CN");
        assert!(view.lines().iter().all(|line| !line.fallback));
        assert_eq!(view.footnote, None);
        let place = &view.rows[2].values[0].text;
        assert_eq!(place, "勐海县打洛镇曼山");
    }

    #[test]
    fn a_language_without_a_locale_is_wholly_in_chinese_and_marked() {
        let mut akha = facts("ahk");
        akha.status = "cancelled".to_owned();
        akha.township = None;
        let view = view(&akha, &localizer());
        assert_eq!(view.lang, "ahk");
        assert!(view.title.fallback && view.title.text == "通知");
        assert!(view.cancelled.as_ref().is_some_and(|line| line.fallback && line.text == "取消"));
        assert_eq!(view.rows[2].values[0].text, "勐海县曼山", "no township: the county form");
        assert_eq!(view.rows.iter().find(|row| row.id == "language").expect("row").values[0].text, "ahk");
        assert!(view.footnote.is_some());
    }

    #[test]
    fn the_local_name_leads_when_it_is_in_the_session_language() {
        let mut lue = facts("en");
        lue.village.local = Some(("Local".to_owned(), "en".to_owned()));
        let view = view(&lue, &localizer());
        assert!(view.rows[2].values[0].text.ends_with("Local · 曼山"), "{:?}", view.rows[2]);
    }

    #[test]
    fn the_village_address_is_stable_and_escaped() {
        assert_eq!(
            village_url("https://banna.example.org/", "532822100201"),
            "https://banna.example.org/v/532822100201"
        );
        assert_eq!(village_url("http://127.0.0.1:8080", "a b/c"), "http://127.0.0.1:8080/v/a%20b%2Fc");
    }

    #[test]
    fn formats_are_html_by_default_or_svg() {
        assert_eq!(Format::parse(None), Ok(Format::Html));
        assert_eq!(Format::parse(Some("")), Ok(Format::Html));
        assert_eq!(Format::parse(Some("svg")), Ok(Format::Svg));
        assert!(matches!(Format::parse(Some("pdf")), Err(DomainError::UnknownFormat { value, .. }) if value == "pdf"));
    }

    #[test]
    fn each_script_gets_its_noto_family_first_and_the_others_after() {
        for (tag, family) in [
            ("lo", "Noto Sans Lao"),
            ("th", "Noto Sans Thai"),
            ("my", "Noto Sans Myanmar"),
            ("khb", "Noto Sans New Tai Lue"),
            ("zh-CN", "Noto Sans CJK SC"),
        ] {
            let stack = font_stack(tag);
            assert!(stack.starts_with(&format!("'{family}'")), "{tag}: {stack}");
            for other in ["Noto Sans CJK SC", "Noto Sans Lao", "Noto Sans Myanmar", "Noto Sans New Tai Lue"] {
                assert!(stack.contains(other), "{tag} falls back to {other}");
            }
            assert!(stylesheet().contains(&format!(":lang({})", primary(tag))));
        }
    }

    #[test]
    fn the_html_page_marks_fallen_back_lines_and_carries_the_code() {
        let view = view(&facts("en"), &localizer());
        let page = html(&view).expect("renders");
        assert!(page.contains("<html lang=\"en\">"));
        assert!(page.contains("href=\"/static/notice.css\""));
        assert!(page.contains("<span lang=\"zh-CN\">09:30至11:30</span><sup class=\"fallback-mark\""), "{page}");
        assert!(page.contains("id=\"qr-code\""));
        assert!(page.contains("https://banna.example.org/v/532822100201"));
        assert!(!page.contains("style=") && !page.contains("<style") && !page.contains("<script"), "CSP: {page}");
    }
}
