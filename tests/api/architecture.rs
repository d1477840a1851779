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
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(layer);
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
    for layer in ["domain", "border", "demo"] {
        let found = offenders(
            layer,
            &["actix_web", "sea_orm", "crate::store", "crate::api"],
        );
        assert!(found.is_empty(), "{found:?}");
    }
}

#[test]
fn handlers_do_not_reach_into_the_store() {
    let found = offenders("api", &["sea_orm", "crate::store"]);
    assert!(found.is_empty(), "{found:?}");
}
