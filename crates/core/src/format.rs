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
//! path relative to the strategy object.

use serde::Serialize;
use serde_json::Value as Json;

use crate::model::Strategy;
use crate::problem::Problem;
use crate::validate::validate;

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
    let envelope = Envelope { format: FORMAT, version: VERSION, strategy };
    let mut text = serde_json::to_string_pretty(&envelope).expect("a strategy always serialises");
    text.push('\n');
    text
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
    let envelope = Envelope { format: FORMAT, version: VERSION, strategy };
    serde_json::to_string(&envelope).expect("a strategy always serialises")
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
    let json: Json = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        let (what, what_lv) = if e.is_eof() {
            ("the file ends too early (is it cut off?)", "fails beidzas par agru (vai tas nav nogriezts?)")
        } else {
            ("this is not valid JSON", "tas nav derīgs JSON")
        };
        vec![Problem::error("", format!("{what}: {e}")).lv(format!("{what_lv}: {e}"))]
    })?;
    let (strategy_json, version, mut problems) = unwrap_envelope(json)?;
    let (strategy, migrated_from) = if version < 2 {
        let old: crate::v1::StrategyV1 = deserialize_strategy(strategy_json, &mut problems)?;
        (crate::migrate::from_v1(old), Some(version))
    } else {
        (deserialize_strategy(strategy_json, &mut problems)?, None)
    };
    let mut strategy = strategy;
    let parsed = crate::target::parse_missing(&mut strategy);
    problems.extend(validate(&strategy));
    Ok(Imported { strategy, problems, migrated_from, parsed })
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
        .map(|k| {
            Problem::warning(k.clone(), "unknown field of the file, beside \"strategy\": this app does not use it and will not keep it")
                .lv("nezināms faila lauks blakus \"strategy\": lietotne to neizmanto un nesaglabās")
        })
        .collect();
    Ok((strategy, version, unknown))
}

/// Deserialises the strategy object, naming the path of the first type error
/// and reporting unknown fields as warnings.
fn deserialize_strategy<T: serde::de::DeserializeOwned>(json: Json, problems: &mut Vec<Problem>) -> std::result::Result<T, Vec<Problem>> {
    if !json.is_object() {
        return Err(vec![Problem::error("strategy", "expected an object").lv("gaidīts objekts")]);
    }
    let mut unknown = Vec::new();
    let mut track = |path: serde_ignored::Path<'_>| unknown.push(ignored_path(&path));
    let ignoring = serde_ignored::Deserializer::new(json, &mut track);
    let strategy: T = serde_path_to_error::deserialize(ignoring).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let e = e.into_inner();
        vec![Problem::error(path, e.to_string()).lv(format!("nepareizi dati: {e}"))]
    })?;
    problems.extend(
        unknown.into_iter().map(|p| {
            Problem::warning(p, "unknown field: this app does not use it and will not keep it")
                .lv("nezināms lauks: lietotne to neizmanto un nesaglabās")
        }),
    );
    Ok(strategy)
}

/// Formats a path of `serde_ignored` as `a[0].b`.
fn ignored_path(path: &serde_ignored::Path) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", ignored_path(parent)),
        Path::Map { parent, key } => {
            let parent = ignored_path(parent);
            if parent.is_empty() {
                key.clone()
            } else {
                format!("{parent}.{key}")
            }
        }
        Path::Some { parent } | Path::NewtypeStruct { parent } | Path::NewtypeVariant { parent } => {
            ignored_path(parent)
        }
    }
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
