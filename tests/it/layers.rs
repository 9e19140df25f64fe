//! The layers' arrows point one way (DESIGN.md): each part of `src/` names only the parts
//! below it. Read from the source, so a new `use crate::…` that points up, or a cycle between
//! folders, fails here instead of in review.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// What each part may name. `lib`, `main` and `demo` wire everything together.
const ALLOWED: &[(&str, &[&str])] = &[
    ("clock", &[]),
    ("domain", &[]),
    ("store", &["domain"]),
    ("text", &["domain"]),
    ("config", &["domain", "store"]),
    ("ops", &["clock", "domain", "store"]),
    ("digest", &["config", "domain", "store", "text"]),
    ("jobs", &["clock", "config", "domain", "ops", "store"]),
    (
        "discord",
        &[
            "clock", "config", "digest", "domain", "jobs", "ops", "store", "text",
        ],
    ),
];
const WIRING: &[&str] = &["lib", "main", "demo"];

/// The parts named after `crate::` in `text`, including each item of a `crate::{a, b::c}`.
fn named(text: &str) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = BTreeSet::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                out.insert(ident(item.trim()));
            }
        } else {
            out.insert(ident(rest));
        }
    }
    out.retain(|n| !n.is_empty());
    out
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_part_of_the_source_names_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut paths = Vec::new();
    files(&src, &mut paths);
    let mut wrong = Vec::new();
    for path in &paths {
        let relative = path.strip_prefix(&src).unwrap();
        let part = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if WIRING.contains(&part.as_str()) {
            continue;
        }
        let may = allowed
            .get(part.as_str())
            .unwrap_or_else(|| panic!("{} is in no layer: add it to ALLOWED", relative.display()));
        let text = std::fs::read_to_string(path).unwrap();
        for name in named(&text) {
            if name != part && !may.contains(&name.as_str()) {
                wrong.push(format!("{} names crate::{name}", relative.display()));
            }
        }
    }
    assert!(paths.len() > 50, "read the source ({} files)", paths.len());
    assert!(
        wrong.is_empty(),
        "arrows pointing up:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_reader_sees_grouped_and_nested_paths() {
    let text = "use crate::store::Db;\nuse crate::{digest::Report, jobs};\n// crate::ops";
    let found: Vec<String> = named(text).into_iter().collect();
    assert_eq!(found, ["digest", "jobs", "ops", "store"]);
}
