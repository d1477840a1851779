//! Fluent message bundles and language negotiation: every user-visible string goes through here.
//!
//! Locales live in `locales/<bcp47>/*.ftl` and are embedded in the binary. zh-CN is the
//! reference and the fallback: a message missing from a partial locale is taken from zh-CN,
//! never shown as its id.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rust_embed::Embed;
use unic_langid::LanguageIdentifier;

#[derive(Embed)]
#[folder = "locales/"]
#[include = "*.ftl"]
struct LocaleFiles;

/// The reference locale, also the fallback for every other.
pub const DEFAULT_LOCALE: &str = "zh-CN";

/// A problem found while loading the locale files.
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
        Localizer::from_sources(files)
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
            let mut bundle = FluentBundle::new_concurrent(vec![id.clone()]);
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
        let available = locales.iter().map(|locale| locale.id.clone()).collect();
        Ok(Localizer { locales, available, default })
    }

    /// The locales present, reference first.
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

/// How completely one locale covers the reference (zh-CN).
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    pub locale: String,
    pub defined: usize,
    pub reference: usize,
    /// Reference ids this locale lacks (they fall back to zh-CN).
    pub missing: Vec<String>,
}

/// `banna locales check`: every syntax error of every file, and each locale's coverage.
/// Locales are read from `dir` (one folder per BCP 47 tag) so files can be checked before a
/// build embeds them.
pub fn check_dir(dir: &std::path::Path) -> std::io::Result<(Vec<Coverage>, Vec<I18nError>)> {
    let mut files: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if !entry.file_type()?.is_dir() {
            continue;
        }
        let tag = entry.file_name().to_string_lossy().into_owned();
        let mut paths: Vec<_> = std::fs::read_dir(entry.path())?
            .filter_map(Result::ok)
            .map(|file| file.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path)?;
            files.entry(tag.clone()).or_default().push((path.display().to_string(), text));
        }
    }
    Ok(check_sources(&files))
}

/// Coverage and errors of in-memory sources (see [`check_dir`]).
pub fn check_sources(files: &BTreeMap<String, Vec<(String, String)>>) -> (Vec<Coverage>, Vec<I18nError>) {
    let mut errors = Vec::new();
    let mut ids: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (tag, sources) in files {
        if tag.parse::<LanguageIdentifier>().is_err() {
            errors.push(I18nError::BadTag { dir: tag.clone() });
        }
        let defined = ids.entry(tag.clone()).or_default();
        for (file, text) in sources {
            let resource = match FluentResource::try_new(text.clone()) {
                Ok(resource) => resource,
                Err((resource, parse_errors)) => {
                    for error in parse_errors {
                        let line = text_line(text, entry_start(&error));
                        errors.push(I18nError::Syntax { file: file.clone(), line, message: error.to_string() });
                    }
                    resource
                }
            };
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(message) = entry {
                    let id = message.id.name.to_owned();
                    if defined.contains(&id) {
                        errors.push(I18nError::Duplicate { file: file.clone(), id });
                    } else {
                        defined.push(id);
                    }
                }
            }
        }
    }
    let Some(reference) = ids.get(DEFAULT_LOCALE).cloned() else {
        errors.push(I18nError::NoReference);
        return (Vec::new(), errors);
    };
    let coverage = ids
        .iter()
        .map(|(tag, defined)| Coverage {
            locale: tag.clone(),
            defined: reference.iter().filter(|id| defined.contains(id)).count(),
            reference: reference.len(),
            missing: reference.iter().filter(|id| !defined.contains(id)).cloned().collect(),
        })
        .collect();
    (coverage, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(tag: &str) -> LanguageIdentifier {
        tag.parse().expect("valid tag")
    }

    #[test]
    fn every_locale_parses_and_matches_the_reference() {
        let localizer = Localizer::load_embedded().expect("locales load without errors");
        let reference = localizer.message_ids(&lang(DEFAULT_LOCALE)).to_vec();
        assert!(!reference.is_empty(), "the reference locale defines messages");
        let english = localizer.message_ids(&lang("en"));
        let missing_in_en: Vec<_> = reference.iter().filter(|id| !english.contains(id)).collect();
        let extra_in_en: Vec<_> = english.iter().filter(|id| !reference.contains(id)).collect();
        assert!(missing_in_en.is_empty(), "en lacks {missing_in_en:?}");
        assert!(extra_in_en.is_empty(), "en has ids zh-CN lacks: {extra_in_en:?}");
    }

    #[test]
    fn a_syntax_error_is_reported_with_its_file() {
        let mut files = BTreeMap::new();
        files.insert("zh-CN".to_owned(), vec![("zh-CN/x.ftl".to_owned(), "ok = 好\nbroken = {\n".to_owned())]);
        let errors = Localizer::from_sources(files).err().expect("a syntax error is an error");
        assert!(matches!(&errors[0], I18nError::Syntax { file, line: 2, .. } if file == "zh-CN/x.ftl"), "{errors:?}");
    }

    #[test]
    fn the_shipped_locale_folder_checks_clean_and_complete_for_zh_and_en() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        let (coverage, errors) = check_dir(&dir).expect("read locales");
        assert!(errors.is_empty(), "{errors:?}");
        for tag in ["zh-CN", "en"] {
            let locale = coverage.iter().find(|c| c.locale == tag).expect("present");
            assert!(locale.missing.is_empty(), "{tag} lacks {:?}", locale.missing);
        }
    }

    #[test]
    fn coverage_counts_missing_reference_ids() {
        let mut files = BTreeMap::new();
        files.insert("zh-CN".to_owned(), vec![("a.ftl".to_owned(), "a = 甲\nb = 乙\n".to_owned())]);
        files.insert("lo".to_owned(), vec![("a.ftl".to_owned(), "a = ກ\n".to_owned())]);
        let (coverage, errors) = check_sources(&files);
        assert!(errors.is_empty());
        let lao = coverage.iter().find(|c| c.locale == "lo").expect("lo");
        assert_eq!((lao.defined, lao.reference, lao.missing.clone()), (1, 2, vec!["b".to_owned()]));
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
}
