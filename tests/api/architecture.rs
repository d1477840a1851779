//! The layering rules of ARCHITECTURE.md, checked on the source text.

use std::path::Path;

fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

fn offenders(layer: &str, forbidden: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(layer);
    rust_files(&root)
        .into_iter()
        .flat_map(|path| {
            let text = std::fs::read_to_string(&path).expect("read source");
            forbidden
                .iter()
                .filter(|name| text.contains(&format!("{name}::")))
                .map(|name| format!("{} uses {name}", path.display()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn pure_layers_import_neither_actix_nor_sea_orm() {
    for layer in ["domain", "border", "demo", "charts", "report", "notice"] {
        let found = offenders(layer, &["actix_web", "sea_orm", "crate::store", "crate::api"]);
        assert!(found.is_empty(), "{found:?}");
    }
}

#[test]
fn handlers_do_not_reach_into_the_store() {
    let found = offenders("api", &["sea_orm", "crate::store"]);
    assert!(found.is_empty(), "{found:?}");
}

/// Every string literal in the code that looks like a message id (`prefix-words`) must exist
/// in the reference locale, so no screen or CLI line ever shows a bare id.
#[test]
fn every_message_id_used_in_the_code_exists_in_zh_cn() {
    let localizer = banna_border::i18n::Localizer::load_embedded().expect("locales load");
    let zh: unic_langid::LanguageIdentifier = "zh-CN".parse().expect("tag");
    let defined = localizer.message_ids(&zh);
    let prefixes = ["problem-", "cli-", "locate-", "border-", "record-", "page-", "locales-", "notice-"];
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut missing = Vec::new();
    for path in rust_files(&root) {
        let text = std::fs::read_to_string(&path).expect("read source");
        for literal in text.split('"').skip(1).step_by(2) {
            let looks_like_id = prefixes.iter().any(|prefix| literal.starts_with(prefix))
                && literal.len() > 6
                && literal.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if looks_like_id && !defined.iter().any(|id| id == literal) {
                missing.push(format!("{}: {literal}", path.display()));
            }
        }
    }
    assert!(missing.is_empty(), "message ids used but not defined in zh-CN: {missing:#?}");
}
