//! The evaluation record (annex 6 of the annual report): the values survey,
//! recommendations as a list (older files' one text read without error), and
//! what is computed from the statuses.

use strategy_core::*;

fn example(name: &str) -> Strategy {
    let path = format!("{}/../../public/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    import(&std::fs::read_to_string(path).unwrap()).unwrap().strategy
}

fn file_with_evaluation(evaluation: &str) -> String {
    format!(r#"{{"format":"strategy-studio","version":2,"strategy":{{"id":"s","title":"S","evaluations":[{evaluation}]}}}}"#)
}

#[test]
fn recommendations_in_the_old_one_text_shape_are_read_as_a_list() {
    let text = file_with_evaluation(
        r#"{"id":"e1","year":2023,"recommendations":"Rekomendācijas nākamajam periodam:\n- vairot izpratni\npar vērtībām;\n\n- paredzēt rezultātus."}"#,
    );
    let imported = import(&text).unwrap();
    assert_eq!(imported.problems, vec![]);
    assert_eq!(
        imported.strategy.evaluations[0].recommendations,
        ["Rekomendācijas nākamajam periodam:", "vairot izpratni par vērtībām;", "paredzēt rezultātus."]
    );
}

#[test]
fn recommendations_without_bullets_are_one_a_line_and_lists_stay_lists() {
    assert_eq!(split_recommendations("pirmā\n  otrā  \n\n"), ["pirmā", "otrā"]);
    assert_eq!(split_recommendations(""), Vec::<String>::new());
    let imported = import(&file_with_evaluation(r#"{"id":"e1","recommendations":["a","- b"]}"#)).unwrap();
    assert_eq!(imported.strategy.evaluations[0].recommendations, ["a", "- b"], "a list is taken as it is");
    let again = import(&export(&imported.strategy)).unwrap();
    assert_eq!(again.strategy, imported.strategy, "written as a list, read back the same");
}

#[test]
fn recommendations_of_another_type_are_an_error_with_its_path() {
    let problems = import(&file_with_evaluation(r#"{"id":"e1","recommendations":7}"#)).unwrap_err();
    assert!(problems[0].path.contains("recommendations"), "{problems:?}");
}

#[test]
fn the_2020_2023_example_has_the_seeds_values_survey_and_recommendations() {
    let s = example("lm-strategy-2020-2023");
    let e = &s.evaluations[0];
    let figures: Vec<(Option<f64>, &str)> = e.values_survey.iter().map(|f| (f.value, f.unit.as_str())).collect();
    assert_eq!(figures[0], (Some(126.0), "respondenti"));
    let shares: Vec<f64> = e.values_survey[1..].iter().map(|f| f.value.unwrap()).collect();
    assert_eq!(shares, [61.0, 91.0, 93.0, 57.0, 1.0, 27.0, 38.0]);
    assert!(e.values_survey_note.contains("2024. gada maijā"));
    assert_eq!(e.recommendations.len(), 4);
    assert!(e.recommendations[0].starts_with("vairot izpratni par vērtībām"));
}

#[test]
fn a_repeated_survey_figure_id_is_a_warning_at_its_path() {
    let text = file_with_evaluation(r#"{"id":"e1","values_survey":[{"id":"f","label":"a"},{"id":"f","label":"b"}]}"#);
    let problems = import(&text).unwrap().problems;
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["evaluations[0].values_survey[1].id"]);
}

#[test]
fn the_2023_effectiveness_is_5_of_9_goals_and_13_of_14_results() {
    let s = example("lm-strategy-2020-2023");
    let eff = evaluation::effectiveness(&s, 2023, 2026);
    assert_eq!((eff.goals.achieved(), eff.goals.total()), (5, 9));
    assert_eq!((eff.results.achieved(), eff.results.total()), (13, 14));
    assert_eq!(eff.goals.not_achieved(), ["g2", "g3", "g4", "g7"], "the seed's goals 2, 3 (in progress) and 4, 7 (cannot be judged)");
    assert_eq!(eff.results.not_achieved(), ["r2"], "the internal training system is in progress");
}

#[test]
fn the_seed_judges_goals_4_and_7_results_only_partly_fitting() {
    let s = example("lm-strategy-2020-2023");
    let e = evaluation::for_year(&s, 2023).unwrap();
    assert_eq!(e.id, "ev2023");
    assert_eq!(evaluation::goals_with_light(e, TrafficLight::Red), ["g4", "g7"]);
    assert_eq!(evaluation::goals_with_light(e, TrafficLight::Orange), ["g3", "g8"]);
    assert!(e.relevance.iter().all(|r| !r.reasoning.is_empty()), "each of the 9 goals has its reasoning");
}

#[test]
fn matrices_have_the_items_as_rows_and_the_links_as_marks() {
    let s = example("lm-strategy-2020-2023");
    let e = &s.evaluations[0];
    let vp = evaluation::values_priorities(&s, e);
    assert_eq!(vp.columns.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(), ["Cilvēks", "Sadarbība", "Atbildība", "Profesionalitāte"]);
    assert_eq!(vp.rows.len(), 3);
    assert_eq!(vp.row_counts()[1..], [4, 4], "priorities 2 and 3 hold all four values, as the seed's table 1");
    let coherence = evaluation::coherence(&s, e);
    assert_eq!(coherence.rows.len(), 9);
    assert_eq!(coherence.columns.len(), s.policy_documents.len());
    assert_eq!(coherence.row_counts().iter().sum::<usize>(), e.coherence.len());
    assert!(coherence.rows[0].label.starts_with("1. Attīstīta korporatīvā identitāte"), "{}", coherence.rows[0].label);
    assert_eq!(evaluation::values_goals(&s, e).rows.len(), 9);
}

#[test]
fn coherence_is_suggested_from_the_goals_own_policy_documents() {
    let mut s = example("lm-strategy-2020-2023");
    assert_eq!(evaluation::coherence_suggestions(&s, &s.evaluations[0]), vec![], "the example's matrix holds every goal's documents");
    s.evaluations[0].coherence.retain(|l| l.from_id != "g6");
    s.items[0].children[0].policy_document_ids.push("no-such-document".into());
    let suggested: Vec<(String, String)> =
        evaluation::coherence_suggestions(&s, &s.evaluations[0]).into_iter().map(|l| (l.from_id, l.to_id)).collect();
    assert_eq!(suggested, [("g6".to_string(), "pd7".to_string()), ("g6".into(), "pd8".into())], "unknown documents are not suggested");
}
