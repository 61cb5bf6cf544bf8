//! The versioned file format: `{"format": "strategy-studio", "version": 2, "strategy": …}`.
//! Version 1 (fixed priority → goal → result slots) and version 0 (a bare
//! version-1 strategy without the envelope) are read through [`crate::migrate`].
//!
//! Export is pretty JSON in a stable key order, so two exports of the same data
//! are byte-identical, with every field written out. The browser's storage
//! keeps the [`compact`] form instead: the same valid file, on one line, with
//! each field that holds its default left out (reading fills it back in), a
//! sixth of the size or less. Import parses, migrates older versions, refuses newer
//! ones, reports unknown fields and validates; every problem names its JSON
//! path relative to the strategy object. A well-formed file is read in one
//! pass from its text to the typed strategy (no JSON value tree in between);
//! any other is read again through a JSON value, which names what is wrong.

use serde::Serialize;
use serde_json::Value as Json;

use crate::model::Strategy;
use crate::problem::Problem;
use crate::validate::validate;

mod track;
use track::tracked;

/// The value of the `format` field of every file.
pub const FORMAT: &str = "strategy-studio";
/// The version this code writes, and the newest it reads.
pub const VERSION: u32 = 2;

/// The envelope around a strategy in a file.
#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u32,
    strategy: &'a Strategy,
}

/// A successfully read file: the strategy and what was noticed on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub strategy: Strategy,
    /// Validation errors and warnings, each with its path. Errors here do not
    /// stop the import (the user can fix them in the editor); they do fail
    /// the command-line `validate`.
    pub problems: Vec<Problem>,
    /// The version the file was migrated from, if it was older.
    pub migrated_from: Option<u32>,
    /// How many baselines and targets arrived as verbatim text only and were
    /// parsed on import (so converted or hand-written files get statuses).
    pub parsed: usize,
}

impl Imported {
    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
}

/// Serialises a strategy as a current-version file: pretty JSON, stable key order,
/// ending with a newline.
pub fn export(strategy: &Strategy) -> String {
    let mut text = write(strategy, true);
    text.push('\n');
    text
}

/// Writes the envelope of `strategy`, pretty or on one line, through one
/// serializer type (so the model's `Serialize` is in the wasm once, not once
/// per form).
fn write(strategy: &Strategy, pretty: bool) -> String {
    let envelope = Envelope { format: FORMAT, version: VERSION, strategy };
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, Layout(pretty.then(serde_json::ser::PrettyFormatter::new)));
    envelope.serialize(&mut serializer).expect("a strategy always serialises");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// serde_json's pretty formatter when it holds one, else its compact one.
struct Layout(Option<serde_json::ser::PrettyFormatter<'static>>);

macro_rules! layout {
    ($($method:ident $(, $arg:ident: $ty:ty)?);*) => {$(
        fn $method<W: ?Sized + std::io::Write>(&mut self, writer: &mut W $(, $arg: $ty)?) -> std::io::Result<()> {
            match &mut self.0 {
                Some(pretty) => pretty.$method(writer $(, $arg)?),
                None => serde_json::ser::CompactFormatter.$method(writer $(, $arg)?),
            }
        }
    )*};
}

impl serde_json::ser::Formatter for Layout {
    layout! {
        begin_array; end_array; begin_array_value, first: bool; end_array_value;
        begin_object; end_object; begin_object_key, first: bool; begin_object_value; end_object_value
    }
}

thread_local! {
    /// Set while [`compact`] serialises: fields holding their default are left out.
    static COMPACT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a field is left out of the file: only in the [`compact`] form, and
/// only when it holds the default a missing field is read as (the model puts
/// this on the fields of its `#[serde(default)]` structs whose struct default
/// is the type's default).
pub fn omit<T: Default + PartialEq>(value: &T) -> bool {
    COMPACT.with(std::cell::Cell::get) && *value == T::default()
}

/// Serialises a strategy as a current-version file for storage: one line, and
/// fields holding their default left out. [`import`] reads it back as the
/// same strategy ([`export`] stays the full, pretty form for files).
pub fn compact(strategy: &Strategy) -> String {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            COMPACT.with(|c| c.set(false));
        }
    }
    COMPACT.with(|c| c.set(true));
    let _reset = Reset;
    write(strategy, false)
}

/// The format version of `text` when it is a file made by a newer Strategy
/// Studio than this one (which must then neither read nor overwrite it).
pub fn newer_version(text: &str) -> Option<u32> {
    #[derive(serde::Deserialize)]
    struct Head {
        format: String,
        version: u64,
    }
    let head: Head = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    (head.format == FORMAT && head.version > u64::from(VERSION)).then(|| u32::try_from(head.version).unwrap_or(u32::MAX))
}

/// Decodes a file's bytes as UTF-8 text (a byte-order mark is allowed).
/// Refuses, saying why, a file in UTF-16 or with bytes that are not UTF-8,
/// rather than replacing them unseen.
pub fn decode(bytes: &[u8]) -> std::result::Result<String, Vec<Problem>> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(vec![Problem::error("", "the file is in UTF-16: save it as UTF-8 and import it again")
            .lv("fails ir UTF-16 kodējumā: saglabājiet to kā UTF-8 un importējiet vēlreiz")]);
    }
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        vec![Problem::error("", format!("the file is not UTF-8 text: byte {at} cannot be read (save it as UTF-8 and import it again)"))
            .lv(format!("fails nav UTF-8 teksts: baitu {at} nevar nolasīt (saglabājiet to kā UTF-8 un importējiet vēlreiz)"))]
    })
}

/// Reads a file's text. Returns the strategy with its problems, or the
/// problems that make the file unreadable (not JSON, not this format, a newer
/// version, wrong types).
pub fn import(text: &str) -> std::result::Result<Imported, Vec<Problem>> {
    let text = text.trim_start_matches('\u{feff}');
    // One pass from the text to the typed strategy; anything unusual (an
    // older bare file, a type error, fields out of order) is read again
    // through a JSON value, which says exactly what is wrong and where.
    let (strategy, migrated_from, mut problems) = match serde_json::from_str::<OnePass>(text) {
        Ok(OnePass { strategy: Some(typed), unknown_envelope, unknown }) => {
            let mut problems: Vec<Problem> = unknown_envelope.into_iter().map(unknown_envelope_field).collect();
            problems.extend(unknown.into_iter().map(unknown_field));
            match typed {
                Typed::V1(old, version) => (crate::migrate::from_v1(*old), Some(version), problems),
                Typed::V2(strategy) => (*strategy, None, problems),
            }
        }
        _ => import_value(text)?,
    };
    let mut strategy = strategy;
    let parsed = crate::target::parse_missing(&mut strategy);
    problems.extend(validate(&strategy));
    Ok(Imported { strategy, problems, migrated_from, parsed })
}

/// [`import`] through a JSON value: the strategy, the version it was
/// migrated from, and the unknown fields; or what makes the file unreadable.
fn import_value(text: &str) -> std::result::Result<(Strategy, Option<u32>, Vec<Problem>), Vec<Problem>> {
    let json: Json = serde_json::from_str(text).map_err(|e| {
        let (what, what_lv) = if e.is_eof() {
            ("the file ends too early (is it cut off?)", "fails beidzas par agru (vai tas nav nogriezts?)")
        } else {
            ("this is not valid JSON", "tas nav derīgs JSON")
        };
        vec![Problem::error("", format!("{what}: {e}")).lv(format!("{what_lv}: {e}"))]
    })?;
    let (strategy_json, version, mut problems) = unwrap_envelope(json)?;
    if version < 2 {
        let old: crate::v1::StrategyV1 = deserialize_strategy(strategy_json, &mut problems)?;
        Ok((crate::migrate::from_v1(old), Some(version), problems))
    } else {
        Ok((deserialize_strategy(strategy_json, &mut problems)?, None, problems))
    }
}

/// A file of this format and a version this app reads, read in one pass:
/// the strategy is deserialised straight from the text when `format` and
/// `version` come before it (as every export writes them). `strategy` is
/// `None` when that did not happen.
struct OnePass {
    strategy: Option<Typed>,
    /// Unknown fields of the envelope.
    unknown_envelope: Vec<String>,
    /// Unknown fields of the strategy, as paths.
    unknown: Vec<String>,
}

/// A strategy as its file's version has it.
enum Typed {
    V1(Box<crate::v1::StrategyV1>, u32),
    V2(Box<Strategy>),
}

impl<'de> serde::Deserialize<'de> for OnePass {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = OnePass;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a Strategy Studio file")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> std::result::Result<OnePass, A::Error> {
                use serde::de::{Error, IgnoredAny};
                let (mut format_ok, mut version) = (false, None::<u64>);
                let mut out = OnePass { strategy: None, unknown_envelope: Vec::new(), unknown: Vec::new() };
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    match key.as_ref() {
                        "format" => format_ok = map.next_value::<Json>()?.as_str() == Some(FORMAT),
                        "version" => version = map.next_value::<Json>()?.as_u64(),
                        "strategy" => match version.filter(|v| format_ok && (1..=u64::from(VERSION)).contains(v)) {
                            Some(v) => out.strategy = Some(map.next_value_seed(TypedSeed { version: v, unknown: &mut out.unknown })?),
                            None => return Err(A::Error::custom("read through a value")),
                        },
                        _ => {
                            out.unknown_envelope.push(key.into_owned());
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                // In the order the value path reports them (a JSON object's keys sorted).
                out.unknown_envelope.sort();
                Ok(out)
            }
        }
        d.deserialize_map(Visit)
    }
}

/// Deserialises the strategy of a file of `version`, noting unknown fields.
struct TypedSeed<'a> {
    version: u64,
    unknown: &'a mut Vec<String>,
}

impl<'de> serde::de::DeserializeSeed<'de> for TypedSeed<'_> {
    type Value = Typed;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<Typed, D::Error> {
        let TypedSeed { version, unknown } = self;
        if version < 2 {
            tracked(d, unknown).map(|old| Typed::V1(Box::new(old), version as u32)).map_err(|e| e.inner)
        } else {
            tracked(d, unknown).map(|s| Typed::V2(Box::new(s))).map_err(|e| e.inner)
        }
    }
}

/// The warning of an unknown field of the envelope.
fn unknown_envelope_field(key: String) -> Problem {
    Problem::warning(key, "unknown field of the file, beside \"strategy\": this app does not use it and will not keep it")
        .lv("nezināms faila lauks blakus \"strategy\": lietotne to neizmanto un nesaglabās")
}

/// The warning of an unknown field of the strategy at `path`.
fn unknown_field(path: String) -> Problem {
    Problem::warning(path, "unknown field: this app does not use it and will not keep it").lv("nezināms lauks: lietotne to neizmanto un nesaglabās")
}

/// Checks the envelope; returns the strategy object, the file's version, and
/// a warning for each unknown field of the envelope.
fn unwrap_envelope(json: Json) -> std::result::Result<(Json, u32, Vec<Problem>), Vec<Problem>> {
    let Json::Object(mut object) = json else {
        return Err(vec![Problem::error("", "expected a JSON object with \"format\": \"strategy-studio\"")
            .lv("gaidīts JSON objekts ar \"format\": \"strategy-studio\"")]);
    };
    let version = match object.get("format") {
        Some(Json::String(f)) if f == FORMAT => match object.get("version") {
            Some(v) => match v.as_u64() {
                Some(n) if n >= 1 => u32::try_from(n).unwrap_or(u32::MAX),
                _ => {
                    return Err(vec![Problem::error("version", format!("expected a whole number from 1, found {v}"))
                        .lv(format!("gaidīts vesels skaitlis, sākot no 1, ir {v}"))])
                }
            },
            None => {
                return Err(vec![Problem::error("version", "missing: the file does not say its format version")
                    .lv("trūkst: fails nenorāda sava formāta versiju")])
            }
        },
        Some(other) => {
            return Err(vec![Problem::error(
                "format",
                format!("this is not a Strategy Studio file (format is {other}, expected \"{FORMAT}\")"),
            )
            .lv(format!("šis nav Strategy Studio fails (formāts ir {other}, gaidīts \"{FORMAT}\")"))])
        }
        // Version 0: a bare strategy object without the envelope.
        None if object.contains_key("title") || object.contains_key("priorities") => {
            return Ok((Json::Object(object), 0, Vec::new()));
        }
        None => {
            return Err(vec![Problem::error(
                "",
                format!("this is not a Strategy Studio file: it has no \"format\": \"{FORMAT}\" field"),
            )
            .lv(format!("šis nav Strategy Studio fails: tajā nav lauka \"format\": \"{FORMAT}\""))])
        }
    };
    if version > VERSION {
        return Err(vec![Problem::error(
            "version",
            format!(
                "the file was made by a newer Strategy Studio (format version {version}; this app reads up to {VERSION}). \
                 Open it with the newer app, or ask for an export in version {VERSION}."
            ),
        )
        .lv(format!(
            "fails izveidots jaunākā Strategy Studio versijā (formāta versija {version}; šī lietotne lasa līdz {VERSION}). \
             Atveriet to jaunākajā lietotnē vai palūdziet eksportu versijā {VERSION}."
        ))]);
    }
    let strategy = object
        .remove("strategy")
        .ok_or_else(|| vec![Problem::error("strategy", "missing: the file holds no strategy").lv("trūkst: failā nav stratēģijas")])?;
    let unknown = object
        .keys()
        .filter(|k| !["format", "version"].contains(&k.as_str()))
        .map(|k| unknown_envelope_field(k.clone()))
        .collect();
    Ok((strategy, version, unknown))
}

/// Deserialises the strategy object, naming the path of the first type error
/// and reporting unknown fields as warnings. It is read from its text, by
/// the same code as the one pass of [`import`] (one copy of that code in the app).
fn deserialize_strategy<T: serde::de::DeserializeOwned>(json: Json, problems: &mut Vec<Problem>) -> std::result::Result<T, Vec<Problem>> {
    if !json.is_object() {
        return Err(vec![Problem::error("strategy", "expected an object").lv("gaidīts objekts")]);
    }
    let text = json.to_string();
    drop(json);
    let mut unknown = Vec::new();
    let mut de = serde_json::Deserializer::from_str(&text);
    let strategy: T = tracked(&mut de, &mut unknown).map_err(|e| {
        let path = e.path;
        // The position is in the text made here, not in the file: left out.
        let e = e.inner.to_string();
        let e = e.rsplit_once(" at line ").map_or(e.as_str(), |(message, _)| message);
        vec![Problem::error(path, e).lv(format!("nepareizi dati: {e}"))]
    })?;
    problems.extend(unknown.into_iter().map(unknown_field));
    Ok(strategy)
}

/// The JSON Schema of the current file version, generated from the model.
#[cfg(feature = "cli")]
pub fn json_schema() -> String {
    #[derive(schemars::JsonSchema)]
    #[schemars(title = "Strategy Studio file, version 2")]
    #[allow(dead_code)]
    struct File {
        /// Always "strategy-studio".
        format: String,
        /// Format version; this schema describes version 2.
        version: u32,
        strategy: Strategy,
    }
    let mut schema = schemars::schema_for!(File);
    let obj = schema.as_object_mut().expect("a schema object");
    if let Some(Json::Object(props)) = obj.get_mut("properties") {
        props.insert("format".into(), serde_json::json!({"const": FORMAT}));
        props.insert("version".into(), serde_json::json!({"const": VERSION}));
    }
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the value path reads from `text`, as [`import`] returns it.
    fn through_value(text: &str) -> Imported {
        let (mut strategy, migrated_from, mut problems) = import_value(text).expect("readable");
        let parsed = crate::target::parse_missing(&mut strategy);
        problems.extend(validate(&strategy));
        Imported { strategy, problems, migrated_from, parsed }
    }

    #[test]
    fn the_one_pass_reads_what_the_value_path_reads() {
        let examples = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/examples")).expect("the examples");
        let mut texts: Vec<String> = examples.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok()).filter(|t| t.contains("\"strategy-studio\"")).collect();
        assert!(!texts.is_empty());
        // Unknown fields in the envelope and deep in the strategy, in a compact file and a version-1 one.
        texts.push(r#"{"format":"strategy-studio","version":2,"zeta":1,"alpha":[2],"strategy":{"id":"s","title":"T","extra":{"a":1},"items":[{"id":"p","level":"priority","title":"P","odd":true}],"levels":[{"key":"priority","name":{"lv":"P","en":"P"}},{"key":"goal","name":{"lv":"G","en":"G"}}]}}"#.into());
        texts.push(r#"{"format":"strategy-studio","version":1,"strategy":{"id":"s","title":"T","priorities":[{"id":"p1","title":"P","goals":[{"id":"g1","title":"G","x":1}]}]}}"#.into());
        for text in &texts {
            let fast = import(text).expect("readable");
            assert_eq!(fast, through_value(text));
        }
        let unknown: Vec<_> = import(&texts[texts.len() - 2]).unwrap().problems.into_iter().filter(|p| p.message.starts_with("unknown")).map(|p| p.path).collect();
        assert_eq!(unknown, ["alpha", "zeta", "extra", "items[0].odd"]);
    }

    #[test]
    fn both_forms_are_serde_json_s_own_pretty_and_compact_text() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/examples/lm-strategy-2020-2023.json")).expect("an example");
        let strategy = import(&text).expect("readable").strategy;
        let envelope = Envelope { format: FORMAT, version: VERSION, strategy: &strategy };
        assert_eq!(export(&strategy), serde_json::to_string_pretty(&envelope).unwrap() + "\n");
        COMPACT.with(|c| c.set(true));
        let expected = serde_json::to_string(&envelope).unwrap();
        COMPACT.with(|c| c.set(false));
        assert_eq!(compact(&strategy), expected);
        assert_eq!(import(&expected).expect("readable").strategy, strategy);
    }

    #[test]
    fn a_file_out_of_the_usual_order_or_shape_is_read_through_a_value() {
        // The strategy before the version: still read, the same way.
        let text = r#"{"strategy":{"id":"s","title":"T"},"version":2,"format":"strategy-studio"}"#;
        assert_eq!(import(text).expect("readable"), through_value(text));
        // A type error names its path.
        let bad = r#"{"format":"strategy-studio","version":2,"strategy":{"id":"s","title":"T","period":{"start_year":"2024"}}}"#;
        let e = import(bad).expect_err("a type error");
        assert_eq!(e[0].path, "period.start_year");
        // A newer version is refused.
        assert!(import(r#"{"format":"strategy-studio","version":9,"strategy":{}}"#).is_err());
    }
}
