//! The file format: export, import, migration, bad input and validation paths.

use proptest::prelude::{any, prop, prop_assert_eq, prop_oneof, proptest, Just, ProptestConfig};
use proptest::strategy::Strategy as Gen;
use strategy_core::Strategy as Model;
use strategy_core::*;

fn small_strategy() -> Model {
    let indicator = Indicator {
        id: "i1".into(),
        name: "novēršamās personāla mainības līmenis".into(),
        unit: "%".into(),
        key: true,
        targets: (2024..=2027)
            .map(|y| Target { year: Some(y), text: "nepārsniedz 11 % gadā".into(), conditions: vec![Condition::AtMost { value: 11.0 }] })
            .collect(),
        responsible_unit_ids: vec!["u-pdpd".into()],
        ..Default::default()
    };
    Model {
        id: "s1".into(),
        title: "Darbības stratēģija 2024–2027".into(),
        units: vec![Unit { id: "u-pdpd".into(), code: "PDPD".into(), name: String::new() }],
        priorities: vec![Priority {
            id: "p1".into(),
            title: "Mērķtiecīga cilvēkresursu attīstība".into(),
            goals: vec![
                Goal {
                    id: "g1".into(),
                    title: "Vadīta profesionālo kompetenču attīstība.".into(),
                    results: vec![Result { id: "r1".into(), title: "Samazinās mainība*".into(), indicators: vec![indicator], ..Default::default() }],
                    ..Default::default()
                },
                Goal { id: "g2".into(), title: "Pilnveidot darbā ievadīšanas procesu.".into(), ..Default::default() },
            ],
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn import_errors(text: &str) -> Vec<Problem> {
    import(text).expect_err("the file should be refused")
}

#[test]
fn export_is_stable_and_round_trips() {
    let s = small_strategy();
    let a = export(&s);
    assert_eq!(a, export(&s), "two exports are byte-identical");
    assert!(a.starts_with("{\n  \"format\": \"strategy-studio\",\n  \"version\": 1,\n  \"strategy\": {"));
    assert!(a.ends_with("}\n"));
    let back = import(&a).unwrap();
    assert_eq!(back.strategy, s);
    assert_eq!(back.problems, vec![]);
    assert_eq!(back.migrated_from, None);
}

#[test]
fn not_json_truncated_and_foreign_files_are_refused_with_a_reason() {
    let e = import_errors("hello, I am a text file");
    assert!(e[0].message.contains("not valid JSON"), "{e:?}");
    let full = export(&small_strategy());
    let e = import_errors(&full[..full.len() / 2]);
    assert!(e[0].message.contains("ends too early"), "{e:?}");
    let e = import_errors("[1, 2, 3]");
    assert!(e[0].message.contains("expected a JSON object"), "{e:?}");
    let e = import_errors(r#"{"format": "other-tool", "version": 1}"#);
    assert_eq!(e[0].path, "format");
    assert!(e[0].message.contains("not a Strategy Studio file"), "{e:?}");
    let e = import_errors(r#"{"name": "package.json"}"#);
    assert!(e[0].message.contains("not a Strategy Studio file"), "{e:?}");
    let e = import_errors("");
    assert!(e[0].message.contains("ends too early"), "{e:?}");
}

#[test]
fn a_newer_version_is_refused_clearly() {
    let e = import_errors(r#"{"format": "strategy-studio", "version": 7, "strategy": {}}"#);
    assert_eq!(e[0].path, "version");
    assert!(e[0].message.contains("newer Strategy Studio (format version 7; this app reads up to 1)"), "{e:?}");
    let e = import_errors(r#"{"format": "strategy-studio", "version": "one", "strategy": {}}"#);
    assert_eq!(e[0].path, "version");
    let e = import_errors(r#"{"format": "strategy-studio", "strategy": {}}"#);
    assert_eq!(e[0].path, "version");
}

#[test]
fn version_0_bare_strategy_objects_are_migrated() {
    let s = small_strategy();
    let bare = serde_json::to_string(&s).unwrap();
    let imported = import(&bare).unwrap();
    assert_eq!(imported.migrated_from, Some(0));
    assert_eq!(imported.strategy, s);
}

#[test]
fn type_errors_name_their_json_path() {
    let mut json: serde_json::Value = serde_json::from_str(&export(&small_strategy())).unwrap();
    json["strategy"]["priorities"][0]["goals"][0]["results"][0]["indicators"][0]["targets"][3]["year"] = "2027".into();
    let e = import_errors(&json.to_string());
    assert_eq!(e[0].path, "priorities[0].goals[0].results[0].indicators[0].targets[3].year");
    assert!(e[0].message.contains("invalid type: string \"2027\""), "{e:?}");

    let mut json: serde_json::Value = serde_json::from_str(&export(&small_strategy())).unwrap();
    json["strategy"]["priorities"][0]["goals"][0]["results"][0]["indicators"][0]["baseline"]["value"] = serde_json::json!({"type": "guess"});
    let e = import_errors(&json.to_string());
    assert_eq!(e[0].path, "priorities[0].goals[0].results[0].indicators[0].baseline.value.type");
    assert!(e[0].message.contains("unknown variant `guess`"), "{e:?}");
}

#[test]
fn unknown_fields_are_reported_not_silently_dropped() {
    let mut json: serde_json::Value = serde_json::from_str(&export(&small_strategy())).unwrap();
    json["strategy"]["priorities"][0]["goals"][1]["colour"] = "red".into();
    json["strategy"]["sponsor"] = "EU".into();
    let imported = import(&json.to_string()).unwrap();
    let paths: Vec<&str> = imported.problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"priorities[0].goals[1].colour"), "{paths:?}");
    assert!(paths.contains(&"sponsor"), "{paths:?}");
    assert!(imported.problems.iter().all(|p| p.severity == Severity::Warning));
}

#[test]
fn unknown_fields_of_the_envelope_are_reported_too() {
    let mut json: serde_json::Value = serde_json::from_str(&export(&small_strategy())).unwrap();
    json["exported_by"] = "another tool".into();
    let imported = import(&json.to_string()).unwrap();
    let found = imported.problems.iter().find(|p| p.path == "exported_by").expect("a warning for the envelope's field");
    assert_eq!(found.severity, Severity::Warning);
    assert!(found.message.contains("beside \"strategy\""), "{}", found.message);
}

#[test]
fn validation_finds_ids_links_and_years_with_paths() {
    let mut s = small_strategy();
    s.priorities[0].goals[1].id = "g1".into();
    s.priorities[0].goals[0].results[0].also_serves_goal_ids = vec!["g9".into(), "i1".into()];
    s.priorities[0].goals[0].results[0].indicators[0].responsible_unit_ids.push("u-nope".into());
    s.priorities[0].goals[0].results[0].indicators[0].targets[3].year = Some(2031);
    s.priorities[0].goals[0].results[0].indicators[0].targets[2].year = Some(2024);
    s.priorities[0].goals[0].results[0].indicators[0].targets[1].conditions = vec![Condition::Range { min: 5.0, max: 1.0 }];
    s.period = Period { start_year: 2028, end_year: 2027 };
    let problems = validate::validate(&s);
    let has = |path: &str, message: &str, severity: Severity| {
        assert!(
            problems.iter().any(|p| p.path == path && p.message.contains(message) && p.severity == severity),
            "no {severity:?} at {path} saying {message:?}: {problems:#?}"
        )
    };
    let ind = "priorities[0].goals[0].results[0].indicators[0]";
    has("priorities[0].goals[1].id", "duplicate id \"g1\" (already used at priorities[0].goals[0])", Severity::Error);
    has("priorities[0].goals[0].results[0].also_serves_goal_ids[0]", "\"g9\" does not name any goal", Severity::Error);
    has("priorities[0].goals[0].results[0].also_serves_goal_ids[1]", "which is not a goal", Severity::Error);
    has(&format!("{ind}.responsible_unit_ids[1]"), "\"u-nope\" does not name any unit", Severity::Error);
    has(&format!("{ind}.targets[3].year"), "2031 is outside the strategy's period", Severity::Warning);
    has(&format!("{ind}.targets[2].year"), "a second target for 2024 (the first is at", Severity::Error);
    has(&format!("{ind}.targets[1].conditions[0]"), "the range starts (5) above where it ends (1)", Severity::Error);
    has("period", "starts (2028) after it ends (2027)", Severity::Error);
    assert!(problems.iter().filter(|p| p.is_error()).count() >= 6);
}

#[test]
fn missing_ids_are_errors() {
    let mut s = small_strategy();
    s.priorities[0].goals[0].results[0].indicators[0].id = String::new();
    let problems = validate::validate(&s);
    assert_eq!(problems[0].path, "priorities[0].goals[0].results[0].indicators[0].id");
    assert!(problems[0].message.contains("missing id"));
}

#[test]
fn emoji_right_to_left_and_html_survive_unchanged() {
    let mut s = small_strategy();
    s.mission = "Cieņpilna vide 🤝 ikvienam — <script>alert('x')</script> &amp; \"quotes\"".into();
    s.vision = "رؤية واضحة للمستقبل".into();
    s.priorities[0].goals[0].purpose = "line one\nline two\t\u{200f}rtl mark".into();
    let back = import(&export(&s)).unwrap().strategy;
    assert_eq!(back, s);
}

#[test]
fn deeply_nested_and_wrongly_shaped_input_does_not_panic() {
    let deep = "[".repeat(100_000);
    assert!(import(&deep).is_err());
    for text in [
        r#"{"format": "strategy-studio", "version": 1, "strategy": []}"#,
        r#"{"format": "strategy-studio", "version": 1, "strategy": {"priorities": {}}}"#,
        r#"{"format": "strategy-studio", "version": 1, "strategy": {"priorities": [{"goals": [null]}]}}"#,
        r#"{"format": "strategy-studio", "version": 1, "strategy": {"period": {"start_year": 1e40}}}"#,
        r#"{"format": "strategy-studio", "version": 18446744073709551616, "strategy": {}}"#,
        "\u{feff}{\"format\": \"strategy-studio\"}",
        "null",
    ] {
        let e = import(text).expect_err(text);
        assert!(!e.is_empty(), "{text}");
    }
    let e = import_errors(r#"{"format": "strategy-studio", "version": 1, "strategy": {"priorities": [{"goals": [null]}]}}"#);
    assert_eq!(e[0].path, "priorities[0].goals[0]");
}

/// A strategy with `goals` goals, each with a result and two indicators.
fn big_strategy(goals: usize) -> Model {
    let mut s = small_strategy();
    let template = s.priorities[0].goals[0].clone();
    s.priorities[0].goals = (0..goals)
        .map(|n| {
            let mut g = template.clone();
            g.id = format!("g{n}");
            g.results[0].id = format!("r{n}");
            g.results[0].indicators[0].id = format!("i{n}a");
            let mut second = g.results[0].indicators[0].clone();
            second.id = format!("i{n}b");
            g.results[0].indicators.push(second);
            g
        })
        .collect();
    s
}

#[test]
fn ten_thousand_goals_load_and_validate() {
    let s = big_strategy(10_000);
    let text = export(&s);
    let imported = import(&text).unwrap();
    assert_eq!(imported.strategy.goal_refs().len(), 10_000);
    assert_eq!(imported.problems, vec![]);
}

#[test]
fn a_fifty_megabyte_file_loads_faithfully() {
    let mut s = big_strategy(2_000);
    s.notes = "Piezīmes. ".repeat(5_000_000);
    let text = export(&s);
    assert!(text.len() > 50_000_000, "{} bytes", text.len());
    let imported = import(&text).unwrap();
    assert_eq!(imported.strategy.notes.len(), s.notes.len());
    assert_eq!(imported.strategy, s);
}

#[test]
fn the_published_schema_matches_the_model() {
    let committed = include_str!("../../../public/schema/strategy-v1.json");
    assert_eq!(
        committed,
        format::json_schema(),
        "public/schema/strategy-v1.json is stale: run `cargo run -p strategy-core --bin strategy -- schema > public/schema/strategy-v1.json`"
    );
}

fn arb_text() -> impl Gen<Value = String> {
    prop_oneof![Just(String::new()), "[a-zA-Zāčēģīķļņšūž0-9 ,.%≤≥–*🤝<>&\"\n]{0,24}", any::<String>()]
}

fn arb_condition() -> impl Gen<Value = Condition> {
    let num = -1e6f64..1e6;
    prop_oneof![
        num.clone().prop_map(|value| Condition::AtLeast { value }),
        num.clone().prop_map(|value| Condition::AtMost { value }),
        (num.clone(), num.clone()).prop_map(|(a, b)| Condition::Range { min: a.min(b), max: a.max(b) }),
        Just(Condition::DoesNotIncrease),
        Just(Condition::Unchanged),
        (2000..2100i32).prop_map(|year| Condition::DoneIn { year }),
        (1..12u32).prop_map(|count| Condition::AtLeastTimes { count, per: Frequency::Month }),
        num.prop_map(|percent| Condition::RelativeChange { percent }),
        arb_text().prop_map(|level| Condition::RatingAtLeast { level }),
    ]
}

fn arb_indicator() -> impl Gen<Value = Indicator> {
    (
        arb_text(),
        arb_text(),
        any::<bool>(),
        prop::collection::vec((2024..2028i32, arb_text(), prop::collection::vec(arb_condition(), 0..3)), 0..4),
        prop::option::of(-1e9f64..1e9),
        prop::collection::vec((2024..2028i32, prop::option::of(1u8..3), prop::option::of(-1e6f64..1e6), arb_text()), 0..3),
    )
        .prop_map(|(name, unit, key, targets, baseline, actuals)| Indicator {
            name,
            unit,
            key,
            baseline: Baseline {
                value: baseline.map_or(BaselineValue::NotAvailable, |value| BaselineValue::Number { value }),
                year: Some(2023),
                ..Default::default()
            },
            targets: targets.into_iter().map(|(y, text, conditions)| Target { year: Some(y), text, conditions }).collect(),
            actuals: actuals
                .into_iter()
                .map(|(year, half, value, comment)| Actual { period: ReportingPeriod { year, half }, value, comment, ..Default::default() })
                .collect(),
            ..Default::default()
        })
}

fn arb_strategy() -> impl Gen<Value = Model> {
    (
        arb_text(),
        arb_text(),
        prop::collection::vec((arb_text(), prop::collection::vec((arb_text(), prop::collection::vec(arb_indicator(), 0..3)), 0..3)), 0..3),
    )
        .prop_map(|(title, mission, priorities)| {
            let mut n = 0;
            let mut next = |prefix: &str| {
                n += 1;
                format!("{prefix}{n}")
            };
            let priorities = priorities
                .into_iter()
                .map(|(title, goals)| Priority {
                    id: next("p"),
                    title,
                    goals: goals
                        .into_iter()
                        .map(|(title, indicators)| Goal {
                            id: next("g"),
                            title,
                            indicators: indicators.into_iter().map(|i| Indicator { id: next("i"), ..i }).collect(),
                            ..Default::default()
                        })
                        .collect(),
                    ..Default::default()
                })
                .collect();
            Model { id: "s".into(), title, mission, priorities, ..Default::default() }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_strategy_round_trips_export_import(s in arb_strategy()) {
        let text = export(&s);
        let imported = import(&text).unwrap();
        prop_assert_eq!(&imported.strategy, &s);
        prop_assert_eq!(export(&imported.strategy), text);
    }

    #[test]
    fn import_never_panics_on_mangled_files(cut in 0usize..2000, junk in "[\\[\\]{}\":,0-9a-z]{0,8}") {
        let text = export(&small_strategy());
        let cut = cut.min(text.len());
        let cut = (0..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap();
        let mangled = format!("{}{}{}", &text[..cut], junk, &text[cut..]);
        let _ = import(&mangled);
    }
}

#[test]
fn file_bytes_must_be_utf8_and_say_so_when_they_are_not() {
    let text = export(&small_strategy());
    assert_eq!(decode(text.as_bytes()).unwrap(), text);
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    assert!(import(&decode(&bom).unwrap()).is_ok(), "a UTF-8 byte-order mark is fine");
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    assert!(decode(&utf16).unwrap_err()[0].message.contains("UTF-16"));
    let mut broken = text.as_bytes().to_vec();
    broken[40] = 0xC3;
    broken[41] = b'(';
    let problems = decode(&broken).unwrap_err();
    assert!(problems[0].message.contains("byte 40"), "{}", problems[0].message);
}
