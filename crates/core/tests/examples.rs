//! The built-in examples are faithful to the documents in `shared/seeds/`:
//! their counts and DOMAIN.md's worked examples.

use strategy_core::status::StatusContext;
use strategy_core::*;

fn load(name: &str) -> Strategy {
    let path = format!("{}/../../public/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let imported = import(&text).unwrap_or_else(|e| panic!("{path}: {e:?}"));
    assert_eq!(imported.problems, vec![], "{path} validates without problems");
    assert_eq!(export(&imported.strategy), text, "{path} is in the canonical export form");
    imported.strategy
}

fn goals_per_priority(s: &Strategy) -> Vec<usize> {
    s.priorities.iter().map(|p| p.goals.len()).collect()
}

#[test]
fn strategy_2024_2027() {
    let s = load("lm-strategy-2024-2027");
    assert_eq!((s.period.start_year, s.period.end_year), (2024, 2027));
    assert_eq!(goals_per_priority(&s), vec![3, 4, 3], "goals 1–3, 4–7, 8–10 under the three priorities");
    assert_eq!(s.values.len(), 4);
    assert!(s.mission.starts_with("Veidot cieņpilnu"));
    assert_eq!(s.foreword.signatory_name, "Ingus Alliks");
    let st = report::stats(&s);
    assert_eq!((st.results, st.indicators, st.key_indicators), (17, 21, 6));
    assert_eq!(st.without_baseline, 0);

    let climate = s.goal_refs().into_iter().flat_map(|g| g.goal.results.iter()).find(|r| r.title.starts_with("Veicināta klimatneitralitāte")).unwrap();
    assert_eq!(climate.indicators.len(), 2);
    let heat = &climate.indicators[0];
    assert_eq!(heat.baseline.value, BaselineValue::Number { value: 348.29 });
    assert_eq!(heat.baseline.year, Some(2023));
    assert_eq!(heat.direction, Direction::Decrease);
    assert_eq!(climate.indicators[1].kind, IndicatorKind::Milestone);

    let refs = s.indicator_refs();
    let turnover = refs.iter().map(|r| r.indicator).find(|i| i.name.starts_with("Novēršamās personāla mainības līmenis") || i.name.starts_with("novēršamās personāla mainības")).unwrap();
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
    assert_eq!(goals_per_priority(&s).iter().sum::<usize>(), 9);
    assert_eq!(s.priorities.len(), 3);
    assert!(s.goal_refs().iter().all(|g| !g.goal.purpose.is_empty()), "each goal has its purpose text");
    let st = report::stats(&s);
    assert_eq!(st.results, 14);

    let training = s.goal_refs().into_iter().flat_map(|g| g.goal.results.iter().map(move |r| (g.goal, r))).find(|(_, r)| r.title == "Izveidota iekšējā mācību sistēma").unwrap();
    let numbers = numbering::numbers(&s);
    let mut served: Vec<&str> = std::iter::once(&training.0.id).chain(training.1.also_serves_goal_ids.iter()).map(|id| numbers[id].as_str()).collect();
    served.sort();
    assert_eq!(served, vec!["2", "3"], "serves goals 2 and 3");

    // Annex of the 2023 report: 13 results IZPILDĪTS, 1 PROCESĀ.
    let ctx = StatusContext::new(&s, 2026);
    let statuses: Vec<Status> = s.goal_refs().iter().flat_map(|g| g.goal.results.iter()).map(|r| ctx.result(r, 2023)).collect();
    assert_eq!(statuses.iter().filter(|x| **x == Status::Achieved).count(), 13);
    assert_eq!(statuses.iter().filter(|x| **x == Status::OnTrack).count(), 1);
    assert_eq!(ctx.result(training.1, 2023), Status::OnTrack, "in progress in 2023");
    assert_eq!(s.evaluations.len(), 1);
    assert_eq!(s.evaluations[0].relevance.len(), 9, "a traffic light per goal");
}

#[test]
fn social_protection_guidelines_2021_2027() {
    let s = load("social-protection-guidelines-2021-2027");
    assert!(s.overarching_goal.is_some(), "the guidelines have an overarching goal");
    assert_eq!(s.priorities.len(), 5, "action lines");
    assert_eq!(s.goal_refs().len(), 29);
    assert_eq!(report::stats(&s).indicators, 17);
    let refs = s.indicator_refs();
    let find = |text: &str| refs.iter().map(|r| r.indicator).find(|i| i.final_target.as_ref().is_some_and(|t| t.text.starts_with(text))).unwrap();
    assert_eq!(find("NEPĀRSNIEDZ 15%").final_target.as_ref().unwrap().conditions, vec![Condition::AtMost { value: 15.0 }]);
    let t35 = find("2027.GADĀ 35%").final_target.clone().unwrap();
    assert_eq!((t35.year, t35.conditions), (Some(2027), vec![Condition::AtLeast { value: 35.0 }]));
}

#[test]
fn the_csv_export_has_a_row_per_indicator() {
    let s = load("lm-strategy-2024-2027");
    let csv = report::indicators_csv(&s);
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + 21);
    assert!(lines[0].starts_with("priority,goal_number,goal,result,indicator,unit,key,baseline,baseline_year,2024,2025,2026,2027,final_target"));
    assert!(csv.contains("nepārsniedz 11 % gadā"));
}

#[test]
fn dashboard_2023_matches_the_annual_report() {
    let s = load("lm-strategy-2020-2023");
    let d = dashboard::dashboard(&s, 2023, 2026);
    // Annex 7 of the 2023 report: 13 results IZPILDĪTS, 1 PROCESĀ.
    assert_eq!((d.results.achieved, d.results.on_track, d.results.total()), (13, 1, 14));
    // The 10 key indicators ("Galvenie snieguma rādītāji"): 9 IZPILDĪTS, 1 PROCESĀ.
    assert_eq!((d.key_achieved, d.key_assessed, d.key_total), (9, 10, 10));
    assert_eq!((d.goals.len(), d.priorities.len(), d.heat.len()), (9, 3, 9));
    // "5 no 9 mērķiem … ir sasniegti plānotajā termiņā (1., 5., 6., 8. un 9. mērķis)".
    assert_eq!((d.goals_achieved, d.goals_total), (5, 9));
    let achieved: Vec<&str> = d.goals.iter().filter(|g| g.status == Status::Achieved).map(|g| g.label.split('.').next().unwrap()).collect();
    assert_eq!(achieved, vec!["1", "5", "6", "8", "9"]);
    let training_goal = d.goals.iter().find(|g| g.label.starts_with("2. ")).unwrap();
    assert_eq!(training_goal.status, Status::OnTrack, "goal 2 waits for the internal training system");
    assert_eq!(d.heat[1].2.last(), Some(&(2023, Status::OnTrack)));
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
    let base = load("lm-strategy-2024-2027");
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
        let _ = map::layout(&s, map::MapOptions { status_year: Some(year), current_year: 2026, only_priority: None, scale: 1.0, lang: i18n::Lang::En });
        for r in s.indicator_refs() {
            let _ = chart::indicator_chart(r.indicator, s.period, 2026, i18n::Lang::Lv);
        }
        let _ = report::stats(&s);
    }
}
