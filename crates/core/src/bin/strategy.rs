//! `strategy`: the command-line tool for Strategy Studio files, for strategy
//! teams' own scripts and CI.

use std::process::ExitCode;

use strategy_core::{format, map, report, Imported, Problem};

const USAGE: &str = "\
usage: strategy <command> [FILE]

commands:
  validate FILE     check a strategy file; prints problems with their JSON paths,
                    exits 1 if there is any error
  stats FILE        counts and completeness of the indicators
  export-csv FILE   one CSV row per indicator, to standard output
  migrate FILE      rewrite an older file in the current format, to standard output
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
        [cmd @ ("validate" | "stats" | "export-csv" | "migrate" | "render-map"), file] => match read(file) {
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
            let s = report::stats(&imported.strategy);
            let st = &imported.strategy;
            println!("{} ({}–{})", st.title, st.period.start_year, st.period.end_year);
            for (label, n) in [
                ("priorities", s.priorities),
                ("goals", s.goals),
                ("results", s.results),
                ("tasks", s.tasks),
                ("indicators", s.indicators),
                ("key indicators", s.key_indicators),
                ("actuals", s.actuals),
                ("indicators without baseline", s.without_baseline),
                ("indicators without target", s.without_target),
                ("indicators with a target not understood", s.with_unparsed_target),
                ("indicators without data source", s.without_source),
                ("indicators without responsible unit", s.without_responsible),
            ] {
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
