//! Migration of version-1 files to version 2, checked field by field on the
//! version-1 fixtures (the three examples as they were, and a small file with
//! tasks and fixed numbers): every priority, goal, result and task is a node
//! with the same id, level, title, description, number, indicators, links and
//! reports, in the same order; every other field is kept as it was.

use serde_json::Value as Json;
use strategy_core::walk::NodeRef;
use strategy_core::*;

/// The version-1 fixtures under `tests/fixtures/v1/`.
const FIXTURES: [&str; 4] =
    ["lm-strategy-2024-2027", "lm-strategy-2020-2023", "social-protection-guidelines-2021-2027", "tasks-and-fixed-numbers"];

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/v1/{name}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn example(name: &str) -> String {
    let path = format!("{}/../../public/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The fixture as its JSON and as imported (migrated) into the current model.
fn migrated(name: &str) -> (Json, Strategy) {
    let text = fixture(name);
    let json: Json = serde_json::from_str(&text).unwrap();
    assert_eq!(json["version"], 1, "{name} is a version-1 file");
    let imported = import(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    assert_eq!(imported.migrated_from, Some(1), "{name}");
    assert_eq!(imported.problems, vec![], "{name} migrates without problems");
    (json["strategy"].clone(), imported.strategy)
}

/// `old[field]` read as the type of the new field (absent = the default).
fn typed<T: serde::de::DeserializeOwned + Default>(old: &Json, field: &str) -> T {
    match old.get(field) {
        None | Some(Json::Null) => T::default(),
        Some(v) => serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{field}: {e}")),
    }
}

fn text(old: &Json, field: &str) -> String {
    typed::<String>(old, field)
}

fn list<'a>(old: &'a Json, field: &str) -> &'a [Json] {
    old.get(field).and_then(Json::as_array).map_or(&[], Vec::as_slice)
}

/// Asserts that everything in `old` is in `new` unchanged: objects key by key
/// (the new one may have more keys, the fields version 2 added), arrays item
/// by item, scalars equal.
fn assert_kept(old: &Json, new: &Json, path: &str) {
    match (old, new) {
        (Json::Object(o), Json::Object(n)) => {
            for (k, v) in o {
                let p = format!("{path}.{k}");
                assert_kept(v, n.get(k).unwrap_or_else(|| panic!("{p} is gone")), &p);
            }
        }
        (Json::Array(o), Json::Array(n)) => {
            assert_eq!(o.len(), n.len(), "{path}: length");
            for (i, (a, b)) in o.iter().zip(n).enumerate() {
                assert_kept(a, b, &format!("{path}[{i}]"));
            }
        }
        _ => assert_eq!(old, new, "{path}"),
    }
}

/// What a node has that no version-1 item of its kind had stays empty.
fn assert_no_new_content(n: &Node, what: &str) {
    assert_eq!(n.goal_statement, "", "{what}: goal statement");
    if n.level != "goal" {
        assert!(n.policy_document_ids.is_empty() && n.swot_ids.is_empty() && n.target_group_ids.is_empty(), "{what}: links");
        assert!(n.national_indicator_codes.is_empty(), "{what}: national indicator codes");
    }
    if n.level != "result" {
        assert!(n.serves.is_empty(), "{what}: serves");
    }
    if n.level != "task" {
        assert!(n.responsible_unit_ids.is_empty() && n.deadline.is_empty(), "{what}: responsible units and deadline");
    }
    if !matches!(n.level.as_str(), "goal" | "result") {
        assert!(n.reports.is_empty(), "{what}: reports");
    }
}

fn check_task(old: &Json, n: &Node, what: &str) {
    assert_eq!((n.id.as_str(), n.level.as_str()), (old["id"].as_str().unwrap(), "task"), "{what}");
    assert_eq!(n.number, typed::<Option<String>>(old, "number"), "{what}: number");
    assert_eq!(n.title, text(old, "text"), "{what}: the task's text is its title");
    assert_eq!(n.description, "", "{what}: description");
    assert_eq!(n.responsible_unit_ids, typed::<Vec<Id>>(old, "responsible_unit_ids"), "{what}: responsible units");
    assert_eq!(n.deadline, text(old, "deadline"), "{what}: deadline");
    assert_eq!(n.indicators, typed::<Vec<Indicator>>(old, "indicators"), "{what}: indicators");
    assert!(n.children.is_empty(), "{what}: a task has no children");
    assert_no_new_content(n, what);
}

fn check_result(old: &Json, n: &Node, what: &str) {
    assert_eq!((n.id.as_str(), n.level.as_str()), (old["id"].as_str().unwrap(), "result"), "{what}");
    assert_eq!(n.number, None, "{what}: results had no fixed number");
    assert_eq!(n.title, text(old, "title"), "{what}: title");
    assert_eq!(n.description, text(old, "description"), "{what}: description");
    assert_eq!(n.serves, typed::<Vec<Id>>(old, "also_serves_goal_ids"), "{what}: serves = also_serves_goal_ids");
    assert_eq!(n.indicators, typed::<Vec<Indicator>>(old, "indicators"), "{what}: indicators");
    assert_eq!(n.reports, typed::<Vec<Report>>(old, "reports"), "{what}: reports");
    let tasks = list(old, "tasks");
    assert_eq!(n.children.len(), tasks.len(), "{what}: its tasks are its children");
    for (k, (t, c)) in tasks.iter().zip(&n.children).enumerate() {
        check_task(t, c, &format!("{what}.tasks[{k}]"));
    }
    assert_no_new_content(n, what);
}

fn check_goal(old: &Json, n: &Node, what: &str) {
    assert_eq!((n.id.as_str(), n.level.as_str()), (old["id"].as_str().unwrap(), "goal"), "{what}");
    assert_eq!(n.number, typed::<Option<String>>(old, "number"), "{what}: number");
    assert_eq!(n.title, text(old, "title"), "{what}: title");
    assert_eq!(n.description, text(old, "purpose"), "{what}: the goal's purpose is its description");
    assert_eq!(n.policy_document_ids, typed::<Vec<Id>>(old, "policy_document_ids"), "{what}: policy documents");
    assert_eq!(n.swot_ids, typed::<Vec<Id>>(old, "swot_ids"), "{what}: SWOT items");
    assert_eq!(n.target_group_ids, typed::<Vec<Id>>(old, "target_group_ids"), "{what}: target groups");
    assert_eq!(n.national_indicator_codes, typed::<Vec<String>>(old, "national_indicator_codes"), "{what}: national indicator codes");
    assert_eq!(n.indicators, typed::<Vec<Indicator>>(old, "indicators"), "{what}: indicators");
    assert_eq!(n.reports, typed::<Vec<Report>>(old, "reports"), "{what}: reports");
    let (results, tasks) = (list(old, "results"), list(old, "tasks"));
    assert_eq!(n.children.len(), results.len() + tasks.len(), "{what}: results and tasks are its children");
    for (k, (r, c)) in results.iter().zip(&n.children).enumerate() {
        check_result(r, c, &format!("{what}.results[{k}]"));
    }
    for (k, (t, c)) in tasks.iter().zip(&n.children[results.len()..]).enumerate() {
        check_task(t, c, &format!("{what}.tasks[{k}]"));
    }
    assert_no_new_content(n, what);
}

fn check_priority(old: &Json, n: &Node, what: &str) {
    assert_eq!((n.id.as_str(), n.level.as_str()), (old["id"].as_str().unwrap(), "priority"), "{what}");
    assert_eq!(n.number, typed::<Option<String>>(old, "number"), "{what}: number");
    assert_eq!(n.title, text(old, "title"), "{what}: title");
    assert_eq!(n.description, text(old, "description"), "{what}: description");
    assert_eq!(n.indicators, typed::<Vec<Indicator>>(old, "indicators"), "{what}: indicators");
    let goals = list(old, "goals");
    assert_eq!(n.children.len(), goals.len(), "{what}: its goals are its children");
    for (k, (g, c)) in goals.iter().zip(&n.children).enumerate() {
        check_goal(g, c, &format!("{what}.goals[{k}]"));
    }
    assert_no_new_content(n, what);
}

#[test]
fn every_item_becomes_a_node_with_the_same_fields() {
    for name in FIXTURES {
        let (old, s) = migrated(name);
        let priorities = list(&old, "priorities");
        assert_eq!(s.items.len(), priorities.len(), "{name}: the priorities are the top-level items");
        for (i, (p, n)) in priorities.iter().zip(&s.items).enumerate() {
            check_priority(p, n, &format!("{name}: priorities[{i}]"));
        }
        match old.get("overarching_goal").filter(|o| !o.is_null()) {
            None => assert_eq!(s.overarching_goal, None, "{name}"),
            Some(o) => {
                let og = s.overarching_goal.as_ref().unwrap_or_else(|| panic!("{name}: the overarching goal is kept"));
                assert_eq!((og.id.as_str(), og.level.as_str()), (o["id"].as_str().unwrap(), ""), "{name}: overarching goal");
                assert_eq!((og.title.clone(), og.description.clone()), (text(o, "title"), text(o, "description")), "{name}: overarching goal");
                assert_eq!(og.indicators, typed::<Vec<Indicator>>(o, "indicators"), "{name}: overarching goal's indicators");
                assert!(og.children.is_empty() && og.number.is_none(), "{name}: overarching goal");
                assert_no_new_content(og, &format!("{name}: overarching goal"));
            }
        }
    }
}

#[test]
fn every_other_field_is_kept() {
    for name in FIXTURES {
        let (old, s) = migrated(name);
        let new = serde_json::to_value(&s).unwrap();
        let fields = old.as_object().unwrap();
        for (k, v) in fields.iter().filter(|(k, _)| !["priorities", "overarching_goal", "level_names"].contains(&k.as_str())) {
            assert_kept(v, &new[k.as_str()], &format!("{name}: {k}"));
        }
        assert!(fields.len() >= 10, "{name}: the fixture is a whole file");
    }
}

/// The levels are those the file uses, named as it named them (one string,
/// in the content's language), numbered as version 1 numbered them.
#[test]
fn levels_are_those_the_file_uses_with_its_names() {
    for name in FIXTURES {
        let (old, s) = migrated(name);
        let goals = || list(&old, "priorities").iter().flat_map(|p| list(p, "goals"));
        let has_results = goals().any(|g| !list(g, "results").is_empty());
        let has_tasks = goals().any(|g| !list(g, "tasks").is_empty() || list(g, "results").iter().any(|r| !list(r, "tasks").is_empty()));
        let mut expected = vec!["priority", "goal"];
        expected.extend(has_results.then_some("result"));
        expected.extend(has_tasks.then_some("task"));
        let keys: Vec<&str> = s.levels.iter().map(|l| l.key.as_str()).collect();
        assert_eq!(keys, expected, "{name}");
        let english = s.content_language == ContentLanguage::En;
        let names = &old["level_names"];
        for level in &s.levels {
            let shown = if english { &level.name.en } else { &level.name.lv };
            assert_eq!(shown, names[level.key.as_str()].as_str().unwrap(), "{name}: the name of {}", level.key);
        }
        let indicator = if english { &s.indicator_name.en } else { &s.indicator_name.lv };
        assert_eq!(indicator, names["indicator"].as_str().unwrap(), "{name}: the indicator's name");
        let numbering: Vec<Numbering> = s.levels.iter().map(|l| l.numbering).collect();
        let mut expected = vec![Numbering::Global, Numbering::Global];
        expected.resize(s.levels.len(), Numbering::Hierarchical);
        assert_eq!(numbering, expected, "{name}: priorities and goals count across the strategy");
    }
}

/// Numbers come out as version 1 derived them, and fixed numbers win.
#[test]
fn numbers_are_kept() {
    let (_, s) = migrated("lm-strategy-2020-2023");
    let numbers = numbering::numbers(&s);
    let of = |l: usize| s.nodes_at_level(l).iter().map(|n| numbers[&n.node.id].clone()).collect::<Vec<_>>();
    assert_eq!(of(0), ["1", "2", "3"]);
    assert_eq!(of(1), (1..=9).map(|n| n.to_string()).collect::<Vec<_>>());
    assert_eq!(&of(2)[..4], ["1.1", "2.1", "2.2", "2.3"]);

    let (_, s) = migrated("tasks-and-fixed-numbers");
    let numbers = numbering::numbers(&s);
    let n = |id: &str| numbers[id].as_str();
    assert_eq!((n("p1"), n("p2")), ("A", "2"));
    assert_eq!((n("g1"), n("g2"), n("g3")), ("1", "7", "3"));
    assert_eq!((n("r1"), n("r2"), n("t3")), ("1.1", "1.2", "1.1.1"));
    assert_eq!((n("t1"), n("t2"), n("t4")), ("1.9", "1.2", "3.1"));
    let t3: NodeRef = s.nodes().into_iter().find(|r| r.node.id == "t3").unwrap();
    let chain: Vec<&str> = t3.ancestors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(chain, ["p1", "g1", "r1"], "a result's task stays under its result");
}

/// The two ministry examples are their version-1 files migrated, byte for
/// byte; the guidelines are the migrated file on the guidelines' own levels.
#[test]
fn the_examples_are_the_migrated_fixtures() {
    for name in ["lm-strategy-2024-2027", "lm-strategy-2020-2023"] {
        assert_eq!(export(&migrated(name).1), example(name), "{name}");
    }
    let name = "social-protection-guidelines-2021-2027";
    let (_, mut from_v1) = migrated(name);
    let shipped = import(&example(name)).unwrap().strategy;
    assert_eq!(from_v1.levels.iter().map(|l| l.key.as_str()).collect::<Vec<_>>(), ["priority", "goal"]);
    from_v1.levels = shipped.levels.clone();
    from_v1.indicator_name = shipped.indicator_name.clone();
    from_v1.notes = shipped.notes.clone();
    for line in &mut from_v1.items {
        line.level = "action_line".into();
    }
    assert_eq!(from_v1, shipped, "{name}: only the levels (and the transcription notes) differ");
}
