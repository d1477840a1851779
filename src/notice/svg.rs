//! The notice as an A4 SVG document: 210 × 297 mm, one user unit per millimetre. SVG does not
//! wrap text, so lines are broken here on an estimate of each character's advance (generous,
//! so a line never runs off the sheet): at spaces, between Chinese characters, and inside a
//! word only where no mark or prefix vowel would be cut from its letter. When the content
//! would reach the QR code, every size shrinks a step until it fits.
//!
//! Only presentation attributes are used (no `<style>`, no `style=`), so the document obeys
//! the site's Content-Security-Policy when opened on its own.

use super::{FALLBACK_MARK, Line, View, font_stack};

pub const WIDTH_MM: f64 = 210.0;
pub const HEIGHT_MM: f64 = 297.0;

const LEFT_MM: f64 = 18.0;
const TEXT_WIDTH_MM: f64 = WIDTH_MM - 2.0 * LEFT_MM;
const BOTTOM_MM: f64 = HEIGHT_MM - 12.0;
const QR_MM: f64 = 46.0;
const ACCENT: &str = "#1a4d8f";
const ALERT: &str = "#a40000";
const MONO: &str = "'Noto Sans Mono','DejaVu Sans Mono',monospace";

/// Escapes text for an XML attribute or text node.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Estimated advance of a character, in em (generous: Noto's glyphs are narrower).
fn advance_em(c: char) -> f64 {
    match u32::from(c) {
        // Combining marks: Latin, zero-width joiners, Thai, Lao, Myanmar.
        0x0300..=0x036F | 0x200B..=0x200D | 0xFE00..=0xFE0F => 0.0,
        0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E => 0.0,
        0x0EB1 | 0x0EB4..=0x0EBC | 0x0EC8..=0x0ECD => 0.0,
        0x102D..=0x1030 | 0x1032..=0x1037 | 0x1039..=0x103A | 0x103D..=0x103E | 0x1058..=0x1059 => 0.0,
        0x105E..=0x1060 | 0x1071..=0x1074 | 0x1082 | 0x1085..=0x1086 | 0x108D | 0x109D => 0.0,
        0x103B..=0x103C => 0.35,
        0x1000..=0x109F => 0.8,
        0x1980..=0x19DF => 0.8,
        0x0E00..=0x0EFF => 0.65,
        0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFF60 | 0xAC00..=0xD7AF => 1.0,
        0x20 => 0.3,
        0x30..=0x39 | 0x41..=0x5A => 0.68,
        0x61..=0x7A => 0.58,
        0x21..=0x7E => 0.45,
        _ => 0.7,
    }
}

/// Width of a text in em.
fn width_em(text: &str) -> f64 {
    text.chars().map(advance_em).sum()
}

/// Chinese and other full-width characters: a line may break before and after each.
fn is_wide(c: char) -> bool {
    matches!(u32::from(c), 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFF60)
}

/// Punctuation that must not start a line.
fn is_closing(c: char) -> bool {
    "，。、；：！？）》」』】〕,.;:!?)]}%·".contains(c)
}

/// Characters that must not end a line: opening brackets, prefix vowels written before their
/// consonant (Thai, Lao, New Tai Lue) and the Myanmar stacker.
fn binds_next(c: char) -> bool {
    "（《「『【〔([{".contains(c)
        || matches!(u32::from(c), 0x0E40..=0x0E44 | 0x0EC0..=0x0EC4 | 0x19B5..=0x19B7 | 0x19BA | 0x1039)
}

/// Whether a character belongs to the one before it (a mark, a medial, a dependent vowel).
fn binds_previous(c: char) -> bool {
    advance_em(c) == 0.0
        || matches!(u32::from(c), 0x102B..=0x103E | 0x1056..=0x1059 | 0x1062..=0x1064 | 0x1067..=0x106D)
}

/// Pieces of text between which a line may break.
fn tokens(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut previous: Option<char> = None;
    for c in text.chars() {
        let may_break = match previous {
            None => false,
            Some(before) => {
                !is_closing(c) && !binds_next(before) && !binds_previous(c) && (is_wide(c) || is_wide(before))
            }
        };
        if may_break && !current.is_empty() {
            tokens.push(std::mem::take(&mut current));
        }
        current.push(c);
        if c.is_whitespace() {
            tokens.push(std::mem::take(&mut current));
        }
        previous = Some(c);
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
}

/// Breaks `text` into lines at most `max_em` wide (a single character wider than that still
/// gets its line).
pub fn wrap(text: &str, max_em: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut width = 0.0;
    let flush = |line: &mut String, width: &mut f64, lines: &mut Vec<String>| {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            lines.push(trimmed.to_owned());
        }
        line.clear();
        *width = 0.0;
    };
    for token in tokens(text) {
        let visible = width_em(token.trim_end());
        if width + visible > max_em && !line.trim().is_empty() {
            flush(&mut line, &mut width, &mut lines);
        }
        if visible <= max_em {
            width += width_em(&token);
            line.push_str(&token);
            continue;
        }
        // A word wider than the line: break it between letters.
        let mut previous: Option<char> = None;
        for c in token.chars() {
            let advance = advance_em(c);
            let breakable = previous.is_some_and(|before| !binds_next(before)) && !binds_previous(c);
            if breakable && width + advance > max_em && !line.trim().is_empty() {
                flush(&mut line, &mut width, &mut lines);
            }
            line.push(c);
            width += advance;
            previous = Some(c);
        }
    }
    flush(&mut line, &mut width, &mut lines);
    lines
}

/// Line height of a language, in em: Myanmar's stacked letters need more room.
fn leading(lang: &str) -> f64 {
    if lang.starts_with("my") { 1.75 } else { 1.4 }
}

/// Where and how a line is written.
struct Style {
    size: f64,
    fill: &'static str,
    bold: bool,
    width: f64,
}

/// Writes the elements of a page from the top down.
struct Page<'a> {
    view: &'a View,
    out: String,
    y: f64,
}

impl Page<'_> {
    /// The language a line is written in: its own, or the notice's for data.
    fn lang_of<'b>(&'b self, line: &'b Line) -> &'b str {
        if line.lang.is_empty() { &self.view.lang } else { &line.lang }
    }

    /// One line of the notice, wrapped, at the current height; the mark after its last piece.
    fn line(&mut self, line: &Line, style: &Style) {
        let lang = self.lang_of(line).to_owned();
        let pieces = wrap(&line.text, style.width / style.size);
        let count = pieces.len();
        for (index, piece) in pieces.into_iter().enumerate() {
            self.y += style.size * leading(&lang);
            let mark = if line.fallback && index + 1 == count {
                format!("<tspan fill=\"{ALERT}\" font-weight=\"bold\" dx=\"0.6\">{FALLBACK_MARK}</tspan>")
            } else {
                String::new()
            };
            self.out.push_str(&format!(
                "<text x=\"{LEFT_MM}\" y=\"{:.2}\" font-size=\"{:.2}\" fill=\"{}\"{} xml:lang=\"{}\" \
                 font-family=\"{}\">{}{mark}</text>\n",
                self.y - style.size * (leading(&lang) - 1.0) / 2.0,
                style.size,
                style.fill,
                if style.bold { " font-weight=\"bold\"" } else { "" },
                escape(&lang),
                font_stack(&lang),
                escape(&piece),
            ));
        }
    }

    fn gap(&mut self, mm: f64) {
        self.y += mm;
    }
}

/// The body of the notice (title to last row) at `scale`, and the height it reaches.
fn body(view: &View, scale: f64) -> (String, f64) {
    let mut page = Page { view, out: String::new(), y: 14.0 };
    let style =
        |size: f64, fill: &'static str, bold: bool| Style { size: size * scale, fill, bold, width: TEXT_WIDTH_MM };
    page.line(&view.title, &style(9.0, ACCENT, true));
    page.gap(3.0 * scale);
    if let Some(cancelled) = &view.cancelled {
        page.line(cancelled, &style(6.5, ALERT, true));
        page.gap(3.0 * scale);
    }
    page.line(&view.intro, &style(4.6, "#111", false));
    page.gap(5.0 * scale);
    for row in &view.rows {
        page.out.push_str(&format!("<g id=\"fact-{}\">\n", row.id));
        page.line(&row.label, &style(3.7, "#555", false));
        for value in &row.values {
            page.line(value, &style(5.6, "#111", false));
        }
        page.out.push_str("</g>\n");
        page.gap(3.5 * scale);
    }
    (page.out, page.y)
}

/// The foot: QR code at the right, its caption and address at the left, the footnote under
/// both; and the height where the foot begins.
fn foot(view: &View) -> (String, f64) {
    let mut out = String::new();
    let mut bottom = BOTTOM_MM;
    if let Some(footnote) = &view.footnote {
        let text = Line { text: format!("{FALLBACK_MARK} {}", footnote.text), ..footnote.clone() };
        let lines = wrap(&text.text, TEXT_WIDTH_MM / 3.4).len() as f64;
        let height = lines * 3.4 * leading(&view.lang) + 2.0;
        let mut page = Page { view, out: String::new(), y: bottom - height };
        page.line(&text, &Style { size: 3.4, fill: "#333", bold: false, width: TEXT_WIDTH_MM });
        out.push_str("<g id=\"footnote\">\n");
        out.push_str(&page.out);
        out.push_str("</g>\n");
        bottom -= height + 3.0;
    }
    let qr_top = bottom - QR_MM;
    let qr_left = WIDTH_MM - LEFT_MM - QR_MM;
    if let Some(qr) = &view.qr {
        let placement = format!("x=\"{qr_left:.2}\" y=\"{qr_top:.2}\" width=\"{QR_MM}\" height=\"{QR_MM}\"");
        out.push_str(&qr.svg(&placement, &escape(&view.village_url)));
        out.push('\n');
    }
    // The caption and the address, their last line level with the code's bottom edge.
    let side_width = qr_left - LEFT_MM - 6.0;
    let caption_lines = wrap(&view.qr_caption.text, side_width / 4.6).len() as f64;
    let url_lines = wrap(&view.village_url, side_width / 3.2);
    let lang = if view.qr_caption.lang.is_empty() { view.lang.as_str() } else { view.qr_caption.lang.as_str() };
    let height = caption_lines * 4.6 * leading(lang) + url_lines.len() as f64 * 3.2 * 1.4;
    let mut page = Page { view, out: String::new(), y: bottom - height };
    page.line(&view.qr_caption, &Style { size: 4.6, fill: "#111", bold: false, width: side_width });
    out.push_str(&page.out);
    let mut y = page.y;
    for piece in url_lines {
        y += 3.2 * 1.4;
        out.push_str(&format!(
            "<text x=\"{LEFT_MM}\" y=\"{:.2}\" font-size=\"3.2\" fill=\"#111\" font-family=\"{MONO}\">{}</text>\n",
            y - 0.6,
            escape(&piece)
        ));
    }
    let rule = qr_top - 4.0;
    out.push_str(&format!(
        "<line x1=\"{LEFT_MM}\" y1=\"{rule:.2}\" x2=\"{:.2}\" y2=\"{rule:.2}\" stroke=\"#999\" stroke-width=\"0.3\"/>\n",
        WIDTH_MM - LEFT_MM
    ));
    (out, rule)
}

/// The notice as a standalone A4 SVG document.
pub fn document(view: &View) -> String {
    let (foot, foot_top) = foot(view);
    let mut chosen = None;
    for step in 0..6 {
        let scale = 1.0 - 0.1 * f64::from(step);
        let (text, reached) = body(view, scale);
        if reached <= foot_top - 4.0 || step == 5 {
            chosen = Some(text);
            break;
        }
    }
    let body = chosen.unwrap_or_default();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH_MM}mm\" height=\"{HEIGHT_MM}mm\" \
         viewBox=\"0 0 {WIDTH_MM} {HEIGHT_MM}\" xml:lang=\"{lang}\" font-family=\"{family}\">\n\
         <title>{title}</title>\n\
         <rect width=\"{WIDTH_MM}\" height=\"{HEIGHT_MM}\" fill=\"#fff\"/>\n\
         <rect width=\"{WIDTH_MM}\" height=\"3\" fill=\"{ACCENT}\"/>\n\
         {body}{foot}</svg>\n",
        lang = escape(&view.lang),
        family = font_stack(&view.lang),
        title = escape(&view.title.text),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notice::Qr;

    #[test]
    fn lines_break_at_spaces_and_between_chinese_characters() {
        assert_eq!(wrap("one two three", 3.0), vec!["one", "two", "three"]);
        assert_eq!(wrap("one two", 100.0), vec!["one two"]);
        assert_eq!(wrap("边境管理法律法规", 4.0), vec!["边境管理", "法律法规"]);
        // Closing punctuation stays with the character before it.
        assert_eq!(wrap("禁毒。反诈", 3.0), vec!["禁毒。", "反诈"]);
        assert_eq!(wrap("禁毒。反诈", 2.5), vec!["禁", "毒。", "反诈"], "the full stop never starts a line");
    }

    #[test]
    fn a_word_wider_than_the_line_breaks_between_letters_not_marks() {
        // Lao: ເ is written before ບ and must not end a line; ົ and ້ sit on their letter.
        let lines = wrap("ເບົ້າເບົ້າເບົ້າເບົ້າ", 1.5);
        assert!(lines.len() > 1, "{lines:?}");
        for line in &lines {
            let first = line.chars().next().expect("char");
            assert!(!binds_previous(first), "{line:?} starts with a mark");
            assert!(!binds_next(line.chars().last().expect("char")), "{line:?} ends with a prefix vowel");
        }
        assert_eq!(lines.concat(), "ເບົ້າເບົ້າເບົ້າເບົ້າ");
        let url = "https://banna.example.org/v/532822100201";
        assert!(wrap(url, 10.0).iter().all(|line| width_em(line) <= 10.0));
        assert_eq!(wrap(url, 10.0).concat(), url);
    }

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(escape("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
    }

    fn view() -> View {
        let line = |text: &str, fallback: bool| Line { text: text.to_owned(), lang: String::new(), fallback };
        View {
            session_id: 1,
            lang: "lo".to_owned(),
            title: line("ແຈ້ງການ", false),
            intro: line("intro", false),
            cancelled: None,
            rows: (0..4)
                .map(|_| crate::notice::Row {
                    id: "topics",
                    label: line("label", true),
                    values: vec![line("x", false)],
                })
                .collect(),
            qr_caption: line("scan", false),
            village_url: "https://banna.example.org/v/1".to_owned(),
            qr: Qr::encode("https://banna.example.org/v/1"),
            footnote: Some(line("note", false)),
        }
    }

    #[test]
    fn the_document_is_a4_with_the_code_and_marks() {
        let svg = document(&view());
        assert!(svg.contains("width=\"210mm\" height=\"297mm\" viewBox=\"0 0 210 297\""), "{svg}");
        assert!(svg.contains("<g id=\"qr-code\">"));
        assert!(svg.contains("font-family=\"'Noto Sans Lao'"));
        assert_eq!(svg.matches(&format!(">{FALLBACK_MARK}</tspan>")).count(), 4, "each marked label");
        assert!(!svg.contains("style"), "presentation attributes only");
    }

    #[test]
    fn a_long_notice_shrinks_to_stay_above_the_code() {
        let mut long = view();
        long.rows = (0..15)
            .map(|_| crate::notice::Row {
                id: "topics",
                label: Line { text: "label".to_owned(), lang: String::new(), fallback: false },
                values: vec![Line { text: "value".to_owned(), lang: String::new(), fallback: false }],
            })
            .collect();
        let (_, foot_top) = foot(&long);
        let (_, full) = body(&long, 1.0);
        assert!(full > foot_top, "the test needs content that does not fit at full size");
        let svg = document(&long);
        let last_row_y: f64 = svg
            .lines()
            .filter(|line| line.starts_with("<text") && line.contains(">value<"))
            .filter_map(|line| line.split("y=\"").nth(1)?.split('"').next()?.parse().ok())
            .fold(0.0, f64::max);
        assert!(last_row_y > 0.0 && last_row_y < foot_top, "{last_row_y} vs {foot_top}");
    }
}
