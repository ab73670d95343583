//! The messages compiler (support-messages) on made-up Fluent that uses every construct it
//! resolves (and some it refuses), formatted through the widget's own
//! `Catalog` and compared with fluent-bundle.

use super::reference::{assert_same, Reference};
use crate::i18n::catalog::Catalog;
use crate::i18n::{args, Args, MessageId};
use crate::locale::Locale;

use crate::i18n::fetched;
use support_messages as compile;

const EN_US: &str = r#"
plain = Just text
var = Hello, { $s }!
only-var = { $s }
only-select = { $n ->
    [one] one thing
   *[other] { $n } things
}
select-inside = You have { $n ->
        [0] no messages
        [one] one message
       *[other] { $n } messages
    } and { $x }.
string-keys = { $s ->
    [admin] Administrator
    [one] Literal one
   *[other] Someone called { $s }
}
nested = { $n ->
    [one] { $x ->
        [one] one and one
       *[other] one and { $x }
    }
   *[other] many
}
default-first = { $n ->
   *[other] { $n } items
    [one] one item
}
literals = A brace { "{" }, a quote { "\u0022" }, { "\U01F600" }, numbers { 1.50 }, { 42 }, { -3 } and { 0.5 }.
nested-placeable = Before { { $s } } { { "lit" } } after
multiline =
    First line
    second line, { $s }
      indented more
-brand = Partner Center
-with-var = Brand { $s }
-term-select = { $n ->
    [one] One
   *[other] Other
}
uses-term = Welcome to { -brand }.
uses-term-var = Term says { -with-var }.
uses-term-select = Term picks { -term-select }.
reference = Referenced: { var }
reference-only = { plain }
missing-reference = Broken: { nowhere }, { -nowhere } and { no-value }
cycle-a = A { cycle-b }
cycle-b = B { cycle-a }
no-value =
    .attr = Attribute only
only-in-en = English only { $s }, { $n ->
    [one] one
   *[other] other
}
millions = { $n ->
    [one] one
   *[other] other
}
twice = First
twice = Second { $s }
"#;

const ES_ES: &str = r#"
plain = Solo texto
var = Hola, { $s }.
only-select = { $n ->
    [one] una cosa
   *[other] { $n } cosas
}
millions = { $n ->
    [one] uno
    [many] { $n } de algo
   *[other] { $n } algos
}
only-in-es = Solo en español
no-value =
    .attr = Solo atributo
"#;

const ZH_CN: &str = r#"
plain = 纯文本
var = 你好，{ $s }！
only-select = { $n ->
   *[other] { $n } 个
}
"#;

/// These sources as the widget has them when it fetches every locale: the
/// JSON `support-messages` writes, read by `fetched::decode`.
struct Compiled {
    catalog: Catalog,
    /// The IDs, in the order that numbers them.
    ids: Vec<String>,
}

impl Compiled {
    /// The message's number, as build.rs would write its constant.
    fn id(&self, name: &str) -> Option<MessageId> {
        let index = self.ids.iter().position(|id| id == name)?;
        Some(MessageId(u16::try_from(index).expect("few messages")))
    }

    fn format(&self, locale: Locale, name: &str, args: Option<&Args>) -> String {
        let id = self
            .id(name)
            .unwrap_or_else(|| panic!("{name} has a number"));
        self.catalog.format(locale, id, args)
    }
}

fn catalog(sources: &[(Locale, &str)]) -> Compiled {
    let catalogs: Vec<compile::Catalog> = sources
        .iter()
        .map(|(locale, source)| {
            let catalog = compile::Catalog::compile(locale.as_str(), source);
            catalog.unwrap_or_else(|error| panic!("{error}"))
        })
        .collect();
    let ids = compile::message_ids(&catalogs);
    let table = |locale: Locale| {
        let index = sources.iter().position(|(l, _)| *l == locale);
        let index = index.expect("a source for every locale");
        let json = compile::to_json(&catalogs[index], &ids);
        fetched::decode(&json, ids.len()).expect("support-messages' JSON reads back")
    };
    let catalog = Catalog {
        en_us: table(Locale::EnUs),
        zh_cn: table(Locale::ZhCn),
        zh_tw: table(Locale::ZhTw),
        es_es: table(Locale::EsEs),
    };
    let ids = ids.into_iter().map(str::to_owned).collect();
    Compiled { catalog, ids }
}

fn sources() -> Vec<(Locale, &'static str)> {
    vec![
        (Locale::EnUs, EN_US),
        (Locale::ZhCn, ZH_CN),
        (Locale::ZhTw, ""),
        (Locale::EsEs, ES_ES),
    ]
}

#[test]
fn every_construct_formats_as_fluent_bundle_formats_it() {
    let sources = sources();
    let compiled = catalog(&sources);
    let format = |locale, id, args: Option<&Args>| compiled.catalog.format(locale, id, args);
    let named = |name: &str| compiled.id(name);
    let compared = assert_same(format, named, &Reference::new(&sources), &sources);
    assert!(compared > 1000, "{compared} comparisons");
}

#[test]
fn isolation_and_fallback_read_as_intended() {
    let catalog = catalog(&sources());
    let n = |n: i64| args([("n", n.into()), ("x", "Y".into())]);
    let format = |locale, name, args: &Args| catalog.format(locale, name, Some(args));
    assert_eq!(format(Locale::EnUs, "only-select", &n(1)), "one thing");
    assert_eq!(
        format(Locale::EnUs, "only-select", &n(3)),
        "\u{2068}3\u{2069} things"
    );
    assert_eq!(
        format(Locale::EnUs, "select-inside", &n(0)),
        "You have \u{2068}no messages\u{2069} and \u{2068}Y\u{2069}."
    );
    // A message missing from a translation is the English one, with
    // English plurals.
    assert_eq!(
        format(Locale::ZhCn, "only-in-en", &n(1)),
        "English only \u{2068}{$s}\u{2069}, \u{2068}one\u{2069}"
    );
    assert_eq!(catalog.format(Locale::ZhTw, "plain", None), "Just text");
    // A message en-US lacks has no constant, so no code asks for it; if
    // asked, it is written as nothing.
    assert_eq!(catalog.format(Locale::EnUs, "only-in-es", None), "");
    assert_eq!(
        catalog.format(Locale::EsEs, "only-in-es", None),
        "Solo en español"
    );
    // A message without a value, in any locale, has no number at all.
    assert_eq!(catalog.id("no-value"), None);
}

#[test]
fn spanish_millions_choose_many() {
    let catalog = catalog(&sources());
    let millions =
        |n: i64| catalog.format(Locale::EsEs, "millions", Some(&args([("n", n.into())])));
    assert_eq!(millions(1), "uno");
    assert_eq!(millions(2_000_000), "\u{2068}2.000.000\u{2069} de algo");
    assert_eq!(millions(2_000_001), "\u{2068}2.000.001\u{2069} algos");
}

#[test]
fn unsupported_fluent_fails_the_build_naming_the_message() {
    let cases = [
        (
            "total = { NUMBER($n) }",
            "message total: the function NUMBER()",
        ),
        (
            "a = x\n    .b = y\nc = { a.b }",
            "message c: an attribute reference",
        ),
        (
            "-t = T\nd = { -t(case: \"x\") }",
            "message d: a term reference with arguments",
        ),
        (
            "e = { 1 ->\n   *[other] x\n}",
            "message e: a selector other than a variable",
        ),
        (
            "f = { $n ->\n    [1.5] x\n   *[other] y\n}",
            "message f: the variant key [1.5]",
        ),
        ("ok = fine\ng = { $n\n", "widget.ftl:2: "),
    ];
    for (source, expected) in cases {
        let error = compile::Catalog::compile("widget.ftl", source).err();
        let error = error.unwrap_or_else(|| panic!("{source} compiled"));
        assert!(error.contains(expected), "{error}");
    }
}

#[test]
fn a_message_defined_twice_is_reported_and_the_last_one_wins() {
    let compiled = compile::Catalog::compile("widget.ftl", EN_US).expect("compiles");
    assert_eq!(compiled.duplicates, ["twice"]);
    let catalog = catalog(&sources());
    let text = catalog.format(Locale::EnUs, "twice", Some(&args([("s", "X".into())])));
    assert_eq!(text, "Second \u{2068}X\u{2069}");
}
