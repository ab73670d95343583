//! The rules (src/rules.rs, src/rules/) need no browser: they import
//! none of its crates and none of the browser-only modules beside them, so
//! that all of them build and are tested natively.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// The crates that only the browser has.
const BROWSER_CRATES: [&str; 7] = [
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "wasm_bindgen_futures",
    "gloo_net",
    "gloo",
    "leptos",
];

/// The modules beside `rules/`, compiled for the browser only.
const BROWSER_MODULES: [&str; 12] = [
    "api",
    "app",
    "components",
    "context",
    "controls",
    "embed",
    "loaded",
    "locales",
    "panel",
    "screens",
    "sending",
    "storage",
];

/// The browser names that `source` uses as paths (`web_sys::Url`,
/// `use crate::{screens::Home, …}`), comments aside. `wasm_bindgen_test`,
/// the harness that runs the rules' tests in a browser as well, is
/// another name and passes.
fn browser_paths(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let mut flag = |name: &str, place: &dyn Fn(Option<char>, &str) -> bool| {
            let mut rest = code;
            while let Some(at) = rest.find(name) {
                let before = rest[..at].chars().next_back();
                let after = &rest[at + name.len()..];
                let is_path = after.starts_with("::") || after.starts_with(" as ");
                if is_path && place(before, &rest[..at]) {
                    found.push(format!("{name} in `{}`", line.trim()));
                }
                rest = after;
            }
        };
        for name in BROWSER_CRATES {
            flag(name, &|before, _| {
                !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
            });
        }
        // After `crate::`, or as an item of a `crate::{…}` group.
        for name in BROWSER_MODULES {
            flag(name, &|before, head| {
                head.ends_with("crate::")
                    || matches!(before, Some('{' | ' ' | '\t'))
                        && (head.contains("crate::{") || !head.contains(|c: char| c != ' '))
                    || head.ends_with(", ") && code.contains("crate::{")
            });
        }
    }
    found
}

fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

#[test]
fn the_rules_import_nothing_of_the_browser() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.join("rules.rs")];
    rust_files(&src.join("rules"), &mut files);
    assert!(files.len() > 30, "{files:?}");
    for file in files {
        let source = std::fs::read_to_string(&file).expect("a readable file");
        let found = browser_paths(&source);
        assert!(found.is_empty(), "{}: {found:?}", file.display());
    }
}

#[test]
fn browser_paths_are_found_wherever_they_are_used() {
    for line in [
        "use web_sys::Url;",
        "    let now = js_sys::Date::now();",
        "use leptos::prelude::*;",
        "use gloo_net::http::Request;",
        "use crate::context::use_widget;",
        "use crate::{rules::i18n, screens::Home};",
        "    context::use_widget,",
        "extern crate wasm_bindgen as wb;",
    ] {
        assert!(!browser_paths(line).is_empty(), "{line}");
    }
    for line in [
        "use wasm_bindgen_test::wasm_bindgen_test as test;",
        "use crate::rules::locale::Locale;",
        "// web_sys::Url would parse it too",
        "let leptos_version = 8;",
        "    let json = serde_json::to_string(&request);",
        "use super::{request::HttpRequest, retry::RetryPolicy};",
    ] {
        assert_eq!(browser_paths(line), Vec::<String>::new(), "{line}");
    }
}
