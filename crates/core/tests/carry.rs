//! Starting the 2024–2027 draft from the 2020–2023 strategy: the period and
//! title move on, the foundations are copied, only the kept goals stay, and
//! every kept indicator's baseline is its last actual, marked as carried.

use std::collections::HashSet;

use strategy_core::carry::{last_actual, next_period};
use strategy_core::*;

fn example(name: &str) -> Strategy {
    let path = format!("{}/../../public/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    import(&std::fs::read_to_string(path).unwrap()).unwrap().strategy
}

fn draft() -> (Strategy, Strategy) {
    let mut s = example("lm-strategy-2020-2023");
    // What the old period's room agreed (a value, a goal, an indicator, the mission).
    for id in ["v1", "g1", "i1"] {
        assert!(s.set_locked(id, true), "{id} is lockable");
    }
    s.set_text_locked(StrategyText::Mission, true);
    let dropped: HashSet<&str> = ["g4", "g7"].into();
    let next = next_period(&s, &|n: &Node| !dropped.contains(n.id.as_str()), "lm-2024-draft", 2026);
    (s, next)
}

#[test]
fn the_draft_follows_on_with_the_foundations_and_a_link_to_its_source() {
    let (s, next) = draft();
    assert_eq!((next.id.as_str(), next.source_strategy.as_deref()), ("lm-2024-draft", Some("lm-2020-2023")));
    assert_eq!((next.period.start_year, next.period.end_year), (2024, 2027));
    assert_eq!(next.title, "Darbības stratēģija 2024–2027");
    let names = |s: &Strategy| s.values.iter().map(|v| (v.id.clone(), v.name.clone(), v.definition.clone())).collect::<Vec<_>>();
    assert_eq!((&next.levels, &next.mandate, &next.mission, &next.vision, names(&next)), (&s.levels, &s.mandate, &s.mission, &s.vision, names(&s)));
    assert!(next.evaluations.is_empty() && next.swot.is_empty() && next.foreword.text.is_empty());
    assert_eq!((s.locked_ids().len(), next.locked_ids().len(), next.locked_texts.len()), (3, 0, 0), "the draft is the new room's to agree: nothing locked");
    assert!(next.nodes().iter().all(|n| n.node.reports.is_empty()), "reports are the old period's");
    let imported = import(&export(&next)).unwrap();
    assert_eq!(imported.problems.iter().filter(|p| p.is_error()).count(), 0, "{:?}", imported.problems);
}

#[test]
fn dropped_goals_go_with_their_results_and_links_to_them() {
    let (s, next) = draft();
    let ids: HashSet<&str> = next.nodes().iter().map(|n| n.node.id.as_str()).collect();
    assert!(!ids.contains("g4") && !ids.contains("r5"), "goal 4 and its result are dropped");
    assert!(!ids.contains("g7"));
    assert_eq!(next.nodes_at_level(1).len(), 7);
    assert_eq!(next.nodes().len(), s.nodes().len() - 3, "g4, r5 and g7 (which has no result of its own)");
    assert!(next.nodes().iter().all(|n| n.node.serves.iter().all(|id| ids.contains(id.as_str()))));
}

#[test]
fn every_kept_indicators_baseline_is_its_last_actual_marked_as_carried() {
    let (s, next) = draft();
    let old: std::collections::HashMap<&str, &Indicator> = s.indicator_refs().into_iter().map(|r| (r.indicator.id.as_str(), r.indicator)).collect();
    let mut carried = 0;
    for r in next.indicator_refs() {
        let ind = r.indicator;
        let before = old[ind.id.as_str()];
        assert!(ind.targets.is_empty() && ind.final_target.is_none() && ind.actuals.is_empty(), "{}", ind.id);
        match last_actual(before, 2026) {
            Some(a) => {
                carried += 1;
                assert_eq!(ind.baseline.year, Some(a.period.year), "{}", ind.id);
                assert_eq!(ind.baseline.text, a.text, "{}", ind.id);
                if let Some(v) = a.value {
                    assert_eq!(ind.baseline.value, BaselineValue::Number { value: v }, "{}", ind.id);
                }
                assert_eq!(ind.baseline.carried_from.as_deref(), Some("lm-2020-2023"));
            }
            None => assert_eq!(ind.baseline, before.baseline, "{}: never measured, kept", ind.id),
        }
    }
    assert!(carried > 10, "{carried}");
    let turnover = next.indicator_refs().into_iter().find(|r| r.indicator.id == "i18").unwrap().indicator.clone();
    assert_eq!((turnover.baseline.value, turnover.baseline.year), (BaselineValue::Number { value: 10.0 }, Some(2023)), "2023's 10 %, not 2020's 6 %");
}

#[test]
fn the_last_actual_is_the_latest_whole_year_up_to_today() {
    let actual = |year, half, v: f64| Actual { period: ReportingPeriod { year, half }, value: Some(v), ..Default::default() };
    let ind = Indicator { actuals: vec![actual(2024, None, 1.0), actual(2025, Some(2), 3.0), actual(2025, None, 4.0), actual(2025, Some(1), 2.0), actual(2027, None, 9.0)], ..Default::default() };
    assert_eq!(last_actual(&ind, 2026).and_then(|a| a.value), Some(4.0), "the whole of 2025 over its halves; 2027 is not here yet");
    assert_eq!(last_actual(&ind, 2024).and_then(|a| a.value), Some(1.0));
    assert_eq!(last_actual(&ind, 2000), None);
}

#[test]
fn the_choices_are_the_top_two_levels_and_the_count_says_what_was_carried() {
    use strategy_core::carry::{carried_count, following, goal_choices};
    let s = example("lm-strategy-2020-2023");
    let choices = goal_choices(&s);
    assert_eq!(choices.iter().filter(|c| c.depth == 0).count(), 3, "three priorities");
    assert_eq!(choices.iter().filter(|c| c.depth == 1).count(), 9, "nine goals");
    let g4 = choices.iter().find(|c| c.id == "g4").unwrap();
    assert_eq!((g4.parent.as_deref(), g4.label.starts_with("4. ")), (Some("p1"), true));
    assert_eq!(choices[0].id, "p1");
    assert_eq!(choices[1].parent.as_deref(), Some("p1"));
    assert_eq!(following(s.period), Period { start_year: 2024, end_year: 2027 });
    let (_, next) = draft();
    let kept: HashSet<&str> = next.indicator_refs().into_iter().map(|r| r.indicator.id.as_str()).collect();
    let measured = s.indicator_refs().into_iter().filter(|r| kept.contains(r.indicator.id.as_str()) && last_actual(r.indicator, 2026).is_some()).count();
    assert_eq!(carried_count(&next), measured, "every kept indicator with an actual, and no other");
    assert!(measured > 10);
    assert_eq!(carried_count(&s), 0);
}
