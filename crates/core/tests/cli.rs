//! The `strategy` command-line tool, run as a team's CI would run it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn strategy(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_strategy"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn example(name: &str) -> String {
    format!("{}/../../public/examples/{name}.json", env!("CARGO_MANIFEST_DIR"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn validate_passes_the_examples_and_fails_with_paths() {
    let ok = strategy(&["validate", &example("lm-strategy-2024-2027")], "");
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    assert!(text(&ok.stdout).ends_with(": 0 errors, 0 warnings\n"));

    let bad = r#"{"format":"strategy-studio","version":1,"strategy":{"id":"s","priorities":[{"id":"p1","goals":[{"id":"p1"}]}]}}"#;
    let out = strategy(&["validate", "-"], bad);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("-: error: priorities[0].goals[0].id: duplicate id \"p1\" (already used at priorities[0])"), "{}", text(&out.stderr));

    let out = strategy(&["validate", "-"], "not json");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("not valid JSON"));
}

#[test]
fn stats_csv_and_migrate() {
    let out = strategy(&["stats", &example("lm-strategy-2024-2027")], "");
    let stdout = text(&out.stdout);
    assert!(stdout.lines().any(|l| l.starts_with("goals") && l.ends_with(" 10")), "{stdout}");
    assert!(stdout.lines().any(|l| l.starts_with("indicators without target") && l.ends_with(" 5")), "{stdout}");

    let out = strategy(&["export-csv", &example("lm-strategy-2024-2027")], "");
    assert_eq!(text(&out.stdout).lines().count(), 22);

    let out = strategy(&["migrate", "-"], r#"{"id":"s","title":"Bare v0 strategy"}"#);
    assert!(out.status.success());
    let migrated = text(&out.stdout);
    assert!(migrated.starts_with("{\n  \"format\": \"strategy-studio\",\n  \"version\": 1,"), "{migrated}");
    assert!(migrated.contains("\"title\": \"Bare v0 strategy\""));
}

#[test]
fn render_map_draws_every_goal() {
    let out = strategy(&["render-map", &example("lm-strategy-2024-2027")], "");
    assert!(out.status.success());
    let svg = text(&out.stdout);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    for n in 1..=10 {
        assert!(svg.contains(&format!(">{n}. ")), "goal {n} is drawn");
    }
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(strategy(&["frobnicate"], "").status.code(), Some(2));
    assert_eq!(strategy(&["validate", "/no/such/file.json"], "").status.code(), Some(2));
}
