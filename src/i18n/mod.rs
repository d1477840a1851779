//! Fluent message bundles and language negotiation: every user-visible string goes through here.
//!
//! Locales live in `locales/<bcp47>/*.ftl` and are embedded in the binary. zh-CN is the
//! reference and the fallback: a message missing from a partial locale is taken from zh-CN,
//! never shown as its id. `check` holds the rules `banna locales check` enforces.

mod check;
mod numbers;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rust_embed::Embed;
use unic_langid::LanguageIdentifier;

pub use check::{Coverage, check_dir, check_sources};
pub use numbers::{grouped, signed};

#[derive(Embed)]
#[folder = "locales/"]
#[include = "*.ftl"]
struct LocaleFiles;

/// The reference locale, also the fallback for every other.
pub const DEFAULT_LOCALE: &str = "zh-CN";

/// Locales that must define every message of the reference.
pub const COMPLETE: [&str; 2] = [DEFAULT_LOCALE, "en"];

/// Locales that must define every message a villager or a cross-border partner can see (the
/// messages of [`PUBLIC_FILES`]): Lao, Thai and Burmese. Other locales may be partial.
pub const PUBLIC_COMPLETE: [&str; 3] = ["lo", "th", "my"];

/// The reference files whose messages the public can see: pages without sign-in and the
/// problems any caller may get back.
pub const PUBLIC_FILES: [&str; 2] = ["public.ftl", "problems.ftl"];

/// Languages missing from the CLDR plural data that fluent-bundle uses, with a language that has
/// the same plural rule. Tai Lü, Hani and Lahu, like Thai and Burmese, do not inflect nouns
/// for number: every count takes the `other` variant. Without a stand-in fluent-bundle would
/// apply English rules and pick `[one]` for 1.
const PLURAL_STAND_INS: [(&str, &str); 3] = [("khb", "th"), ("hni", "my"), ("lhu", "my")];

/// A problem found in the locale files (by loading them or by `banna locales check`).
#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("{file}:{line}: Fluent syntax error: {message}")]
    Syntax { file: String, line: usize, message: String },
    #[error("{file}: message {id} is defined twice")]
    Duplicate { file: String, id: String },
    #[error("{dir}: not a BCP 47 language tag")]
    BadTag { dir: String },
    #[error("the reference locale {DEFAULT_LOCALE} is missing")]
    NoReference,
    #[error("the required locale {locale} is missing")]
    Absent { locale: String },
    #[error("{locale} lacks messages it must define: {}", missing.join(", "))]
    Incomplete { locale: String, missing: Vec<String> },
    #[error("{file}:{line}: {id} is not defined in the reference locale {DEFAULT_LOCALE}")]
    Orphan { file: String, line: usize, id: String },
    #[error("{file}:{line}: {id} uses the variables {found:?} where the reference uses {expected:?}")]
    Placeables { file: String, line: usize, id: String, expected: Vec<String>, found: Vec<String> },
}

impl I18nError {
    /// The Fluent message (`locales/*/cli.ftl`) explaining this problem, with its arguments.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, FluentValue<'static>)>) {
        fn text(value: &str) -> FluentValue<'static> {
            FluentValue::from(value.to_owned())
        }
        fn list(values: &[String]) -> FluentValue<'static> {
            let names: Vec<String> = values.iter().map(|name| format!("${name}")).collect();
            FluentValue::from(if names.is_empty() { "—".to_owned() } else { names.join(", ") })
        }
        match self {
            I18nError::Syntax { file, line, message } => (
                "locales-syntax-error",
                vec![("file", text(file)), ("line", FluentValue::from(*line)), ("message", text(message))],
            ),
            I18nError::Duplicate { file, id } => ("locales-duplicate", vec![("file", text(file)), ("id", text(id))]),
            I18nError::BadTag { dir } => ("locales-bad-tag", vec![("dir", text(dir))]),
            I18nError::NoReference => ("locales-no-reference", vec![("locale", text(DEFAULT_LOCALE))]),
            I18nError::Absent { locale } => ("locales-absent", vec![("locale", text(locale))]),
            I18nError::Incomplete { locale, missing } => {
                ("locales-incomplete", vec![("locale", text(locale)), ("ids", text(&missing.join(", ")))])
            }
            I18nError::Orphan { file, line, id } => (
                "locales-orphan",
                vec![
                    ("file", text(file)),
                    ("line", FluentValue::from(*line)),
                    ("id", text(id)),
                    ("reference", text(DEFAULT_LOCALE)),
                ],
            ),
            I18nError::Placeables { file, line, id, expected, found } => (
                "locales-placeables",
                vec![
                    ("file", text(file)),
                    ("line", FluentValue::from(*line)),
                    ("id", text(id)),
                    ("expected", list(expected)),
                    ("found", list(found)),
                ],
            ),
        }
    }
}

/// The locale whose plural rules (and other intl data) a bundle for `id` uses.
fn intl_locale(id: &LanguageIdentifier) -> LanguageIdentifier {
    PLURAL_STAND_INS
        .iter()
        .find(|(language, _)| id.language.as_str() == *language)
        .and_then(|(_, stand_in)| stand_in.parse().ok())
        .unwrap_or_else(|| id.clone())
}

/// Order of the language switcher: the reference, the other complete locales, the
/// public-complete ones, then the rest by tag.
fn display_rank(tag: &str) -> usize {
    COMPLETE.iter().chain(PUBLIC_COMPLETE.iter()).position(|known| *known == tag).unwrap_or(usize::MAX)
}

struct Locale {
    id: LanguageIdentifier,
    bundle: FluentBundle<FluentResource>,
    message_ids: Vec<String>,
}

/// All loaded locales.
pub struct Localizer {
    locales: Vec<Locale>,
    available: Vec<LanguageIdentifier>,
    default: LanguageIdentifier,
}

impl Localizer {
    /// The embedded locales, loaded once. Panics only if the shipped files are broken, which
    /// the test suite rules out (`every_locale_parses_and_matches_the_reference`).
    pub fn global() -> &'static Localizer {
        static GLOBAL: OnceLock<Localizer> = OnceLock::new();
        GLOBAL.get_or_init(|| match Localizer::load_embedded() {
            Ok(localizer) => localizer,
            Err(errors) => panic!("embedded locale files are invalid: {errors:?}"),
        })
    }

    /// Loads every embedded `.ftl` file, returning every error found (not just the first).
    pub fn load_embedded() -> Result<Localizer, Vec<I18nError>> {
        Localizer::from_sources(Localizer::embedded_sources())
    }

    /// The embedded `.ftl` files: `locale tag → [(path, text)]`, for loading and for
    /// [`check_sources`].
    pub fn embedded_sources() -> BTreeMap<String, Vec<(String, String)>> {
        let mut files: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
        for path in LocaleFiles::iter() {
            let Some((dir, _)) = path.split_once('/') else {
                continue;
            };
            if let Some(file) = LocaleFiles::get(&path) {
                let text = String::from_utf8_lossy(&file.data).into_owned();
                files.entry(dir.to_owned()).or_default().push((path.to_string(), text));
            }
        }
        for sources in files.values_mut() {
            sources.sort();
        }
        files
    }

    /// Builds the bundles from `(locale dir → [(file name, text)])`.
    pub fn from_sources(files: BTreeMap<String, Vec<(String, String)>>) -> Result<Localizer, Vec<I18nError>> {
        let mut errors = Vec::new();
        let mut locales = Vec::new();
        for (dir, sources) in files {
            let Ok(id) = dir.parse::<LanguageIdentifier>() else {
                errors.push(I18nError::BadTag { dir });
                continue;
            };
            let intl = intl_locale(&id);
            let bundle_locales = if intl == id { vec![id.clone()] } else { vec![intl, id.clone()] };
            let mut bundle = FluentBundle::new_concurrent(bundle_locales);
            bundle.set_use_isolating(false);
            let mut message_ids = Vec::new();
            for (file, text) in sources {
                let resource = match FluentResource::try_new(text) {
                    Ok(resource) => resource,
                    Err((resource, parse_errors)) => {
                        for error in parse_errors {
                            let line = text_line(resource.source(), entry_start(&error));
                            errors.push(I18nError::Syntax { file: file.clone(), line, message: error.to_string() });
                        }
                        resource
                    }
                };
                for entry in resource.entries() {
                    if let fluent_syntax::ast::Entry::Message(message) = entry {
                        message_ids.push(message.id.name.to_owned());
                    }
                }
                if let Err(add_errors) = bundle.add_resource(resource) {
                    for error in add_errors {
                        if let fluent_bundle::FluentError::Overriding { id, .. } = error {
                            errors.push(I18nError::Duplicate { file: file.clone(), id });
                        }
                    }
                }
            }
            message_ids.sort();
            locales.push(Locale { id, bundle, message_ids });
        }
        let default: LanguageIdentifier = DEFAULT_LOCALE.parse().map_err(|_| vec![I18nError::NoReference])?;
        if !locales.iter().any(|locale| locale.id == default) {
            errors.push(I18nError::NoReference);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        locales.sort_by_key(|locale| {
            let tag = locale.id.to_string();
            (display_rank(&tag), tag)
        });
        let available = locales.iter().map(|locale| locale.id.clone()).collect();
        Ok(Localizer { locales, available, default })
    }

    /// The locales present: the reference, en, lo, th, my, then the others by tag.
    pub fn available(&self) -> &[LanguageIdentifier] {
        &self.available
    }

    pub fn default_locale(&self) -> &LanguageIdentifier {
        &self.default
    }

    /// Message ids defined by a locale (sorted), for coverage checks.
    pub fn message_ids(&self, locale: &LanguageIdentifier) -> &[String] {
        self.locales
            .iter()
            .find(|candidate| &candidate.id == locale)
            .map(|candidate| candidate.message_ids.as_slice())
            .unwrap_or(&[])
    }

    /// Picks the best available locale for preferences given in order (already parsed tags
    /// such as `?lang=` values or Accept-Language entries), falling back to zh-CN.
    pub fn negotiate<'a>(&self, preferences: impl IntoIterator<Item = &'a str>) -> LanguageIdentifier {
        let requested: Vec<LanguageIdentifier> =
            preferences.into_iter().filter_map(|tag| tag.trim().parse().ok()).collect();
        let chosen = fluent_langneg::negotiate_languages(
            &requested,
            &self.available,
            Some(&self.default),
            fluent_langneg::NegotiationStrategy::Lookup,
        );
        chosen.first().map(|id| (*id).clone()).unwrap_or_else(|| self.default.clone())
    }

    /// Language tags from an `Accept-Language` header, in order of preference.
    pub fn parse_accept_language(header: &str) -> Vec<String> {
        fluent_langneg::accepted_languages::parse(header).into_iter().map(|id| id.to_string()).collect()
    }

    /// Formats message `id` in `locale`, falling back to zh-CN when the locale lacks it.
    /// Formatting problems are logged, never panicked on.
    pub fn format(&self, locale: &LanguageIdentifier, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let fluent_args = (!args.is_empty()).then(|| {
            let mut fluent_args = FluentArgs::new();
            for (name, value) in args {
                fluent_args.set(*name, value.clone());
            }
            fluent_args
        });
        for candidate in [locale, &self.default] {
            let Some(entry) = self.locales.iter().find(|entry| &entry.id == candidate) else {
                continue;
            };
            let Some(pattern) = entry.bundle.get_message(id).and_then(|message| message.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = entry.bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors);
            if !errors.is_empty() {
                tracing::warn!(message_id = id, locale = %candidate, ?errors, "Fluent formatting problem");
            }
            return text.into_owned();
        }
        tracing::error!(message_id = id, "message missing from the reference locale");
        id.to_owned()
    }

    /// Shorthand for a message without arguments.
    pub fn text(&self, locale: &LanguageIdentifier, id: &str) -> String {
        self.format(locale, id, &[])
    }
}

/// Where the broken entry starts (the parser's own position may be past its end).
fn entry_start(error: &fluent_syntax::parser::ParserError) -> usize {
    error.slice.as_ref().map_or(error.pos.start, |slice| slice.start)
}

/// 1-based line number of a byte offset.
fn text_line(text: &str, offset: usize) -> usize {
    text.as_bytes().iter().take(offset).filter(|byte| **byte == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(tag: &str) -> LanguageIdentifier {
        tag.parse().expect("valid tag")
    }

    /// The shipped locales, as listed in the constants and the architecture.
    const SHIPPED: [&str; 8] = ["zh-CN", "en", "lo", "th", "my", "hni", "khb", "lhu"];

    #[test]
    fn every_locale_parses_and_passes_the_check() {
        let localizer = Localizer::load_embedded().expect("locales load without errors");
        let (_, errors) = check_sources(&Localizer::embedded_sources());
        assert!(errors.is_empty(), "{errors:#?}");
        let available: Vec<String> = localizer.available().iter().map(ToString::to_string).collect();
        assert_eq!(available, SHIPPED, "every locale is embedded, in switcher order");
        let reference = localizer.message_ids(&lang(DEFAULT_LOCALE)).to_vec();
        assert!(!reference.is_empty(), "the reference locale defines messages");
        assert_eq!(localizer.message_ids(&lang("en")), reference.as_slice(), "en defines exactly the reference");
    }

    #[test]
    fn a_syntax_error_is_reported_with_its_file() {
        let mut files = BTreeMap::new();
        files.insert("zh-CN".to_owned(), vec![("zh-CN/x.ftl".to_owned(), "ok = 好\nbroken = {\n".to_owned())]);
        let errors = Localizer::from_sources(files).err().expect("a syntax error is an error");
        assert!(matches!(&errors[0], I18nError::Syntax { file, line: 2, .. } if file == "zh-CN/x.ftl"), "{errors:?}");
    }

    #[test]
    fn every_reference_message_resolves_in_every_locale_never_to_its_id() {
        let localizer = Localizer::load_embedded().expect("locales load");
        let reference = localizer.message_ids(&lang(DEFAULT_LOCALE)).to_vec();
        for locale in localizer.available() {
            for id in &reference {
                let text = localizer.text(locale, id);
                assert!(!text.trim().is_empty() && text != *id, "{locale} shows {id:?} as {text:?}");
            }
        }
    }

    /// Whether every letter of `text` outside ASCII lies in `range` (spaces and punctuation of
    /// other blocks, like the Burmese section mark, are allowed through `also`).
    fn letters_in(text: &str, range: std::ops::RangeInclusive<char>, also: &[char]) -> bool {
        let mut seen = false;
        for c in text.chars().filter(|c| !c.is_ascii()) {
            if range.contains(&c) {
                seen = true;
            } else if !also.contains(&c) {
                return false;
            }
        }
        seen
    }

    #[test]
    fn each_language_names_itself_in_its_own_script() {
        let localizer = Localizer::load_embedded().expect("locales load");
        let name = |tag: &str| localizer.text(&lang(tag), "language-name");
        assert!(letters_in(&name("lo"), '\u{0E80}'..='\u{0EFF}', &[]), "Lao: {}", name("lo"));
        assert!(letters_in(&name("th"), '\u{0E00}'..='\u{0E7F}', &[]), "Thai: {}", name("th"));
        assert!(letters_in(&name("my"), '\u{1000}'..='\u{109F}', &[]), "Burmese: {}", name("my"));
        assert!(letters_in(&name("khb"), '\u{1980}'..='\u{19DF}', &[]), "New Tai Lue: {}", name("khb"));
        for tag in ["hni", "lhu"] {
            let latin = name(tag);
            assert!(latin.chars().all(|c| c.is_ascii_alphabetic()), "{tag} in Latin letters: {latin}");
        }
        let names: std::collections::BTreeSet<String> = SHIPPED.iter().map(|tag| name(tag)).collect();
        assert_eq!(names.len(), SHIPPED.len(), "no language borrows another's name: {names:?}");
    }

    #[test]
    fn public_messages_of_lao_thai_and_burmese_are_in_their_scripts() {
        let localizer = Localizer::load_embedded().expect("locales load");
        let scripts =
            [("lo", '\u{0E80}'..='\u{0EFF}'), ("th", '\u{0E00}'..='\u{0E7F}'), ("my", '\u{1000}'..='\u{109F}')];
        for (tag, range) in scripts {
            for id in
                ["page-login-title", "page-login-password", "problem-login-failed-detail", "problem-forbidden-title"]
            {
                let text = localizer.text(&lang(tag), id);
                assert!(letters_in(&text, range.clone(), &['…', '−']), "{tag} {id}: {text}");
            }
        }
    }

    /// Zawgyi, the legacy Burmese font encoding, stores the vowel sign E (U+1031) before its
    /// consonant and uses U+1060…U+1097 for glyph variants; Unicode Burmese does neither.
    #[test]
    fn burmese_is_unicode_not_zawgyi() {
        for (_, text) in Localizer::embedded_sources().remove("my").expect("my is shipped") {
            let mut previous = ' ';
            for c in text.chars() {
                assert!(!('\u{1060}'..='\u{1097}').contains(&c), "Zawgyi glyph {c:?} in {text}");
                if c == '\u{1031}' {
                    assert!(('\u{1000}'..='\u{103F}').contains(&previous), "vowel E before its consonant in {text}");
                }
                previous = c;
            }
        }
    }

    #[test]
    fn tai_lue_uses_the_new_tai_lue_script() {
        for (_, text) in Localizer::embedded_sources().remove("khb").expect("khb is shipped") {
            for line in text.lines().filter(|line| !line.starts_with('#') && line.contains('=')) {
                let value = line.split_once('=').map(|(_, value)| value).unwrap_or_default();
                assert!(letters_in(value, '\u{1980}'..='\u{19DF}', &[]), "not New Tai Lue: {line}");
            }
        }
    }

    /// Builds a localizer whose locales all define `count` with a `[one]` and an `other` variant.
    fn counting(tags: &[&str]) -> Localizer {
        let mut files = BTreeMap::new();
        for tag in tags {
            let text = "count = { $n ->\n    [one] one\n   *[other] other\n}\nnumber = { $n }\n";
            files.insert((*tag).to_owned(), vec![(format!("{tag}/a.ftl"), text.to_owned())]);
        }
        Localizer::from_sources(files).expect("valid sources")
    }

    #[test]
    fn languages_without_grammatical_number_take_the_other_variant_for_one() {
        let localizer = counting(&["zh-CN", "en", "lo", "th", "my", "khb", "hni", "lhu"]);
        let count = |tag: &str, n: f64| localizer.format(&lang(tag), "count", &[("n", FluentValue::from(n))]);
        assert_eq!(count("en", 1.0), "one", "English has a singular");
        assert_eq!(count("en", 2.0), "other");
        for tag in ["zh-CN", "lo", "th", "my", "khb", "hni", "lhu"] {
            assert_eq!(count(tag, 1.0), "other", "{tag} has no singular form");
            assert_eq!(count(tag, 0.0), "other", "{tag}");
        }
    }

    #[test]
    fn numbers_format_in_every_locale_without_panicking() {
        let localizer = counting(&["zh-CN", "khb", "hni", "lhu", "my"]);
        for tag in ["khb", "hni", "lhu", "my", "xx-unknown"] {
            let number = |value: FluentValue<'_>| localizer.format(&lang(tag), "number", &[("n", value)]);
            assert_eq!(number(FluentValue::from(1234)), "1234", "{tag}");
            assert_eq!(number(FluentValue::from(-0.5)), "-0.5", "{tag}");
            assert_eq!(number(FluentValue::from("12 km")), "12 km", "{tag}");
        }
    }

    #[test]
    fn a_missing_message_falls_back_to_the_reference_locale() {
        let mut files = BTreeMap::new();
        files.insert(
            "zh-CN".to_owned(),
            vec![("a.ftl".to_owned(), "hello = 你好 { $name }\nonly-zh = 只有中文\n".to_owned())],
        );
        files.insert("en".to_owned(), vec![("a.ftl".to_owned(), "hello = Hello { $name }\n".to_owned())]);
        let localizer = Localizer::from_sources(files).expect("valid sources");
        let en = lang("en");
        assert_eq!(localizer.format(&en, "hello", &[("name", "Ai".into())]), "Hello Ai");
        assert_eq!(localizer.text(&en, "only-zh"), "只有中文");
    }

    #[test]
    fn negotiation_prefers_the_first_available_and_defaults_to_chinese() {
        let localizer = Localizer::load_embedded().expect("locales load");
        assert_eq!(localizer.negotiate(["fr", "en-US"]), lang("en"));
        assert_eq!(localizer.negotiate(["fr"]), lang("zh-CN"));
        assert_eq!(localizer.negotiate(Vec::<&str>::new()), lang("zh-CN"));
        let from_header = Localizer::parse_accept_language("de;q=0.9, en-GB;q=0.8");
        assert_eq!(localizer.negotiate(from_header.iter().map(String::as_str)), lang("en"));
    }

    #[test]
    fn the_border_languages_are_negotiated_with_or_without_a_region() {
        let localizer = Localizer::load_embedded().expect("locales load");
        for (asked, expected) in
            [("lo-LA", "lo"), ("th-TH", "th"), ("my-MM", "my"), ("khb", "khb"), ("hni-CN", "hni"), ("lhu", "lhu")]
        {
            assert_eq!(localizer.negotiate([asked]), lang(expected), "{asked}");
        }
        let from_header = Localizer::parse_accept_language("fr, th;q=0.8, en;q=0.5");
        assert_eq!(localizer.negotiate(from_header.iter().map(String::as_str)), lang("th"));
    }
}
