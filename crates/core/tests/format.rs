//! The file format: export, import, migration of versions 0 and 1, bad input
//! and validation paths, on trees of any depth.

use proptest::prelude::{any, prop, prop_assert, prop_assert_eq, prop_oneof, proptest, Just, ProptestConfig};
use proptest::strategy::Strategy as Gen;
use serde_json::{json, Value as Json};
use strategy_core::numbering::numbers;
use strategy_core::walk::NodeAt;
use strategy_core::Strategy as Model;
use strategy_core::*;

fn node(id: &str, level: &str, title: &str, children: Vec<Node>) -> Node {
    Node { id: id.into(), level: level.into(), title: title.into(), children, ..Node::default() }
}

fn small_indicator() -> Indicator {
    Indicator {
        id: "i1".into(),
        name: "novēršamās personāla mainības līmenis".into(),
        unit: "%".into(),
        key: true,
        targets: (2024..=2027)
            .map(|y| Target { year: Some(y), text: "nepārsniedz 11 % gadā".into(), conditions: vec![Condition::AtMost { value: 11.0 }] })
            .collect(),
        responsible_unit_ids: vec!["u-pdpd".into()],
        ..Default::default()
    }
}

/// Priority p1 → goals g1 (with result r1 and its indicator i1) and g2, at the default levels.
fn small_strategy() -> Model {
    let mut r1 = node("r1", "result", "Samazinās mainība*", vec![]);
    r1.indicators = vec![small_indicator()];
    Model {
        id: "s1".into(),
        title: "Darbības stratēģija 2024–2027".into(),
        units: vec![Unit { id: "u-pdpd".into(), code: "PDPD".into(), ..Default::default() }],
        items: vec![node(
            "p1",
            "priority",
            "Mērķtiecīga cilvēkresursu attīstība",
            vec![
                node("g1", "goal", "Vadīta profesionālo kompetenču attīstība.", vec![r1]),
                node("g2", "goal", "Pilnveidot darbā ievadīšanas procesu.", vec![]),
            ],
        )],
        ..Default::default()
    }
}

/// [`small_strategy`] as a version-1 strategy object.
fn small_strategy_v1() -> Json {
    json!({
        "id": "s1",
        "title": "Darbības stratēģija 2024–2027",
        "units": [{"id": "u-pdpd", "code": "PDPD", "name": ""}],
        "priorities": [{
            "id": "p1",
            "title": "Mērķtiecīga cilvēkresursu attīstība",
            "goals": [
                {"id": "g1", "title": "Vadīta profesionālo kompetenču attīstība.",
                 "results": [{"id": "r1", "title": "Samazinās mainība*", "indicators": [serde_json::to_value(small_indicator()).unwrap()]}]},
                {"id": "g2", "title": "Pilnveidot darbā ievadīšanas procesu."}
            ]
        }]
    })
}

fn import_errors(text: &str) -> Vec<Problem> {
    import(text).expect_err("the file should be refused")
}

fn exported_json(s: &Model) -> Json {
    serde_json::from_str(&export(s)).unwrap()
}

#[test]
fn export_is_stable_and_round_trips() {
    let s = small_strategy();
    let a = export(&s);
    assert_eq!(a, export(&s), "two exports are byte-identical");
    assert!(a.starts_with("{\n  \"format\": \"strategy-studio\",\n  \"version\": 2,\n  \"strategy\": {"), "{a}");
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
    for version in [3, 7] {
        let e = import_errors(&format!(r#"{{"format": "strategy-studio", "version": {version}, "strategy": {{}}}}"#));
        assert_eq!(e[0].path, "version");
        let expected = format!("newer Strategy Studio (format version {version}; this app reads up to 2)");
        assert!(e[0].message.contains(&expected), "{e:?}");
        assert!(!e[0].message_lv.is_empty());
        assert_eq!(format::newer_version(&format!(r#"{{"format": "strategy-studio", "version": {version}}}"#)), Some(version));
    }
    assert_eq!(format::newer_version(&export(&small_strategy())), None);
    let e = import_errors(r#"{"format": "strategy-studio", "version": "one", "strategy": {}}"#);
    assert_eq!(e[0].path, "version");
    let e = import_errors(r#"{"format": "strategy-studio", "strategy": {}}"#);
    assert_eq!(e[0].path, "version");
}

#[test]
fn version_0_bare_strategy_objects_are_migrated() {
    let imported = import(&small_strategy_v1().to_string()).unwrap();
    assert_eq!(imported.migrated_from, Some(0));
    assert_eq!(imported.strategy, small_strategy());
    assert_eq!(imported.problems, vec![]);
}

#[test]
fn version_1_files_are_migrated_to_the_tree() {
    let file = json!({"format": "strategy-studio", "version": 1, "strategy": small_strategy_v1()});
    let imported = import(&file.to_string()).unwrap();
    assert_eq!(imported.migrated_from, Some(1));
    assert_eq!(imported.strategy, small_strategy());
    assert_eq!(imported.problems, vec![]);
    let again = export(&imported.strategy);
    assert!(again.contains("\"version\": 2,"), "saved again in version 2");
    assert_eq!(import(&again).unwrap().migrated_from, None);
}

#[test]
fn the_version_1_fixtures_migrate_and_validate() {
    for name in ["lm-strategy-2024-2027", "lm-strategy-2020-2023", "social-protection-guidelines-2021-2027"] {
        let path = format!("{}/tests/fixtures/v1/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        let old: Json = serde_json::from_str(&text).unwrap();
        let imported = import(&text).unwrap();
        assert_eq!(imported.migrated_from, Some(1), "{name}");
        assert_eq!(imported.problems, vec![], "{name}");
        let s = &imported.strategy;
        let v1_goals: Vec<&Json> = old["strategy"]["priorities"].as_array().unwrap().iter().flat_map(|p| p["goals"].as_array().unwrap()).collect();
        let goal = s.level_index("goal").unwrap();
        assert_eq!(s.nodes_at_level(goal).len(), v1_goals.len(), "{name}");
        for (n, (g, v1)) in s.nodes_at_level(goal).iter().zip(&v1_goals).enumerate() {
            assert_eq!(g.node.id, v1["id"].as_str().unwrap(), "{name}: goals keep their order");
            assert_eq!(numbers(s)[&g.node.id], (n + 1).to_string(), "{name}: goals count across the strategy");
        }
    }
}

#[test]
fn type_errors_name_their_json_path() {
    let mut json = exported_json(&small_strategy());
    json["strategy"]["items"][0]["children"][0]["children"][0]["indicators"][0]["targets"][3]["year"] = "2027".into();
    let e = import_errors(&json.to_string());
    assert_eq!(e[0].path, "items[0].children[0].children[0].indicators[0].targets[3].year");
    assert!(e[0].message.contains("invalid type: string \"2027\""), "{e:?}");

    let mut json = exported_json(&small_strategy());
    json["strategy"]["items"][0]["children"][0]["children"][0]["indicators"][0]["baseline"]["value"] = json!({"type": "guess"});
    let e = import_errors(&json.to_string());
    assert_eq!(e[0].path, "items[0].children[0].children[0].indicators[0].baseline.value.type");
    assert!(e[0].message.contains("unknown variant `guess`"), "{e:?}");

    let mut json = exported_json(&small_strategy());
    json["strategy"]["levels"][1]["numbering"] = "roman".into();
    let e = import_errors(&json.to_string());
    assert_eq!(e[0].path, "levels[1].numbering");

    let mut v1 = small_strategy_v1();
    v1["priorities"][0]["goals"][0]["results"][0]["indicators"][0]["targets"][3]["year"] = "2027".into();
    let e = import_errors(&json!({"format": "strategy-studio", "version": 1, "strategy": v1}).to_string());
    assert_eq!(e[0].path, "priorities[0].goals[0].results[0].indicators[0].targets[3].year", "a version-1 file's own path");
}

#[test]
fn unknown_fields_are_reported_not_silently_dropped() {
    let mut json = exported_json(&small_strategy());
    json["strategy"]["items"][0]["children"][1]["colour"] = "red".into();
    json["strategy"]["items"][0]["children"][0]["children"][0]["indicators"][0]["weight"] = 2.into();
    json["strategy"]["levels"][0]["icon"] = "star".into();
    json["strategy"]["sponsor"] = "EU".into();
    let imported = import(&json.to_string()).unwrap();
    let paths: Vec<&str> = imported.problems.iter().map(|p| p.path.as_str()).collect();
    for path in ["items[0].children[1].colour", "items[0].children[0].children[0].indicators[0].weight", "levels[0].icon", "sponsor"] {
        assert!(paths.contains(&path), "{path}: {paths:?}");
    }
    assert!(imported.problems.iter().all(|p| p.severity == Severity::Warning && !p.message_lv.is_empty()));

    let mut v1 = small_strategy_v1();
    v1["priorities"][0]["goals"][1]["colour"] = "red".into();
    let imported = import(&v1.to_string()).unwrap();
    assert_eq!(imported.problems.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(), ["priorities[0].goals[1].colour"]);
}

#[test]
fn unknown_fields_of_the_envelope_are_reported_too() {
    let mut json = exported_json(&small_strategy());
    json["exported_by"] = "another tool".into();
    let imported = import(&json.to_string()).unwrap();
    let found = imported.problems.iter().find(|p| p.path == "exported_by").expect("a warning for the envelope's field");
    assert_eq!(found.severity, Severity::Warning);
    assert!(found.message.contains("beside \"strategy\""), "{}", found.message);
}

/// Asserts that `problems` hold one of `severity` at `path` whose message contains `message`, with a Latvian message.
fn has(problems: &[Problem], path: &str, message: &str, severity: Severity) {
    assert!(
        problems.iter().any(|p| p.path == path && p.message.contains(message) && p.severity == severity && !p.message_lv.is_empty()),
        "no {severity:?} at {path} saying {message:?} (in both languages): {problems:#?}"
    )
}

#[test]
fn validation_finds_ids_links_and_years_with_paths() {
    let mut s = small_strategy();
    let r1 = &mut s.items[0].children[0].children[0];
    r1.serves = vec!["g9".into(), "i1".into()];
    let ind = &mut r1.indicators[0];
    ind.responsible_unit_ids.push("u-nope".into());
    ind.targets[3].year = Some(2031);
    ind.targets[2].year = Some(2024);
    ind.targets[1].conditions = vec![Condition::Range { min: 5.0, max: 1.0 }];
    s.items[0].children[1].id = "g1".into();
    s.items[0].children[1].reports = vec![Report { period: ReportingPeriod { year: 2025, half: Some(3) }, ..Default::default() }];
    s.period = Period { start_year: 2028, end_year: 2027 };
    let problems = validate::validate(&s);
    let ind = "items[0].children[0].children[0].indicators[0]";
    has(&problems, "items[0].children[1].id", "duplicate id \"g1\" (already used at items[0].children[0])", Severity::Error);
    has(&problems, "items[0].children[0].children[0].serves[0]", "\"g9\" does not name any item of the structure", Severity::Error);
    has(&problems, "items[0].children[0].children[0].serves[1]", &format!("names the item at {ind}, which is not an item of the structure"), Severity::Error);
    has(&problems, &format!("{ind}.responsible_unit_ids[1]"), "\"u-nope\" does not name any unit", Severity::Error);
    has(&problems, &format!("{ind}.targets[3].year"), "2031 is outside the strategy's period", Severity::Warning);
    has(&problems, &format!("{ind}.targets[2].year"), "a second target for 2024 (the first is at", Severity::Error);
    has(&problems, &format!("{ind}.targets[1].conditions[0]"), "the range starts (5) above where it ends (1)", Severity::Error);
    has(&problems, "items[0].children[1].reports[0].period.half", "half-year must be 1 or 2, found 3", Severity::Error);
    has(&problems, "period", "starts (2028) after it ends (2027)", Severity::Error);
    assert!(problems.iter().filter(|p| p.is_error()).count() >= 7);
}

#[test]
fn links_that_are_not_web_addresses_are_warned_about_at_their_path() {
    let mut s = small_strategy();
    let reference = |id: &str, url: &str| Reference { id: id.into(), title: "Avots".into(), url: url.into() };
    s.references = vec![
        reference("rf1", "javascript:alert(1)"),
        reference("rf2", " https://likumi.lv/ta/id/1 "),
        reference("rf3", ""),
        reference("rf4", "www.lm.gov.lv"),
        reference("rf5", "HTTP://example.org"),
        reference("rf6", "https://"),
    ];
    s.policy_documents = vec![PolicyDocument { id: "pd1".into(), url: "data:text/html,x".into(), ..Default::default() }];
    let problems = validate::validate(&s);
    let warned: Vec<&str> = problems.iter().filter(|p| p.path.ends_with(".url")).map(|p| p.path.as_str()).collect();
    assert_eq!(warned, vec!["policy_documents[0].url", "references[0].url", "references[3].url", "references[5].url"], "{problems:#?}");
    has(&problems, "references[0].url", "not a web address: a link must start with http:// or https://", Severity::Warning);
    assert_eq!(problem::item_path("references[0].url"), "references[0]", "shown beside the reference");
    assert_eq!(validate::web_url(" https://likumi.lv/ta/id/1 "), Some("https://likumi.lv/ta/id/1"));
    assert_eq!(validate::web_url("https://a b"), None, "no spaces inside");
    assert_eq!(validate::web_url("javascript://%0aalert(1)"), None);
}

#[test]
fn validation_looks_inside_every_kind_of_condition() {
    use strategy_core::target::{Against, Stage};
    let mut s = small_strategy();
    let conditions = vec![
        Condition::Cumulative { condition: Box::new(Condition::Range { min: 9.0, max: 2.0 }) },
        Condition::PercentChange { percent: 5.0, against: Against::Year { year: 20023 } },
        Condition::StageReached { stage: Stage::Started, year: Some(3025) },
        Condition::BaselineSetIn { year: 2025 },
    ];
    s.items[0].children[0].children[0].indicators[0].targets[0].conditions = conditions;
    let problems = validate::validate(&s);
    let t = "items[0].children[0].children[0].indicators[0].targets[0]";
    has(&problems, &format!("{t}.conditions[0].condition"), "the range starts (9) above where it ends (2)", Severity::Error);
    has(&problems, &format!("{t}.conditions[1].against.year"), "20023 is not a plausible year", Severity::Error);
    has(&problems, &format!("{t}.conditions[2].year"), "3025 is not a plausible year", Severity::Error);
    assert_eq!(problems.len(), 3, "{problems:#?}");
}

#[test]
fn validation_finds_what_is_wrong_deep_in_the_tree_and_under_the_overarching_goal() {
    let mut s = small_strategy();
    s.levels = (0..6).map(|d| Level::new(&format!("l{d}"), &format!("Līmenis {d}"), &format!("Level {d}"), Numbering::Hierarchical)).collect();
    let mut leaf = node("x5", "l5", "", vec![]);
    leaf.indicators = vec![Indicator { id: "deep".into(), baseline: Baseline { year: Some(2035), ..Default::default() }, ..Default::default() }];
    for d in (0..5).rev() {
        leaf = node(&format!("x{d}"), &format!("l{d}"), "", vec![leaf]);
    }
    s.items = vec![leaf];
    let mut og = node("og", "", "Virsmērķis", vec![node("ot", "l5", "", vec![])]);
    og.indicators = vec![Indicator { id: "oi".into(), targets: vec![Target::default()], ..Default::default() }];
    s.overarching_goal = Some(og);
    s.units.clear();
    let problems = validate::validate(&s);
    let deep = "items[0].children[0].children[0].children[0].children[0].children[0]";
    has(&problems, &format!("{deep}.indicators[0].baseline.year"), "the baseline year 2035 is after the period ends", Severity::Warning);
    has(&problems, &format!("{deep}.indicators[0].name"), "the indicator has no name", Severity::Warning);
    has(&problems, "overarching_goal.indicators[0].targets[0].year", "a yearly target without a year", Severity::Warning);
    assert!(problems.iter().all(|p| !p.is_error()), "six levels deep and a task under the overarching goal are fine: {problems:#?}");
}

#[test]
fn validation_checks_the_levels_the_strategy_declares() {
    let mut s = small_strategy();
    s.levels.truncate(1);
    s.items[0].children.clear();
    let problems = validate::validate(&s);
    has(&problems, "levels", "a strategy needs 2 to 6 levels; this one declares 1", Severity::Error);

    s.levels = (0..7).map(|d| Level::new(&format!("l{d}"), "", "", Numbering::Global)).collect();
    s.items[0].level = "l0".into();
    has(&validate::validate(&s), "levels", "a strategy needs 2 to 6 levels; this one declares 7", Severity::Error);

    let mut s = small_strategy();
    s.levels.push(Level::new("goal", "Mērķis", "Goal", Numbering::Global));
    s.levels.push(Level::new(" ", "", "", Numbering::Global));
    let problems = validate::validate(&s);
    has(&problems, "levels[3].key", "duplicate level key \"goal\" (already used at levels[1])", Severity::Error);
    has(&problems, "levels[4].key", "missing level key", Severity::Error);
    assert_eq!(problems.iter().filter(|p| p.is_error()).count(), 2, "{problems:#?}");
}

#[test]
fn validation_checks_each_nodes_level_and_place() {
    let mut s = small_strategy();
    s.items[0].children[0].children.push(node("r2", "priority", "", vec![]));
    s.items[0].children[0].children.push(node("r3", "goal", "", vec![]));
    s.items[0].children[1].level = "aim".into();
    s.items[0].children[1].children.push(node("r4", "result", "", vec![]));
    s.items.push(node("p2", "", "", vec![]));
    s.items.push(node("r5", "result", "A result at the top is fine", vec![]));
    s.overarching_goal = Some(node("og", "goal", "", vec![node("og-g", "goal", "", vec![node("og-r", "result", "", vec![])])]));
    let problems = validate::validate(&s);
    has(&problems, "items[0].children[0].children[1].level", "the item is at the level Priority, which is not below its parent's level Goal", Severity::Error);
    has(&problems, "items[0].children[0].children[2].level", "the item is at the level Goal, which is not below its parent's level Goal", Severity::Error);
    has(&problems, "items[0].children[1].level", "\"aim\" is not a level of this strategy (its levels are \"priority\", \"goal\", \"result\")", Severity::Error);
    has(&problems, "items[1].level", "the item has no level", Severity::Error);
    has(&problems, "overarching_goal.level", "the overarching goal stands above the levels: its level must be empty, not \"goal\"", Severity::Error);
    let lv = problems.iter().find(|p| p.path == "items[0].children[0].children[1].level").unwrap();
    assert!(lv.message_lv.contains("Prioritāte") && lv.message_lv.contains("Mērķis"), "Latvian names the levels in Latvian: {}", lv.message_lv);
    assert_eq!(problems.iter().filter(|p| p.is_error()).count(), 5, "an undeclared parent level does not condemn its children: {problems:#?}");
}

#[test]
fn validation_limits_the_depth_of_the_tree() {
    let mut s = small_strategy();
    s.levels = (0..6).map(|d| Level::new(&format!("l{d}"), "", "", Numbering::Hierarchical)).collect();
    let mut leaf = node("x7", "", "", vec![]);
    for d in (0..7).rev() {
        leaf = node(&format!("x{d}"), &format!("l{}", d.min(5)), "", vec![leaf]);
    }
    s.items = vec![leaf];
    s.units.clear();
    let problems = validate::validate(&s);
    let seventh = format!("items[0]{}", ".children[0]".repeat(6));
    has(&problems, &seventh, "the tree is too deep here: at most 6 levels of items may stand one under another", Severity::Error);
    assert_eq!(problems.iter().filter(|p| p.message.contains("too deep")).count(), 1, "once, where it first gets too deep: {problems:#?}");
}

#[test]
fn validation_checks_what_a_node_serves() {
    let mut s = small_strategy();
    s.items[0].children[0].children[0].serves = vec!["r1".into(), "g1".into(), "g2".into(), "p1".into(), "u-pdpd".into()];
    let problems = validate::validate(&s);
    let r1 = "items[0].children[0].children[0]";
    has(&problems, &format!("{r1}.serves[0]"), "the item lists itself among the items it serves", Severity::Error);
    has(&problems, &format!("{r1}.serves[1]"), "lists the item this one is already written under", Severity::Warning);
    has(&problems, &format!("{r1}.serves[4]"), "\"u-pdpd\" names the item at units[0], which is not an item of the structure", Severity::Error);
    let at = |k: usize| problems.iter().filter(|p| p.path == format!("{r1}.serves[{k}]")).count();
    assert_eq!((at(2), at(3)), (0, 0), "another goal and a priority may be served: {problems:#?}");
    assert_eq!(problems.len(), 3, "{problems:#?}");
}

#[test]
fn missing_ids_are_errors() {
    let mut s = small_strategy();
    s.items[0].children[0].children[0].indicators[0].id = String::new();
    let problems = validate::validate(&s);
    assert_eq!(problems[0].path, "items[0].children[0].children[0].indicators[0].id");
    assert!(problems[0].message.contains("missing id"));
}

#[test]
fn emoji_right_to_left_and_html_survive_unchanged() {
    let mut s = small_strategy();
    s.mission = "Cieņpilna vide 🤝 ikvienam — <script>alert('x')</script> &amp; \"quotes\"".into();
    s.vision = "رؤية واضحة للمستقبل".into();
    s.items[0].children[0].description = "line one\nline two\t\u{200f}rtl mark".into();
    s.levels[2].name = Name::new("Rezultāts 🎯", "<b>Result</b>");
    let back = import(&export(&s)).unwrap().strategy;
    assert_eq!(back, s);
}

#[test]
fn deeply_nested_and_wrongly_shaped_input_does_not_panic() {
    let deep = "[".repeat(100_000);
    assert!(import(&deep).is_err());
    let children = format!("{}{{}}{}", "{\"children\": [".repeat(10_000), "]}".repeat(10_000));
    assert!(import(&format!(r#"{{"format": "strategy-studio", "version": 2, "strategy": {{"items": [{children}]}}}}"#)).is_err());
    for text in [
        r#"{"format": "strategy-studio", "version": 2, "strategy": []}"#,
        r#"{"format": "strategy-studio", "version": 2, "strategy": {"items": {}}}"#,
        r#"{"format": "strategy-studio", "version": 2, "strategy": {"items": [{"children": [null]}]}}"#,
        r#"{"format": "strategy-studio", "version": 2, "strategy": {"levels": [{"key": 3}]}}"#,
        r#"{"format": "strategy-studio", "version": 1, "strategy": {"priorities": {}}}"#,
        r#"{"format": "strategy-studio", "version": 1, "strategy": {"priorities": [{"goals": [null]}]}}"#,
        r#"{"format": "strategy-studio", "version": 2, "strategy": {"period": {"start_year": 1e40}}}"#,
        r#"{"format": "strategy-studio", "version": 18446744073709551616, "strategy": {}}"#,
        "\u{feff}{\"format\": \"strategy-studio\"}",
        "null",
    ] {
        let e = import(text).expect_err(text);
        assert!(!e.is_empty(), "{text}");
    }
    let e = import_errors(r#"{"format": "strategy-studio", "version": 2, "strategy": {"items": [{"children": [null]}]}}"#);
    assert_eq!(e[0].path, "items[0].children[0]");
    let e = import_errors(r#"{"format": "strategy-studio", "version": 1, "strategy": {"priorities": [{"goals": [null]}]}}"#);
    assert_eq!(e[0].path, "priorities[0].goals[0]");
}

/// A strategy with `goals` goals, each with a result and two indicators.
fn big_strategy(goals: usize) -> Model {
    let mut s = small_strategy();
    let template = s.items[0].children[0].clone();
    s.items[0].children = (0..goals)
        .map(|n| {
            let mut g = template.clone();
            g.id = format!("g{n}");
            let r = &mut g.children[0];
            r.id = format!("r{n}");
            r.indicators[0].id = format!("i{n}a");
            let mut second = r.indicators[0].clone();
            second.id = format!("i{n}b");
            r.indicators.push(second);
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
    assert_eq!(imported.strategy.nodes_at_level(1).len(), 10_000);
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
    let committed = include_str!("../../../public/schema/strategy-v2.json");
    assert_eq!(
        committed,
        format::json_schema(),
        "public/schema/strategy-v2.json is stale: run `cargo run -p strategy-cli -- schema > public/schema/strategy-v2.json`"
    );
    let schema: Json = serde_json::from_str(committed).unwrap();
    assert_eq!(schema["properties"]["version"]["const"], 2);
    assert!(schema["$defs"]["Node"]["properties"]["children"].is_object(), "the schema describes the tree");
}

#[test]
fn the_version_1_schema_stays_published_for_old_files() {
    let v1: Json = serde_json::from_str(include_str!("../../../public/schema/strategy-v1.json")).unwrap();
    assert_eq!(v1["properties"]["version"]["const"], 1);
    assert!(v1["$defs"]["Strategy"]["properties"]["priorities"].is_object(), "it documents the fixed slots of version 1");
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

fn arb_report() -> impl Gen<Value = Report> {
    (2024..2028i32, prop::option::of(1u8..3), prop::option::of(Just(Status::OnTrack)), arb_text())
        .prop_map(|(year, half, status, narrative)| Report { period: ReportingPeriod { year, half }, status, narrative })
}

fn arb_number() -> impl Gen<Value = Option<String>> {
    prop::option::of(prop_oneof![Just("2a".to_string()), "[0-9A-Z.]{1,5}"])
}

/// One node in document order: how deep it would like to be, how many
/// levels it skips below its parent, whether (at the top) it goes under the
/// overarching goal, what it serves (positions among all nodes), and its fields.
type NodePlan = (usize, usize, bool, Vec<usize>, Node);

fn arb_node_plan() -> impl Gen<Value = NodePlan> {
    let fields = (arb_text(), arb_text(), arb_text(), arb_number(), prop::collection::vec(arb_indicator(), 0..2), arb_text(), prop::collection::vec(arb_report(), 0..2));
    (0..7usize, prop_oneof![3 => Just(0usize), 1 => Just(1usize)], any::<bool>(), prop::collection::vec(0..64usize, 0..3), fields).prop_map(
        |(depth, skip, under_og, serves, (title, description, goal_statement, number, indicators, deadline, reports))| {
            let node = Node { title, description, goal_statement, number, indicators, deadline, reports, ..Node::default() };
            (depth, skip, under_og, serves, node)
        },
    )
}

/// A strategy with 2–6 levels and a tree of any depth they allow (an
/// overarching goal with its own subtree, sometimes): every node at a level
/// deeper than its parent's, serving other nodes, never itself or its parent.
fn arb_strategy() -> impl Gen<Value = Model> {
    let levels = prop::collection::vec((arb_text(), arb_text(), any::<bool>()), MIN_LEVELS..=MAX_LEVELS);
    (arb_text(), arb_text(), levels, prop::option::of(arb_text()), prop::collection::vec(arb_node_plan(), 0..24)).prop_map(
        |(title, mission, levels, overarching, plans)| {
            let levels: Vec<Level> = levels
                .into_iter()
                .enumerate()
                .map(|(i, (lv, en, global))| Level {
                    key: format!("l{i}"),
                    name: Name { lv, en },
                    numbering: if global { Numbering::Global } else { Numbering::Hierarchical },
                })
                .collect();
            let mut s = Model { id: "s".into(), title, mission, levels, ..Default::default() };
            s.overarching_goal = overarching.map(|title| Node { id: "og".into(), title, ..Node::default() });
            // The open ancestors of the next node: their place and level index.
            let mut open: Vec<(NodeAt, usize)> = Vec::new();
            let mut serves = Vec::new();
            for (n, (depth, skip, under_og, wanted, mut node)) in plans.into_iter().enumerate() {
                open.truncate(depth.min(open.len()));
                while open.last().is_some_and(|(_, l)| l + 1 >= s.levels.len()) {
                    open.pop();
                }
                let (parent, first) = match open.last() {
                    Some((at, l)) => (at.clone(), l + 1),
                    None if under_og && s.overarching_goal.is_some() => (NodeAt::overarching(), 0),
                    None => (NodeAt::root(), 0),
                };
                let level = if first + skip < s.levels.len() { first + skip } else { first };
                node.id = format!("n{n}");
                node.level = s.levels[level].key.clone();
                for (k, ind) in node.indicators.iter_mut().enumerate() {
                    ind.id = format!("n{n}i{k}");
                }
                let children = s.children_mut(&parent).unwrap();
                children.push(node);
                let at = parent.child(children.len() - 1);
                serves.push((at.clone(), wanted));
                open.push((at, level));
            }
            let ids: Vec<(String, Option<String>)> =
                s.nodes().iter().map(|n| (n.node.id.clone(), n.ancestors.last().map(|a| a.id.clone()))).collect();
            let count = ids.len();
            for (at, wanted) in serves {
                let node = s.node_at_mut(&at).unwrap();
                let parent = ids.iter().find(|(id, _)| *id == node.id).and_then(|(_, p)| p.clone());
                node.serves = wanted.into_iter().map(|k| ids[k % count].0.clone()).filter(|id| *id != node.id && Some(id) != parent.as_ref()).collect();
            }
            s
        },
    )
}

/// Whether a problem is about the tree's rules (levels, depth, what nodes serve).
fn is_tree_problem(p: &Problem) -> bool {
    p.path.starts_with("levels") || p.path.ends_with(".level") || p.path.contains(".serves") || p.message.contains("too deep")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_strategy_round_trips_export_import(s in arb_strategy()) {
        // Import parses targets that arrive as text only; a strategy the app
        // wrote has them parsed already.
        let mut s = s;
        strategy_core::target::parse_missing(&mut s);
        let text = export(&s);
        let imported = import(&text).unwrap();
        prop_assert_eq!(&imported.strategy, &s);
        prop_assert_eq!(export(&imported.strategy), text);
        let tree_problems: Vec<&Problem> = imported.problems.iter().filter(|p| is_tree_problem(p)).collect();
        prop_assert!(tree_problems.is_empty(), "a well-formed tree passes the tree's checks: {:#?}", tree_problems);
        prop_assert!(s.nodes().iter().all(|n| n.at.steps.len() <= MAX_LEVELS));
    }

    #[test]
    fn any_strategy_round_trips_the_compact_storage_form(s in arb_strategy()) {
        let mut s = s;
        strategy_core::target::parse_missing(&mut s);
        let text = compact(&s);
        prop_assert!(!text.contains('\n'), "one line");
        let imported = import(&text).unwrap();
        prop_assert_eq!(&imported.strategy, &s, "lossless: {}", text);
        prop_assert!(text.len() <= export(&s).len());
        prop_assert_eq!(compact(&imported.strategy), text.clone(), "stable");
        // The file is a valid version 2 file without its defaults; export is unchanged by it.
        prop_assert!(!export(&s).contains("\n\n"));
        prop_assert!(imported.problems.iter().all(|p| !p.message.contains("unknown field")));
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

// Version 1 files, built as JSON (the version-1 types only read), migrated
// and compared field by field with the tree they became.

fn to_json<T: serde::Serialize>(x: &T) -> Json {
    serde_json::to_value(x).unwrap()
}

/// Indicators with ids `{owner}i0`, `{owner}i1`…, as JSON.
fn indicators_json(indicators: &[Indicator], owner: &str) -> Json {
    Json::Array(indicators.iter().enumerate().map(|(k, i)| to_json(&Indicator { id: format!("{owner}i{k}"), ..i.clone() })).collect())
}

fn arb_task_v1() -> impl Gen<Value = Json> {
    (arb_number(), arb_text(), prop::collection::vec(0..3usize, 0..2), arb_text(), prop::collection::vec(arb_indicator(), 0..2)).prop_map(
        |(number, text, units, deadline, indicators)| {
            json!({"number": number, "text": text, "responsible_unit_ids": units.iter().map(|u| format!("u{u}")).collect::<Vec<_>>(),
                   "deadline": deadline, "indicators": to_json(&indicators)})
        },
    )
}

fn arb_result_v1() -> impl Gen<Value = Json> {
    (
        arb_text(),
        arb_text(),
        prop::collection::vec(0..16usize, 0..3),
        prop::collection::vec(arb_indicator(), 0..2),
        prop::collection::vec(arb_task_v1(), 0..3),
        prop::collection::vec(arb_report(), 0..2),
    )
        .prop_map(|(title, description, serves, indicators, tasks, reports)| {
            json!({"title": title, "description": description, "also_serves_goal_ids": serves, "indicators": to_json(&indicators),
                   "tasks": tasks, "reports": to_json(&reports)})
        })
}

fn arb_goal_v1() -> impl Gen<Value = Json> {
    let links = || prop::collection::vec("[a-z]{1,3}[0-9]", 0..2);
    (
        (arb_number(), arb_text(), arb_text(), links(), links(), links(), prop::collection::vec("[A-Z]{2}[0-9]", 0..2)),
        prop::collection::vec(arb_indicator(), 0..2),
        prop::collection::vec(arb_task_v1(), 0..3),
        prop::collection::vec(arb_result_v1(), 0..3),
        prop::collection::vec(arb_report(), 0..2),
    )
        .prop_map(|((number, title, purpose, pds, swots, tgs, codes), indicators, tasks, results, reports)| {
            json!({"number": number, "title": title, "purpose": purpose, "policy_document_ids": pds, "swot_ids": swots,
                   "target_group_ids": tgs, "national_indicator_codes": codes, "indicators": to_json(&indicators),
                   "tasks": tasks, "results": results, "reports": to_json(&reports)})
        })
}

fn arb_priority_v1() -> impl Gen<Value = Json> {
    (arb_number(), arb_text(), arb_text(), prop::collection::vec(arb_indicator(), 0..2), prop::collection::vec(arb_goal_v1(), 0..4)).prop_map(
        |(number, title, description, indicators, goals)| {
            json!({"number": number, "title": title, "description": description, "indicators": to_json(&indicators), "goals": goals})
        },
    )
}

/// A version-1 strategy object with every field of every item in use,
/// unique ids (`p1`, `g2`, `r3`, `t4`…), and results serving goals.
fn arb_strategy_v1() -> impl Gen<Value = Json> {
    let level_names = prop::option::of((arb_text(), arb_text(), arb_text(), arb_text(), arb_text()));
    let language = prop_oneof![Just(ContentLanguage::Lv), Just(ContentLanguage::En), Just(ContentLanguage::Both)];
    let og = prop::option::of((arb_text(), arb_text(), prop::collection::vec(arb_indicator(), 0..2)));
    (arb_text(), language, level_names, og, prop::collection::vec(arb_priority_v1(), 0..4), arb_text()).prop_map(
        |(title, language, names, og, mut priorities, mission)| {
            let mut n = 0;
            let mut next = |prefix: &str| {
                n += 1;
                format!("{prefix}{n}")
            };
            let mut goal_ids = Vec::new();
            for p in &mut priorities {
                let id = next("p");
                let indicators = indicators_json(&serde_json::from_value::<Vec<Indicator>>(p["indicators"].take()).unwrap(), &id);
                (p["id"], p["indicators"]) = (id.into(), indicators);
                for g in p["goals"].as_array_mut().unwrap() {
                    g["id"] = next("g").into();
                    goal_ids.push(g["id"].clone());
                    let mut items: Vec<&mut Json> = vec![g];
                    while let Some(item) = items.pop() {
                        if item["id"].is_null() {
                            item["id"] = next(if item.get("text").is_some() { "t" } else { "r" }).into();
                        }
                        let id = item["id"].as_str().unwrap().to_string();
                        let indicators = indicators_json(&serde_json::from_value::<Vec<Indicator>>(item["indicators"].take()).unwrap(), &id);
                        item["indicators"] = indicators;
                        for (key, value) in item.as_object_mut().unwrap() {
                            if let ("results" | "tasks", Json::Array(children)) = (key.as_str(), value) {
                                items.extend(children.iter_mut());
                            }
                        }
                    }
                }
            }
            for p in &mut priorities {
                for g in p["goals"].as_array_mut().unwrap() {
                    for r in g["results"].as_array_mut().unwrap() {
                        let serves: Vec<Json> = r["also_serves_goal_ids"].as_array().unwrap().iter().map(|k| {
                            let k = k.as_u64().unwrap() as usize;
                            goal_ids.get(k % goal_ids.len().max(1)).cloned().unwrap_or(Json::Null)
                        }).filter(|id| !id.is_null()).collect();
                        r["also_serves_goal_ids"] = Json::Array(serves);
                    }
                }
            }
            let first_goal = goal_ids.first().and_then(Json::as_str).unwrap_or("p1").to_string();
            let context = Model {
                institution: Institution { name: "Labklājības ministrija".into(), short_name: "LM".into() },
                foreword: Foreword { text: "Ievads".into(), signatory_name: "U. Uzvārds".into(), signatory_position: "valsts sekretārs".into() },
                mandate: "Mandāts".into(),
                vision: "Vīzija".into(),
                values: vec![Value { id: "v1".into(), name: "Cieņa".into(), definition: "…".into(), ..Default::default() }],
                target_groups: vec![TargetGroup { id: "tg1".into(), name: "Iedzīvotāji".into(), needs: vec!["informācija".into()], ..Default::default() }],
                policy_documents: vec![PolicyDocument { id: "pd1".into(), title: "NAP2027".into(), themes: vec!["labklājība".into()], ..Default::default() }],
                swot: vec![SwotItem { id: "sw1".into(), kind: SwotKind::Weakness, text: "Mainība".into(), linked_ids: vec![first_goal.clone()], ..Default::default() }],
                risks: vec![Risk { id: "rk1".into(), description: "Budžets".into(), likelihood: Rating::High, ..Default::default() }],
                resources: Resources {
                    human: "…".into(),
                    tables: vec![Table { id: "tbl1".into(), caption: "Darbinieki".into(), columns: vec!["a".into()], rows: vec![vec!["1".into()]] }],
                    ..Default::default()
                },
                units: (0..3).map(|u| Unit { id: format!("u{u}"), code: format!("U{u}"), ..Default::default() }).collect(),
                monitoring: Monitoring { text: "Divreiz gadā".into(), review_frequency: "twice a year".into() },
                evaluations: vec![Evaluation { id: "ev1".into(), year: 2025, values_goals: vec![Link { from_id: "v1".into(), to_id: first_goal }], ..Default::default() }],
                notes: "Piezīmes".into(),
                ..Default::default()
            };
            let context = to_json(&context);
            let mut s = json!({"id": "s", "title": title, "content_language": to_json(&language), "mission": mission, "priorities": priorities});
            for key in ["institution", "period", "foreword", "mandate", "vision", "values", "target_groups", "policy_documents", "swot", "risks", "resources", "units", "monitoring", "evaluations", "notes"] {
                s[key] = context[key].clone();
            }
            if let Some((title, description, indicators)) = og {
                s["overarching_goal"] = json!({"id": "og", "title": title, "description": description, "indicators": indicators_json(&indicators, "og")});
            }
            if let Some((priority, goal, result, task, indicator)) = names {
                s["level_names"] = json!({"priority": priority, "goal": goal, "result": result, "task": task, "indicator": indicator});
            }
            s
        },
    )
}

/// `v` with every indicator's text-only baselines and targets parsed, as import does.
fn with_text_parsed(v: Json) -> Json {
    match v {
        Json::Object(map) => Json::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let v = if k == "indicators" {
                        let mut list: Vec<strategy_core::Indicator> = serde_json::from_value(v).unwrap();
                        list.iter_mut().for_each(|i| {
                            strategy_core::target::parse_missing_of(i);
                        });
                        serde_json::to_value(list).unwrap()
                    } else {
                        with_text_parsed(v)
                    };
                    (k, v)
                })
                .collect(),
        ),
        Json::Array(items) => Json::Array(items.into_iter().map(with_text_parsed).collect()),
        other => other,
    }
}

/// Asserts that every field of the version-1 object `old` (except the lists
/// of its children) has its value in `node` under its version-2 name.
fn same_fields(old: &Json, node: &Node, renames: &[(&str, &str)], children: &[&str]) {
    let new = to_json(node);
    for (key, value) in old.as_object().unwrap() {
        if children.contains(&key.as_str()) {
            continue;
        }
        let to = renames.iter().find(|(from, _)| from == key).map_or(key.as_str(), |(_, to)| *to);
        assert_eq!(&new[to], value, "{key} → {to} of {}", node.id);
    }
}

/// The level a version-1 level name became: the typed name in the content
/// language's slot, or the default names when the name was left as it was.
fn check_level_name(s: &Model, key: &str, typed: Option<&Json>, lv: &str, en: &str) {
    let level = &s.levels[s.level_index(key).unwrap_or_else(|| panic!("level {key}"))];
    match typed.and_then(Json::as_str) {
        Some(t) if t != en => match s.content_language {
            ContentLanguage::En => assert_eq!((level.name.lv.as_str(), level.name.en.as_str()), (lv, t), "{key}"),
            _ => assert_eq!((level.name.lv.as_str(), level.name.en.as_str()), (t, en), "{key}"),
        },
        _ => assert_eq!(level.name, Name::new(lv, en), "{key}"),
    }
}

/// Checks a migrated task against its version-1 object and its number.
fn check_task(old: &Json, node: &Node, numbers: &std::collections::HashMap<Id, String>, prefix: &str, n: usize) {
    assert_eq!(node.level, "task");
    same_fields(old, node, &[("text", "title")], &[]);
    assert!(node.children.is_empty());
    let expected = old["number"].as_str().map_or(format!("{prefix}.{n}"), str::to_string);
    assert_eq!(numbers[&node.id], expected, "task {}", node.id);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]
    #[test]
    fn any_version_1_strategy_migrates_without_losing_a_field(old in arb_strategy_v1()) {
        let file = json!({"format": "strategy-studio", "version": 1, "strategy": old});
        // What import adds on the way: targets and baselines given as text only get parsed.
        let old = with_text_parsed(old);
        let imported = import(&file.to_string()).unwrap();
        prop_assert_eq!(imported.migrated_from, Some(1));
        let unknown: Vec<&Problem> = imported.problems.iter().filter(|p| p.message.contains("unknown field")).collect();
        prop_assert!(unknown.is_empty(), "the generated file uses only version-1 fields: {:#?}", unknown);
        let tree_problems: Vec<&Problem> = imported.problems.iter().filter(|p| is_tree_problem(p) && p.is_error()).collect();
        prop_assert!(tree_problems.is_empty(), "the migrated tree is well formed: {:#?}", tree_problems);
        let s = &imported.strategy;
        let numbers = numbers(s);

        // Everything beside the hierarchy is kept as it was.
        let new = exported_json(s)["strategy"].clone();
        for (key, value) in old.as_object().unwrap() {
            if !["priorities", "overarching_goal", "level_names"].contains(&key.as_str()) {
                prop_assert_eq!(&new[key], value, "{}", key);
            }
        }
        // The levels the file uses, with the names it gave them.
        let priorities = old["priorities"].as_array().unwrap();
        let goals: Vec<&Json> = priorities.iter().flat_map(|p| p["goals"].as_array().unwrap()).collect();
        let results: Vec<&Json> = goals.iter().flat_map(|g| g["results"].as_array().unwrap()).collect();
        let has_tasks = goals.iter().any(|g| !g["tasks"].as_array().unwrap().is_empty()) || results.iter().any(|r| !r["tasks"].as_array().unwrap().is_empty());
        let keys: Vec<&str> = s.levels.iter().map(|l| l.key.as_str()).collect();
        let mut expected_keys = vec!["priority", "goal"];
        if !results.is_empty() { expected_keys.push("result"); }
        if has_tasks { expected_keys.push("task"); }
        prop_assert_eq!(keys, expected_keys);
        let names = old.get("level_names");
        check_level_name(s, "priority", names.map(|n| &n["priority"]), "Prioritāte", "Priority");
        check_level_name(s, "goal", names.map(|n| &n["goal"]), "Mērķis", "Goal");
        if !results.is_empty() { check_level_name(s, "result", names.map(|n| &n["result"]), "Sasniedzamais rezultāts", "Result"); }
        if has_tasks { check_level_name(s, "task", names.map(|n| &n["task"]), "Uzdevums", "Task"); }
        match names.and_then(|n| n["indicator"].as_str()) {
            Some(t) if t != "Indicator" && s.content_language == ContentLanguage::En => prop_assert_eq!(&s.indicator_name, &Name::new("Rādītājs", t)),
            Some(t) if t != "Indicator" => prop_assert_eq!(&s.indicator_name, &Name::new(t, "Indicator")),
            _ => prop_assert_eq!(&s.indicator_name, &Name::new("Rādītājs", "Indicator")),
        }

        // The overarching goal, above the levels.
        match (old.get("overarching_goal"), &s.overarching_goal) {
            (None, None) => {}
            (Some(o), Some(og)) => {
                prop_assert_eq!(og.level.as_str(), "");
                same_fields(o, og, &[], &[]);
                prop_assert!(og.children.is_empty());
                prop_assert!(!numbers.contains_key(&og.id), "the overarching goal has no number");
            }
            (o, og) => prop_assert!(false, "overarching goal {:?} became {:?}", o, og),
        }

        // Priorities, goals, results and tasks, each a node with its fields and its version-1 number.
        prop_assert_eq!(s.items.len(), priorities.len());
        let mut goal_count = 0;
        for (pi, (p, pn)) in priorities.iter().zip(&s.items).enumerate() {
            prop_assert_eq!(pn.level.as_str(), "priority");
            same_fields(p, pn, &[], &["goals"]);
            prop_assert_eq!(&numbers[&pn.id], &p["number"].as_str().map_or((pi + 1).to_string(), str::to_string));
            let p_goals = p["goals"].as_array().unwrap();
            prop_assert_eq!(pn.children.len(), p_goals.len());
            for (g, gn) in p_goals.iter().zip(&pn.children) {
                goal_count += 1;
                prop_assert_eq!(gn.level.as_str(), "goal");
                same_fields(g, gn, &[("purpose", "description")], &["results", "tasks"]);
                let number = g["number"].as_str().map_or(goal_count.to_string(), str::to_string);
                prop_assert_eq!(&numbers[&gn.id], &number);
                let (g_results, g_tasks) = (g["results"].as_array().unwrap(), g["tasks"].as_array().unwrap());
                prop_assert_eq!(gn.children.len(), g_results.len() + g_tasks.len(), "a goal's results, then its tasks");
                for (ri, (r, rn)) in g_results.iter().zip(&gn.children).enumerate() {
                    prop_assert_eq!(rn.level.as_str(), "result");
                    same_fields(r, rn, &[("also_serves_goal_ids", "serves")], &["tasks"]);
                    prop_assert_eq!(rn.number.as_ref(), None);
                    let prefix = format!("{number}.{}", ri + 1);
                    prop_assert_eq!(&numbers[&rn.id], &prefix);
                    let r_tasks = r["tasks"].as_array().unwrap();
                    prop_assert_eq!(rn.children.len(), r_tasks.len());
                    for (ti, (t, tn)) in r_tasks.iter().zip(&rn.children).enumerate() {
                        check_task(t, tn, &numbers, &prefix, ti + 1);
                    }
                }
                for (ti, (t, tn)) in g_tasks.iter().zip(&gn.children[g_results.len()..]).enumerate() {
                    check_task(t, tn, &numbers, &number, ti + 1);
                }
            }
        }
        // And the migrated strategy is stable in version 2.
        let text = export(s);
        prop_assert_eq!(&import(&text).unwrap().strategy, s);
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

#[test]
fn the_compact_form_leaves_defaults_out_and_reads_back_as_the_same_strategy() {
    let mut s = small_strategy();
    // Defaults that differ from their type's default are kept.
    s.levels.clear();
    s.period = Period { start_year: 0, end_year: 0 };
    let text = compact(&s);
    assert!(!text.contains("\"data_source\""), "an empty field is left out: {text}");
    assert!(text.contains("\"levels\":[]"), "empty levels are not the default three: {text}");
    assert!(text.contains("\"start_year\":0"), "{text}");
    assert_eq!(import(&text).unwrap().strategy, s);
    assert!(export(&s).contains("\"data_source\""), "export still writes every field");
    // A generous default strategy is only its envelope and the fields that differ.
    let blank = compact(&Model { id: "a".into(), ..Model::default() });
    assert_eq!(blank, r#"{"format":"strategy-studio","version":2,"strategy":{"id":"a","levels":[{"key":"priority","name":{"lv":"Prioritāte","en":"Priority"},"numbering":"global"},{"key":"goal","name":{"lv":"Mērķis","en":"Goal"},"numbering":"global"},{"key":"result","name":{"lv":"Sasniedzamais rezultāts","en":"Result"}}],"indicator_name":{"lv":"Rādītājs","en":"Indicator"},"target_group_name":{"lv":"Mērķa grupas","en":"Target groups"}}}"#);
}
