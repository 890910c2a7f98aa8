//! Helpers shared by the tests that read the project's own source (structure, vocabulary, choices).

use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/`, sorted, with its path relative to the crate root (`src/...`).
pub fn src_files() -> Vec<(String, PathBuf)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&root.join("src"), &mut files);
    files.sort();
    files.into_iter().map(|f| (f.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"), f)).collect()
}
