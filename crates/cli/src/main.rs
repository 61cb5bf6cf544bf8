//! `strategy`: the command-line tool for Strategy Studio files, for strategy
//! teams' own scripts and CI.
//!
//! Rule: every command reads one file (`-` for standard input) and writes its
//! result to standard output (or to `-o OUT` where offered), problems and
//! notes to standard error; the exit code is 0 on success, 1 when the file has
//! errors (or a document cannot be written), 2 on bad usage or a file that
//! cannot be read.

mod report;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use strategy_core::{format, map, Imported, Problem, Strategy};

/// Check, count, convert and render Strategy Studio files.
#[derive(Parser)]
#[command(name = "strategy", version, after_help = "FILE may be - for standard input.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a strategy file; prints problems with their JSON paths, exits 1 if there is any error
    Validate { file: String },
    /// Items per level, and counts and completeness of the indicators
    Stats { file: String },
    /// One CSV row per indicator, to standard output
    ExportCsv { file: String },
    /// Rewrite a file of any older version in the current one, to standard output
    Migrate { file: String },
    /// Parse every baseline and target that has only its verbatim text; the file with the parsed
    /// forms filled in, to standard output
    Parse { file: String },
    /// The goal map as SVG, to standard output
    RenderMap {
        file: String,
        /// Colour statuses as of this year [default: the strategy's last year]
        #[arg(long)]
        year: Option<i32>,
    },
    /// The JSON Schema of the current format, to standard output
    Schema,
    /// A document (annual report, strategy document, indicator workbook) as HTML, DOCX, XLSX or CSV
    Report(report::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (file, text) = match &cli.command {
        Command::Schema => {
            print!("{}", format::json_schema());
            return ExitCode::SUCCESS;
        }
        Command::Validate { file }
        | Command::Stats { file }
        | Command::ExportCsv { file }
        | Command::Migrate { file }
        | Command::Parse { file }
        | Command::RenderMap { file, .. } => (file, read(file)),
        Command::Report(args) => (&args.file, read(&args.file)),
    };
    let text = match text {
        Ok(text) => text,
        Err(e) => {
            eprintln!("strategy: cannot read {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let imported: Imported = match format::import(&text) {
        Ok(i) => i,
        Err(problems) => {
            print_problems(file, &problems);
            return ExitCode::FAILURE;
        }
    };
    run(&cli.command, file, imported)
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

fn run(command: &Command, file: &str, imported: Imported) -> ExitCode {
    match command {
        Command::Validate { .. } => {
            print_problems(file, &imported.problems);
            let errors = imported.problems.iter().filter(|p| p.is_error()).count();
            let warnings = imported.problems.len() - errors;
            if let Some(v) = imported.migrated_from {
                eprintln!("{file}: note: format version {v}; `strategy migrate` rewrites it in version {}", format::VERSION);
            }
            println!("{file}: {errors} errors, {warnings} warnings");
            if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
        }
        Command::Stats { .. } => {
            let st = &imported.strategy;
            let s = strategy_core::report::stats(st);
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
        Command::ExportCsv { .. } => {
            print!("{}", strategy_export::csv(&strategy_core::report::indicators_table(&imported.strategy)));
            ExitCode::SUCCESS
        }
        Command::Migrate { .. } => {
            print_problems(file, &imported.problems);
            match imported.migrated_from {
                Some(v) => eprintln!("{file}: note: migrated from format version {v} to {}", format::VERSION),
                None => eprintln!("{file}: note: already in format version {}", format::VERSION),
            }
            print!("{}", format::export(&imported.strategy));
            ExitCode::SUCCESS
        }
        Command::Parse { .. } => {
            print_problems(file, &imported.problems);
            eprintln!("{file}: note: {} baselines and targets parsed from their text", imported.parsed);
            print!("{}", format::export(&imported.strategy));
            ExitCode::SUCCESS
        }
        Command::RenderMap { year, .. } => {
            let current_year = year.unwrap_or(imported.strategy.period.end_year);
            let options = map::MapOptions { current_year, ..Default::default() };
            print!("{}", map::to_svg(&map::layout(&imported.strategy, options)));
            ExitCode::SUCCESS
        }
        Command::Report(args) => report::run(args, &imported.strategy),
        Command::Schema => unreachable!("answered before reading a file"),
    }
}

/// How many items each level holds ([`strategy_core::report::Stats::per_level`]),
/// named by the level's English name (its Latvian one or its key when it has
/// none), top level first; then the overarching goal and items at undeclared
/// levels, when there are any.
fn level_counts(s: &Strategy, stats: &strategy_core::report::Stats) -> Vec<(String, usize)> {
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
