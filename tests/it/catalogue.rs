//! The message catalogue is whole: every language has every message with the same
//! placeholders, every message the code asks for exists with the arguments the code passes,
//! every message is asked for, and every command text Discord shows is there in every
//! language within Discord's limits. Read from `locales/` and `src/`, like `layers.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use tandem::text::Locale;

/// Message id → the variables its value uses.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn variables_of_inline(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    use ast::InlineExpression as I;
    match e {
        I::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        I::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                variables_of_inline(a, out);
            }
            for a in &arguments.named {
                variables_of_inline(&a.value, out);
            }
        }
        I::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                variables_of_inline(a, out);
            }
        }
        I::Placeable { expression } => variables_of_expression(expression, out),
        _ => {}
    }
}

fn variables_of_expression(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => variables_of_inline(i, out),
        ast::Expression::Select { selector, variants } => {
            variables_of_inline(selector, out);
            for v in variants {
                variables_of_pattern(&v.value, out);
            }
        }
    }
}

fn variables_of_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            variables_of_expression(expression, out);
        }
    }
}

/// Every message of one language, with its variables; panics on a file that does not parse
/// or an id given twice.
fn language(code: &str) -> (Messages, BTreeMap<String, String>) {
    let dir = root().join("locales").join(code);
    let mut messages = Messages::new();
    let mut texts = BTreeMap::new();
    for (feature, _) in tandem::text::SOURCES {
        let path = dir.join(format!("{feature}.ftl"));
        let source =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let resource = fluent_syntax::parser::parse(source.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", path.display()));
        for entry in resource.body {
            let ast::Entry::Message(m) = entry else {
                continue;
            };
            let id = m.id.name.to_string();
            let value = m
                .value
                .as_ref()
                .unwrap_or_else(|| panic!("{id} in {} has no value", path.display()));
            let mut vars = BTreeSet::new();
            variables_of_pattern(value, &mut vars);
            assert!(
                messages.insert(id.clone(), vars).is_none(),
                "{id} is given twice in locales/{code}"
            );
            texts.insert(id, feature.to_string());
        }
    }
    (messages, texts)
}

#[test]
fn every_language_has_every_message_with_the_same_placeholders() {
    let folders: BTreeSet<String> = std::fs::read_dir(root().join("locales"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let codes: BTreeSet<String> = Locale::ALL.iter().map(|l| l.code().to_string()).collect();
    assert_eq!(
        folders, codes,
        "locales/ holds one folder per catalogue language"
    );
    let files: BTreeSet<String> = std::fs::read_dir(root().join("locales/en"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let built: BTreeSet<String> = tandem::text::SOURCES
        .iter()
        .map(|(f, _)| format!("{f}.ftl"))
        .collect();
    assert_eq!(
        files, built,
        "every file in locales/en is built into the binary"
    );

    let (english, english_files) = language("en");
    assert!(
        english.len() > 300,
        "only {} English messages",
        english.len()
    );
    let mut problems = Vec::new();
    for l in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
        let (other, other_files) = language(l.code());
        for (id, vars) in &english {
            match other.get(id) {
                None => problems.push(format!("{}: {id} is missing", l.code())),
                Some(v) if v != vars => problems.push(format!(
                    "{}: {id} uses {v:?}, English uses {vars:?}",
                    l.code()
                )),
                Some(_) if other_files[id] != english_files[id] => problems.push(format!(
                    "{}: {id} is in {}.ftl, English has it in {}.ftl",
                    l.code(),
                    other_files[id],
                    english_files[id]
                )),
                Some(_) => {}
            }
        }
        for id in other.keys().filter(|id| !english.contains_key(*id)) {
            problems.push(format!("{}: {id} is not an English message", l.code()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A call `t!(l, "id", a = …, b = …)` or a `Key("id")` in the source.
#[derive(Debug)]
struct Use {
    file: String,
    id: String,
    /// `None` for a `Key`: a message shown without arguments.
    args: BTreeSet<String>,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The text of a macro call's arguments after `start` (just past its opening parenthesis).
fn call_arguments(text: &str, start: usize) -> &str {
    let mut depth = 1;
    for (i, c) in text[start..].char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return &text[start..start + i];
                }
            }
            _ => {}
        }
    }
    &text[start..]
}

/// The arguments split at top-level commas.
fn split_top(args: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut from) = (Vec::new(), 0, 0);
    let mut in_string = false;
    let bytes = args.as_bytes();
    for (i, c) in args.char_indices() {
        match c {
            '"' if i == 0 || bytes[i - 1] != b'\\' => in_string = !in_string,
            '(' | '[' | '{' if !in_string => depth += 1,
            ')' | ']' | '}' if !in_string => depth -= 1,
            ',' if depth == 0 && !in_string => {
                parts.push(args[from..i].trim());
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(args[from..].trim());
    parts.retain(|p| !p.is_empty());
    parts
}

fn uses() -> Vec<Use> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let file = path.strip_prefix(root()).unwrap().display().to_string();
        for (i, _) in text.match_indices("t!(") {
            // `t!` itself, not `format_t!(` or a word ending in t.
            if text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let parts = split_top(call_arguments(&text, i + 3));
            let Some(id) = parts
                .get(1)
                .and_then(|p| p.strip_prefix('"')?.strip_suffix('"'))
            else {
                continue; // the macro's own definition
            };
            let args = parts[2..]
                .iter()
                .map(|p| {
                    p.split_once('=')
                        .unwrap_or_else(|| panic!("{file}: argument `{p}` of {id} has no name"))
                        .0
                        .trim()
                        .to_string()
                })
                .collect();
            out.push(Use {
                file: file.clone(),
                id: id.to_string(),
                args,
            });
        }
        for (i, _) in text.match_indices("Key(\"") {
            let rest = &text[i + 5..];
            let id = &rest[..rest.find('"').unwrap()];
            out.push(Use {
                file: file.clone(),
                id: id.to_string(),
                args: BTreeSet::new(),
            });
        }
    }
    out
}

/// Every command, option and choice text the commands carry, by catalogue key.
fn command_keys() -> BTreeMap<String, String> {
    fn walk(
        c: &poise::Command<tandem::discord::Data, tandem::discord::Error>,
        parent: &str,
        out: &mut BTreeMap<String, String>,
    ) {
        use tandem::discord::commands::catalogue_key;
        let name = if parent.is_empty() {
            c.name.to_string()
        } else {
            format!("{parent} {}", c.name)
        };
        out.insert(catalogue_key(&[&name]), name.clone());
        for p in &c.parameters {
            out.insert(
                catalogue_key(&[&name, &p.name]),
                format!("{name} {}", p.name),
            );
            for choice in p.choices.iter() {
                // Choices are keyed by their English name before localisation; after it the
                // base name is the catalogue's English text, which is the same.
                out.insert(
                    catalogue_key(&[&name, &p.name, &choice.name]),
                    format!("{name} {} {}", p.name, choice.name),
                );
            }
        }
        for s in &c.subcommands {
            walk(s, &name, out);
        }
    }
    let mut out = BTreeMap::new();
    for c in tandem::discord::commands::all() {
        walk(&c, "", &mut out);
    }
    out
}

#[test]
fn every_message_the_code_asks_for_exists_with_the_arguments_it_passes_and_each_is_used() {
    let (english, _) = language("en");
    let uses = uses();
    assert!(uses.len() > 300, "only {} uses found", uses.len());
    let mut problems = Vec::new();
    for u in &uses {
        match english.get(&u.id) {
            None => problems.push(format!("{}: {} is not in the catalogue", u.file, u.id)),
            Some(vars) if *vars != u.args => problems.push(format!(
                "{}: {} is given {:?} but uses {vars:?}",
                u.file, u.id, u.args
            )),
            Some(_) => {}
        }
    }
    let commands = command_keys();
    let asked: BTreeSet<&str> = uses
        .iter()
        .map(|u| u.id.as_str())
        .chain(commands.keys().map(String::as_str))
        .collect();
    for id in english.keys().filter(|id| !asked.contains(id.as_str())) {
        problems.push(format!("{id} is in the catalogue but nothing shows it"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_command_option_and_choice_is_described_in_every_language_within_discords_limits() {
    let commands = command_keys();
    let mut problems = Vec::new();
    for l in Locale::ALL {
        for (key, what) in &commands {
            match tandem::text::lookup(l, key) {
                None => problems.push(format!("{}: no text for /{what} ({key})", l.code())),
                Some(t) if t.trim().is_empty() || t.chars().count() > 100 => problems.push(
                    format!("{}: /{what} has {} characters", l.code(), t.chars().count()),
                ),
                Some(_) => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // And they reach Discord: every command carries Spanish and French descriptions.
    for c in tandem::discord::commands::all() {
        let codes: BTreeSet<&str> = c
            .description_localizations
            .iter()
            .map(|(code, _)| code.as_ref())
            .collect();
        for l in Locale::ALL {
            for code in l.discord_codes() {
                assert!(
                    codes.contains(code),
                    "/{} has no {code} description",
                    c.name
                );
            }
        }
    }
}
