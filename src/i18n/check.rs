//! The rules `banna locales check` enforces on a folder of locales, before a build embeds them:
//! every file parses, zh-CN and en define the same messages, lo, th and my define every message
//! the public can see, no locale defines a message the reference lacks, and every translation
//! uses the same variables as the reference.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use super::{COMPLETE, DEFAULT_LOCALE, I18nError, PUBLIC_COMPLETE, PUBLIC_FILES, display_rank, entry_start, text_line};

/// How completely one locale covers the reference (zh-CN).
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    pub locale: String,
    pub defined: usize,
    pub reference: usize,
    /// Reference ids this locale lacks (they fall back to zh-CN).
    pub missing: Vec<String>,
}

impl Coverage {
    /// Share of the reference this locale defines, in percent (100 for an empty reference).
    pub fn percent(&self) -> f64 {
        if self.reference == 0 { 100.0 } else { self.defined as f64 * 100.0 / self.reference as f64 }
    }
}

/// `banna locales check`: every problem of every file, and each locale's coverage.
/// Locales are read from `dir` (one folder per BCP 47 tag, `.ftl` files inside).
pub fn check_dir(dir: &Path) -> std::io::Result<(Vec<Coverage>, Vec<I18nError>)> {
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
        let sources = files.entry(tag).or_default();
        for path in paths {
            let text = std::fs::read_to_string(&path)?;
            sources.push((path.display().to_string(), text));
        }
    }
    Ok(check_sources(&files))
}

/// One message as a locale defines it.
struct Definition {
    file: String,
    line: usize,
    variables: BTreeSet<String>,
}

/// Coverage and problems of in-memory sources: `locale tag → [(file name, text)]`.
pub fn check_sources(files: &BTreeMap<String, Vec<(String, String)>>) -> (Vec<Coverage>, Vec<I18nError>) {
    let mut errors = Vec::new();
    let mut locales: BTreeMap<&str, BTreeMap<String, Definition>> = BTreeMap::new();
    let mut public_ids = BTreeSet::new();
    for (tag, sources) in files {
        if tag.parse::<LanguageIdentifier>().is_err() {
            errors.push(I18nError::BadTag { dir: tag.clone() });
        }
        let defined = locales.entry(tag.as_str()).or_default();
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
            let public = tag == DEFAULT_LOCALE && is_public_file(file);
            for entry in resource.entries() {
                let ast::Entry::Message(message) = entry else {
                    continue;
                };
                let id = message.id.name.to_owned();
                if defined.contains_key(&id) {
                    errors.push(I18nError::Duplicate { file: file.clone(), id });
                    continue;
                }
                if public {
                    public_ids.insert(id.clone());
                }
                let definition =
                    Definition { file: file.clone(), line: definition_line(text, &id), variables: variables(message) };
                defined.insert(id, definition);
            }
        }
    }
    let Some(reference) = locales.get(DEFAULT_LOCALE) else {
        errors.push(I18nError::NoReference);
        return (Vec::new(), errors);
    };
    for required in COMPLETE.iter().chain(PUBLIC_COMPLETE.iter()) {
        if !locales.contains_key(required) {
            errors.push(I18nError::Absent { locale: (*required).to_owned() });
        }
    }
    let mut coverage = Vec::new();
    for (tag, defined) in &locales {
        let missing: Vec<String> = reference.keys().filter(|id| !defined.contains_key(*id)).cloned().collect();
        coverage.push(Coverage {
            locale: (*tag).to_owned(),
            defined: reference.len() - missing.len(),
            reference: reference.len(),
            missing,
        });
        if *tag == DEFAULT_LOCALE {
            continue;
        }
        for (id, definition) in defined {
            match reference.get(id) {
                None => errors.push(I18nError::Orphan {
                    file: definition.file.clone(),
                    line: definition.line,
                    id: id.clone(),
                }),
                Some(expected) if expected.variables != definition.variables => errors.push(I18nError::Placeables {
                    file: definition.file.clone(),
                    line: definition.line,
                    id: id.clone(),
                    expected: expected.variables.iter().cloned().collect(),
                    found: definition.variables.iter().cloned().collect(),
                }),
                Some(_) => {}
            }
        }
        let required: Vec<String> = if COMPLETE.contains(tag) {
            reference.keys().filter(|id| !defined.contains_key(*id)).cloned().collect()
        } else if PUBLIC_COMPLETE.contains(tag) {
            public_ids.iter().filter(|id| !defined.contains_key(*id)).cloned().collect()
        } else {
            Vec::new()
        };
        if !required.is_empty() {
            errors.push(I18nError::Incomplete { locale: (*tag).to_owned(), missing: required });
        }
    }
    coverage.sort_by_key(|locale| (display_rank(&locale.locale), locale.locale.clone()));
    (coverage, errors)
}

/// Whether a reference file holds messages the public can see (`public.ftl`, `problems.ftl`).
fn is_public_file(file: &str) -> bool {
    Path::new(file).file_name().and_then(|name| name.to_str()).is_some_and(|name| PUBLIC_FILES.contains(&name))
}

/// 1-based line where message `id` is defined (`id =` at the start of a line), 0 if not found.
fn definition_line(text: &str, id: &str) -> usize {
    text.lines()
        .position(|line| line.strip_prefix(id).is_some_and(|rest| rest.trim_start().starts_with('=')))
        .map_or(0, |index| index + 1)
}

/// The variables (`{ $name }`) a message uses anywhere: value, attributes, selectors, variants.
fn variables(message: &ast::Message<&str>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let patterns = message.value.iter().chain(message.attributes.iter().map(|attribute| &attribute.value));
    for pattern in patterns {
        pattern_variables(pattern, &mut found);
    }
    found
}

fn pattern_variables(pattern: &ast::Pattern<&str>, found: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, found);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, found);
            for variant in variants {
                pattern_variables(&variant.value, found);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, found),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
    let arguments = match inline {
        ast::InlineExpression::VariableReference { id } => {
            found.insert(id.name.to_owned());
            None
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => Some(arguments),
        ast::InlineExpression::TermReference { arguments, .. } => arguments.as_ref(),
        ast::InlineExpression::Placeable { expression } => {
            expression_variables(expression, found);
            None
        }
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. }
        | ast::InlineExpression::MessageReference { .. } => None,
    };
    if let Some(arguments) = arguments {
        for argument in arguments.positional.iter().chain(arguments.named.iter().map(|named| &named.value)) {
            inline_variables(argument, found);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sources from `(tag, file, text)` triples.
    fn sources(entries: &[(&str, &str, &str)]) -> BTreeMap<String, Vec<(String, String)>> {
        let mut files: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
        for (tag, file, text) in entries {
            files.entry((*tag).to_owned()).or_default().push((format!("{tag}/{file}"), (*text).to_owned()));
        }
        files
    }

    /// A minimal valid set: every required locale present and complete where it must be.
    fn valid() -> Vec<(&'static str, &'static str, &'static str)> {
        vec![
            ("zh-CN", "public.ftl", "page-a = 甲 { $name }\n"),
            ("zh-CN", "pages.ftl", "page-b = 乙\n"),
            ("en", "public.ftl", "page-a = A { $name }\n"),
            ("en", "pages.ftl", "page-b = B\n"),
            ("lo", "public.ftl", "page-a = ກ { $name }\n"),
            ("th", "public.ftl", "page-a = ก { $name }\n"),
            ("my", "public.ftl", "page-a = က { $name }\n"),
        ]
    }

    #[test]
    fn a_complete_set_passes_and_partial_coverage_is_only_reported() {
        let (coverage, errors) = check_sources(&sources(&valid()));
        assert!(errors.is_empty(), "{errors:?}");
        let lao = coverage.iter().find(|c| c.locale == "lo").expect("lo");
        assert_eq!((lao.defined, lao.reference, lao.missing.clone()), (1, 2, vec!["page-b".to_owned()]));
        assert_eq!(lao.percent(), 50.0);
    }

    #[test]
    fn coverage_counts_missing_reference_ids() {
        let files = sources(&[("zh-CN", "a.ftl", "a = 甲\nb = 乙\n"), ("khb", "a.ftl", "a = ᦀ\n")]);
        let (coverage, _) = check_sources(&files);
        let tai_lue = coverage.iter().find(|c| c.locale == "khb").expect("khb");
        assert_eq!((tai_lue.defined, tai_lue.reference, tai_lue.missing.clone()), (1, 2, vec!["b".to_owned()]));
    }

    #[test]
    fn an_orphan_key_is_an_error_with_its_line() {
        let mut entries = valid();
        entries.push(("lo", "extra.ftl", "# comment\npage-c = ຄ\n"));
        let (_, errors) = check_sources(&sources(&entries));
        assert!(
            matches!(errors.as_slice(), [I18nError::Orphan { file, line: 2, id }] if file == "lo/extra.ftl" && id == "page-c"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_public_message_missing_from_thai_is_an_error_but_not_from_tai_lue() {
        let mut entries: Vec<_> = valid().into_iter().filter(|(tag, _, _)| *tag != "th").collect();
        entries.push(("th", "public.ftl", "# nothing yet\n"));
        entries.push(("khb", "public.ftl", "# nothing yet\n"));
        let (_, errors) = check_sources(&sources(&entries));
        assert!(
            matches!(errors.as_slice(), [I18nError::Incomplete { locale, missing }] if locale == "th" && missing == &["page-a"]),
            "{errors:?}"
        );
    }

    #[test]
    fn problems_ftl_is_public_too() {
        let mut entries = valid();
        entries.push(("zh-CN", "problems.ftl", "oops = 错\n"));
        entries.push(("en", "problems.ftl", "oops = Wrong\n"));
        entries.push(("lo", "problems.ftl", "oops = ຜິດ\n"));
        entries.push(("th", "problems.ftl", "oops = ผิด\n"));
        let (_, errors) = check_sources(&sources(&entries));
        assert!(
            matches!(errors.as_slice(), [I18nError::Incomplete { locale, missing }] if locale == "my" && missing == &["oops"]),
            "{errors:?}"
        );
    }

    #[test]
    fn english_must_have_every_reference_message() {
        let entries: Vec<_> =
            valid().into_iter().filter(|(tag, file, _)| !(*tag == "en" && *file == "pages.ftl")).collect();
        let (_, errors) = check_sources(&sources(&entries));
        assert!(
            matches!(errors.as_slice(), [I18nError::Incomplete { locale, missing }] if locale == "en" && missing == &["page-b"]),
            "{errors:?}"
        );
    }

    #[test]
    fn a_missing_required_locale_is_an_error() {
        let entries: Vec<_> = valid().into_iter().filter(|(tag, _, _)| *tag != "my").collect();
        let (_, errors) = check_sources(&sources(&entries));
        assert!(matches!(errors.as_slice(), [I18nError::Absent { locale }] if locale == "my"), "{errors:?}");
    }

    #[test]
    fn a_different_variable_set_is_an_error_even_in_a_partial_locale() {
        let mut entries = valid();
        entries.push(("hni", "public.ftl", "\npage-a = { $user }\n"));
        let (_, errors) = check_sources(&sources(&entries));
        let expected = (vec!["name".to_owned()], vec!["user".to_owned()]);
        assert!(
            matches!(errors.as_slice(), [I18nError::Placeables { file, line: 2, id, expected: e, found: f }]
                if file == "hni/public.ftl" && id == "page-a" && (e.clone(), f.clone()) == expected),
            "{errors:?}"
        );
    }

    #[test]
    fn variables_in_selectors_variants_attributes_and_calls_are_all_counted() {
        let text = "m = { $count ->\n    [one] { NUMBER($n) }\n   *[other] { -term($t) }\n}\n    .title = { $a }\n";
        let resource = FluentResource::try_new(text.to_owned()).expect("parses");
        let Some(ast::Entry::Message(message)) = resource.entries().next() else { panic!("a message") };
        let found: Vec<String> = variables(message).into_iter().collect();
        assert_eq!(found, ["a", "count", "n", "t"]);
    }

    #[test]
    fn a_syntax_error_is_reported_with_file_and_line() {
        let mut entries = valid();
        entries.push(("lhu", "public.ftl", "ok = x\n\nbroken = {\n"));
        let (_, errors) = check_sources(&sources(&entries));
        assert!(
            errors.iter().any(|e| matches!(e, I18nError::Syntax { file, line: 3, .. } if file == "lhu/public.ftl")),
            "{errors:?}"
        );
    }

    #[test]
    fn the_shipped_locale_folder_passes_every_rule() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        let (coverage, errors) = check_dir(&dir).expect("read locales");
        assert!(errors.is_empty(), "{errors:#?}");
        for tag in COMPLETE {
            let locale = coverage.iter().find(|c| c.locale == tag).expect("present");
            assert!(locale.missing.is_empty(), "{tag} lacks {:?}", locale.missing);
        }
    }
}
