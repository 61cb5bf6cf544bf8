//! The built-in examples are faithful to the documents in `shared/seeds/`:
//! their counts and DOMAIN.md's worked examples, each on the levels its
//! document has. The fourth, made-up example has four levels with the
//! indicators on its tasks.

use std::collections::HashSet;

use strategy_core::status::StatusContext;
use strategy_core::walk::NodeRef;
use strategy_core::*;

/// Every example shipped under `public/examples/`.
const EXAMPLES: [&str; 4] =
    ["lm-strategy-2024-2027", "lm-strategy-2020-2023", "social-protection-guidelines-2021-2027", "digital-governance-agency-2025-2028"];

fn read(name: &str) -> String {
    let path = format!("{}/../../public/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn load(name: &str) -> Strategy {
    let text = read(name);
    let imported = import(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    assert_eq!(imported.migrated_from, None, "{name} is in the current format version");
    assert_eq!(imported.problems, vec![], "{name} validates without problems");
    assert_eq!(export(&imported.strategy), text, "{name} is in the canonical export form");
    imported.strategy
}

/// How many children each top-level item has.
fn children_per_item(s: &Strategy) -> Vec<usize> {
    s.items.iter().map(|p| p.children.len()).collect()
}

fn level_keys(s: &Strategy) -> Vec<&str> {
    s.levels.iter().map(|l| l.key.as_str()).collect()
}

fn node_titled<'a>(s: &'a Strategy, level: usize, title: &str) -> NodeRef<'a> {
    s.nodes_at_level(level).into_iter().find(|n| n.node.title.starts_with(title)).unwrap_or_else(|| panic!("a node titled {title}"))
}

#[test]
fn every_example_is_listed_and_loads() {
    let dir = format!("{}/../../public/examples", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".json").map(str::to_string))
        .collect();
    files.sort();
    let mut listed: Vec<String> = EXAMPLES.iter().map(|n| n.to_string()).collect();
    listed.sort();
    assert_eq!(files, listed);
    for name in EXAMPLES {
        let s = load(name);
        assert!(!s.items.is_empty(), "{name} has items");
        let ids: Vec<&str> = s.every_id().into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids.len(), ids.iter().collect::<HashSet<_>>().len(), "{name}: ids are unique");
    }
}

#[test]
fn strategy_2024_2027() {
    let s = load("lm-strategy-2024-2027");
    assert_eq!((s.period.start_year, s.period.end_year), (2024, 2027));
    assert_eq!(level_keys(&s), ["priority", "goal", "result"]);
    assert_eq!((s.levels[0].name.lv.as_str(), s.indicator_name.lv.as_str()), ("Prioritāte", "Snieguma rādītājs"));
    assert_eq!(children_per_item(&s), vec![3, 4, 3], "goals 1–3, 4–7, 8–10 under the three priorities");
    let numbers = numbering::numbers(&s);
    let goal_numbers: Vec<&str> = s.nodes_at_level(1).iter().map(|g| numbers[&g.node.id].as_str()).collect();
    assert_eq!(goal_numbers, (1..=10).map(|n| n.to_string()).collect::<Vec<_>>(), "goals count across the strategy");
    assert_eq!(s.values.len(), 4);
    assert!(s.mission.starts_with("Veidot cieņpilnu"));
    assert_eq!(s.foreword.signatory_name, "Ingus Alliks");
    let st = report::stats(&s);
    assert_eq!((st.level("priority"), st.level("goal"), st.level("result")), (3, 10, 17));
    assert_eq!((st.indicators, st.key_indicators, st.without_baseline), (21, 6, 0));

    let climate = node_titled(&s, 2, "Veicināta klimatneitralitāte");
    assert_eq!(climate.node.indicators.len(), 2);
    let heat = &climate.node.indicators[0];
    assert_eq!(heat.baseline.value, BaselineValue::Number { value: 348.29 });
    assert_eq!(heat.baseline.year, Some(2023));
    assert_eq!(heat.direction, Direction::Decrease);
    assert_eq!(climate.node.indicators[1].kind, IndicatorKind::Milestone);

    let refs = s.indicator_refs();
    let turnover = refs.iter().map(|r| r.indicator).find(|i| i.name.to_lowercase().starts_with("novēršamās personāla mainības līmenis")).unwrap();
    assert!(turnover.key);
    assert_eq!(turnover.unit, "%");
    for year in 2024..=2027 {
        let t = status::target_for(turnover, year, 2027).unwrap_or_else(|| panic!("a target for {year}"));
        assert_eq!(t.conditions, vec![Condition::AtMost { value: 11.0 }], "≤ 11 in {year}");
    }
}

#[test]
fn strategy_2020_2023_with_the_2023_report() {
    let s = load("lm-strategy-2020-2023");
    assert_eq!(level_keys(&s), ["priority", "goal", "result"]);
    assert_eq!(s.levels[0].name.lv, "Prioritārais virziens");
    assert_eq!(children_per_item(&s), vec![4, 3, 2]);
    let goals = s.nodes_at_level(1);
    assert_eq!(goals.len(), 9);
    assert!(goals.iter().all(|g| !g.node.description.is_empty()), "each goal has its purpose text");
    assert_eq!(report::stats(&s).level("result"), 14);
    let og = s.overarching_goal.as_ref().expect("the key indicators stand on the overarching goal");
    assert!(!og.indicators.is_empty() && og.indicators.iter().all(|i| i.key));

    let training = node_titled(&s, 2, "Izveidota iekšējā mācību sistēma");
    let numbers = numbering::numbers(&s);
    let parent = training.ancestors.last().unwrap();
    let mut served: Vec<&str> = std::iter::once(&parent.id).chain(&training.node.serves).map(|id| numbers[id].as_str()).collect();
    served.sort();
    assert_eq!(served, vec!["2", "3"], "serves goals 2 and 3");

    // Annex of the 2023 report: 13 results IZPILDĪTS, 1 PROCESĀ.
    let ctx = StatusContext::new(&s, 2026);
    let statuses: Vec<Status> = s.nodes_at_level(2).iter().map(|r| ctx.node(r.node, 2023)).collect();
    assert_eq!(statuses.iter().filter(|x| **x == Status::Achieved).count(), 13);
    assert_eq!(statuses.iter().filter(|x| **x == Status::OnTrack).count(), 1);
    assert_eq!(ctx.node(training.node, 2023), Status::OnTrack, "in progress in 2023");
    assert_eq!(s.evaluations.len(), 1);
    assert_eq!(s.evaluations[0].relevance.len(), 9, "a traffic light per goal");
}

/// The guidelines' own shape: the overarching goal "Sekmēt iedzīvotāju sociālo
/// iekļaušanu", five action lines (rīcības virzieni) each with its goals
/// (MĒRĶI, medium or long term) and its indicators ("KO VĒLAMIES SASNIEGT?").
#[test]
fn social_protection_guidelines_2021_2027() {
    let s = load("social-protection-guidelines-2021-2027");
    let og = s.overarching_goal.as_ref().expect("the guidelines have an overarching goal");
    assert_eq!(og.title, "Sekmēt iedzīvotāju sociālo iekļaušanu");
    assert!(og.description.starts_with("MAZINOT ienākumu nevienlīdzību un nabadzību"));
    assert!(og.indicators.is_empty() && og.children.is_empty(), "the slides give the overarching goal no indicators of its own");
    assert_eq!(level_keys(&s), ["action_line", "goal"]);
    let names: Vec<(&str, &str)> = s.levels.iter().map(|l| (l.name.lv.as_str(), l.name.en.as_str())).collect();
    assert_eq!(names, [("Rīcības virziens", "Action line"), ("Mērķis", "Goal")]);
    assert_eq!((s.levels[0].numbering, s.levels[1].numbering), (Numbering::Global, Numbering::Hierarchical));

    assert_eq!(children_per_item(&s), vec![4, 7, 4, 5, 9], "goals under the five action lines");
    assert!(s.items[4].title.starts_with("HORIZOTĀLIE"), "the horizontal issues come last");
    let goals = s.nodes_at_level(1);
    assert_eq!(goals.len(), 29);
    assert!(goals.iter().all(|g| ["Vidējā termiņā", "Ilgtermiņā"].contains(&g.node.description.as_str())), "each goal names its term");
    assert!(goals.iter().all(|g| g.node.indicators.is_empty() && g.node.children.is_empty()));
    let numbers = numbering::numbers(&s);
    assert_eq!((numbers["p2"].as_str(), numbers[&s.items[1].children[6].id].as_str()), ("2", "2.7"));

    let refs = s.indicator_refs();
    assert_eq!(refs.len(), 17);
    assert!(refs.iter().all(|r| s.level_index(&r.owner.level) == Some(0)), "indicators stand on the action lines");
    let per_line: Vec<usize> = s.items.iter().map(|p| p.indicators.len()).collect();
    assert_eq!(per_line, vec![3, 4, 4, 1, 5]);
    let find = |text: &str| refs.iter().map(|r| r.indicator).find(|i| i.final_target.as_ref().is_some_and(|t| t.text.starts_with(text))).unwrap();
    assert_eq!(find("NEPĀRSNIEDZ 15%").final_target.as_ref().unwrap().conditions, vec![Condition::AtMost { value: 15.0 }]);
    let t35 = find("2027.GADĀ 35%").final_target.clone().unwrap();
    assert_eq!((t35.year, t35.conditions), (Some(2027), vec![Condition::AtLeast { value: 35.0 }]));

    // Six challenges (IZAICINĀJUMI) per action line, each linked to its line.
    assert_eq!(s.swot.len(), 30);
    for (i, line) in s.items.iter().enumerate() {
        let linked = s.swot.iter().filter(|x| x.linked_ids == [line.id.clone()]).count();
        assert_eq!(linked, 6, "challenges of action line {}", i + 1);
    }
    assert_eq!(s.policy_documents.len(), 7);
}

/// The made-up agency: priority → action direction → task, indicators on the
/// tasks (no result level), an overarching goal with three key indicators.
#[test]
fn digital_governance_agency_2025_2028() {
    let s = load("digital-governance-agency-2025-2028");
    assert_eq!((s.period.start_year, s.period.end_year), (2025, 2028));
    assert_eq!(level_keys(&s), ["priority", "action_direction", "task"]);
    let names: Vec<&str> = s.levels.iter().map(|l| l.name.lv.as_str()).collect();
    assert_eq!(names, ["Prioritāte", "Rīcības virziens", "Uzdevums"]);
    assert_eq!(s.indicator_name.lv, "Rezultatīvais rādītājs");
    let st = report::stats(&s);
    assert_eq!((st.level("priority"), st.level("action_direction"), st.level("task"), st.level("result")), (3, 7, 16, 0));
    assert_eq!(children_per_item(&s), vec![3, 2, 2]);
    assert_eq!((st.indicators, st.key_indicators), (33, 3));
    assert_eq!((st.without_baseline, st.without_target, st.with_unparsed_target, st.without_source, st.without_responsible), (0, 0, 0, 0, 0));

    let og = s.overarching_goal.as_ref().unwrap();
    assert_eq!(og.indicators.len(), 3);
    assert!(og.indicators.iter().all(|i| i.key));
    let refs = s.indicator_refs();
    let on_tasks: Vec<_> = refs.iter().filter(|r| s.level_index(&r.owner.level) == Some(2)).collect();
    assert_eq!(on_tasks.len(), 30, "every other indicator stands on a task");
    assert!(on_tasks.iter().all(|r| !r.indicator.key));
    assert!(s.nodes_at_level(2).iter().all(|t| !t.node.indicators.is_empty() && !t.node.responsible_unit_ids.is_empty() && !t.node.deadline.is_empty()));
    assert!(s.nodes().iter().filter(|n| n.level.is_some_and(|l| l < 2)).all(|n| n.node.indicators.is_empty()));
    assert!(s.items.iter().all(|p| !p.goal_statement.is_empty()), "each priority has its goal line");

    let numbers = numbering::numbers(&s);
    let tasks: Vec<&str> = s.nodes_at_level(2).iter().map(|t| numbers[&t.node.id].as_str()).collect();
    assert_eq!(tasks.first(), Some(&"1.1.1"));
    assert_eq!(tasks.last(), Some(&"3.2.2"));
    assert!(tasks.contains(&"2.1.3"));
    let label = numbering::label(&numbers, &s.items[0].children[0].children[0]);
    assert_eq!(label, "1.1.1. Pārveidot 12 biežāk izmantotos pakalpojumus pēc dzīves situāciju principa");

    // Targets of every kind DOMAIN.md lists.
    let conditions: Vec<&Condition> = refs.iter().flat_map(|r| &r.indicator.targets).flat_map(|t| &t.conditions).collect();
    let has = |f: fn(&Condition) -> bool| conditions.iter().any(|c| f(c));
    assert!(has(|c| matches!(c, Condition::AtMost { .. })), "≤");
    assert!(has(|c| matches!(c, Condition::AtLeast { .. })), "≥");
    assert!(has(|c| matches!(c, Condition::Equal { .. })), "= 100 %");
    assert!(has(|c| matches!(c, Condition::Range { .. })), "a range");
    assert!(has(|c| matches!(c, Condition::DoneIn { .. })), "a milestone x");
    assert!(has(|c| matches!(c, Condition::AtLeastTimes { count: 2, .. })), "2x");
    assert!(has(|c| matches!(c, Condition::RelativeChange { percent } if *percent > 0.0)), "+5 %");
    assert!(has(|c| matches!(c, Condition::RelativeChange { percent } if *percent < 0.0)), "−10 %");
    assert!(has(|c| matches!(c, Condition::DoesNotDecrease)), "nesamazinās");
    let baselines: Vec<&BaselineValue> = refs.iter().map(|r| &r.indicator.baseline.value).collect();
    assert!(baselines.contains(&&BaselineValue::NotAvailable));
    assert!(baselines.contains(&&BaselineValue::MeasuredFrom { year: 2025 }));
    assert!(baselines.iter().any(|b| matches!(b, BaselineValue::Word { .. })));

    // Actuals for the first two years only, so statuses show.
    assert!(refs.iter().flat_map(|r| &r.indicator.actuals).all(|a| [2025, 2026].contains(&a.period.year)));
    assert_eq!((dashboard::reported(&s, 2025), dashboard::reported(&s, 2026), dashboard::reported(&s, 2027)), ((30, 33), (29, 33), (0, 33)));
    let ctx = StatusContext::new(&s, 2026);
    let in_2025: Vec<Status> = on_tasks.iter().map(|r| ctx.indicator(r.indicator, 2025)).collect();
    assert!(in_2025.contains(&Status::Achieved) && in_2025.contains(&Status::NotAchieved));
    let turnover = refs.iter().map(|r| r.indicator).find(|i| i.name == "Novēršamās personāla mainības līmenis").unwrap();
    assert_eq!(ctx.indicator(turnover, 2025), Status::Achieved, "11.4 within 5–12");

    // SWOT items are linked to nodes of every level.
    let index = walk::Index::of(&s);
    let linked: HashSet<Option<usize>> =
        s.swot.iter().flat_map(|x| &x.linked_ids).map(|id| index.node(id).and_then(|at| s.node(at)).and_then(|n| s.level_index(&n.level))).collect();
    assert_eq!(linked, HashSet::from([Some(0), Some(1), Some(2)]));
}

#[test]
fn the_indicator_table_has_a_row_per_indicator() {
    let texts = |row: &[docs::Cell]| row.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(",");
    let s = load("lm-strategy-2024-2027");
    let t = report::indicators_table(&s);
    assert_eq!(t.rows.len(), 21);
    assert!(texts(&t.header[0]).starts_with("priority,goal,result,indicator,unit,key,baseline,baseline_year,2024,2025,2026,2027,final_target"));
    assert!(t.rows.iter().flatten().any(|c| c.text == "nepārsniedz 11 % gadā"));

    let s = load("digital-governance-agency-2025-2028");
    let t = report::indicators_table(&s);
    assert!(texts(&t.header[0]).starts_with("priority,action_direction,task,indicator,"));
    assert!(t.rows.iter().flatten().any(|c| c.text.contains("1.1.1. Pārveidot 12 biežāk izmantotos pakalpojumus")));
    assert_eq!(t.rows.len(), 33);
}

#[test]
fn dashboard_2023_matches_the_annual_report() {
    let s = load("lm-strategy-2020-2023");
    let d = dashboard::dashboard(&s, 2023, 2026);
    let keys: Vec<&str> = d.levels.iter().map(|l| l.key.as_str()).collect();
    assert_eq!(keys, ["priority", "goal", "result"]);
    let (priorities, goals, results) = (&d.levels[0], &d.levels[1], &d.levels[2]);
    // Annex 7 of the 2023 report: 13 results IZPILDĪTS, 1 PROCESĀ.
    assert_eq!((results.statuses.achieved, results.statuses.on_track, results.statuses.total()), (13, 1, 14));
    // The 10 key indicators ("Galvenie snieguma rādītāji"): 9 IZPILDĪTS, 1 PROCESĀ.
    assert_eq!((d.key_achieved, d.key_assessed, d.key_total), (9, 10, 10));
    assert_eq!((goals.groups.len(), priorities.groups.len(), goals.heat.len()), (9, 3, 9));
    // "5 no 9 mērķiem … ir sasniegti plānotajā termiņā (1., 5., 6., 8. un 9. mērķis)".
    assert_eq!((goals.statuses.achieved, goals.statuses.total()), (5, 9));
    let achieved: Vec<&str> = goals.groups.iter().filter(|g| g.status == Status::Achieved).map(|g| g.label.split('.').next().unwrap()).collect();
    assert_eq!(achieved, vec!["1", "5", "6", "8", "9"]);
    let training_goal = goals.groups.iter().find(|g| g.label.starts_with("2. ")).unwrap();
    assert_eq!(training_goal.status, Status::OnTrack, "goal 2 waits for the internal training system");
    assert_eq!(goals.heat[1].2.last(), Some(&(2023, Status::OnTrack)));
    assert_eq!(dashboard::reported(&s, 2023), (25, 25));
}

#[test]
fn staff_turnover_entered_for_2025() {
    let mut s = load("lm-strategy-2024-2027");
    let id = s.indicator_refs().iter().map(|r| r.indicator).find(|i| i.name.to_lowercase().starts_with("novēršamās personāla mainības līmenis")).unwrap().id.clone();
    let period = ReportingPeriod::year(2025);
    let status_of = |s: &Strategy| dashboard::monitoring_rows(s, 2025, 2026).into_iter().find(|r| r.indicator_id == id).unwrap();

    assert!(dashboard::set_actual(&mut s, &id, period, "9"));
    let row = status_of(&s);
    assert_eq!((row.status, row.target_text.as_str(), row.key), (Status::Achieved, "nepārsniedz 11 % gadā", true));
    assert!(dashboard::set_actual(&mut s, &id, period, "14"));
    assert_eq!(status_of(&s).status, Status::NotAchieved);
    assert_eq!(dashboard::reported(&s, 2025), (1, 21));

    // The edited strategy still exports and imports without problems.
    let again = import(&export(&s)).unwrap();
    assert_eq!(again.problems, vec![]);
    assert_eq!(again.strategy, s);
}

/// A start year after the end year (as while a user types a new start year),
/// or an absurd one from a file, never panics or loops in any computation
/// the screens use.
#[test]
fn inverted_and_absurd_periods_never_panic() {
    for name in EXAMPLES {
        let base = load(name);
        for (start, end) in [(2030, 2027), (2027, 2027), (i32::MIN, i32::MAX), (i32::MAX, i32::MIN), (0, 0)] {
            let mut s = base.clone();
            s.period = Period { start_year: start, end_year: end };
            let years: Vec<i32> = s.period.years().collect();
            assert!(years.len() <= 301, "{start}–{end}: {} years", years.len());
            assert!(years.iter().all(|y| s.period.contains(*y)));
            let year = s.period.clamp(2025);
            assert!(start > end || s.period.contains(year), "{start}–{end}: clamp gave {year}");
            if start > end {
                assert_eq!(years, Vec::<i32>::new());
                assert!(validate::validate(&s).iter().any(|p| p.path == "period"), "an inverted period is a problem at `period`");
            }
            let _ = dashboard::dashboard(&s, year, 2026);
            let _ = dashboard::monitoring_rows(&s, year, 2026);
            let _ = report::annual_table(&s, year, 2026);
            let _ = map::layout(&s, map::MapOptions { status_year: Some(year), current_year: 2026, ..Default::default() });
            for r in s.indicator_refs() {
                let _ = chart::indicator_chart(r.indicator, s.period, 2026, i18n::Lang::Lv);
            }
            let _ = report::stats(&s);
        }
    }
}
