//! `strategy report`: one of the documents of `strategy_core::docs` in one of
//! the formats, the same bytes the app downloads.
//!
//! Rule: `--kind` picks the document (`annual`: the annual report's strategy
//! part for `--year`; `strategy`: the strategy document; `workbook`: the
//! indicator workbook), `--format` the writer. Statuses are as of `--as-of`
//! (this calendar year by default: a year counts once it has ended). CSV holds
//! one table, the document's largest (most body rows, the first of equals):
//! annex 7 of the annual report, the indicator table of the others. The result
//! goes to standard output, or to `-o OUT`; when OUT is a directory, to the
//! file named there by `docs::file_name` (`institution-title-kind-year.ext`).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use strategy_core::docs::{self, Block, Doc, Table};
use strategy_core::i18n::Lang;
use strategy_core::Strategy;

/// The arguments of `strategy report`.
#[derive(clap::Args)]
pub struct Args {
    pub file: String,
    /// Which document
    #[arg(long, value_enum, default_value_t = Kind::Annual)]
    kind: Kind,
    /// The output format
    #[arg(long, value_enum, default_value_t = Format::Html)]
    format: Format,
    /// The year reported on [default: the last ended year of the period]
    #[arg(long)]
    year: Option<i32>,
    /// Statuses as of this year [default: this calendar year]
    #[arg(long)]
    as_of: Option<i32>,
    /// The language of the document's own words
    #[arg(long, value_enum, default_value_t = LangArg::Lv)]
    lang: LangArg,
    /// Write to this file (or into this directory, under the document's file name) instead of standard output
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    out: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    Annual,
    Strategy,
    Workbook,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Html,
    Docx,
    Xlsx,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Lv,
    En,
}

/// Builds and writes the document.
pub fn run(args: &Args, s: &Strategy) -> ExitCode {
    let lang = match args.lang {
        LangArg::Lv => Lang::Lv,
        LangArg::En => Lang::En,
    };
    let today = this_year();
    let as_of = args.as_of.unwrap_or(today);
    let year = args.year.unwrap_or_else(|| (as_of - 1).clamp(s.period.start_year, s.period.end_year.max(s.period.start_year)));
    let (doc, kind, name_year) = match args.kind {
        Kind::Annual => (docs::annual_report(s, year, as_of, lang), "annual-report", Some(year)),
        Kind::Strategy => (docs::strategy_document(s, lang), "strategy", args.year),
        Kind::Workbook => (docs::indicator_workbook(s, as_of, lang), "indicators", args.year),
    };
    let (bytes, ext) = match args.format {
        Format::Html => (docs::html(&doc).into_bytes(), "html"),
        Format::Docx => (strategy_export::docx(&doc), "docx"),
        Format::Xlsx => match strategy_export::xlsx(&doc) {
            Ok(bytes) => (bytes, "xlsx"),
            Err(e) => {
                eprintln!("strategy: cannot write the workbook: {e}");
                return ExitCode::FAILURE;
            }
        },
        Format::Csv => match largest_table(&doc) {
            Some(table) => (strategy_export::csv_for_excel(table).into_bytes(), "csv"),
            None => {
                eprintln!("strategy: the document has no table to write as CSV");
                return ExitCode::FAILURE;
            }
        },
    };
    let written = match &args.out {
        None => std::io::stdout().lock().write_all(&bytes).and_then(|()| std::io::stdout().flush()),
        Some(out) => {
            let path = if out.is_dir() { out.join(docs::file_name(s, kind, name_year, ext)) } else { out.clone() };
            let result = std::fs::write(&path, &bytes);
            if result.is_ok() {
                eprintln!("strategy: wrote {} ({} bytes)", path.display(), bytes.len());
            }
            result
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("strategy: cannot write: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The table with the most body rows (the first of equals).
fn largest_table(doc: &Doc) -> Option<&Table> {
    let tables = doc.sections.iter().flat_map(|s| &s.blocks).filter_map(|b| match b {
        Block::Table(t) => Some(t),
        _ => None,
    });
    tables.fold(None, |best: Option<&Table>, t| match best {
        Some(b) if b.rows.len() >= t.rows.len() => Some(b),
        _ => Some(t),
    })
}

/// This calendar year (UTC).
fn this_year() -> i32 {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    // Days to a civil year (Howard Hinnant's algorithm, years from 1970).
    let days = (secs / 86_400) as i64 + 719_468;
    let era = days / 146_097;
    let doe = days - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2)) as i32
}
