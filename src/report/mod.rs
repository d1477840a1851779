//! The yearly report in words. The plain figures of `services::report::yearly` and the Fluent
//! messages of `locales/*/report.ftl` go in; a localized [`View`] comes out, built once and
//! written as Markdown ([`markdown`], the command line's default) or as HTML: the printable
//! page `/reports/yearly` and `banna report --format html` ([`html_document`]) include the same
//! template (`templates/report_body.html`). The API gives the view's paragraphs beside its
//! numbers.
//!
//! Figures are written as officials write them: thousands grouped, changes with one decimal
//! ("−31.3 %", "+4.2 pp"). A figure whose data are missing says so ("no data"), never 0; a
//! figure that grows from 0 is "new", never a division by zero. Sentences choose their words
//! (rise, fall, new, no change, no data) with Fluent selectors on `$direction`.
//!
//! This module imports neither actix_web nor sea_orm.

use askama::Template;
use fluent_bundle::FluentValue;
use unic_langid::LanguageIdentifier;

use crate::i18n::{Localizer, signed};
use crate::services::admin::UnitRef;
use crate::services::figures::{Figure, FigureKey, Unit};
use crate::services::report::{Breakdown, YearlyReport};

/// The stylesheet of the report: screen and print (A4, no navigation, a page per section).
/// The page links it as `/static/report.css`; the HTML file of the command line embeds it.
pub const STYLESHEET: &str = include_str!("report.css");

/// The report in words, in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    /// BCP 47 tag of the language.
    pub lang: String,
    pub title: String,
    /// Which years are compared and how changes are written.
    pub subtitle: String,
    pub year: i32,
    pub base_year: i32,
    /// Heading of the change column.
    pub change_label: String,
    pub sections: Vec<Section>,
}

/// A numbered part of the report: its sentences, tables and notes on how it is counted.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub id: &'static str,
    pub title: String,
    pub paragraphs: Vec<String>,
    pub tables: Vec<Table>,
    pub notes: Vec<String>,
}

/// A table of figures: the base year, the report's year and the change.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub id: String,
    pub caption: String,
    /// Heading of the first column.
    pub label: String,
    pub rows: Vec<Row>,
}

/// A row of a table, or (with `group`) a heading over the rows that follow it.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub id: String,
    pub label: String,
    pub group: bool,
    /// Base year, report's year, change; empty for a group heading.
    pub cells: Vec<Cell>,
}

/// A cell: the text shown, the number behind it as the API gives it (`None` when there is
/// none) and whether the data are missing.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub text: String,
    pub value: Option<String>,
    pub missing: bool,
}

impl View {
    /// Every paragraph of the report, in order (the API's `paragraphs`).
    pub fn paragraphs(&self) -> Vec<String> {
        self.sections.iter().flat_map(|section| section.paragraphs.iter().cloned()).collect()
    }
}

/// Which way a figure went, as its sentence says it (the `$direction` of the messages).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    /// The rounded change is 0.0.
    Same,
    /// 0 in the base year, more in the report's year: there is no percentage.
    New,
    /// 0 in both years.
    Zero,
    /// The base year's data are missing: nothing to compare with.
    NoBase,
    /// The report year's data are missing.
    Missing,
}

impl Direction {
    /// The direction of a published figure (its change already rounded).
    pub fn of(figure: &Figure) -> Direction {
        match (figure.base, figure.compare, figure.change) {
            (_, None, _) => Direction::Missing,
            (None, Some(_), _) => Direction::NoBase,
            (Some(_), Some(_), Some(change)) if change > 0.0 => Direction::Up,
            (Some(_), Some(_), Some(change)) if change < 0.0 => Direction::Down,
            (Some(_), Some(_), Some(_)) => Direction::Same,
            (Some(_), Some(compare), None) if compare > 0.0 => Direction::New,
            (Some(_), Some(_), None) => Direction::Zero,
        }
    }

    /// The selector value of the messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Same => "same",
            Direction::New => "new",
            Direction::Zero => "zero",
            Direction::NoBase => "no-base",
            Direction::Missing => "missing",
        }
    }
}

/// Messages in one language.
struct Words<'a> {
    localizer: &'a Localizer,
    lang: &'a LanguageIdentifier,
}

impl Words<'_> {
    fn text(&self, id: &str) -> String {
        self.localizer.text(self.lang, id)
    }

    fn format(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.localizer.format(self.lang, id, args)
    }

    fn is_chinese(&self) -> bool {
        self.lang.language.as_str() == "zh"
    }

    /// A unit's name: Chinese in Chinese, else the English name where there is one.
    fn unit(&self, unit: &UnitRef) -> String {
        if self.is_chinese() || unit.name_en.is_empty() { unit.name_zh.clone() } else { unit.name_en.clone() }
    }

    /// Sentences of one paragraph: Chinese runs them together, other languages put a space.
    fn paragraph(&self, sentences: Vec<String>) -> String {
        sentences.join(if self.is_chinese() { "" } else { " " })
    }
}

/// A value in a sentence: the number without its unit (the message adds it).
fn number(unit: Unit, value: f64) -> String {
    match unit {
        Unit::Count | Unit::Cny => crate::i18n::grouped(value.round() as i64),
        Unit::Percent | Unit::Days => format!("{value:.1}"),
    }
}

/// The sentence of a figure: message `id` with `$direction`, `$base`, `$compare`, `$change`
/// (its size, one decimal), `$base_year`, `$year` and any `extra` arguments.
fn sentence(
    words: &Words<'_>,
    id: &str,
    figure: &Figure,
    years: (i32, i32),
    extra: &[(&str, FluentValue<'_>)],
) -> String {
    let unit = figure.key.unit();
    let mut args: Vec<(&str, FluentValue<'_>)> = vec![
        ("direction", FluentValue::from(Direction::of(figure).as_str())),
        ("base", FluentValue::from(figure.base.map(|value| number(unit, value)).unwrap_or_default())),
        ("compare", FluentValue::from(figure.compare.map(|value| number(unit, value)).unwrap_or_default())),
        ("change", FluentValue::from(figure.change.map(|change| format!("{:.1}", change.abs())).unwrap_or_default())),
        ("base_year", FluentValue::from(years.0)),
        ("year", FluentValue::from(years.1)),
    ];
    args.extend(extra.iter().cloned());
    words.format(id, &args)
}

fn value_cell(words: &Words<'_>, unit: Unit, value: Option<f64>) -> Cell {
    match value {
        Some(value) if unit == Unit::Percent => Cell {
            text: words.format("page-report-share", &[("value", FluentValue::from(number(unit, value)))]),
            value: Some(unit.plain(value)),
            missing: false,
        },
        Some(value) => Cell { text: unit.written(value), value: Some(unit.plain(value)), missing: false },
        None => Cell { text: words.text("page-report-no-data"), value: None, missing: true },
    }
}

/// The change cell: "−31.3 %", "+4.2 pp"; "new" when a count grew from 0, "no change" when it
/// stayed 0, "no data" when a year is missing.
fn change_cell(words: &Words<'_>, figure: &Figure) -> Cell {
    let text = match (Direction::of(figure), figure.change) {
        (_, Some(change)) if figure.key.unit().changes_in_points() => {
            words.format("page-report-points", &[("change", FluentValue::from(signed(change)))])
        }
        (_, Some(change)) => words.format("page-report-percent", &[("change", FluentValue::from(signed(change)))]),
        (Direction::New, None) => words.text("page-report-new"),
        (Direction::Zero, None) => words.text("page-report-no-change"),
        _ => words.text("page-report-no-data"),
    };
    let missing = figure.base.is_none() || figure.compare.is_none();
    Cell { text, value: figure.change.map(|change| format!("{change:.1}")), missing }
}

fn figure_row(words: &Words<'_>, id: String, label: String, figure: &Figure) -> Row {
    let unit = figure.key.unit();
    Row {
        id,
        label,
        group: false,
        cells: vec![
            value_cell(words, unit, figure.base),
            value_cell(words, unit, figure.compare),
            change_cell(words, figure),
        ],
    }
}

fn group_row(id: &str, label: String) -> Row {
    Row { id: id.to_owned(), label, group: true, cells: Vec::new() }
}

/// A figure that is not in the report (an older dashboard): every value missing.
fn missing(key: FigureKey) -> Figure {
    Figure::new(key, None, None)
}

/// Which breakdown a part belongs to.
#[derive(Clone, Copy)]
enum Group {
    Section,
    County,
}

impl Group {
    fn id(self) -> &'static str {
        match self {
            Group::Section => "section",
            Group::County => "county",
        }
    }
}

/// The name of a section of the border, of a county, or of the incidents without either.
fn part_name(words: &Words<'_>, group: Group, part: &Breakdown) -> String {
    match (group, &part.code) {
        (Group::Section, Some(code)) => words.text(&format!("page-record-section-{}", code.to_ascii_lowercase())),
        (Group::County, Some(code)) => {
            let (zh, en) = (part.name_zh.as_deref().unwrap_or(code), part.name_en.as_deref().unwrap_or_default());
            if words.is_chinese() || en.is_empty() { zh.to_owned() } else { en.to_owned() }
        }
        (Group::Section, None) => words.text("page-report-unlocated"),
        (Group::County, None) => words.text("page-report-no-county"),
    }
}

/// The id of a part's row: `incidents-MM`, `persons-532822`, `incidents-county-none`.
fn part_id(table: &str, group: Group, part: &Breakdown) -> String {
    match &part.code {
        Some(code) => format!("{table}-{code}"),
        None => format!("{table}-{}-none", group.id()),
    }
}

/// Builds the report's words in `lang`.
pub fn view(report: &YearlyReport, localizer: &Localizer, lang: &LanguageIdentifier) -> View {
    let words = Words { localizer, lang };
    let years = (report.base_year, report.year);
    let figure = |key: FigureKey| report.figure(key).cloned().unwrap_or_else(|| missing(key));
    let label = |key: FigureKey| words.text(&format!("page-dashboard-{}", key.id()));
    let say = |key: FigureKey| sentence(&words, &format!("page-report-{}", key.id()), &figure(key), years, &[]);
    let table = |id: &str, keys: &[FigureKey]| Table {
        id: id.to_owned(),
        caption: words.text(&format!("page-report-table-{id}")),
        label: words.text("page-report-figure"),
        rows: keys.iter().map(|key| figure_row(&words, key.id().to_owned(), label(*key), &figure(*key))).collect(),
    };
    let year_args = [("year", FluentValue::from(report.year)), ("base_year", FluentValue::from(report.base_year))];
    let jurisdiction =
        report.jurisdiction.as_ref().map(|unit| words.unit(unit)).unwrap_or_else(|| words.text("page-report-scope"));
    let mut title_args = year_args.to_vec();
    title_args.push(("jurisdiction", FluentValue::from(jurisdiction)));

    let summary = Section {
        id: "summary",
        title: words.text("page-report-section-summary"),
        paragraphs: vec![
            words.paragraph(vec![say(FigureKey::Incidents), say(FigureKey::Persons)]),
            words.paragraph(vec![
                say(FigureKey::CollectiveIncome),
                say(FigureKey::PerCapitaIncome),
                say(FigureKey::VillagersInCrime),
            ]),
        ],
        tables: Vec::new(),
        notes: Vec::new(),
    };
    let incidents = incidents_section(&words, report, years);
    let key_villages = Section {
        id: "key-villages",
        title: words.text("page-report-section-key-villages"),
        paragraphs: Vec::new(),
        tables: vec![table(
            "key-villages",
            &[FigureKey::CollectiveIncome, FigureKey::PerCapitaIncome, FigureKey::VillagersInCrime],
        )],
        notes: vec![words.text("page-report-note-key-villages")],
    };
    let linkages = Section {
        id: "linkages",
        title: words.text("page-report-section-linkages"),
        paragraphs: vec![say(FigureKey::LinkageCompliance)],
        tables: vec![table(
            "linkages",
            &[
                FigureKey::LinkageCompliance,
                FigureKey::LinkageVisitsRequired,
                FigureKey::LinkageVisitsLogged,
                FigureKey::VisitsFlagged,
                FigureKey::VisitsFarFromTarget,
                FigureKey::VisitsLowAccuracy,
            ],
        )],
        notes: vec![words.text("page-dashboard-note-linkages")],
    };
    let outreach = Section {
        id: "outreach",
        title: words.text("page-report-section-outreach"),
        paragraphs: vec![
            words.paragraph(vec![say(FigureKey::OutreachKeyVillages), say(FigureKey::OutreachAllVillages)]),
        ],
        tables: vec![table("outreach", &[FigureKey::OutreachKeyVillages, FigureKey::OutreachAllVillages])],
        notes: vec![words.text("page-dashboard-note-outreach")],
    };
    let cases = Section {
        id: "cases",
        title: words.text("page-report-section-cases"),
        paragraphs: vec![words.paragraph(vec![say(FigureKey::CaseMeanDays), say(FigureKey::CaseOpenOverdue)])],
        tables: vec![table("cases", &[FigureKey::CaseMeanDays, FigureKey::CaseMedianDays, FigureKey::CaseOpenOverdue])],
        notes: vec![words.text("page-dashboard-note-cases")],
    };
    View {
        lang: lang.to_string(),
        title: words.format("page-report-heading", &title_args),
        subtitle: words.format("page-report-subtitle", &year_args),
        year: report.year,
        base_year: report.base_year,
        change_label: words.text("page-report-change"),
        sections: vec![summary, incidents, key_villages, linkages, outreach, cases],
    }
}

/// Incidents and persons: a sentence per section of the border and per county, and a table
/// of each with the total, the sections and the counties.
fn incidents_section(words: &Words<'_>, report: &YearlyReport, years: (i32, i32)) -> Section {
    let parts = |group: Group, rows: &[Breakdown]| -> Option<String> {
        (!rows.is_empty()).then(|| {
            let said: Vec<String> = rows
                .iter()
                .map(|part| {
                    let name = FluentValue::from(part_name(words, group, part));
                    sentence(words, "page-report-part", &part.incidents, years, &[("part", name)])
                })
                .collect();
            let separator = words.text("page-report-list-separator");
            let id = format!("page-report-by-{}", group.id());
            words.format(&id, &[("parts", FluentValue::from(said.join(&separator)))])
        })
    };
    let mut paragraphs = Vec::new();
    paragraphs.extend(parts(Group::Section, &report.by_section));
    paragraphs.extend(parts(Group::County, &report.by_county));

    let total = |key: FigureKey| report.figure(key).cloned().unwrap_or_else(|| missing(key));
    let table = |name: &str, key: FigureKey, pick: fn(&Breakdown) -> &Figure| {
        let mut rows = vec![figure_row(words, format!("{name}-total"), words.text("page-report-total"), &total(key))];
        for (group, parts) in [(Group::Section, &report.by_section), (Group::County, &report.by_county)] {
            if parts.is_empty() {
                continue;
            }
            let heading = words.text(&format!("page-report-by-{}-heading", group.id()));
            rows.push(group_row(&format!("{name}-by-{}", group.id()), heading));
            for part in parts {
                let label = part_name(words, group, part);
                rows.push(figure_row(words, part_id(name, group, part), label, pick(part)));
            }
        }
        Table {
            id: name.to_owned(),
            caption: words.text(&format!("page-dashboard-{}", key.id())),
            label: words.text("page-report-where"),
            rows,
        }
    };
    Section {
        id: "incidents",
        title: words.text("page-report-section-incidents"),
        paragraphs,
        tables: vec![
            table("incidents", FigureKey::Incidents, |part| &part.incidents),
            table("persons", FigureKey::Persons, |part| &part.persons),
        ],
        notes: vec![words.text("page-report-note-incidents")],
    }
}

/// The report's body, shared by the page and the HTML file.
#[derive(Template)]
#[template(path = "report_body.html")]
struct Body<'a> {
    view: &'a View,
}

/// A standalone HTML document (the stylesheet embedded), for `banna report --format html`.
#[derive(Template)]
#[template(path = "report_document.html")]
struct Document<'a> {
    view: &'a View,
    stylesheet: &'static str,
}

/// The report's body as HTML (`<article class="report">…`), for a page to wrap.
pub fn html_body(view: &View) -> Result<String, askama::Error> {
    Body { view }.render()
}

/// The report as a standalone HTML document, ready to print.
pub fn html_document(view: &View) -> Result<String, askama::Error> {
    Document { view, stylesheet: STYLESHEET }.render()
}

/// A table cell's text in Markdown: pipes and line breaks would end the cell.
fn md_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The report as Markdown (GitHub tables).
pub fn markdown(view: &View) -> String {
    let mut out = format!("# {}\n\n{}\n", view.title, view.subtitle);
    for section in &view.sections {
        out.push_str(&format!("\n## {}\n", section.title));
        for paragraph in &section.paragraphs {
            out.push_str(&format!("\n{paragraph}\n"));
        }
        for table in &section.tables {
            out.push_str(&format!(
                "\n**{}**\n\n| {} | {} | {} | {} |\n| :--- | ---: | ---: | ---: |\n",
                md_cell(&table.caption),
                md_cell(&table.label),
                view.base_year,
                view.year,
                md_cell(&view.change_label)
            ));
            for row in &table.rows {
                if row.group {
                    out.push_str(&format!("| *{}* | | | |\n", md_cell(&row.label)));
                } else {
                    let cells: Vec<String> = row.cells.iter().map(|cell| md_cell(&cell.text)).collect();
                    out.push_str(&format!("| {} | {} |\n", md_cell(&row.label), cells.join(" | ")));
                }
            }
        }
        for note in &section.notes {
            out.push_str(&format!("\n> {note}\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(tag: &str) -> LanguageIdentifier {
        tag.parse().expect("a tag")
    }

    fn report(figures: Vec<Figure>, by_county: Vec<Breakdown>) -> YearlyReport {
        YearlyReport {
            year: 2024,
            base_year: 2023,
            jurisdiction: Some(UnitRef {
                code: "532800".to_owned(),
                name_zh: "西双版纳傣族自治州".to_owned(),
                name_en: "Xishuangbanna".to_owned(),
            }),
            incidents_recorded: [true, true],
            figures,
            by_section: Vec::new(),
            by_county,
        }
    }

    #[test]
    fn directions_never_divide_by_zero() {
        let of = |key, base, compare| Direction::of(&Figure::new(key, base, compare));
        assert_eq!(of(FigureKey::Incidents, Some(2015.0), Some(1385.0)), Direction::Down);
        assert_eq!(of(FigureKey::Incidents, Some(0.0), Some(3.0)), Direction::New);
        assert_eq!(of(FigureKey::Incidents, Some(0.0), Some(0.0)), Direction::Zero);
        assert_eq!(of(FigureKey::Incidents, Some(10_000.0), Some(10_001.0)), Direction::Same, "+0.01 % rounds to 0");
        assert_eq!(of(FigureKey::Incidents, None, Some(3.0)), Direction::NoBase);
        assert_eq!(of(FigureKey::Incidents, Some(3.0), None), Direction::Missing);
        assert_eq!(of(FigureKey::LinkageCompliance, Some(0.0), Some(50.0)), Direction::Up, "points, not a ratio");
    }

    #[test]
    fn sentences_choose_their_words_in_both_languages() {
        let localizer = Localizer::global();
        let figures = vec![
            Figure::new(FigureKey::Incidents, Some(2015.0), Some(1385.0)),
            Figure::new(FigureKey::LinkageCompliance, Some(83.3), Some(87.5)),
        ];
        let county = Breakdown {
            code: Some("532823".to_owned()),
            name_zh: Some("勐腊县".to_owned()),
            name_en: Some("Mengla".to_owned()),
            incidents: Figure::new(FigureKey::Incidents, Some(0.0), Some(4.0)),
            persons: Figure::new(FigureKey::Persons, Some(0.0), Some(0.0)),
        };
        let report = report(figures, vec![county]);
        let en = view(&report, localizer, &lang("en"));
        let prose = en.paragraphs().join("\n");
        assert!(prose.contains("fell 31.3 % year on year (2,015 → 1,385)"), "{prose}");
        assert!(prose.contains("Mengla: 4 (none in 2023: new)"), "{prose}");
        assert!(prose.contains("rose 4.2 percentage points"), "{prose}");
        assert!(prose.contains("no data for 2024"), "a missing figure says so: {prose}");
        let zh = view(&report, localizer, &lang("zh-CN"));
        let prose = zh.paragraphs().join("\n");
        assert!(prose.contains("同比下降31.3%"), "{prose}");
        assert!(prose.contains("勐腊县4起，上年为零，属新增"), "{prose}");
        assert!(prose.contains("无数据"), "{prose}");
        let table = &en.sections[1].tables[0];
        let mengla = table.rows.iter().find(|row| row.id == "incidents-532823").expect("the county row");
        assert_eq!(mengla.cells[2].text, "new (none the year before)");
        let persons = &en.sections[1].tables[1].rows.iter().find(|row| row.id == "persons-532823").expect("row");
        assert_eq!((persons.cells[1].text.as_str(), persons.cells[2].text.as_str()), ("0", "no change"));
    }

    /// Every text of a view, for checks over all of them.
    fn texts(view: &View) -> Vec<String> {
        let mut all = vec![view.title.clone(), view.subtitle.clone(), view.change_label.clone()];
        for section in &view.sections {
            all.push(section.title.clone());
            all.extend(section.paragraphs.iter().cloned());
            all.extend(section.notes.iter().cloned());
            for table in &section.tables {
                all.extend([table.caption.clone(), table.label.clone()]);
                for row in &table.rows {
                    all.push(row.label.clone());
                    all.extend(row.cells.iter().map(|cell| cell.text.clone()));
                }
            }
        }
        all
    }

    #[test]
    fn every_message_the_view_asks_for_exists_in_both_languages() {
        let part = |code: Option<&str>, base: Option<f64>, compare: Option<f64>| Breakdown {
            code: code.map(str::to_owned),
            name_zh: code.map(|_| "勐海县".to_owned()),
            name_en: code.map(|_| "Menghai".to_owned()),
            incidents: Figure::new(FigureKey::Incidents, base, compare),
            persons: Figure::new(FigureKey::Persons, base, compare),
        };
        let mut report = report(Vec::new(), vec![part(Some("532822"), Some(1.0), Some(2.0)), part(None, None, None)]);
        report.by_section = vec![part(Some("MM"), Some(0.0), Some(0.0)), part(None, Some(2.0), None)];
        report.jurisdiction = None;
        for tag in ["zh-CN", "en"] {
            let view = view(&report, Localizer::global(), &lang(tag));
            for text in texts(&view) {
                assert!(!text.trim().is_empty() && !text.contains("page-"), "{tag}: {text:?}");
                let han = text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
                assert!(tag == "zh-CN" || !han, "English falls back to Chinese: {text}");
            }
        }
    }

    #[test]
    fn markdown_and_html_carry_the_same_cells() {
        let report = report(vec![Figure::new(FigureKey::Incidents, Some(2015.0), Some(1385.0))], Vec::new());
        let view = view(&report, Localizer::global(), &lang("en"));
        let md = markdown(&view);
        assert!(md.contains("| Total | 2,015 | 1,385 | −31.3\u{a0}% |"), "{md}");
        let html = html_document(&view).expect("renders");
        assert!(html.contains("data-value=\"-31.3\"") && html.contains("<style>"), "{html}");
        assert!(md_cell("a|b").contains("\\|"));
    }
}
