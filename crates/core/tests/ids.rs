//! Safe ids: the rule, its validation, and giving unsafe ids fresh ones with
//! every link rewritten.

use std::collections::{BTreeSet, HashMap, HashSet};

use proptest::prelude::{any, prop, prop_assert, prop_assert_eq, prop_oneof, proptest, Just, ProptestConfig};
use proptest::strategy::Strategy as Gen;
use strategy_core::id::{is_safe_id, replace_unsafe_ids, MAX_ID_LEN};
use strategy_core::Strategy as Model;
use strategy_core::*;

/// The goal id of an attacker's file, which the app once put into a CSS rule.
const PAYLOAD: &str = "]){}*{background:url(https://evil.example)}";

fn example(name: &str) -> Model {
    let path = format!("{}/../../public/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    import(&std::fs::read_to_string(&path).unwrap()).unwrap().strategy
}

/// Every id of `s`, its items' and its links', in document order.
fn ids_and_links(s: &Model) -> Vec<String> {
    let mut out: Vec<String> = s.every_id().into_iter().map(|(id, _)| id.to_string()).collect();
    s.for_each_link(|id, _| out.push(id.clone()));
    out
}

/// `web::random_id` of the app: the prefix, then time and a random number in base 36.
fn app_random_id(prefix: &str, time: u64, random: u64) -> String {
    fn radix36(mut n: u64) -> String {
        let mut out = Vec::new();
        loop {
            out.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % 36) as usize]);
            n /= 36;
            if n == 0 {
                break;
            }
        }
        out.reverse();
        String::from_utf8(out).unwrap()
    }
    format!("{prefix}{}{}", radix36(time), radix36(random))
}

#[test]
fn the_rule_accepts_every_example_id_and_the_ids_the_app_makes() {
    for name in ["lm-strategy-2024-2027", "lm-strategy-2020-2023", "social-protection-guidelines-2021-2027"] {
        let s = example(name);
        let ids = ids_and_links(&s);
        assert!(ids.len() > 50, "{name}");
        for id in ids {
            assert!(is_safe_id(&id), "{name}: {id:?}");
        }
    }
    for prefix in ["s-", "tab-", "chart-", "list-"] {
        for (time, random) in [(0, 0), (1_767_225_600_000, 123_456_789), (u64::MAX, 999_999_999)] {
            let id = app_random_id(prefix, time, random);
            assert!(is_safe_id(&id), "{id}");
        }
    }

    let mut s = Model { id: app_random_id("s-", 1_767_225_600_000, 7), ..Default::default() };
    let p = s.add_child(None, "P").unwrap();
    let g = s.add_child(Some(&p), "G").unwrap();
    let r = s.add_child(Some(&g), "R").unwrap();
    s.add_indicator(&r, "I").unwrap();
    s.add_sibling_after(&g, "G2").unwrap();
    s.add_listed::<Value>();
    s.add_listed::<TargetGroup>();
    s.add_listed::<PolicyDocument>();
    s.add_listed::<SwotItem>();
    s.add_listed::<Risk>();
    s.add_listed::<Unit>();
    s.add_listed::<Abbreviation>();
    s.add_listed::<Reference>();
    let og = s.fresh_id("og");
    s.overarching_goal = Some(Node { id: og.clone(), ..Default::default() });
    s.add_child(Some(&og), "Strategy-level task").unwrap();
    assert_eq!(s.every_id().len(), 16);
    for (id, at) in s.every_id() {
        assert!(is_safe_id(id), "{at:?}: {id:?}");
    }
}

#[test]
fn the_rule_rejects_anything_else() {
    let long = "a".repeat(MAX_ID_LEN + 1);
    for id in [
        PAYLOAD, "g\"1", "g'1", "<g1>", "g 1", " g1", "g1 ", "g1\n", "\n", "", " ", "\t", &long, "mērķis", "ｇ1", "g1\u{0}",
        "g1\u{202e}", "-g1", "_g1", ".g1", "../g1", "g/1", "g#1", "g:1", "g;1", "g%201", "g\\1",
    ] {
        assert!(!is_safe_id(id), "{id:?}");
    }
    for id in ["g1", "G", "0", "lm-2024-2027", "ev2023", "a.b_c-d", "1.1.1", &"a".repeat(MAX_ID_LEN)] {
        assert!(is_safe_id(id), "{id:?}");
    }
}

/// What each item of [`linked`] is called before and after the unsafe ids are
/// replaced: (key, id before, id after), in document order.
const NAMES: [(&str, &str, &str); 27] = [
    ("strategy", "my strategy", "s-1"),
    ("value", "cieņa", "v1"),
    ("og", "og 1", "og1"),
    ("og.ind", "i1", "i1"),
    ("og.task", "t3", "t3"),
    ("priority", "<p>", "p1"),
    ("priority.ind", "i2", "i2"),
    ("goal", PAYLOAD, "g2"),
    ("goal.ind", "i 6", "i6"),
    ("result", "r1", "r1"),
    ("result.ind", "i4", "i4"),
    ("result.task", "t1", "t1"),
    ("result.task.ind", "i5", "i5"),
    ("result.task.step", "step 1", "s1"),
    ("goal.task", "1.1.1/a", "t2"),
    ("goal.task.ind", "i3", "i3"),
    ("goal2", "g1", "g1"),
    ("goal2.result", "r\t2", "r2"),
    ("target group", "tg'1", "tg1"),
    ("policy document", "\"pd\"", "pd1"),
    ("swot", "sw\n1", "sw1"),
    ("risk", "rk-with-a-name-much-too-long-for-an-id-rk-with-a-name-much-too-long", "rk1"),
    ("table", "-tbl", "tbl1"),
    ("unit", "ITD/PDPD", "u1"),
    ("evaluation", "ev 2023", "ev1"),
    ("abbreviation", "ab 1", "ab1"),
    ("reference", "rf/1", "rf1"),
];

/// The levels of [`linked`]: five, so that a step stands under a task under a result.
fn linked_levels() -> Vec<Level> {
    let mut levels = Level::defaults();
    levels.push(Level::new("task", "Uzdevums", "Task", Numbering::Hierarchical));
    levels.push(Level::new("step", "Solis", "Step", Numbering::Hierarchical));
    levels
}

/// A strategy with an item of every kind and every link field in use, at
/// five levels and under the overarching goal, its ids given by `id(key)`.
fn linked(id: impl Fn(&str) -> String) -> Model {
    let unit = || vec![id("unit")];
    let indicator = |key: &str| Indicator { id: id(key), name: key.into(), responsible_unit_ids: unit(), ..Default::default() };
    let node = |key: &str, level: &str, children: Vec<Node>| {
        let ind = format!("{key}.ind");
        let indicators = if NAMES.iter().any(|(k, ..)| *k == ind) { vec![indicator(&ind)] } else { vec![] };
        Node { id: id(key), level: level.into(), indicators, children, ..Default::default() }
    };
    let task = |key: &str, children: Vec<Node>| Node { responsible_unit_ids: unit(), ..node(key, "task", children) };
    let link = |from: &str, to: &str| Link { from_id: id(from), to_id: id(to) };
    let result = Node { serves: vec![id("goal2")], ..node("result", "result", vec![task("result.task", vec![node("result.task.step", "step", vec![])])]) };
    let goal = Node {
        policy_document_ids: vec![id("policy document")],
        swot_ids: vec![id("swot")],
        target_group_ids: vec![id("target group")],
        ..node("goal", "goal", vec![result, task("goal.task", vec![])])
    };
    let goal2 = node("goal2", "goal", vec![Node { serves: vec![id("goal")], ..node("goal2.result", "result", vec![]) }]);
    let og = node("og", "", vec![node("og.task", "task", vec![])]);
    Model {
        id: id("strategy"),
        title: "Linked".into(),
        levels: linked_levels(),
        values: vec![Value { id: id("value"), ..Default::default() }],
        overarching_goal: Some(og),
        items: vec![node("priority", "priority", vec![goal, goal2])],
        target_groups: vec![TargetGroup { id: id("target group"), ..Default::default() }],
        policy_documents: vec![PolicyDocument { id: id("policy document"), ..Default::default() }],
        swot: vec![SwotItem { id: id("swot"), linked_ids: vec![id("priority"), id("goal"), id("goal.task"), id("result.task.step")], ..Default::default() }],
        risks: vec![Risk { id: id("risk"), ..Default::default() }],
        resources: Resources { tables: vec![Table { id: id("table"), ..Default::default() }], ..Default::default() },
        units: vec![Unit { id: id("unit"), code: "ITD".into(), ..Default::default() }],
        evaluations: vec![Evaluation {
            id: id("evaluation"),
            year: 2025,
            values_priorities: vec![link("value", "priority")],
            values_goals: vec![link("value", "goal")],
            relevance: vec![Relevance { goal_id: id("goal"), ..Default::default() }],
            coherence: vec![link("goal", "policy document")],
            ..Default::default()
        }],
        glossary: vec![Abbreviation { id: id("abbreviation"), short: "ITD".into(), ..Default::default() }],
        references: vec![Reference { id: id("reference"), ..Default::default() }],
        ..Default::default()
    }
}

fn name(key: &str, after: bool) -> String {
    let (_, before_id, after_id) = NAMES.iter().find(|(k, ..)| *k == key).unwrap_or_else(|| panic!("no name for {key}"));
    if after { after_id } else { before_id }.to_string()
}

fn errors(s: &Model) -> Vec<Problem> {
    validate::validate(s).into_iter().filter(Problem::is_error).collect()
}

#[test]
fn validation_reports_each_unsafe_id_at_its_path_and_nothing_else() {
    let s = linked(|k| name(k, false));
    let problems = errors(&s);
    assert!(problems.iter().all(|p| p.message.starts_with("unsafe id \"") && p.message_lv.starts_with("nedrošs identifikators \"")), "{problems:#?}");
    assert_eq!(
        problems.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(),
        vec![
            "id",
            "values[0].id",
            "overarching_goal.id",
            "items[0].id",
            "items[0].children[0].id",
            "items[0].children[0].indicators[0].id",
            "items[0].children[0].children[0].children[0].children[0].id",
            "items[0].children[0].children[1].id",
            "items[0].children[1].children[0].id",
            "target_groups[0].id",
            "policy_documents[0].id",
            "swot[0].id",
            "risks[0].id",
            "resources.tables[0].id",
            "units[0].id",
            "evaluations[0].id",
            "glossary[0].id",
            "references[0].id",
        ],
        "one error per unsafe id and no link errors: {problems:#?}"
    );
    let goal = problems.iter().find(|p| p.path == "items[0].children[0].id").unwrap();
    assert_eq!(
        goal.message,
        "unsafe id \"]){}*{background:url(https://evil.exampl…\": an id may hold only the letters A–Z and a–z without accents, \
         digits, \"-\", \"_\" and \".\", must start with a letter or digit, and may be at most 64 characters long"
    );
    assert!(goal.message_lv.contains("latīņu burti"), "{}", goal.message_lv);
    let swot = problems.iter().find(|p| p.path == "swot[0].id").unwrap();
    assert!(swot.message.starts_with("unsafe id \"sw\\n1\":"), "{}", swot.message);
    let pd = problems.iter().find(|p| p.path == "policy_documents[0].id").unwrap();
    assert!(pd.message.starts_with("unsafe id \"\\\"pd\\\"\":"), "{}", pd.message);
    assert!(problems.iter().all(|p| !p.message.chars().any(char::is_control)));
}

#[test]
fn an_imported_file_with_the_css_payload_is_flagged_at_the_goals_path() {
    let mut s = linked(|k| name(k, true));
    s.items[0].children[0].id = PAYLOAD.into();
    let imported = import(&export(&s)).unwrap();
    let errors: Vec<_> = imported.problems.iter().filter(|p| p.is_error()).map(|p| p.path.as_str()).collect();
    assert!(errors.contains(&"items[0].children[0].id"), "{errors:?}");
    assert!(errors.iter().all(|p| *p == "items[0].children[0].id" || !p.ends_with(".id")), "only the payload's id: {errors:?}");
    assert!(errors.contains(&"items[0].children[1].children[0].serves[0]"), "links to the goal's old id dangle: {errors:?}");
}

#[test]
fn blank_and_duplicate_ids_keep_their_own_errors() {
    let mut s = linked(|k| name(k, true));
    s.items[0].children[1].id = s.items[0].children[0].id.clone();
    s.units[0].id = "  ".into();
    let mut unsafe_twice = linked(|k| name(k, true));
    unsafe_twice.items[0].children[0].id = "g 1".into();
    unsafe_twice.items[0].children[1].id = "g 1".into();
    let problems = [errors(&s), errors(&unsafe_twice)].concat();
    let at = |path: &str| problems.iter().filter(|p| p.path == path).map(|p| p.message.as_str()).collect::<Vec<_>>();
    assert_eq!(at("items[0].children[1].id"), vec!["duplicate id \"g2\" (already used at items[0].children[0])", "duplicate id \"g 1\" (already used at items[0].children[0])"]);
    assert_eq!(at("units[0].id"), vec!["missing id: every item needs a unique id"]);
    assert_eq!(at("items[0].children[0].id").len(), 1, "one unsafe-id error for g 1: {problems:#?}");
}

#[test]
fn unsafe_ids_are_replaced_and_every_link_follows() {
    let mut s = linked(|k| name(k, false));
    let pairs = replace_unsafe_ids(&mut s);
    let expected: Vec<(String, String)> =
        NAMES.iter().filter(|(_, before, after)| before != after).map(|(_, before, after)| (before.to_string(), after.to_string())).collect();
    assert_eq!(pairs, expected, "(old, new) in document order");
    assert_eq!(s, linked(|k| name(k, true)), "links point at the new ids; nothing else changed");
    assert_eq!(errors(&s), vec![]);
    assert_eq!(s.items[0].children[1].children[0].serves, vec!["g2"]);
    assert_eq!(s.evaluations[0].relevance[0].goal_id, "g2");
    assert_eq!(s.swot[0].linked_ids[3], "s1", "a link five levels down follows too");

    let mut again = linked(|k| name(k, false));
    assert_eq!(replace_unsafe_ids(&mut again), pairs, "deterministic");
    assert_eq!(again, s);
    assert_eq!(replace_unsafe_ids(&mut again), vec![], "nothing left to replace");
    assert_eq!(again, s);
}

#[test]
fn fresh_ids_avoid_ids_that_only_a_link_uses_and_duplicates_link_to_the_first() {
    let mut s = linked(|k| name(k, true));
    // Links to "g1" and "g2" dangle now; they must not come to name the renamed goals.
    s.items[0].children[0].id = "goal one".into();
    s.items[0].children[1].id = "goal one".into();
    s.items[0].children[1].children[0].serves = vec!["goal one".into(), "g2".into()];
    s.units[0].id = String::new();
    s.items[0].children[0].children[1].responsible_unit_ids = vec![String::new()];
    let pairs = replace_unsafe_ids(&mut s);
    assert_eq!(
        pairs,
        [("goal one", "g3"), ("goal one", "g4"), ("", "u2")].map(|(a, b)| (a.to_string(), b.to_string())).to_vec()
    );
    assert_eq!(s.items[0].children[1].children[0].serves, vec!["g3", "g2"], "to the first item, as validation reads it");
    assert_eq!(s.evaluations[0].relevance[0].goal_id, "g2", "dangling before, dangling after");
    assert_eq!(s.items[0].children[0].children[1].responsible_unit_ids, vec![""], "a blank link named nothing and still does");
    assert_eq!(s.units[0].id, "u2", "u1 is taken by the links the unit's old id left dangling");
}

/// The walker's link fields as (type, field), read off the paths it gives.
fn walked_fields(s: &Model) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    s.for_each_link(|_, site| {
        let segments: Vec<&str> = site.path.split('.').map(|x| x.split('[').next().unwrap()).collect();
        let [.., owner, field] = segments[..] else { panic!("{}", site.path) };
        let owner = match owner {
            "items" | "children" | "overarching_goal" => "Node",
            "indicators" => "Indicator",
            "swot" => "SwotItem",
            "values_priorities" | "values_goals" | "coherence" => "Link",
            "relevance" => "Relevance",
            other => panic!("unexpected owner {other} in {}", site.path),
        };
        out.insert((owner.to_string(), field.to_string()));
    });
    out
}

#[test]
fn every_id_field_of_the_model_is_walked_as_a_link() {
    let schema: serde_json::Value = serde_json::from_str(&format::json_schema()).unwrap();
    let mut in_schema = BTreeSet::new();
    for (def, body) in schema["$defs"].as_object().unwrap() {
        for field in body["properties"].as_object().into_iter().flat_map(|p| p.keys()) {
            if field.ends_with("_id") || field.ends_with("_ids") || field == "serves" {
                in_schema.insert((def.clone(), field.clone()));
            }
        }
    }
    assert!(schema["$defs"]["Strategy"]["properties"]["id"].is_object(), "the schema lists the strategy's fields");
    assert_eq!(walked_fields(&linked(|k| name(k, true))), in_schema);
}

fn arb_id() -> impl Gen<Value = String> {
    prop_oneof![
        "[a-z][a-z0-9]{0,2}",
        Just(String::new()),
        Just(" ".to_string()),
        Just(PAYLOAD.to_string()),
        "[ -~]{1,6}",
        any::<String>(),
        "[a-z]{65}",
    ]
}

/// A strategy whose ids and links are drawn from a small pool, so some repeat,
/// some links resolve and some dangle: priorities, goals, results serving
/// goals, tasks under results (four levels) and an overarching goal with a
/// task of its own.
fn arb_pooled() -> impl Gen<Value = Model> {
    let n = || 0..8usize;
    let goal = (n(), n(), prop::collection::vec(n(), 0..3), prop::collection::vec(n(), 0..3));
    (
        prop::collection::vec(arb_id(), 1..8),
        n(),
        prop::collection::vec((n(), prop::collection::vec(goal, 0..3)), 1..3),
        prop::collection::vec(n(), 0..3),
        prop::collection::vec(n(), 0..3),
        prop::option::of((n(), n())),
    )
        .prop_map(|(pool, own, priorities, units, swot_links, og)| {
            let id = |n: usize| pool[n % pool.len()].clone();
            let ids = |ns: Vec<usize>| ns.into_iter().map(id).collect::<Vec<_>>();
            let node = |n: usize, level: &str, children: Vec<Node>| Node { id: id(n), level: level.into(), children, ..Default::default() };
            let mut levels = Level::defaults();
            levels.push(Level::new("task", "Uzdevums", "Task", Numbering::Hierarchical));
            Model {
                id: id(own),
                levels,
                overarching_goal: og.map(|(oid, tid)| node(oid, "", vec![node(tid, "task", vec![])])),
                items: priorities
                    .into_iter()
                    .map(|(pid, goals)| {
                        let goals = goals
                            .into_iter()
                            .map(|(gid, rid, serves, unit_links)| {
                                let task = Node { responsible_unit_ids: ids(unit_links.clone()), ..node(rid + 2, "task", vec![]) };
                                let result = Node {
                                    serves: ids(serves),
                                    indicators: vec![Indicator { id: id(rid + 1), responsible_unit_ids: ids(unit_links), ..Default::default() }],
                                    ..node(rid, "result", vec![task])
                                };
                                node(gid, "goal", vec![result])
                            })
                            .collect();
                        node(pid, "priority", goals)
                    })
                    .collect(),
                units: units.into_iter().map(|u| Unit { id: id(u), ..Default::default() }).collect(),
                swot: vec![SwotItem { id: id(own + 1), linked_ids: ids(swot_links), ..Default::default() }],
                ..Default::default()
            }
        })
}

/// For each link, the position in `every_id` of the item it names, as
/// validation reads it: the first item with that id, never a blank one.
fn resolved(s: &Model) -> Vec<Option<usize>> {
    let mut first = HashMap::new();
    for (n, (id, _)) in s.every_id().into_iter().enumerate() {
        if !id.trim().is_empty() {
            first.entry(id).or_insert(n);
        }
    }
    let mut out = Vec::new();
    s.for_each_link(|id, _| out.push(first.get(id.as_str()).copied()));
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn after_replacement_every_id_is_safe_and_every_link_names_the_same_item(before in arb_pooled()) {
        let mut after = before.clone();
        let pairs = replace_unsafe_ids(&mut after);
        let old: Vec<&str> = before.every_id().into_iter().map(|(id, _)| id).collect();
        let new: Vec<&str> = after.every_id().into_iter().map(|(id, _)| id).collect();
        prop_assert_eq!(old.len(), new.len());
        prop_assert!(new.iter().all(|id| is_safe_id(id)), "{:?}", new);
        for i in 0..old.len() {
            prop_assert_eq!(old[i] == new[i], is_safe_id(old[i]), "only unsafe ids change");
            for j in (0..old.len()).filter(|j| *j != i) {
                prop_assert_eq!(new[i] == new[j], old[i] == old[j] && is_safe_id(old[i]), "ids {} and {}", i, j);
            }
        }
        let changed: Vec<(String, String)> =
            old.iter().zip(&new).filter(|(a, b)| a != b).map(|(a, b)| (a.to_string(), b.to_string())).collect();
        prop_assert_eq!(&pairs, &changed);
        let used_before: HashSet<String> = ids_and_links(&before).into_iter().collect();
        prop_assert!(pairs.iter().all(|(_, n)| !used_before.contains(n)), "fresh ids were unused");
        prop_assert_eq!(resolved(&before), resolved(&after));
        let mut dangling_before = Vec::new();
        let resolved_before = resolved(&before);
        before.for_each_link(|id, _| dangling_before.push(id.clone()));
        let mut links_after = Vec::new();
        after.for_each_link(|id, _| links_after.push(id.clone()));
        for (k, target) in resolved_before.iter().enumerate() {
            if target.is_none() {
                prop_assert_eq!(&dangling_before[k], &links_after[k], "a dangling link is left as it was");
            }
        }
        let mut again = before.clone();
        prop_assert_eq!(replace_unsafe_ids(&mut again), pairs);
        prop_assert_eq!(&again, &after);
    }
}
