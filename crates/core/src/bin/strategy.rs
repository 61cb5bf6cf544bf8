//! `strategy`: the command-line tool for Strategy Studio files, for strategy
//! teams' own scripts and CI.

use std::process::ExitCode;

use strategy_core::{format, map, report, Imported, Problem, Strategy};

const USAGE: &str = "\
usage: strategy <command> [FILE]

commands:
  validate FILE     check a strategy file; prints problems with their JSON paths,
                    exits 1 if there is any error
  stats FILE        items per level, and counts and completeness of the indicators
  export-csv FILE   one CSV row per indicator, to standard output
  migrate FILE      rewrite a file of any older version in the current one, to standard output
  parse FILE        parse every baseline and target that has only its verbatim text; the file
                    with the parsed forms filled in, to standard output
  render-map FILE   the goal map as SVG, to standard output
  schema            the JSON Schema of the current format, to standard output

FILE may be - for standard input.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["schema"] => {
            print!("{}", format::json_schema());
            ExitCode::SUCCESS
        }
        [cmd @ ("validate" | "stats" | "export-csv" | "migrate" | "parse" | "render-map"), file] => match read(file) {
            Ok(text) => run(cmd, file, &text),
            Err(e) => {
                eprintln!("strategy: cannot read {file}: {e}");
                ExitCode::from(2)
            }
        },
        ["-h" | "--help" | "help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn read(file: &str) -> std::io::Result<String> {
    if file == "-" {
        std::io::read_to_string(std::io::stdin())
    } else {
        std::fs::read_to_string(file)
    }
}

fn print_problems(file: &str, problems: &[Problem]) {
    for p in problems {
        eprintln!("{file}: {p}");
    }
}

fn run(cmd: &str, file: &str, text: &str) -> ExitCode {
    let imported: Imported = match format::import(text) {
        Ok(i) => i,
        Err(problems) => {
            print_problems(file, &problems);
            return ExitCode::FAILURE;
        }
    };
    match cmd {
        "validate" => {
            print_problems(file, &imported.problems);
            let errors = imported.problems.iter().filter(|p| p.is_error()).count();
            let warnings = imported.problems.len() - errors;
            if let Some(v) = imported.migrated_from {
                eprintln!("{file}: note: format version {v}; `strategy migrate` rewrites it in version {}", format::VERSION);
            }
            println!("{file}: {errors} errors, {warnings} warnings");
            if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
        }
        "stats" => {
            let st = &imported.strategy;
            let s = report::stats(st);
            println!("{} ({}–{})", st.title, st.period.start_year, st.period.end_year);
            let mut rows = level_counts(st, &s);
            rows.extend([
                ("indicators".to_string(), s.indicators),
                ("key indicators".to_string(), s.key_indicators),
                ("actuals".to_string(), s.actuals),
                ("indicators without baseline".to_string(), s.without_baseline),
                ("indicators without target".to_string(), s.without_target),
                ("indicators with a target not understood".to_string(), s.with_unparsed_target),
                ("indicators without data source".to_string(), s.without_source),
                ("indicators without responsible unit".to_string(), s.without_responsible),
            ]);
            for (label, n) in rows {
                println!("{label:<42}{n:>6}");
            }
            ExitCode::SUCCESS
        }
        "export-csv" => {
            print!("{}", report::indicators_csv(&imported.strategy));
            ExitCode::SUCCESS
        }
        "migrate" => {
            print_problems(file, &imported.problems);
            match imported.migrated_from {
                Some(v) => eprintln!("{file}: note: migrated from format version {v} to {}", format::VERSION),
                None => eprintln!("{file}: note: already in format version {}", format::VERSION),
            }
            print!("{}", format::export(&imported.strategy));
            ExitCode::SUCCESS
        }
        "parse" => {
            print_problems(file, &imported.problems);
            eprintln!("{file}: note: {} baselines and targets parsed from their text", imported.parsed);
            print!("{}", format::export(&imported.strategy));
            ExitCode::SUCCESS
        }
        "render-map" => {
            let options = map::MapOptions { current_year: imported.strategy.period.end_year, ..Default::default() };
            print!("{}", map::to_svg(&map::layout(&imported.strategy, options)));
            ExitCode::SUCCESS
        }
        _ => unreachable!("commands are matched in main"),
    }
}

/// How many items each level holds ([`report::Stats::per_level`]), named
/// by the level's English name (its Latvian one or its key when it has
/// none), top level first; then the overarching goal and items at undeclared
/// levels, when there are any.
fn level_counts(s: &Strategy, stats: &report::Stats) -> Vec<(String, usize)> {
    let name = |key: &str| {
        let level = s.levels.iter().find(|l| l.key == key);
        level.into_iter().flat_map(|l| [&l.name.en, &l.name.lv]).find(|x| !x.trim().is_empty()).map_or(key, String::as_str).to_string()
    };
    let mut rows: Vec<(String, usize)> = stats.per_level.iter().map(|(key, n)| (name(key), *n)).collect();
    if s.overarching_goal.is_some() {
        rows.insert(0, ("overarching goal".into(), 1));
    }
    let undeclared = s.nodes().iter().filter(|n| n.level.is_none()).count() - usize::from(s.overarching_goal.is_some());
    if undeclared > 0 {
        rows.push(("items at an undeclared level".into(), undeclared));
    }
    rows
}
