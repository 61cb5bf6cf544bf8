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

fn fixture_v1(name: &str) -> String {
    format!("{}/../core/tests/fixtures/v1/{name}.json", env!("CARGO_MANIFEST_DIR"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn validate_passes_the_examples_and_fails_with_paths() {
    let ok = strategy(&["validate", &example("lm-strategy-2024-2027")], "");
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    assert!(text(&ok.stdout).ends_with(": 0 errors, 0 warnings\n"));

    let bad = r#"{"format":"strategy-studio","version":2,"strategy":{"id":"s","title":"S","items":[{"id":"p1","level":"priority","children":[{"id":"p1","level":"goal"},{"id":"g2","level":"task"}]}]}}"#;
    let out = strategy(&["validate", "-"], bad);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("-: error: items[0].children[0].id: duplicate id \"p1\" (already used at items[0])"), "{stderr}");
    assert!(stderr.contains("-: error: items[0].children[1].level: \"task\" is not a level of this strategy"), "{stderr}");
    assert!(text(&out.stdout).ends_with("-: 2 errors, 0 warnings\n"), "{}", text(&out.stdout));

    let v1 = r#"{"format":"strategy-studio","version":1,"strategy":{"id":"s","title":"S","priorities":[{"id":"p1","goals":[{"id":"p1"}]}]}}"#;
    let out = strategy(&["validate", "-"], v1);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("-: error: items[0].children[0].id: duplicate id \"p1\" (already used at items[0])"), "paths of the migrated tree: {stderr}");
    assert!(stderr.contains("note: format version 1; `strategy migrate` rewrites it in version 2"), "{stderr}");

    let out = strategy(&["validate", "-"], "not json");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("not valid JSON"));
}

/// The number at the end of the stats line that starts with `label` and a space.
fn stat(stdout: &str, label: &str) -> Option<usize> {
    stdout.lines().find_map(|l| l.strip_prefix(label).filter(|rest| rest.starts_with(' '))?.trim().parse().ok())
}

#[test]
fn stats_count_each_level_by_its_name() {
    let out = strategy(&["stats", &example("lm-strategy-2024-2027")], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stat(&stdout, "Priority"), Some(3), "{stdout}");
    assert_eq!(stat(&stdout, "Goal"), Some(10), "{stdout}");
    assert_eq!(stat(&stdout, "indicators without target"), Some(5), "{stdout}");
    assert!(stat(&stdout, "indicators").is_some_and(|n| n > 0), "{stdout}");

    let custom = r#"{"format":"strategy-studio","version":2,"strategy":{"id":"s","title":"Four levels",
        "levels":[{"key":"dir","name":{"lv":"Virziens","en":"Direction"}},{"key":"line","name":{"lv":"Rīcības virziens","en":""}},
                  {"key":"task","name":{"lv":"","en":""}},{"key":"step","name":{"lv":"Solis","en":"Step"}}],
        "overarching_goal":{"id":"og","indicators":[{"id":"i0"}]},
        "items":[{"id":"d1","level":"dir","children":[{"id":"l1","level":"line","children":[{"id":"t1","level":"task"},{"id":"t2","level":"task"}]}]},
                 {"id":"d2","level":"dir","children":[{"id":"x","level":"nope"}]}]}}"#;
    let stdout = text(&strategy(&["stats", "-"], custom).stdout);
    for (label, n) in
        [("overarching goal", 1), ("Direction", 2), ("Rīcības virziens", 1), ("task", 2), ("Step", 0), ("items at an undeclared level", 1), ("indicators", 1)]
    {
        assert_eq!(stat(&stdout, label), Some(n), "{label}: {stdout}");
    }
    let labels: Vec<&str> = stdout.lines().skip(1).take(5).map(|l| l.split("  ").next().unwrap()).collect();
    assert_eq!(labels, ["overarching goal", "Direction", "Rīcības virziens", "task", "Step"], "top level first");
}

#[test]
fn csv_and_migrate() {
    let out = strategy(&["export-csv", &example("lm-strategy-2024-2027")], "");
    assert_eq!(text(&out.stdout).lines().count(), 22);

    let out = strategy(&["migrate", "-"], r#"{"id":"s","title":"Bare v0 strategy"}"#);
    assert!(out.status.success());
    let migrated = text(&out.stdout);
    assert!(migrated.starts_with("{\n  \"format\": \"strategy-studio\",\n  \"version\": 2,"), "{migrated}");
    assert!(migrated.contains("\"title\": \"Bare v0 strategy\""));
    assert!(text(&out.stderr).contains("-: note: migrated from format version 0 to 2"), "{}", text(&out.stderr));

    let v1 = std::fs::read_to_string(fixture_v1("lm-strategy-2020-2023")).unwrap();
    let out = strategy(&["migrate", "-"], &v1);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let migrated = text(&out.stdout);
    let back = strategy_core::import(&migrated).unwrap();
    assert_eq!(back.migrated_from, None, "the output is the current version");
    assert_eq!(back.strategy, strategy_core::import(&v1).unwrap().strategy, "and holds what the old file held");
    assert!(back.strategy.items.iter().all(|p| p.level == "priority" && !p.children.is_empty()));

    let out = strategy(&["migrate", "-"], &migrated);
    assert_eq!(text(&out.stdout), migrated, "a current file comes out unchanged");
    assert!(text(&out.stderr).contains("note: already in format version 2"), "{}", text(&out.stderr));
}

#[test]
fn schema_prints_the_published_v2_schema() {
    let out = strategy(&["schema"], "");
    assert!(out.status.success());
    let published = std::fs::read_to_string(format!("{}/../../public/schema/strategy-v2.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    assert_eq!(text(&out.stdout), published);
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

#[test]
fn parse_fills_in_what_arrived_as_text_only() {
    let file = r#"{"format":"strategy-studio","version":2,"strategy":{"id":"s","title":"Hand-written",
      "items":[{"id":"p1","level":"priority","title":"P","indicators":[{"id":"i1","name":"Mainība","unit":"%",
        "baseline":{"text":"12 % (2023)"},
        "targets":[{"year":2025,"text":"nepārsniedz 11 %"},{"year":2026,"text":"kaut kas nesaprotams"}]}]}]}}"#;
    let out = strategy(&["parse", "-"], file);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("-: note: 2 baselines and targets parsed from their text"), "{}", text(&out.stderr));
    let parsed = strategy_core::import(&text(&out.stdout)).unwrap();
    let ind = &parsed.strategy.items[0].indicators[0];
    assert_eq!(ind.baseline.value, strategy_core::BaselineValue::Number { value: 12.0 });
    assert_eq!(ind.targets[0].conditions, vec![strategy_core::Condition::AtMost { value: 11.0 }]);
    assert!(ind.targets[1].conditions.is_empty(), "what is not understood stays text only");
    assert_eq!(parsed.parsed, 0, "the output has nothing left to parse");
}

#[test]
fn help_lists_every_command() {
    let out = strategy(&["--help"], "");
    assert!(out.status.success());
    let help = text(&out.stdout);
    for cmd in ["validate", "stats", "export-csv", "migrate", "parse", "render-map", "schema", "report"] {
        assert!(help.contains(&format!("  {cmd} ")), "{cmd} in:\n{help}");
    }
    let out = strategy(&["help", "report"], "");
    assert!(out.status.success());
    let help = text(&out.stdout);
    for option in ["--kind", "--format", "--year", "--as-of", "--lang", "-o, --output <OUT>", "annual", "workbook", "docx", "xlsx", "csv", "html"] {
        assert!(help.contains(option), "{option} in:\n{help}");
    }
    assert_eq!(strategy(&[], "").status.code(), Some(2), "a command is required");
    assert_eq!(strategy(&["report", &example("lm-strategy-2020-2023"), "--format", "pdf"], "").status.code(), Some(2));
}

fn report(args: &[&str]) -> Output {
    let file = example("lm-strategy-2020-2023");
    let mut all = vec!["report", file.as_str(), "--year", "2023", "--as-of", "2026"];
    all.extend_from_slice(args);
    let out = strategy(&all, "");
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    out
}

#[test]
fn report_writes_each_format_to_standard_output() {
    let html = text(&report(&["--format", "html"]).stdout);
    assert!(html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"), "{}", &html[..80.min(html.len())]);
    assert!(html.contains("Darbības stratēģijas ieviešana"));

    for (kind, format) in [("annual", "docx"), ("strategy", "docx"), ("annual", "xlsx"), ("workbook", "xlsx")] {
        let bytes = report(&["--kind", kind, "--format", format]).stdout;
        assert!(bytes.starts_with(b"PK\x03\x04"), "{kind} {format} is a zip package");
        assert!(bytes.len() > 4_000, "{kind} {format}: {} bytes", bytes.len());
    }

    let csv = text(&report(&["--format", "csv"]).stdout);
    assert!(csv.starts_with('\u{feff}'), "CSV for Excel starts with a BOM");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][3], "Sasniegtais", "annex 7's header");
    // A result's row names it "N.M. …" in the third column (the key indicators follow, spanning it).
    let results: Vec<&csv::StringRecord> =
        rows.iter().filter(|r| r.len() == 4 && r[2].split_once(". ").is_some_and(|(n, _)| n.contains('.') && n.chars().all(|c| c.is_ascii_digit() || c == '.'))).collect();
    assert_eq!(results.len(), 14, "a row per result:\n{csv}");
    assert_eq!(results.iter().filter(|r| r[3].starts_with("IZPILDĪTS\n")).count(), 13, "13 of 14 achieved, each with its narrative");
    assert!(results.iter().all(|r| !r[0].is_empty() && !r[1].is_empty()), "the priority and goal spans are repeated on every row");
}

#[test]
fn report_writes_to_a_file_or_into_a_directory_under_its_name() {
    let dir = std::env::temp_dir().join(format!("strategy-cli-report-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let out_file = dir.join("annex.xlsx");
    let out = report(&["--format", "xlsx", "-o", out_file.to_str().unwrap()]);
    assert!(out.stdout.is_empty(), "nothing on standard output");
    assert!(std::fs::read(&out_file).unwrap().starts_with(b"PK"));
    assert!(text(&out.stderr).contains("annex.xlsx"), "{}", text(&out.stderr));

    report(&["--format", "docx", "-o", dir.to_str().unwrap()]);
    let names: Vec<String> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    let named = names.iter().find(|n| n.ends_with("-annual-report-2023.docx")).unwrap_or_else(|| panic!("{names:?}"));
    assert!(named.is_ascii() && !named.contains(' '), "{named}");
    std::fs::remove_dir_all(&dir).unwrap();
}
