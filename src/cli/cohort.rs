//! `competency-rules cohort`: evaluates many participants and writes the cohort report (JSON,
//! a CSV table, or text), reading files, directories of participant files, and streams.

use competency_rules::cohort::{Cohort, CohortOptions, GroupBy, render};
use competency_rules::{Date, Failure, FailureCode, Pack};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// What the report is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CohortFormat {
    /// The report as JSON.
    Json,
    /// One tidy table (a row per count), for spreadsheets.
    Csv,
    /// A readable summary.
    Text,
}

/// The command's arguments, after parsing.
pub struct Args {
    pub as_of: Date,
    /// The breakdowns asked for (`None`: `none`, the whole cohort only).
    pub group_by: Vec<Option<GroupBy>>,
    pub format: CohortFormat,
    pub aggregate_only: bool,
    pub min_cell: Option<u32>,
    pub ready_within: u32,
    pub near_days: u32,
    pub threads: usize,
    pub inputs: Vec<PathBuf>,
}

/// Runs the command: 0 when every document was evaluated, 1 when some could not be (they are
/// in the report), 2 for bad arguments.
pub fn run(args: Args, pack: Pack, lang: &str) -> ExitCode {
    let mut files = Vec::new();
    for input in &args.inputs {
        let participant_file = |e: &str| e == "json" || e == "jsonl" || e == "ndjson";
        if let Err(message) = crate::files::files_in(input, &participant_file, &mut files) {
            eprintln!("competency-rules: {message}");
            return ExitCode::from(1);
        }
    }
    if files.is_empty() {
        eprintln!("competency-rules: no participant files (.json, .jsonl, .ndjson) in the inputs");
        return ExitCode::from(2);
    }
    if args.min_cell.is_some() && !args.aggregate_only {
        eprintln!(
            "competency-rules: --min-cell applies to --aggregate-only reports: add --aggregate-only, or leave out --min-cell"
        );
        return ExitCode::from(2);
    }
    let mut options = CohortOptions::default();
    // (`none` adds no breakdown; `Cohort::new` makes each breakdown once.)
    options.group_by = args.group_by.iter().flatten().copied().collect();
    options.aggregate_only = args.aggregate_only;
    if let Some(min_cell) = args.min_cell {
        options.min_cell = min_cell;
    }
    options.ready_within = args.ready_within;
    options.near_days = args.near_days;
    let mut cohort = Cohort::new(&pack, args.as_of, options);
    let mut failed = false;
    for file in &files {
        let stdin = file.as_os_str() == "-";
        let name = if stdin {
            "standard input".to_owned()
        } else {
            file.display().to_string()
        };
        let input: Box<dyn std::io::BufRead + Send> = if stdin {
            Box::new(std::io::BufReader::with_capacity(1 << 16, std::io::stdin()))
        } else {
            match std::fs::File::open(file) {
                Ok(f) => Box::new(std::io::BufReader::with_capacity(1 << 16, f)),
                Err(e) => {
                    let message = format!("cannot read {name}: {e}");
                    eprintln!("competency-rules: {message}");
                    let code = FailureCode::InputUnreadable;
                    cohort.add_failure(Some(&name), 0, Failure::new(code, "", message));
                    failed = true;
                    continue;
                }
            }
        };
        match cohort.add_stream(input, Some(&name), args.threads) {
            Ok(summary) if summary.read == 0 => {
                let message = "no participant document in this input".to_owned();
                eprintln!("competency-rules: {name}: {message}");
                let failure = Failure::new(FailureCode::EmptyInput, "", message);
                cohort.add_failure(Some(&name), 0, failure);
                failed = true;
            }
            Ok(summary) if summary.failed > 0 => {
                let documents = if summary.read == 1 {
                    "document"
                } else {
                    "documents"
                };
                eprintln!(
                    "competency-rules: {name}: {} of {} {documents} could not be evaluated (listed in the report)",
                    summary.failed, summary.read
                );
                failed = true;
            }
            Ok(_) => {}
            Err(e) => {
                eprintln!("competency-rules: {name}: {e}");
                failed = true;
            }
        }
    }
    let report = cohort.finish();
    let text = match args.format {
        CohortFormat::Json => report.to_json_pretty() + "\n",
        CohortFormat::Csv => render::to_csv(&pack, &report, lang),
        CohortFormat::Text => render::to_text(&pack, &report, lang),
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            eprintln!("competency-rules: {e}");
            return ExitCode::from(1);
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
