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
