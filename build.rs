//! Fetches the pinned front-end packages (package.json + package-lock.json) with `npm ci` into
//! the build directory, so that the binary can embed Leaflet and serve it itself: no CDN at run
//! time and no third-party code in the repository.
//!
//! `npm ci` runs only when the manifest or the lockfile changes (or the build directory is
//! new); with a warm npm cache it needs no network (`--prefer-offline`).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Files of the npm packages the binary embeds (relative to `node_modules/`).
const EMBEDDED: &[&str] = &[
    "leaflet/dist/leaflet.js",
    "leaflet/dist/leaflet.css",
    "leaflet/dist/images/layers.png",
    "leaflet/dist/images/layers-2x.png",
    "leaflet/dist/images/marker-icon.png",
    "leaflet/dist/images/marker-icon-2x.png",
    "leaflet/dist/images/marker-shadow.png",
    "leaflet/LICENSE",
    "leaflet.markercluster/dist/leaflet.markercluster.js",
    "leaflet.markercluster/dist/MarkerCluster.css",
    "leaflet.markercluster/dist/MarkerCluster.Default.css",
    "leaflet.markercluster/MIT-LICENCE.txt",
];

fn main() {
    println!("cargo::rerun-if-changed=package.json");
    println!("cargo::rerun-if-changed=package-lock.json");
    println!("cargo::rerun-if-env-changed=BANNA_NPM");

    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let npm_dir = out_dir.join("npm");
    std::fs::create_dir_all(&npm_dir).expect("create the npm build directory");
    for file in ["package.json", "package-lock.json"] {
        std::fs::copy(manifest_dir.join(file), npm_dir.join(file))
            .unwrap_or_else(|error| panic!("copy {file} into the build directory: {error}"));
    }

    let npm = std::env::var("BANNA_NPM").unwrap_or_else(|_| "npm".to_owned());
    let status = Command::new(&npm)
        .args(["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline"])
        .current_dir(&npm_dir)
        .status();
    match status {
        Ok(status) if status.success() => {}
        Ok(status) => panic!(
            "`{npm} ci` failed ({status}) in {}: the web map needs the npm packages pinned in package-lock.json",
            npm_dir.display()
        ),
        Err(error) => panic!(
            "could not run `{npm}` ({error}): Node.js and npm are needed to build banna (they fetch Leaflet, \
             pinned in package-lock.json); install them or set BANNA_NPM"
        ),
    }

    let modules = npm_dir.join("node_modules");
    let missing: Vec<&str> = EMBEDDED.iter().copied().filter(|file| !modules.join(file).is_file()).collect();
    assert!(missing.is_empty(), "npm ci did not provide {missing:?} under {}", modules.display());
    write_index(&modules);
}

/// Writes `vendor_files.rs`: `(name, bytes)` pairs for `include_bytes!`, named by path below
/// `node_modules/`.
fn write_index(modules: &Path) {
    let mut index = String::from("&[\n");
    for file in EMBEDDED {
        let absolute = modules.join(file);
        index.push_str(&format!("    ({file:?}, include_bytes!({:?}) as &[u8]),\n", absolute.display().to_string()));
    }
    index.push_str("]\n");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out_dir.join("vendor_files.rs"), index).expect("write vendor_files.rs");
}
