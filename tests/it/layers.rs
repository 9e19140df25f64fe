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

/// The module a file under `src/` is (`store/pairs.rs` is `["store", "pairs"]`, a `mod.rs` is
/// its folder), and the module its `super::` means.
fn module_of(relative: &Path) -> (Vec<String>, Vec<String>) {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let folder = matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    );
    if folder {
        parts.pop();
    }
    let mut parent = parts.clone();
    parent.pop();
    (parts, parent)
}

/// Every path a use-tree names: `a::{b, c::{d, e}}` is `a::b`, `a::c::d` and `a::c::e`.
fn expand(tree: &str) -> Vec<Vec<String>> {
    fn tree_at(chars: &[char], i: &mut usize) -> Vec<Vec<String>> {
        let mut prefix = Vec::new();
        loop {
            while *i < chars.len() && chars[*i].is_whitespace() {
                *i += 1;
            }
            if chars.get(*i) == Some(&'{') {
                *i += 1;
                let mut out = Vec::new();
                loop {
                    for rest in tree_at(chars, i) {
                        out.push(prefix.iter().cloned().chain(rest).collect());
                    }
                    while *i < chars.len() && chars[*i].is_whitespace() {
                        *i += 1;
                    }
                    match chars.get(*i) {
                        Some(',') => *i += 1,
                        Some('}') => {
                            *i += 1;
                            return out;
                        }
                        _ => return out,
                    }
                    while *i < chars.len() && chars[*i].is_whitespace() {
                        *i += 1;
                    }
                    if chars.get(*i) == Some(&'}') {
                        *i += 1;
                        return out;
                    }
                }
            }
            let start = *i;
            while *i < chars.len() && (chars[*i].is_alphanumeric() || chars[*i] == '_') {
                *i += 1;
            }
            if *i == start {
                return vec![prefix];
            }
            prefix.push(chars[start..*i].iter().collect());
            if chars[*i..].starts_with(&[':', ':']) {
                *i += 2;
            } else {
                return vec![prefix];
            }
        }
    }
    let chars: Vec<char> = tree.chars().collect();
    tree_at(&chars, &mut 0)
}

/// The other files of `src/` that `text` (the file `me`) names, by `crate::` or `super::`
/// paths, leaving out its own folders and sub-modules; `modules` are all files' modules.
fn files_named(text: &str, me: &Path, modules: &BTreeSet<Vec<String>>) -> BTreeSet<Vec<String>> {
    let (this, parent) = module_of(me);
    // Tests may reach anywhere; only the code that ships counts.
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    let mut out = BTreeSet::new();
    let bytes = text.as_bytes();
    for (at, _) in text
        .match_indices("crate::")
        .chain(text.match_indices("super::"))
    {
        if at > 0
            && (bytes[at - 1].is_ascii_alphanumeric()
                || bytes[at - 1] == b'_'
                || bytes[at - 1] == b':')
        {
            continue;
        }
        let mut base = if text[at..].starts_with("crate::") {
            Vec::new()
        } else {
            parent.clone()
        };
        // "crate::" and "super::" are both seven characters.
        let mut rest = &text[at + 7..];
        while let Some(more) = rest.strip_prefix("super::") {
            base.pop();
            rest = more;
        }
        for path in expand(rest) {
            let full: Vec<String> = base.iter().cloned().chain(path).collect();
            let found = (1..=full.len())
                .rev()
                .map(|n| full[..n].to_vec())
                .find(|m| modules.contains(m));
            if let Some(m) = found {
                let related = m.starts_with(&this) || this.starts_with(&m);
                if !related {
                    out.insert(m);
                }
            }
        }
    }
    out
}

#[test]
fn no_files_of_the_source_name_each_other_in_a_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    files(&src, &mut paths);
    let relative: Vec<&Path> = paths
        .iter()
        .map(|p| p.strip_prefix(&src).unwrap())
        .collect();
    let modules: BTreeSet<Vec<String>> = relative.iter().map(|r| module_of(r).0).collect();
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (path, rel) in paths.iter().zip(&relative) {
        let text = std::fs::read_to_string(path).unwrap();
        edges
            .entry(module_of(rel).0)
            .or_default()
            .extend(files_named(&text, rel, &modules));
    }
    assert!(
        edges.values().map(BTreeSet::len).sum::<usize>() > 100,
        "read the source's imports"
    );
    // Depth-first: a module met again while it is still on the path closes a cycle.
    fn visit(
        m: &Vec<String>,
        edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        path: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
        cycles: &mut Vec<String>,
    ) {
        if let Some(at) = path.iter().position(|p| p == m) {
            let names: Vec<String> = path[at..].iter().chain([m]).map(|p| p.join("::")).collect();
            cycles.push(names.join(" -> "));
            return;
        }
        if !done.insert(m.clone()) {
            return;
        }
        path.push(m.clone());
        for next in edges.get(m).into_iter().flatten() {
            visit(next, edges, path, done, cycles);
        }
        path.pop();
    }
    let (mut done, mut cycles) = (BTreeSet::new(), Vec::new());
    for m in edges.keys() {
        visit(m, &edges, &mut Vec::new(), &mut done, &mut cycles);
    }
    assert!(
        cycles.is_empty(),
        "files naming each other:\n{}",
        cycles.join("\n")
    );
}

#[test]
fn the_cycle_reader_follows_super_and_nested_groups() {
    let modules: BTreeSet<Vec<String>> = [
        "store",
        "store::pairs",
        "store::circles",
        "domain",
        "domain::pair",
        "discord",
        "discord::commands",
        "discord::commands::pair",
    ]
    .iter()
    .map(|m| m.split("::").map(String::from).collect())
    .collect();
    let text = "use super::circles::x;\nuse crate::{domain::{pair::Pair, member}, discord};\n\
                fn f() { super::super::discord::commands::pair::go(); }\n#[cfg(test)]\nuse crate::store::pairs;";
    let found: Vec<String> = files_named(text, Path::new("store/pairs.rs"), &modules)
        .into_iter()
        .map(|m| m.join("::"))
        .collect();
    assert_eq!(
        found,
        [
            "discord",
            "discord::commands::pair",
            "domain",
            "domain::pair",
            "store::circles"
        ]
    );
}
