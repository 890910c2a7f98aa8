//! Helpers shared by the tests that read the project's own source (structure, vocabulary, choices).

use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/`, sorted, with its path relative to the crate root (`src/...`).
#[allow(dead_code)] // each test crate that includes this module uses only some of it
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

/// Pipes `intent` to `sls-encrypt compile -` and returns its exit status and standard output.
#[allow(dead_code)] // each test crate that includes this module uses only some of it
pub fn compile_with_cli(intent: &serde_json::Value) -> (i32, String) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_sls-encrypt"))
        .args(["compile", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(intent.to_string().as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap())
}
