//! `competency-rules`: the command line for rule authors and batch use. A thin shell over the
//! library: `check` lists every problem in a pack; `evaluate` writes reports (JSON or text).

use clap::{Parser, Subcommand, ValueEnum};
use competency_rules::interop::case::{CaseOptions, export_case};
use competency_rules::interop::case_import::{check_text_limits, import_case_all};
use competency_rules::interop::credential::{CredentialKind, CredentialOptions, credential};
use competency_rules::interop::moodle::export_moodle;
use competency_rules::interop::xapi::{self, Received};
use competency_rules::interop::{ExportError, ExportOptions};
use competency_rules::plan::{Measure, PlanOptions, Target, plan};
use competency_rules::{
    Date, Pack, Participant, Report, Severity, check_dir, explain::explain, pack::Named,
};
use std::io::Write;
use std::path::PathBuf;

#[path = "cli/cohort.rs"]
mod cohort_cmd;
#[path = "cli/files.rs"]
mod files;

/// A `--group-by` value (`None` for `none`: the whole cohort only).
fn group_by(value: &str) -> Result<Option<competency_rules::cohort::GroupBy>, String> {
    if value == "none" {
        return Ok(None);
    }
    competency_rules::cohort::GroupBy::from_id(value)
        .map(Some)
        .ok_or_else(|| format!("`{value}` is not a breakdown: organization, level or none"))
}
use std::process::ExitCode;

/// The tool's allocator: mimalloc, faster than the system's for evaluation's many small strings.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Evaluate participants against a competency rule pack, and check packs.
///
/// The default pack is the Human Services Leadership Program (an illustrative encoding, built in).
#[derive(Parser)]
#[command(name = "competency-rules", version)]
#[command(
    after_help = "Examples:\n  competency-rules evaluate --as-of 2026-11-24 examples/02-in-progress-supervisor.json\n  competency-rules evaluate --as-of 2026-11-24 --format text --lang fr examples/*.json\n  competency-rules check rules/hslp"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a rule pack (a directory of .toml/.json files, or one file) and list every problem.
    ///
    /// Exits with 1 when any problem is an error; warnings alone exit with 0.
    Check {
        /// The pack directory or file.
        pack: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Output::Text)]
        format: Output,
    },
    /// Evaluate participant documents (JSON) and print their reports.
    Evaluate {
        /// The pack directory or file (default: the built-in HSLP pack).
        #[arg(long)]
        pack: Option<PathBuf>,
        /// The evaluation date, YYYY-MM-DD (the engine never reads the clock).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Date,
        /// Output format: a JSON report, or a readable explanation.
        #[arg(long, value_enum, default_value_t = Output::Json)]
        format: Output,
        /// Language of the text explanation (one of the pack's languages; the pack's first by
        /// default). JSON reports carry every language unless this names one.
        #[arg(long)]
        lang: Option<String>,
        /// xAPI/cmi5 statements to read as evidence: a file (one statement, an array, or an LRS
        /// StatementResult) or a directory of .json files. Repeatable. Each participant's
        /// statements are found by their actor (the participant's `agents`).
        #[arg(long, value_name = "PATH")]
        xapi: Vec<PathBuf>,
        /// Planned items to project (what-if), in place of each participant's own `planned`: a
        /// JSON array of planned items, or a plan written by `plan --format json`.
        #[arg(long, value_name = "FILE")]
        plan: Option<PathBuf>,
        /// Write the compact form (status, levels, competencies by state, requirements; no
        /// explanation), one line per participant. Implies streaming.
        #[arg(long)]
        compact: bool,
        /// Threads to evaluate a stream on: 0 (the default) for every available core, at most 256.
        #[arg(long, value_name = "N", default_value_t = 0)]
        threads: usize,
        /// Participant documents (JSON). With several, JSON output is an array. `-` (standard
        /// input) and `.jsonl`/`.ndjson` files are read as streams (JSON Lines, a JSON array, or
        /// documents one after another); with any stream among the inputs, every input is read
        /// so and each result is one line (JSON Lines), written a chunk at a time.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Report on a cohort: statuses, levels attained, succession readiness for the next level,
    /// bench strength, the competency gap matrix and recurring evidence problems, for the whole
    /// cohort, per organization and per organizational level.
    ///
    /// Documents that cannot be read or evaluated are counted and listed in the report (exit
    /// code 1); they never stop the run. To share across organizations, use --aggregate-only.
    Cohort {
        /// The pack directory or file (default: the built-in HSLP pack).
        #[arg(long)]
        pack: Option<PathBuf>,
        /// The evaluation date, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Date,
        /// The breakdowns besides the whole cohort (repeat the option or separate with commas;
        /// `none` for the whole cohort only).
        #[arg(
            long,
            value_name = "organization|level|none",
            value_delimiter = ',',
            default_value = "organization,level",
            value_parser = group_by
        )]
        group_by: Vec<Option<competency_rules::cohort::GroupBy>>,
        /// Output format: the report as JSON, one tidy CSV table, or a readable summary.
        #[arg(long, value_enum, default_value_t = cohort_cmd::CohortFormat::Json)]
        format: cohort_cmd::CohortFormat,
        /// Language of the CSV labels and the text (one of the pack's; its first by default).
        #[arg(long)]
        lang: Option<String>,
        /// No participant id anywhere, and small counts suppressed (with the counts that would
        /// reveal them): the form to share across organizations.
        #[arg(long)]
        aggregate_only: bool,
        /// With --aggregate-only, the smallest count shown (default 5; at least 1).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        min_cell: Option<u32>,
        /// "Ready soon" is at most this many competencies away from the next level.
        #[arg(long, value_name = "N", default_value_t = 2)]
        ready_within: u32,
        /// "Near the time limit" is a deadline at most this many days away.
        #[arg(long, value_name = "DAYS", default_value_t = 90)]
        near_days: u32,
        /// Threads to evaluate on: 0 (the default) for every available core, at most 256.
        #[arg(long, value_name = "N", default_value_t = 0)]
        threads: usize,
        /// Participant files, directories of them (.json, .jsonl, .ndjson), or `-` for JSON Lines
        /// on standard input. A file may hold one participant, an array, or JSON Lines.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
    },
    /// Propose the smallest plan of catalogue items for a participant: what each item closes,
    /// the gaps no item can close (and what could), and what else completion needs.
    ///
    /// The plan is checked by evaluating it (what-if) before it is written.
    Plan {
        /// The pack directory or file (default: the built-in HSLP pack).
        #[arg(long)]
        pack: Option<PathBuf>,
        /// The planning date, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Date,
        /// What to reach: `current` (complete the current level), `next` (be ready for the next
        /// level), or competency ids, each optionally `=LEVEL` (repeat the option or separate
        /// them with commas).
        #[arg(
            long,
            value_name = "current|next|COMPETENCY[=LEVEL]",
            value_delimiter = ',',
            default_value = "current"
        )]
        target: Vec<String>,
        /// What to minimize: the number of items, or their total hours or cost (from the
        /// catalogue's `hours` and `cost`).
        #[arg(long, value_enum, default_value_t = By::Count)]
        by: By,
        /// The date the planned items are to be completed by (default: the planning date).
        #[arg(long, value_name = "YYYY-MM-DD")]
        complete_by: Option<Date>,
        /// How long the search may take, in milliseconds; past it, the best plan found is
        /// written with `optimal: false` and a lower bound.
        #[arg(long, default_value_t = 1000.0)]
        budget_ms: f64,
        /// Output format: the plan as JSON, or a readable explanation.
        #[arg(long, value_enum, default_value_t = Output::Text)]
        format: Output,
        /// Language of the text explanation (the pack's first by default).
        #[arg(long)]
        lang: Option<String>,
        /// xAPI/cmi5 statements to read as evidence first (as for `evaluate`).
        #[arg(long, value_name = "PATH")]
        xapi: Vec<PathBuf>,
        /// The participant document (JSON).
        file: PathBuf,
    },
    /// Write the pack's framework as a CASE 1.1 package (JSON), in one language.
    ///
    /// Identifiers are UUID v5 from the pack id and each item's id: the same on every run.
    ExportCase {
        /// The pack directory or file (default: the built-in HSLP pack).
        #[arg(long)]
        pack: Option<PathBuf>,
        /// The language of names and descriptions.
        #[arg(long, default_value = "en")]
        lang: String,
        /// The date written as every record's lastChangeDateTime (YYYY-MM-DD).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Date,
        /// The base of record URIs (default: urn:uuid: URNs).
        #[arg(long)]
        base_uri: Option<String>,
    },
    /// Write credentials for a participant: an Open Badges 3.0 credential for the completed
    /// program, one per met competency, or the whole record as a CLR 2.0 credential (unsigned: the
    /// issuing system adds the proof).
    Credential {
        /// The pack directory or file (default: the built-in HSLP pack).
        #[arg(long)]
        pack: Option<PathBuf>,
        /// The evaluation (and award) date, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Date,
        /// What to write.
        #[arg(long, value_enum, default_value_t = CredentialKind::Program)]
        kind: CredentialKind,
        /// The issuer's profile id (a URI).
        #[arg(long)]
        issuer_id: String,
        /// The issuer's name.
        #[arg(long)]
        issuer_name: String,
        /// The language of names and descriptions.
        #[arg(long, default_value = "en")]
        lang: String,
        /// The base of the CASE URIs achievements align to (as given to export-case).
        #[arg(long)]
        case_base_uri: Option<String>,
        /// xAPI/cmi5 statements to read as evidence (as for `evaluate`).
        #[arg(long, value_name = "PATH")]
        xapi: Vec<PathBuf>,
        /// The participant document (JSON).
        file: PathBuf,
    },
    /// Read a CASE package (1.1, or a tolerant read of 1.0 exports) into a rule-pack skeleton.
    ///
    /// The pack (JSON) goes to standard output; what was skipped or assumed goes to standard error.
    /// Check it with `check`, then fill in what CASE cannot carry (evidence kinds, catalogue...).
    ImportCase {
        /// The CASE package (JSON); several packages of one framework, one per language (as
        /// export-case writes a bilingual pack), make one pack in all their languages.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The language to use when the package names none.
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Write the pack's framework as CSV for Moodle's competency framework importer.
    ExportMoodle {
        /// The pack directory or file (default: the built-in HSLP pack).
        #[arg(long)]
        pack: Option<PathBuf>,
        /// The language of names and descriptions.
        #[arg(long, default_value = "en")]
        lang: String,
    },
}

/// What a plan minimizes.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum By {
    Count,
    Hours,
    Cost,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Output {
    Json,
    Text,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Check { pack, format } => check(&pack, format),
        Command::Evaluate {
            pack,
            as_of,
            format,
            lang,
            xapi,
            plan,
            compact,
            threads,
            files,
        } => match read_statements(&xapi).and_then(|s| Ok((s, read_plan(plan.as_ref())?))) {
            Ok((statements, planned)) => {
                let inputs = Inputs {
                    statements: &statements,
                    planned: planned.as_deref(),
                };
                if compact || files.iter().any(|f| is_stream(f)) {
                    let output = (format, lang.as_deref(), compact);
                    run_stream(pack, as_of, output, threads, &inputs, &files)
                } else {
                    run_evaluate(pack, as_of, format, lang.as_deref(), &inputs, &files)
                }
            }
            Err(message) => {
                eprintln!("competency-rules: {message}");
                ExitCode::from(2)
            }
        },
        Command::Cohort {
            pack,
            as_of,
            group_by,
            format,
            lang,
            aggregate_only,
            min_cell,
            ready_within,
            near_days,
            threads,
            inputs,
        } => {
            if let Err(code) = check_threads(threads) {
                return code;
            }
            let (pack_found, lang) = match pack_and_lang(pack.as_ref(), lang.as_deref()) {
                Ok(found) => found,
                Err((message, code)) => {
                    eprintln!("competency-rules: {message}");
                    return ExitCode::from(code);
                }
            };
            let args = cohort_cmd::Args {
                as_of,
                group_by,
                format,
                aggregate_only,
                min_cell,
                ready_within,
                near_days,
                threads,
                inputs,
            };
            cohort_cmd::run(args, pack_found, &lang)
        }
        Command::Plan {
            pack,
            as_of,
            target,
            by,
            complete_by,
            budget_ms,
            format,
            lang,
            xapi,
            file,
        } => {
            let statements = match read_statements(&xapi) {
                Ok(statements) => statements,
                Err(message) => {
                    eprintln!("competency-rules: {message}");
                    return ExitCode::from(2);
                }
            };
            // (Checked here, so a mistake is named by its option, not by the participant file.)
            let target: Vec<String> = target.iter().map(|t| t.trim().to_owned()).collect();
            if target.len() > 1 && target.iter().any(|t| t == "current" || t == "next") {
                eprintln!(
                    "competency-rules: --target: `current` and `next` stand alone; competencies are listed without them"
                );
                return ExitCode::from(2);
            }
            if !(budget_ms.is_finite() && budget_ms > 0.0) {
                eprintln!("competency-rules: --budget-ms: a positive number of milliseconds");
                return ExitCode::from(2);
            }
            let mut options = PlanOptions::default();
            options.target = Target::parse(&target);
            options.by = match by {
                By::Count => Measure::Count,
                By::Hours => Measure::Hours,
                By::Cost => Measure::Cost,
            };
            options.complete_by = complete_by;
            options.budget_ms = budget_ms;
            let output = (format, lang.as_deref());
            run_plan(pack.as_ref(), as_of, &options, output, &statements, &file)
        }
        Command::ExportCase {
            pack,
            lang,
            date,
            base_uri,
        } => {
            // A mistake in the command: exit 2.
            if let Some(Err(e)) = base_uri
                .as_deref()
                .map(|b| competency_rules::interop::check_uri("base_uri", b))
            {
                eprintln!("competency-rules: {e}");
                return ExitCode::from(2);
            }
            with_pack(pack.as_ref(), |pack| {
                let options = CaseOptions {
                    export: ExportOptions { lang },
                    date,
                    base_uri,
                };
                export_case(pack, &options)
                    .map(|v| serde_json::to_string_pretty(&v).unwrap_or_default())
            })
        }
        Command::ImportCase { files, lang } => {
            // The language given for packages that name none: a language subtag.
            if !(2..=8).contains(&lang.len()) || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
                eprintln!(
                    "competency-rules: --lang `{lang}` is not a language code (2 to 8 lower-case letters, such as en, fr, es)"
                );
                return ExitCode::from(2);
            }
            import(&files, &lang)
        }
        Command::Credential {
            pack,
            as_of,
            kind,
            issuer_id,
            issuer_name,
            lang,
            case_base_uri,
            xapi,
            file,
        } => {
            if let Some(today) = today_utc().filter(|today| as_of > *today) {
                eprintln!(
                    "competency-rules: --as-of {as_of} is after today ({today}, in UTC): a credential's validFrom may not be in the future, and validators refuse one that is"
                );
                return ExitCode::from(2);
            }
            let options = CredentialOptions {
                issuer_id,
                issuer_name,
                lang,
                case_base_uri,
                salt: None,
            };
            // A mistake in the command: exit 2, before anyone is evaluated.
            if let Err(e) = options.check() {
                eprintln!("competency-rules: {e}");
                return ExitCode::from(2);
            }
            match read_statements(&xapi) {
                Ok(statements) => {
                    write_credential(pack.as_ref(), as_of, kind, &options, &statements, &file)
                }
                Err(message) => {
                    eprintln!("competency-rules: {message}");
                    ExitCode::from(2)
                }
            }
        }
        Command::ExportMoodle { pack, lang } => with_pack(pack.as_ref(), |pack| {
            export_moodle(pack, &ExportOptions { lang })
        }),
    }
}

/// Today's date in UTC, from the system clock (the library reads no clock).
fn today_utc() -> Option<Date> {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Date::from_ymd(1970, 1, 1)?.add_days(u32::try_from(seconds / 86_400).ok()?)
}

/// Writes to standard output; a closed pipe (`... | head`) ends the program quietly, not in a panic.
fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush())
        .is_err()
    {
        std::process::exit(0);
    }
}

fn check(path: &PathBuf, format: Output) -> ExitCode {
    let diagnostics = check_dir(path);
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    match format {
        Output::Json => emit(&serde_json::to_string_pretty(&diagnostics).unwrap_or_default()),
        Output::Text => {
            for d in &diagnostics {
                emit(&d.to_string());
            }
            let warnings = diagnostics.len() - errors;
            if errors == 0 {
                emit(&format!("{}: ok ({warnings} warning(s))", path.display()));
            } else {
                emit(&format!(
                    "{}: {errors} error(s), {warnings} warning(s)",
                    path.display()
                ));
            }
        }
    }
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// What `evaluate` adds to every participant: statements as evidence, planned items to project.
struct Inputs<'a> {
    statements: &'a [Received],
    planned: Option<&'a [serde_json::Value]>,
}

/// The planned items of `--plan`: a JSON array of planned items, or a plan (its `planned`).
fn read_plan(path: Option<&PathBuf>) -> Result<Option<Vec<serde_json::Value>>, String> {
    let Some(path) = path else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| format!("{}: invalid JSON: {e}", path.display()))?;
    match value {
        serde_json::Value::Array(items) => Ok(Some(items)),
        serde_json::Value::Object(mut plan) => match plan.remove("planned") {
            Some(serde_json::Value::Array(items)) => Ok(Some(items)),
            _ => Err(format!(
                "{}: a plan file is an array of planned items, or a plan with a `planned` array",
                path.display()
            )),
        },
        _ => Err(format!(
            "{}: a plan file is an array of planned items, or a plan with a `planned` array",
            path.display()
        )),
    }
}

/// `participant` read from `text`, with `planned` in place of its own planned items (read, and
/// checked, as part of the document).
fn with_planned(
    text: &str,
    planned: Option<&[serde_json::Value]>,
) -> Result<Participant, competency_rules::ParticipantError> {
    let participant = Participant::from_json(text)?;
    let Some(planned) = planned else {
        return Ok(participant);
    };
    // (The document is valid JSON: it was just read.)
    let mut value: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "planned".to_owned(),
            serde_json::Value::Array(planned.to_vec()),
        );
    }
    Participant::from_value(value)
}

/// The most threads `--threads` takes (each thread's chunk is held in memory).
const MAX_THREADS: usize = 256;

/// Refuses a `--threads` past [`MAX_THREADS`] (exit code 2).
fn check_threads(threads: usize) -> Result<(), ExitCode> {
    if threads > MAX_THREADS {
        eprintln!("competency-rules: --threads: at most {MAX_THREADS} (0 for every core)");
        return Err(ExitCode::from(2));
    }
    Ok(())
}

/// What to evaluate besides the answer: nothing more for the compact form; a text explanation's
/// one language; for JSON, the language asked for (`asked`), or every language.
fn evaluate_options(
    compact: bool,
    format: Output,
    lang: &str,
    asked: bool,
) -> competency_rules::EvaluateOptions {
    use competency_rules::EvaluateOptions;
    match (compact, format) {
        (true, _) => EvaluateOptions::answer_only(),
        (false, Output::Text) => EvaluateOptions::languages([lang]),
        (false, Output::Json) if asked => EvaluateOptions::languages([lang]),
        (false, Output::Json) => EvaluateOptions::default(),
    }
}

/// `-` (standard input), or a JSON Lines file (`.jsonl`, `.ndjson`): read as a stream.
fn is_stream(path: &std::path::Path) -> bool {
    path.as_os_str() == "-"
        || path
            .extension()
            .is_some_and(|e| e == "jsonl" || e == "ndjson")
}

/// Evaluates streams of participants (and plain files, as streams of one document or an array):
/// one line of JSON per participant (the report, its compact form, or the error), or an
/// explanation per participant, written in input order as each chunk is done.
fn run_stream(
    pack_path: Option<PathBuf>,
    as_of: Date,
    (format, lang, compact): (Output, Option<&str>, bool),
    threads: usize,
    inputs: &Inputs<'_>,
    files: &[PathBuf],
) -> ExitCode {
    use competency_rules::Failure;
    use competency_rules::compact::Compact;
    use competency_rules::stream::{self, Outcome};
    if compact && format == Output::Text {
        eprintln!("competency-rules: --compact writes JSON; leave out --format text");
        return ExitCode::from(2);
    }
    if compact && inputs.planned.is_some() {
        eprintln!(
            "competency-rules: --compact leaves out the what-if projection; leave out --plan, or --compact"
        );
        return ExitCode::from(2);
    }
    if let Err(code) = check_threads(threads) {
        return code;
    }
    let asked = lang.is_some();
    let (pack, lang) = match pack_and_lang(pack_path.as_ref(), lang) {
        Ok(found) => found,
        Err((message, code)) => {
            eprintln!("competency-rules: {message}");
            return ExitCode::from(code);
        }
    };
    let options = evaluate_options(compact, format, &lang, asked);
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for file in files {
        let name = if file.as_os_str() == "-" {
            "standard input".to_owned()
        } else {
            file.display().to_string()
        };
        let input: Box<dyn std::io::BufRead + Send> = if file.as_os_str() == "-" {
            Box::new(std::io::BufReader::with_capacity(1 << 16, std::io::stdin()))
        } else {
            match std::fs::File::open(file) {
                Ok(f) => Box::new(std::io::BufReader::with_capacity(1 << 16, f)),
                Err(e) => {
                    eprintln!("competency-rules: cannot read {}: {e}", file.display());
                    failed = true;
                    continue;
                }
            }
        };
        let work = |entry: &stream::Entry, text: &str| {
            let place = || std::path::PathBuf::from(format!("{name}:{}", entry.line));
            let participant = match with_planned(text, inputs.planned) {
                Ok(p) => p,
                Err(e) => return Outcome::Failed(entry.locate(Failure::from(e))),
            };
            if pack_path.is_none() && entry.index == 0 {
                foreign_to_builtin_pack(&pack, &participant, &place());
            }
            let report = if inputs.statements.is_empty() {
                competency_rules::evaluate_with(&pack, &participant, as_of, &options)
                    .map_err(|e| entry.locate(Failure::from(e)))
            } else {
                participant_report(
                    &pack,
                    participant,
                    inputs.statements,
                    as_of,
                    &place(),
                    &options,
                )
                .map_err(|message| {
                    entry.locate(Failure::new(
                        competency_rules::FailureCode::InvalidDocument,
                        "",
                        message,
                    ))
                })
            };
            match report {
                Ok(report) if compact => Outcome::Done(Compact::of(&report).to_json()),
                Ok(report) if format == Output::Text => {
                    Outcome::Done(explain(&pack, &report, &lang))
                }
                Ok(report) => Outcome::Done(report.to_json()),
                Err(failure) => Outcome::Failed(failure),
            }
        };
        let result = stream::map(input, threads, work, |entry, outcome| {
            let text = match outcome {
                Outcome::Done(text) => text,
                Outcome::Failed(failure) => {
                    let at = failure.line.map_or(String::new(), |l| format!(":{l}"));
                    eprintln!("competency-rules: {name}{at}: {}", failure.message);
                    failed = true;
                    match format {
                        Output::Json => stream::failure_line(Some(&name), entry, &failure),
                        Output::Text => return Ok(()),
                    }
                }
            };
            out.write_all(text.as_bytes())?;
            out.write_all(b"\n")
        });
        if let Err(e) = result.and_then(|_| out.flush()) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("competency-rules: {name}: {e}");
            failed = true;
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_evaluate(
    pack_path: Option<PathBuf>,
    as_of: Date,
    format: Output,
    lang: Option<&str>,
    inputs: &Inputs<'_>,
    files: &[PathBuf],
) -> ExitCode {
    let statements = inputs.statements;
    let asked = lang.is_some();
    // A language the pack does not have is refused, whatever the format.
    let (pack, lang) = match pack_and_lang(pack_path.as_ref(), lang) {
        Ok(found) => found,
        Err((message, code)) => {
            eprintln!("competency-rules: {message}");
            return ExitCode::from(code);
        }
    };
    let lang = lang.as_str();
    let options = evaluate_options(false, format, lang, asked);
    let mut failed = false;
    let mut json = Vec::new();
    for file in files {
        let result = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))
            .and_then(|text| {
                with_planned(&text, inputs.planned)
                    .map_err(|e| format!("{}{}: {e}", file.display(), position(&e)))
            })
            .inspect(|p| {
                if pack_path.is_none() {
                    foreign_to_builtin_pack(&pack, p, file);
                }
            })
            .and_then(|p| participant_report(&pack, p, statements, as_of, file, &options));
        match result {
            Ok(report) => match format {
                Output::Json => json.push(report),
                Output::Text => emit(&explain(&pack, &report, lang)),
            },
            Err(message) => {
                eprintln!("competency-rules: {message}");
                failed = true;
            }
        }
    }
    if format == Output::Json {
        // The report's own serialization: the same bytes as the library and the WebAssembly build.
        // (Nothing at all when no participant could be evaluated: the errors are on stderr.)
        match json.as_slice() {
            [] if failed => {}
            [one] if files.len() == 1 => emit(&one.to_json_pretty()),
            _ => emit(&serde_json::to_string_pretty(&json).unwrap_or_default()),
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The pack at `path` (or the built-in one), and the language asked for (the pack's first by
/// default), or the message saying why not and the exit code.
fn pack_and_lang(
    path: Option<&PathBuf>,
    lang: Option<&str>,
) -> Result<(Pack, String), (String, u8)> {
    let pack = match path {
        Some(path) => Pack::from_dir(path),
        None => Pack::hslp(),
    }
    .map_err(|err| (err.to_string(), 1))?;
    let lang = lang.map_or_else(
        || pack.languages().first().cloned().unwrap_or_default(),
        str::to_owned,
    );
    if !pack.languages().contains(&lang) {
        let message = format!(
            "the pack has no language `{lang}` (it has: {})",
            pack.languages().join(", ")
        );
        return Err((message, 2));
    }
    Ok((pack, lang))
}

fn run_plan(
    pack_path: Option<&PathBuf>,
    as_of: Date,
    options: &PlanOptions,
    (format, lang): (Output, Option<&str>),
    statements: &[Received],
    file: &PathBuf,
) -> ExitCode {
    let (pack, lang) = match pack_and_lang(pack_path, lang) {
        Ok(found) => found,
        Err((message, code)) => {
            eprintln!("competency-rules: {message}");
            return ExitCode::from(code);
        }
    };
    let result = std::fs::read_to_string(file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))
        .and_then(|text| {
            Participant::from_json(&text)
                .map_err(|e| format!("{}{}: {e}", file.display(), position(&e)))
        })
        .and_then(|mut p| {
            // Statements become evidence first, as `evaluate --xapi` reads them.
            if !statements.is_empty() {
                let intake = xapi::add_statements(&pack, &mut p, statements.to_vec())
                    .map_err(|e| format!("{}: {e}", file.display()))?;
                eprintln!(
                    "competency-rules: {}: {} statements: {} became evidence",
                    file.display(),
                    intake.received,
                    intake.evidence
                );
            }
            plan(&pack, &p, as_of, options).map_err(|e| {
                // A mistake in an option is named by the option; one about the participant by
                // their file.
                use competency_rules::plan::PlanError;
                let at = match &e {
                    PlanError::UnknownCompetency { .. }
                    | PlanError::UnknownLevel { .. }
                    | PlanError::NoLevel { .. }
                    | PlanError::RepeatedCompetency { .. } => "--target".to_owned(),
                    PlanError::MissingMeasure { .. } => "--by".to_owned(),
                    PlanError::CompleteByBeforeAsOf { .. } => "--complete-by".to_owned(),
                    _ => file.display().to_string(),
                };
                format!("{at}: {e}")
            })
        });
    match result {
        Ok(plan) => {
            match format {
                Output::Json => emit(&serde_json::to_string_pretty(&plan).unwrap_or_default()),
                Output::Text => emit(&competency_rules::explain::explain_plan(
                    &pack, &plan, &lang,
                )),
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("competency-rules: {message}");
            ExitCode::from(1)
        }
    }
}

/// Says so on stderr when a participant evaluated with the built-in pack (no `--pack`) names a
/// level, evidence kind or catalogue item the built-in pack does not have: most likely it belongs
/// to another framework's pack.
fn foreign_to_builtin_pack(pack: &Pack, participant: &Participant, file: &std::path::Path) {
    use competency_rules::participant::EvidenceEntry;
    let mut foreign = Vec::new();
    if pack.org_level(&participant.level).is_none() {
        foreign.push(format!("level `{}`", participant.level));
    }
    for entry in &participant.evidence {
        let EvidenceEntry::Item(ev) = entry else {
            continue;
        };
        if pack.name(Named::EvidenceKind, &ev.kind, "en").is_none() {
            foreign.push(format!("evidence kind `{}`", ev.kind));
        }
        if let Some(item) = &ev.item
            && pack.name(Named::CatalogueItem, item, "en").is_none()
        {
            foreign.push(format!("catalogue item `{item}`"));
        }
    }
    foreign.sort();
    foreign.dedup();
    if !foreign.is_empty() {
        eprintln!(
            "competency-rules: {}: evaluated with the built-in {} pack, which has no {}; did you mean to pass --pack?",
            file.display(),
            pack.info().id,
            foreign.join(", ")
        );
    }
}

/// Reads every statement source given with `--xapi` (files, or directories of .json files).
fn read_statements(paths: &[PathBuf]) -> Result<Vec<Received>, String> {
    let mut received = Vec::new();
    for path in paths {
        let mut files = Vec::new();
        json_files(path, &mut files)?;
        if files.is_empty() {
            return Err(format!("{}: no .json files of statements", path.display()));
        }
        for file in files {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            let (statements, more) = xapi::read_source(&text, &file.display().to_string());
            if let Some(more) = more {
                eprintln!(
                    "competency-rules: {} is one page of a longer result; statements on further pages ({more}) were not given",
                    file.display()
                );
            }
            received.extend(statements);
        }
    }
    Ok(received)
}

/// `path` if it is a file, else every .json file under it (sub-directories too, hidden ones
/// left out), in name order.
fn json_files(path: &std::path::Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    files::files_in(path, &|e| e == "json", out)
}

/// Evaluates one participant, with the statements' evidence when there are statements.
fn participant_report(
    pack: &Pack,
    participant: Participant,
    statements: &[Received],
    as_of: Date,
    file: &std::path::Path,
    options: &competency_rules::EvaluateOptions,
) -> Result<Report, String> {
    let place = |e: &dyn std::fmt::Display| format!("{}: {e}", file.display());
    if statements.is_empty() {
        return competency_rules::evaluate_with(pack, &participant, as_of, options)
            .map_err(|e| place(&e));
    }
    let mut participant = participant;
    let intake =
        xapi::add_statements(pack, &mut participant, statements.to_vec()).map_err(|e| place(&e))?;
    let report = competency_rules::evaluate_with(pack, &participant, as_of, options)
        .map_err(|e| place(&e))?;
    eprintln!(
        "competency-rules: {}: {} statements: {} became evidence, {} voided others, {} reported as not counted",
        file.display(),
        intake.received,
        intake.evidence,
        intake.voiding,
        intake.set_aside
    );
    for origin in &intake.unnamed {
        eprintln!(
            "competency-rules: {}: evidence {} is the statement without an id at {}",
            file.display(),
            origin.evidence,
            origin.at
        );
    }
    Ok(report)
}

fn write_credential(
    pack: Option<&PathBuf>,
    as_of: Date,
    kind: CredentialKind,
    options: &CredentialOptions,
    statements: &[Received],
    file: &PathBuf,
) -> ExitCode {
    let pack = match pack {
        Some(path) => Pack::from_dir(path),
        None => Pack::hslp(),
    };
    let result = pack.map_err(|e| e.to_string()).and_then(|pack| {
        let text = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let participant =
            Participant::from_json(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        let report = participant_report(
            &pack,
            participant,
            statements,
            as_of,
            file,
            &Default::default(),
        )?;
        credential(&pack, &report, kind, options).map_err(|e| format!("{}: {e}", file.display()))
    });
    match result {
        Ok(value) => {
            emit(&serde_json::to_string_pretty(&value).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("competency-rules: {message}");
            ExitCode::from(1)
        }
    }
}

fn import(files: &[PathBuf], lang: &str) -> ExitCode {
    let read = |file: &PathBuf| -> Result<serde_json::Value, String> {
        let text = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        check_text_limits(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: invalid JSON: {e}", file.display()))
    };
    let package = files
        .iter()
        .map(read)
        .collect::<Result<Vec<_>, _>>()
        .and_then(|packages| {
            import_case_all(&packages, lang).map_err(|e| match files {
                [one] => format!("{}: {e}", one.display()),
                _ => e.to_string(),
            })
        });
    match package {
        Ok(imported) => {
            for note in &imported.notes {
                eprintln!("note[{}] {}: {}", note.code, note.path, note.message);
            }
            emit(&serde_json::to_string_pretty(&imported.pack).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("competency-rules: {message}");
            ExitCode::from(1)
        }
    }
}

/// Loads the pack (or the built-in one), runs `export`, and prints what it wrote.
fn with_pack(
    path: Option<&PathBuf>,
    export: impl FnOnce(&Pack) -> Result<String, ExportError>,
) -> ExitCode {
    let pack = match path {
        Some(path) => Pack::from_dir(path),
        None => Pack::hslp(),
    };
    match pack
        .map_err(|e| e.to_string())
        .and_then(|pack| export(&pack).map_err(|e| e.to_string()))
    {
        Ok(text) => {
            emit(text.trim_end());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("competency-rules: {message}");
            ExitCode::from(1)
        }
    }
}

/// `:line:column`, as compilers write a place in a file, when the error has one.
fn position(err: &competency_rules::ParticipantError) -> String {
    match (err.line, err.column) {
        (Some(line), Some(column)) => format!(":{line}:{column}"),
        _ => String::new(),
    }
}
