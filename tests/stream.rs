//! Streaming batches and the compact form: how [`Values`] splits a stream into documents (JSON
//! Lines, a JSON array, documents one after another) and where each one starts; that
//! [`evaluate_stream`] writes one line per document, in input order, whatever the threads and
//! chunks, with each failure placed in the whole input; that its explained lines are the library's
//! reports; that the compact form is the explained report's facts; that messages come in the
//! languages asked for; and that the command line reads standard input as a stream.
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] functions should fail loudly on bad fixtures"
)]

use competency_rules::compact::{Compact, evaluate_compact};
use competency_rules::report::CompetencyState;
use competency_rules::stream::{
    Entry, Outcome, StreamOptions, Summary, Values, evaluate_stream, map,
};
use competency_rules::{
    Date, EvaluateOptions, Failure, FailureCode, Pack, Participant, Report, evaluate, evaluate_with,
};
use proptest::prelude::*;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

const AS_OF: &str = "2026-11-24";

fn as_of() -> Date {
    AS_OF.parse().unwrap()
}

fn hslp() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| Pack::hslp().unwrap())
}

fn mini() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| Pack::from_json(include_str!("conformance/packs/mini.json")).unwrap())
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The text of `examples/{name}.json`.
fn example(name: &str) -> String {
    std::fs::read_to_string(root().join(format!("examples/{name}.json"))).unwrap()
}

/// Every example participant's text, in file name order.
fn examples() -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 8, "examples: {files:?}");
    files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect()
}

/// The documents of `text`, as [`Values`] splits them.
fn entries(text: &str) -> Vec<Entry> {
    Values::new(text.as_bytes())
        .collect::<std::io::Result<_>>()
        .unwrap()
}

/// An entry's text (it must have one).
fn text_of(entry: &Entry) -> &str {
    entry.text.as_deref().unwrap()
}

/// An entry's failure (it must have one).
fn failure_of(entry: &Entry) -> &Failure {
    entry.text.as_ref().unwrap_err()
}

fn report_of(pack: &Pack, text: &str) -> Report {
    evaluate(pack, &Participant::from_json(text).unwrap(), as_of()).unwrap()
}

/// The lines [`evaluate_stream`] writes for `input`, and its summary.
fn run_stream(pack: &Pack, input: &str, options: &StreamOptions) -> (Vec<String>, Summary) {
    let mut out = Vec::new();
    let summary = evaluate_stream(pack, input.as_bytes(), as_of(), options, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.is_empty() || text.ends_with('\n'),
        "the last line is not ended: {text:?}"
    );
    (text.lines().map(str::to_owned).collect(), summary)
}

fn options(compact: bool, threads: usize) -> StreamOptions {
    let mut options = StreamOptions::default();
    options.compact = compact;
    options.threads = threads;
    options
}

/// `failure` (of a document read alone) as it must be placed in the input when the document
/// starts at `line` and `column`: a position inside the document moved by the document's start
/// (columns only on its first line), or the document's start when there is none.
fn placed(failure: &Failure, line: usize, column: usize) -> Failure {
    let mut placed = failure.clone();
    match failure.line {
        Some(l) => {
            if l == 1 {
                placed.column = failure.column.map(|c| c + column - 1);
            }
            placed.line = Some(l + line - 1);
        }
        None => {
            placed.line = Some(line);
            placed.column = Some(column);
        }
    }
    placed
}

/// The failure of reading and evaluating `text` alone (it must fail).
fn standalone_failure(pack: &Pack, text: &str) -> Failure {
    match Participant::from_json(text) {
        Err(e) => Failure::from(e),
        Ok(p) => Failure::from(evaluate(pack, &p, as_of()).unwrap_err()),
    }
}

/// The line `evaluate_stream` must write for a document failing as `failure` (already placed).
fn failure_line(index: usize, line: usize, failure: &Failure) -> Value {
    json!({"input": {"index": index, "line": line}, "error": serde_json::to_value(failure).unwrap()})
}

/// A deterministic shuffle of `items` from `seed` (xorshift).
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for i in (1..items.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        items.swap(i, (state % (i as u64 + 1)) as usize);
    }
}

// ---------------------------------------------------------------------------------------------
// Splitting the input (`Values`)

#[test]
fn json_lines_give_one_entry_per_non_blank_line_with_its_line_number() {
    let lines = [
        "",
        r#"{"id": "a"}"#,
        "",
        "   ",
        r#"  {"id": "b", "name": "Zoé"}"#,
        "\t",
        r#"{"id": "c"}"#,
    ];
    let expected = [
        (0, 2, 1, r#"{"id": "a"}"#),
        (1, 5, 3, r#"{"id": "b", "name": "Zoé"}"#),
        (2, 7, 1, r#"{"id": "c"}"#),
    ];
    for ending in ["\n", "\r\n"] {
        let joined = lines.join(ending);
        for input in [joined.clone(), format!("{joined}{ending}")] {
            let got = entries(&input);
            let seen: Vec<(usize, usize, usize, &str)> = got
                .iter()
                .map(|e| (e.index, e.line, e.column, text_of(e)))
                .collect();
            assert_eq!(seen, expected, "{input:?}");
        }
    }
}

#[test]
fn a_pretty_printed_json_array_gives_its_elements_where_they_start() {
    let docs = vec![
        json!({"id": "a", "organization": "o", "level": "manager"}),
        json!({"id": "b", "evidence": [{"id": "e1", "claims": [{"competency": "x"}]}]}),
        // Brackets and quotes inside strings are text, not structure.
        json!({"id": "c ]}[{\"", "note": "\\", "x": [1, [2, {}]]}),
    ];
    let pretty = format!(
        "\n\n{}\n",
        serde_json::to_string_pretty(&Value::Array(docs.clone())).unwrap()
    );
    // Each element starts on a line `  {` (nested objects are indented further).
    let starts: Vec<usize> = pretty
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "  {")
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(starts.len(), 3);
    let got = entries(&pretty);
    assert_eq!(got.len(), 3, "{got:?}");
    for (i, ((entry, doc), line)) in got.iter().zip(&docs).zip(&starts).enumerate() {
        assert_eq!((entry.index, entry.line, entry.column), (i, *line, 3));
        assert_eq!(serde_json::from_str::<Value>(text_of(entry)).unwrap(), *doc);
    }
}

#[test]
fn a_one_line_json_array_gives_its_elements_at_their_columns() {
    let docs = [
        json!({"id": "a", "name": "Zoé Çelik"}),
        json!({"id": "b"}),
        json!({"id": "c", "x": "]"}),
    ];
    let texts: Vec<String> = docs.iter().map(Value::to_string).collect();
    let input = format!("  [{}, {} ,{}]\n", texts[0], texts[1], texts[2]);
    // Columns count characters (not bytes): `Zoé Çelik` is 9 characters, 11 bytes.
    let width = |t: &String| t.chars().count();
    let first = 4;
    let second = first + width(&texts[0]) + 2;
    let third = second + width(&texts[1]) + 2;
    let got = entries(&input);
    let seen: Vec<(usize, usize, usize, Value)> = got
        .iter()
        .map(|e| {
            let value = serde_json::from_str(text_of(e)).unwrap();
            (e.index, e.line, e.column, value)
        })
        .collect();
    assert_eq!(
        seen,
        [
            (0, 1, first, docs[0].clone()),
            (1, 1, second, docs[1].clone()),
            (2, 1, third, docs[2].clone()),
        ]
    );
}

#[test]
fn concatenated_pretty_printed_documents_give_one_entry_each() {
    let a = example("01-new-enrolee");
    let b = example("02-in-progress-supervisor");
    let value = |text: &str| serde_json::from_str::<Value>(text).unwrap();
    let lines_of_a = a.lines().count();
    // One after the other (each file ends with a new line), and with nothing between them.
    let cases = [
        (format!("{a}{b}"), lines_of_a + 1, 1),
        (format!("{a}\n\n{b}"), lines_of_a + 3, 1),
        (
            format!("{}{b}", a.trim_end()),
            lines_of_a,
            a.trim_end().lines().last().unwrap().chars().count() + 1,
        ),
    ];
    for (input, line, column) in cases {
        let got = entries(&input);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!((got[0].index, got[0].line, got[0].column), (0, 1, 1));
        assert_eq!(
            (got[1].index, got[1].line, got[1].column),
            (1, line, column)
        );
        assert_eq!(value(text_of(&got[0])), value(&a));
        assert_eq!(value(text_of(&got[1])), value(&b));
        // Each is a participant document the engine reads.
        for entry in &got {
            Participant::from_json(text_of(entry)).unwrap();
        }
    }
}

#[test]
fn a_broken_json_line_is_one_failing_entry_and_the_next_lines_still_come_out() {
    let input = concat!(
        "{\"id\": \"a\"}\n",
        "{\"id\": \n",
        "{\"id\": \"c\"}\n",
        "{\"id\": \"d\n",
        "[{\"id\": \"e\"}\n",
        "{\"id\": \"f\"}\n",
    );
    let got = entries(input);
    let seen: Vec<(usize, usize, &str)> =
        got.iter().map(|e| (e.index, e.line, text_of(e))).collect();
    assert_eq!(
        seen,
        [
            (0, 1, "{\"id\": \"a\"}"),
            (1, 2, "{\"id\":"),
            (2, 3, "{\"id\": \"c\"}"),
            (3, 4, "{\"id\": \"d"),
            (4, 5, "[{\"id\": \"e\"}"),
            (5, 6, "{\"id\": \"f\"}"),
        ]
    );
    for broken in [1, 3, 4] {
        let err = Participant::from_json(text_of(&got[broken])).unwrap_err();
        assert_eq!(err.code, FailureCode::Syntax, "{err:?}");
    }
}

#[test]
fn a_broken_json_array_ends_with_a_syntax_failure() {
    // (input, documents taken before the fault, where the fault is, what the message says)
    let cases = [
        (
            "[{\"id\": \"a\"}] x\n",
            1,
            (1, 15),
            "unexpected text after the array",
        ),
        (
            "[{\"id\": \"a\"}]\n\n]\n",
            1,
            (3, 1),
            "unexpected text after the array",
        ),
        (
            "[{\"id\": \"a\"}\n {\"id\": \"b\"}]\n",
            1,
            (2, 2),
            "expected `,` or `]`",
        ),
        (
            "[{\"id\": \"a\"}, {\"id\": \"b\"} {\"id\": \"c\"}]",
            2,
            (1, 27),
            "expected `,` or `]`",
        ),
        (
            "[{\"id\": \"a\"},\n",
            1,
            (2, 1),
            "the input ends inside the array",
        ),
        (
            "[{\"id\": \"a\"}, {\"id\": \"b\"\n",
            1,
            (1, 15),
            "the input ends inside this document",
        ),
    ];
    for (input, taken, (line, column), message) in cases {
        let got = entries(input);
        assert_eq!(got.len(), taken + 1, "{input:?}: {got:?}");
        for (i, entry) in got[..taken].iter().enumerate() {
            let value: Value = serde_json::from_str(text_of(entry)).unwrap();
            assert_eq!(value["id"], ["a", "b"][i], "{input:?}");
        }
        let last = &got[taken];
        let failure = failure_of(last);
        assert_eq!(last.index, taken, "{input:?}");
        assert_eq!(failure.code, FailureCode::Syntax, "{input:?}");
        assert!(failure.message.contains(message), "{input:?}: {failure:?}");
        assert_eq!((last.line, last.column), (line, column), "{input:?}");
        // The stream writes it as a failure placed there, and stops.
        let (lines, summary) = run_stream(mini(), input, &options(true, 1));
        assert_eq!((summary.read, summary.failed), (taken + 1, taken + 1));
        let written: Value = serde_json::from_str(&lines[taken]).unwrap();
        assert_eq!(written["input"], json!({"index": taken, "line": line}));
        assert_eq!(written["error"]["code"], "syntax");
        assert_eq!(written["error"]["line"], line);
        assert_eq!(written["error"]["column"], column);
    }
}

#[test]
fn an_empty_input_gives_no_entries() {
    for input in ["", "\n", "\n\n  \r\n\t\n", "   ", "[]", "[\n]\n", " [ ] "] {
        assert!(entries(input).is_empty(), "{input:?}");
        let (lines, summary) = run_stream(hslp(), input, &StreamOptions::default());
        assert!(lines.is_empty(), "{input:?}");
        assert_eq!((summary.read, summary.failed), (0, 0));
    }
}

/// A participant document of exactly `bytes` bytes (its `note` fills it).
fn document_of(bytes: usize) -> String {
    let head = r#"{"id": "p", "organization": "o", "level": "manager", "enrolled": "2026-09-01", "note": ""#;
    let text = format!("{head}{}\"}}", "x".repeat(bytes - head.len() - 2));
    assert_eq!(text.len(), bytes);
    text
}

#[test]
fn each_document_is_held_to_the_size_limit_and_the_next_one_still_comes_out() {
    use competency_rules::limits::MAX_PARTICIPANT_BYTES as MAX;
    let at = document_of(MAX);
    let over = document_of(MAX + 1);
    Participant::from_json(&at).unwrap();
    // JSON Lines: the line at the limit is a document; the one past it is refused, alone.
    let input = format!("{{\"id\": \"a\"}}\n{at}\n{over}\n{{\"id\": \"b\"}}\n");
    let got = entries(&input);
    let seen: Vec<(usize, usize)> = got.iter().map(|e| (e.line, e.column)).collect();
    assert_eq!(seen, [(1, 1), (2, 1), (3, 1), (4, 1)]);
    assert_eq!(text_of(&got[1]), at);
    assert_eq!(failure_of(&got[2]).code, FailureCode::LimitExceeded);
    assert_eq!(text_of(&got[3]), "{\"id\": \"b\"}");
    // A JSON array: likewise, and the next element is at its column.
    let input = format!("[{at},\n {over}, {{\"id\": \"b\"}}]\n");
    let got = entries(&input);
    let seen: Vec<(usize, usize)> = got.iter().map(|e| (e.line, e.column)).collect();
    assert_eq!(seen, [(1, 2), (2, 2), (2, MAX + 5)]);
    assert_eq!(text_of(&got[0]), at);
    assert_eq!(failure_of(&got[1]).code, FailureCode::LimitExceeded);
    assert_eq!(text_of(&got[2]), "{\"id\": \"b\"}");
    // The stream says so at the document's line.
    let (lines, summary) = run_stream(hslp(), &input, &options(true, 1));
    assert_eq!((summary.read, summary.failed), (3, 2));
    let written: Value = serde_json::from_str(&lines[1]).unwrap();
    assert_eq!(written["input"], json!({"index": 1, "line": 2}));
    assert_eq!(written["error"]["code"], "limit_exceeded");
    assert!(
        lines[0].starts_with(r#"{"participant":"p""#),
        "{:.80}",
        lines[0]
    );
}

#[test]
fn an_indented_json_line_within_the_size_limit_is_one_document() {
    use competency_rules::limits::MAX_PARTICIPANT_BYTES as MAX;
    // White space around a document is not part of it: a line indented by four spaces holding a
    // document at the limit is that document, and a line past the limit is refused whole.
    let at = document_of(MAX);
    let input = format!("{{\"id\": \"a\"}}\n    {at}\n{{\"id\": \"b\"}}\n");
    let got = entries(&input);
    let seen: Vec<(usize, usize, usize)> =
        got.iter().map(|e| (e.index, e.line, e.column)).collect();
    assert_eq!(seen, [(0, 1, 1), (1, 2, 5), (2, 3, 1)]);
    assert_eq!(text_of(&got[1]), at);
    let over = document_of(MAX + 1);
    let input = format!("{{\"id\": \"a\"}}\n    {over}\n{{\"id\": \"b\"}}\n");
    let got = entries(&input);
    let seen: Vec<(usize, usize)> = got.iter().map(|e| (e.index, e.line)).collect();
    assert_eq!(seen, [(0, 1), (1, 2), (2, 3)]);
    assert_eq!(failure_of(&got[1]).code, FailureCode::LimitExceeded);
}

#[test]
fn documents_after_a_bare_value_keep_their_line_numbers() {
    // A value that is not an object, array or string (`null`, a number) ends at the white space
    // after it; the line that white space ends is counted once.
    let concatenated = "{\n  \"id\": \"a\"\n}\nnull\n{\n  \"id\": \"b\"\n}\n";
    let got = entries(concatenated);
    let seen: Vec<(usize, usize)> = got.iter().map(|e| (e.line, e.column)).collect();
    assert_eq!(seen, [(1, 1), (4, 1), (5, 1)]);
    assert_eq!(text_of(&got[1]), "null");
    let array = "[\n  1\n  , {\"id\": \"b\"}\n]\n";
    let got = entries(array);
    let seen: Vec<(usize, usize, &str)> =
        got.iter().map(|e| (e.line, e.column, text_of(e))).collect();
    assert_eq!(seen, [(2, 3, "1"), (3, 5, "{\"id\": \"b\"}")]);
}

#[test]
fn a_trailing_comma_in_an_array_is_one_syntax_failure() {
    // (input, where the fault (the closing bracket) is)
    for (input, at) in [
        ("[{\"id\": \"a\"},]", (1, 14)),
        ("[{\"id\": \"a\"},]\n", (1, 14)),
        ("[{\"id\": \"a\"},\n]\n", (2, 1)),
    ] {
        let got = entries(input);
        assert_eq!(got.len(), 2, "{input:?}: {got:#?}");
        assert_eq!(text_of(&got[0]), "{\"id\": \"a\"}");
        assert_eq!(failure_of(&got[1]).code, FailureCode::Syntax, "{input:?}");
        assert_eq!((got[1].line, got[1].column), at, "{input:?}");
    }
}

#[test]
fn a_broken_first_json_line_does_not_swallow_the_lines_after_it() {
    let input = "{\"id\": \n{\"id\": \"b\"}\n{\"id\": \"c\"}\n";
    let got = entries(input);
    let seen: Vec<(usize, usize, Option<&str>)> = got
        .iter()
        .map(|e| (e.index, e.line, e.text.as_deref().ok()))
        .collect();
    assert_eq!(
        seen,
        [
            (0, 1, Some("{\"id\":")),
            (1, 2, Some("{\"id\": \"b\"}")),
            (2, 3, Some("{\"id\": \"c\"}")),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// `map` and `evaluate_stream`

#[test]
fn map_hands_back_every_outcome_in_input_order_and_counts_failures() {
    let input: String = (0..700).map(|n| format!("{{\"n\": {n}}}\n")).collect();
    let fails = |n: usize| n % 7 == 3;
    for threads in [1, 2, 3] {
        let mut seen = Vec::new();
        let summary = map(
            input.as_bytes(),
            threads,
            |entry: &Entry, text: &str| {
                let n = serde_json::from_str::<Value>(text).unwrap()["n"]
                    .as_u64()
                    .unwrap() as usize;
                assert_eq!(n, entry.index);
                if fails(n) {
                    Outcome::Failed(Failure::new(
                        FailureCode::InvalidDocument,
                        "n",
                        n.to_string(),
                    ))
                } else {
                    Outcome::Done(format!("done {n}"))
                }
            },
            |entry: &Entry, outcome: Outcome| {
                seen.push((entry.index, entry.line, outcome));
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(summary.read, 700);
        assert_eq!(summary.failed, (0..700).filter(|n| fails(*n)).count());
        assert_eq!(seen.len(), 700);
        for (n, (index, line, outcome)) in seen.into_iter().enumerate() {
            assert_eq!((index, line), (n, n + 1));
            match outcome {
                Outcome::Done(text) => {
                    assert!(!fails(n));
                    assert_eq!(text, format!("done {n}"));
                }
                Outcome::Failed(failure) => {
                    assert!(fails(n));
                    assert_eq!(failure.message, n.to_string());
                }
            }
        }
    }
}

#[test]
fn evaluate_stream_writes_one_line_per_document_with_failures_placed_in_the_input() {
    let good_a =
        serde_json::to_string(&serde_json::from_str::<Value>(&example("01-new-enrolee")).unwrap())
            .unwrap();
    let good_b = serde_json::to_string(
        &serde_json::from_str::<Value>(&example("02-in-progress-supervisor")).unwrap(),
    )
    .unwrap();
    let unknown_level =
        r#"  {"id": "z", "organization": "o", "level": "chief", "enrolled": "2026-01-01"}"#;
    let input = [
        good_a.as_str(),
        "",
        r#"{"id": "#,
        r#"{"id": "x"}"#,
        unknown_level,
        good_b.as_str(),
    ]
    .join("\n");
    let (lines, summary) = run_stream(hslp(), &input, &StreamOptions::default());
    assert_eq!(lines.len(), 5, "{lines:#?}");
    assert_eq!((summary.read, summary.failed), (5, 3));
    assert_eq!(lines[0], report_of(hslp(), &good_a).to_json());
    assert_eq!(lines[4], report_of(hslp(), &good_b).to_json());
    // (index, line of the document, error code, its text)
    let failures = [
        (1, 3, "syntax", r#"{"id":"#, 1),
        (2, 4, "invalid_document", r#"{"id": "x"}"#, 1),
        (3, 5, "unknown_level", unknown_level.trim_start(), 3),
    ];
    for (index, line, code, text, column) in failures {
        let written: Value = serde_json::from_str(&lines[index]).unwrap();
        let mut keys: Vec<&String> = written.as_object().unwrap().keys().collect();
        keys.sort_unstable();
        assert_eq!(keys, ["error", "input"], "{written}");
        assert_eq!(written["input"], json!({"index": index, "line": line}));
        assert_eq!(written["error"]["code"], code, "{written}");
        // The line in the whole input, not in the document.
        assert_eq!(written["error"]["line"], line, "{written}");
        let expected = placed(&standalone_failure(hslp(), text), line, column);
        assert_eq!(written, failure_line(index, line, &expected));
    }
    assert_eq!(
        serde_json::from_str::<Value>(&lines[3]).unwrap()["error"]["path"],
        "level"
    );
}

#[test]
fn failures_inside_multi_line_documents_are_placed_on_the_input_line() {
    let good = r#"{"id": "a", "organization": "o", "level": "manager", "enrolled": "2026-09-01"}"#;
    // The second element has a trailing comma on its sixth line, the third an unknown level.
    let broken = "{\n    \"id\": \"b\",\n    \"organization\": \"o\",\n    \"level\": \"manager\",\n    \"enrolled\": \"2026-09-01\",\n  }";
    let chief =
        "{\n    \"id\": \"c\",\n    \"organization\": \"o\",\n    \"level\": \"chief\"\n  }";
    let array = format!("[\n  {good},\n  {broken},\n  {chief}\n]\n");
    let concatenated = format!("{broken}\n{chief}\n{{\"id\": \"d\", \"level\"  \"x\"}}\n");
    for (input, expected_count) in [(array, 3), (concatenated, 3)] {
        let got = entries(&input);
        assert_eq!(got.len(), expected_count, "{input}");
        let (lines, summary) = run_stream(hslp(), &input, &options(true, 2));
        assert_eq!(lines.len(), got.len());
        let mut failed = 0;
        for (entry, line) in got.iter().zip(&lines) {
            let text = text_of(entry);
            if Participant::from_json(text).is_ok_and(|p| evaluate(hslp(), &p, as_of()).is_ok()) {
                let p = Participant::from_json(text).unwrap();
                assert_eq!(
                    *line,
                    evaluate_compact(hslp(), &p, as_of()).unwrap().to_json()
                );
                continue;
            }
            failed += 1;
            let alone = standalone_failure(hslp(), text);
            let expected = placed(&alone, entry.line, entry.column);
            let written: Value = serde_json::from_str(line).unwrap();
            assert_eq!(written, failure_line(entry.index, entry.line, &expected));
            if let Some(inner) = alone.line {
                // Past the document's first line: the line in the input is further down.
                assert_eq!(written["error"]["line"], entry.line + inner - 1);
            }
        }
        assert_eq!(summary.failed, failed);
        assert!(failed >= 2, "{lines:#?}");
    }
    // The trailing comma of the array's second element: line 3 of the input starts it, the
    // fault is on its sixth line (the closing brace), line 8 of the input.
    let input = format!("[\n  {good},\n  {broken}\n]\n");
    let (lines, _) = run_stream(hslp(), &input, &StreamOptions::default());
    let written: Value = serde_json::from_str(&lines[1]).unwrap();
    assert_eq!(written["input"], json!({"index": 1, "line": 3}));
    assert_eq!(written["error"]["code"], "syntax");
    assert_eq!(written["error"]["line"], 8, "{written}");
}

// ---------------------------------------------------------------------------------------------
// Determinism and equality with the library

/// `count` participants cloned from the examples, each with its own id and its evidence in its
/// own order; some with an unknown level, some broken. Gives the documents (`None` for a broken
/// one) and the JSON Lines input.
fn cohort(count: usize) -> (Vec<Option<String>>, String) {
    let examples: Vec<Value> = examples()
        .iter()
        .map(|t| serde_json::from_str(t).unwrap())
        .collect();
    let mut docs = Vec::new();
    let mut input = String::new();
    for i in 0..count {
        let mut doc = examples[i % examples.len()].clone();
        doc["id"] = format!("p-{i:04}").into();
        if let Some(Value::Array(evidence)) = doc.get_mut("evidence") {
            shuffle(evidence, i as u64);
        }
        if i % 101 == 50 {
            doc["level"] = "chief".into();
        }
        let text = if i % 157 == 80 {
            docs.push(None);
            r#"{"id": "broken", "level": "#.to_owned()
        } else {
            let text = serde_json::to_string(&doc).unwrap();
            docs.push(Some(text.clone()));
            text
        };
        input.push_str(&text);
        input.push('\n');
    }
    (docs, input)
}

#[test]
fn the_output_is_the_same_bytes_whatever_the_threads_and_chunks() {
    // More documents than one chunk holds on one or two threads (256 a thread), fewer than three.
    let (docs, input) = cohort(700);
    for compact in [false, true] {
        let (first, summary) = run_stream(hslp(), &input, &options(compact, 1));
        assert_eq!(first.len(), docs.len());
        let broken = docs.iter().filter(|d| d.is_none()).count();
        let unknown = (0..docs.len())
            .filter(|i| i % 101 == 50 && docs[*i].is_some())
            .count();
        assert!(broken >= 4 && unknown >= 6);
        assert_eq!((summary.read, summary.failed), (700, broken + unknown));
        for threads in [2, 3, 0] {
            let (again, again_summary) = run_stream(hslp(), &input, &options(compact, threads));
            assert_eq!(again_summary, summary, "threads {threads}");
            assert!(again == first, "threads {threads}: the output differs");
        }
        // In input order: each line is its document's.
        for (i, (doc, line)) in docs.iter().zip(&first).enumerate() {
            let written: Value = serde_json::from_str(line).unwrap();
            if doc.is_none() || i % 101 == 50 {
                assert_eq!(written["input"], json!({"index": i, "line": i + 1}));
            } else {
                assert_eq!(written["participant"], format!("p-{i:04}"), "line {i}");
            }
        }
    }
}

#[test]
fn evidence_order_does_not_change_the_stream_output() {
    let (docs, input) = cohort(300);
    let (lines, _) = run_stream(hslp(), &input, &options(false, 2));
    let examples: Vec<Value> = examples()
        .iter()
        .map(|t| serde_json::from_str(t).unwrap())
        .collect();
    let mut compared = 0;
    for (i, (doc, line)) in docs.iter().zip(&lines).enumerate() {
        if doc.is_none() || i % 101 == 50 {
            continue;
        }
        // The same example in its own evidence order.
        let mut original = examples[i % examples.len()].clone();
        original["id"] = format!("p-{i:04}").into();
        let expected = report_of(hslp(), &original.to_string()).to_json();
        assert!(
            *line == expected,
            "p-{i:04} (example {}): shuffling its evidence changed the report",
            i % examples.len() + 1
        );
        compared += 1;
    }
    assert!(compared > 250);
}

#[test]
fn explained_lines_equal_the_librarys_reports() {
    let texts = examples();
    let values: Vec<Value> = texts
        .iter()
        .map(|t| serde_json::from_str(t).unwrap())
        .collect();
    let reports: Vec<Report> = texts.iter().map(|t| report_of(hslp(), t)).collect();
    let inputs = [
        serde_json::to_string_pretty(&values).unwrap(),
        serde_json::to_string(&values).unwrap(),
        texts.concat(),
        values
            .iter()
            .map(|v| format!("{v}\r\n"))
            .collect::<String>(),
    ];
    let french = EvaluateOptions::languages(["fr"]);
    for input in &inputs {
        let (lines, summary) = run_stream(hslp(), input, &options(false, 2));
        assert_eq!((summary.read, summary.failed), (texts.len(), 0));
        assert_eq!(lines.len(), reports.len());
        for (line, report) in lines.iter().zip(&reports) {
            assert!(*line == report.to_json(), "{}", report.participant);
        }
        let mut in_french = options(false, 2);
        in_french.evaluate = french.clone();
        let (lines, _) = run_stream(hslp(), input, &in_french);
        for (line, text) in lines.iter().zip(&texts) {
            let p = Participant::from_json(text).unwrap();
            let expected = evaluate_with(hslp(), &p, as_of(), &french).unwrap();
            assert!(*line == expected.to_json(), "{}", expected.participant);
        }
        let (lines, _) = run_stream(hslp(), input, &options(true, 2));
        for (line, report) in lines.iter().zip(&reports) {
            assert_eq!(*line, Compact::of(report).to_json());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The compact form

/// Checks that `compact` says what `report` says, fact by fact.
fn check_compact(report: &Report, compact: &Compact) {
    let who = &report.participant;
    assert_eq!(compact.participant, report.participant);
    assert_eq!(compact.as_of, report.as_of, "{who}");
    assert_eq!(compact.level, report.level, "{who}");
    assert_eq!(compact.status, report.status, "{who}");
    assert_eq!(compact.level_attained, report.level_attained, "{who}");
    let mut required = 0;
    for c in &report.competencies {
        assert_eq!(
            compact.competencies.state_of(&c.id),
            c.state,
            "{who}: {}",
            c.id
        );
        if c.state != CompetencyState::NotRequired {
            required += 1;
        }
        let achieved = compact
            .achieved
            .iter()
            .find(|(id, _)| *id == c.id)
            .map(|(_, level)| level.clone());
        assert_eq!(achieved, c.achieved, "{who}: {}", c.id);
    }
    let by_state = &compact.competencies;
    let listed = by_state.met.len()
        + by_state.pending_review.len()
        + by_state.not_met.len()
        + by_state.not_yet_enough_evidence.len();
    assert_eq!(listed, required, "{who}: every required competency once");
    assert_eq!(
        compact.achieved.len(),
        report
            .competencies
            .iter()
            .filter(|c| c.achieved.is_some())
            .count(),
        "{who}"
    );
    let requirements: Vec<(&str, bool)> =
        report.requirements.iter().map(|r| (r.id, r.met)).collect();
    assert_eq!(compact.requirements, requirements, "{who}");
    match (&compact.next_level, &report.next_level) {
        (None, None) => {}
        (Some(c), Some(r)) => {
            assert_eq!(c.level, r.level, "{who}");
            assert_eq!(c.ready, r.ready, "{who}");
            assert_eq!(c.percent, r.percent, "{who}");
            assert_eq!(c.needed_percent, r.needed_percent, "{who}");
            assert_eq!(c.missing, r.missing, "{who}");
        }
        (c, r) => assert_eq!(c.is_some(), r.is_some(), "{who}: next level"),
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for n in &report.not_counted {
        *counts.entry(n.reason.code.code()).or_default() += 1;
    }
    let compact_counts: Vec<(&str, usize)> = compact
        .not_counted
        .iter()
        .map(|(code, n)| (code.code(), *n))
        .collect();
    // By code, in code order.
    assert_eq!(
        compact_counts,
        counts.into_iter().collect::<Vec<_>>(),
        "{who}"
    );
    assert_eq!(compact.findings, report.findings.len(), "{who}");
    let deadline = report
        .requirement("time_limit")
        .and_then(|r| r.reason.params.get("deadline"))
        .map(String::as_str);
    assert_eq!(
        compact.deadline.map(|d| d.to_string()),
        deadline.map(str::to_owned),
        "{who}"
    );
}

/// Evaluates `participant` both ways and checks the compact form against the report; false when
/// the evaluation fails (both ways alike).
fn compare_compact(pack: &Pack, participant: &Participant, as_of: Date) -> bool {
    let report = evaluate(pack, participant, as_of);
    let compact = evaluate_compact(pack, participant, as_of);
    match (report, compact) {
        (Ok(report), Ok(compact)) => {
            assert_eq!(compact, Compact::of(&report), "{}", report.participant);
            check_compact(&report, &compact);
            true
        }
        (Err(a), Err(b)) => {
            assert_eq!(Failure::from(a), Failure::from(b));
            false
        }
        (a, b) => {
            assert_eq!(a.is_ok(), b.is_ok(), "{:?} / {:?}", a.err(), b.err());
            false
        }
    }
}

/// The conformance corpus's cases: each one's pack (patched as the case says), participant
/// document and date.
fn corpus() -> Vec<(String, Pack, Value, Date)> {
    let dir = root().join("tests/conformance/cases");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 40);
    files
        .iter()
        .map(|file| {
            let case: Value =
                serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
            let name = case["pack"].as_str().unwrap();
            let pack = if name == "hslp" && case.get("pack_patch").is_none() {
                Pack::hslp().unwrap()
            } else {
                let path = root().join(format!("tests/conformance/packs/{name}.json"));
                let mut doc: Value =
                    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
                if let Some(Value::Object(patch)) = case.get("pack_patch") {
                    for (key, value) in patch {
                        doc[key] = value.clone();
                    }
                }
                Pack::from_json(&doc.to_string()).unwrap()
            };
            let as_of = case["as_of"].as_str().unwrap().parse().unwrap();
            let label = file.file_name().unwrap().to_string_lossy().into_owned();
            (label, pack, case["participant"].clone(), as_of)
        })
        .collect()
}

#[test]
fn the_compact_form_is_the_reports_facts_for_the_corpus_and_the_examples() {
    let mut compared = 0;
    for (_, pack, participant, as_of) in corpus() {
        if let Ok(p) = Participant::from_value(participant) {
            compared += usize::from(compare_compact(&pack, &p, as_of));
        }
    }
    assert!(compared >= 70, "{compared} corpus cases compared");
    for text in examples() {
        let p = Participant::from_json(&text).unwrap();
        assert!(compare_compact(hslp(), &p, as_of()));
        // And on other dates (before enrolment, on it, years later).
        for date in ["2025-01-01", "2025-09-01", "2029-06-30"] {
            compare_compact(hslp(), &p, date.parse().unwrap());
        }
    }
}

#[test]
fn the_compact_json_has_the_documented_keys() {
    let p = Participant::from_json(&example("02-in-progress-supervisor")).unwrap();
    let compact = evaluate_compact(hslp(), &p, as_of()).unwrap();
    let report = evaluate(hslp(), &p, as_of()).unwrap();
    let json = compact.to_json();
    assert!(!json.contains('\n'));
    let value: Value = serde_json::from_str(&json).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = vec![
        "achieved",
        "as_of",
        "competencies",
        "findings",
        "level",
        "level_attained",
        "next_level",
        "not_counted",
        "participant",
        "requirements",
        "status",
    ];
    if compact.deadline.is_some() {
        expected.push("deadline");
        expected.sort_unstable();
    }
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, expected, "{json}");
    assert_eq!(value["participant"], "p-0202");
    assert_eq!(value["as_of"], AS_OF);
    assert_eq!(value["level"], "supervisor");
    assert_eq!(value["status"], report.status.id());
    assert_eq!(value["findings"], report.findings.len());
    let next = value["next_level"].as_object().unwrap();
    let mut next_keys: Vec<&str> = next.keys().map(String::as_str).collect();
    next_keys.sort_unstable();
    assert_eq!(
        next_keys,
        ["level", "missing", "needed_percent", "percent", "ready"]
    );
    // Competencies by state (empty states left out), each a list of ids.
    let states = value["competencies"].as_object().unwrap();
    assert!(!states.is_empty());
    for (state, ids) in states {
        assert!(
            [
                "met",
                "pending_review",
                "not_met",
                "not_yet_enough_evidence"
            ]
            .contains(&state.as_str()),
            "{state}"
        );
        assert!(!ids.as_array().unwrap().is_empty());
        for id in ids.as_array().unwrap() {
            assert_eq!(
                report.competency(id.as_str().unwrap()).unwrap().state.id(),
                state
            );
        }
    }
    // Requirements, achieved levels and not-counted reasons as objects.
    let requirements = value["requirements"].as_object().unwrap();
    assert_eq!(requirements.len(), report.requirements.len());
    for r in &report.requirements {
        assert_eq!(requirements[r.id], r.met);
    }
    for (id, level) in value["achieved"].as_object().unwrap() {
        assert_eq!(
            report.competency(id).unwrap().achieved.as_deref(),
            level.as_str()
        );
    }
    let not_counted = value["not_counted"].as_object().unwrap();
    let total: u64 = not_counted.values().map(|n| n.as_u64().unwrap()).sum();
    assert_eq!(total as usize, report.not_counted.len());
    // No explanation: no reasons, sources or messages.
    for word in ["\"message\"", "\"sources\"", "\"reason\"", "\"engine\""] {
        assert!(!json.contains(word), "{word} in {json}");
    }
}

// Generated participants for the test pack (shared with `tests/properties.rs`).

#[path = "common/mini_participants.rs"]
mod mini_participants;
use mini_participants::STATUSES;

/// `days` after `from`.
fn date_after(from: &str, days: u32) -> String {
    let base: Date = from.parse().unwrap();
    base.add_days(days).unwrap().to_string()
}

fn mini_participant() -> impl Strategy<Value = Value> {
    (mini_participants::evidence_list(), any::<bool>()).prop_map(|(evidence, lead)| {
        mini_participants::participant_with(evidence, if lead { "lead" } else { "staff" })
    })
}

/// What generated HSLP participants are made of: the pack's own ids (and a few it does not have).
struct Material {
    levels: Vec<String>,
    competencies: Vec<String>,
    proficiency: Vec<String>,
    kinds: Vec<String>,
    items: Vec<String>,
    topics: Vec<String>,
}

fn material() -> &'static Material {
    static MATERIAL: OnceLock<Material> = OnceLock::new();
    MATERIAL.get_or_init(|| {
        let doc = hslp().document();
        let with = |mut ids: Vec<String>, extra: &str| {
            ids.push(extra.to_owned());
            ids
        };
        Material {
            levels: doc.level.iter().map(|l| l.id.clone()).collect(),
            competencies: with(
                doc.competency.iter().map(|c| c.id.clone()).collect(),
                "zz.unknown",
            ),
            proficiency: with(
                doc.scale.all()[0]
                    .level
                    .iter()
                    .map(|l| l.id.clone())
                    .collect(),
                "genius",
            ),
            kinds: with(
                doc.evidence_kind.iter().map(|k| k.id.clone()).collect(),
                "webinar",
            ),
            items: with(
                doc.catalogue.iter().map(|i| i.id.clone()).collect(),
                "zz.course",
            ),
            topics: with(
                doc.final_assignment
                    .iter()
                    .flat_map(|f| f.topic.iter().map(|t| t.id.clone()))
                    .collect(),
                "zz.topic",
            ),
        }
    })
}

const HSLP_ROLES: &[(&str, &str)] = &[
    ("provider", ""),
    ("coach", "c1"),
    ("mentor", "m1"),
    ("program_assessor", "pa"),
    ("employer", "hr"),
    ("coach", "stranger"),
];

fn hslp_evidence(index: usize) -> impl Strategy<Value = Value> {
    let m = material();
    (
        (0..m.kinds.len(), 0..STATUSES.len(), 0..HSLP_ROLES.len(), 0u32..1500),
        (0..m.items.len(), prop::option::of(0u32..=100)),
        prop::collection::vec((0..m.competencies.len(), 0..m.proficiency.len()), 0..4),
        prop::option::of(0..m.topics.len()),
    )
        .prop_map(
            move |((kind, status, role, day), (item, grade), claims, topic)| {
                let (role, id) = HSLP_ROLES[role];
                let mut e = json!({
                    "id": format!("e{index}"), "kind": m.kinds[kind], "date": date_after("2022-06-01", day),
                    "status": STATUSES[status], "assessed_by": {"role": role, "id": id},
                    "item": m.items[item],
                    "claims": claims.iter().map(|(c, l)| json!({"competency": m.competencies[*c], "level": m.proficiency[*l]})).collect::<Vec<_>>(),
                });
                if let Some(g) = grade {
                    e["grade"] = g.into();
                }
                if let Some(t) = topic {
                    e["topic"] = m.topics[t].clone().into();
                }
                e
            },
        )
}

fn hslp_participant() -> impl Strategy<Value = Value> {
    let m = material();
    let evidence = (0usize..30).prop_flat_map(|n| (0..n).map(hslp_evidence).collect::<Vec<_>>());
    (
        0..m.levels.len(),
        0u32..1200,
        any::<bool>(),
        any::<bool>(),
        evidence,
    )
        .prop_map(|(level, enrolled, mentor_elsewhere, appointed, evidence)| {
            let m = material();
            json!({
                "id": "g", "organization": "org-a", "level": m.levels[level],
                "enrolled": date_after("2022-06-01", enrolled),
                "coach": {"id": "c1", "organization": "org-a"},
                "mentor": {
                    "id": "m1",
                    "organization": if mentor_elsewhere { "org-b" } else { "org-a" },
                    "appointed_by": if appointed { "association" } else { "employer" },
                },
                "evidence": evidence,
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn the_compact_form_is_the_reports_facts_for_generated_test_pack_participants(
        doc in mini_participant(), day in 0u32..800,
    ) {
        let p = Participant::from_value(doc).unwrap();
        prop_assert!(compare_compact(mini(), &p, date_after("2025-06-01", day).parse().unwrap()));
    }

    #[test]
    fn the_compact_form_is_the_reports_facts_for_generated_hslp_participants(
        doc in hslp_participant(), day in 0u32..1800,
    ) {
        let p = Participant::from_value(doc).unwrap();
        prop_assert!(compare_compact(hslp(), &p, date_after("2022-06-01", day).parse().unwrap()));
    }
}

// ---------------------------------------------------------------------------------------------
// Messages in the languages asked for

/// Keeps, in every reason's message map of `value`, only `languages`.
fn keep_languages(value: &mut Value, languages: &[&str]) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                match child {
                    Value::Object(messages) if key == "message" => {
                        messages.retain(|lang, _| languages.contains(&lang.as_str()));
                    }
                    _ => keep_languages(child, languages),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                keep_languages(item, languages);
            }
        }
        _ => {}
    }
}

/// The languages of every reason's message map in `value`.
fn message_languages(value: &Value, out: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                match child {
                    Value::Object(messages) if key == "message" => {
                        out.push(messages.keys().cloned().collect());
                    }
                    _ => message_languages(child, out),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                message_languages(item, out);
            }
        }
        _ => {}
    }
}

#[test]
fn messages_in_one_language_are_the_default_report_with_the_others_left_out() {
    // (`None`: the built-in pack.)
    let mut cases: Vec<(Option<Pack>, Participant, Date)> = examples()
        .iter()
        .map(|t| (None, Participant::from_json(t).unwrap(), as_of()))
        .collect();
    for (_, pack, participant, as_of) in corpus() {
        if let Ok(p) = Participant::from_value(participant) {
            cases.push((Some(pack), p, as_of));
        }
    }
    let mut checked = 0;
    for (pack, p, as_of) in &cases {
        let pack = pack.as_ref().unwrap_or(hslp());
        let Ok(default) = evaluate(pack, p, *as_of) else {
            continue;
        };
        let default = serde_json::to_value(&default).unwrap();
        let mut all = Vec::new();
        message_languages(&default, &mut all);
        assert!(!all.is_empty());
        assert!(all.iter().all(|langs| langs == &pack.languages().to_vec()));
        for (options, kept) in [
            (EvaluateOptions::languages(["fr"]), vec!["fr"]),
            (EvaluateOptions::languages(["en"]), vec!["en"]),
            (EvaluateOptions::languages(["fr", "en"]), vec!["en", "fr"]),
            (EvaluateOptions::no_messages(), vec![]),
        ] {
            let report = evaluate_with(pack, p, *as_of, &options).unwrap();
            let report = serde_json::to_value(&report).unwrap();
            let mut langs = Vec::new();
            message_languages(&report, &mut langs);
            assert_eq!(langs.len(), all.len());
            assert!(langs.iter().all(|l| *l == kept), "{kept:?}: {langs:?}");
            let mut expected = default.clone();
            keep_languages(&mut expected, &kept);
            assert!(report == expected, "{}: {kept:?}", p.id);
        }
        checked += 1;
    }
    assert!(checked >= 70, "{checked}");
}

#[test]
fn an_unknown_language_is_an_invalid_argument() {
    let p = Participant::from_json(&example("02-in-progress-supervisor")).unwrap();
    for asked in [vec!["de"], vec!["fr", "de"], vec!["EN"]] {
        let err = evaluate_with(
            hslp(),
            &p,
            as_of(),
            &EvaluateOptions::languages(asked.clone()),
        )
        .unwrap_err();
        assert_eq!(err.code(), FailureCode::InvalidArgument, "{asked:?}");
        let failure = Failure::from(err);
        assert_eq!(failure.code, FailureCode::InvalidArgument);
        assert_eq!(failure.path, "languages");
        assert!(failure.message.contains("en, fr"), "{}", failure.message);
    }
    // In a stream, every document fails so, at its place in the input.
    let input = format!(
        "{}\n\n{}\n",
        serde_json::to_string(&serde_json::from_str::<Value>(&example("01-new-enrolee")).unwrap())
            .unwrap(),
        serde_json::to_string(
            &serde_json::from_str::<Value>(&example("02-in-progress-supervisor")).unwrap()
        )
        .unwrap()
    );
    let mut german = StreamOptions::default();
    german.evaluate = EvaluateOptions::languages(["de"]);
    let (lines, summary) = run_stream(hslp(), &input, &german);
    assert_eq!((summary.read, summary.failed), (2, 2));
    for (index, (line, at)) in lines.iter().zip([1, 3]).enumerate() {
        let written: Value = serde_json::from_str(line).unwrap();
        assert_eq!(written["input"], json!({"index": index, "line": at}));
        assert_eq!(written["error"]["code"], "invalid_argument");
        assert_eq!(written["error"]["path"], "languages");
    }
}

// ---------------------------------------------------------------------------------------------
// The command line

fn cli() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_competency-rules"));
    command.current_dir(root());
    command
}

/// Runs `command` with `stdin` as its standard input: exit code, standard output and error.
fn run_with_stdin(mut command: Command, stdin: &str) -> (Option<i32>, String, String) {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // (A program that refuses its arguments may exit before reading: a closed pipe is no fault.)
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_cli_writes_compact_results_and_errors_for_json_lines_on_standard_input() {
    let good = serde_json::to_string(
        &serde_json::from_str::<Value>(&example("02-in-progress-supervisor")).unwrap(),
    )
    .unwrap();
    let bad = r#"{"id": "z", "organization": "o", "level": "chief", "enrolled": "2026-01-01"}"#;
    let mut command = cli();
    command.args([
        "evaluate",
        "--as-of",
        AS_OF,
        "--compact",
        "--threads",
        "2",
        "-",
    ]);
    let (code, stdout, stderr) = run_with_stdin(command, &format!("{good}\n{bad}\n"));
    assert_eq!(code, Some(1), "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    let p = Participant::from_json(&good).unwrap();
    assert_eq!(
        lines[0],
        evaluate_compact(hslp(), &p, as_of()).unwrap().to_json()
    );
    let error: Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(
        error["input"],
        json!({"source": "standard input", "index": 1, "line": 2})
    );
    assert_eq!(error["error"]["code"], "unknown_level");
    assert_eq!(error["error"]["path"], "level");
    assert_eq!(error["error"]["line"], 2);
    assert!(stderr.contains("standard input:2"), "{stderr}");
    assert!(!stderr.contains("standard input:1"), "{stderr}");
}

#[test]
fn the_cli_reads_a_json_array_on_standard_input_one_report_a_line() {
    let names = [
        "01-new-enrolee",
        "03-problems",
        "05-completed-senior-leader",
    ];
    let texts: Vec<String> = names.iter().map(|n| example(n)).collect();
    let values: Vec<Value> = texts
        .iter()
        .map(|t| serde_json::from_str(t).unwrap())
        .collect();
    let mut command = cli();
    command.args(["evaluate", "--as-of", AS_OF, "-"]);
    let (code, stdout, stderr) =
        run_with_stdin(command, &serde_json::to_string_pretty(&values).unwrap());
    assert_eq!(code, Some(0), "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), names.len(), "{stdout}");
    for (line, text) in lines.iter().zip(&texts) {
        assert!(*line == report_of(hslp(), text).to_json());
    }
}

#[test]
fn the_cli_refuses_compact_text() {
    let mut command = cli();
    command.args([
        "evaluate",
        "--as-of",
        AS_OF,
        "--compact",
        "--format",
        "text",
        "-",
    ]);
    let (code, stdout, stderr) = run_with_stdin(command, &example("01-new-enrolee"));
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("--compact"), "{stderr}");
}

/// The compact form of each example on the README's date, as a golden file the npm package's
/// tests compare the WebAssembly module's output with, byte for byte (`UPDATE_REPORTS=1`
/// rewrites it).
#[test]
fn the_examples_compact_forms_are_the_golden_file() {
    let pack = Pack::hslp().unwrap();
    let as_of: Date = AS_OF.parse().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<PathBuf> = std::fs::read_dir(root.join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    let mut lines = String::new();
    for path in &names {
        let participant = Participant::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
        lines.push_str(
            &evaluate_compact(&pack, &participant, as_of)
                .unwrap()
                .to_json(),
        );
        lines.push('\n');
    }
    let golden = root.join("tests/compact/examples.jsonl");
    if std::env::var_os("UPDATE_REPORTS").is_some() {
        std::fs::write(&golden, &lines).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(&golden).unwrap(),
        lines,
        "UPDATE_REPORTS=1 rewrites it"
    );
}

/// A pretty-printed document after JSON Lines is read whole (the lines after it too), not as one
/// failure per line.
#[test]
fn a_pretty_printed_document_after_json_lines_is_read_whole() {
    let one = r#"{"id":"a","organization":"o","level":"manager","enrolled":"2026-01-01"}"#;
    let pretty = "{\n  \"id\": \"b\",\n  \"organization\": \"o\",\n  \"level\": \"manager\",\n  \"enrolled\": \"2026-01-01\"\n}";
    let input = format!("{one}\n{pretty}\n{one}\n");
    let entries: Vec<Entry> = Values::new(input.as_bytes()).map(Result::unwrap).collect();
    let places: Vec<(usize, usize, bool)> = entries
        .iter()
        .map(|e| (e.index, e.line, e.text.is_ok()))
        .collect();
    assert_eq!(places, [(0, 1, true), (1, 2, true), (2, 8, true)]);
}

/// An empty element of an array is one failure in its place; the elements after it are read.
#[test]
fn an_empty_array_element_is_one_failure_and_the_rest_is_read() {
    let p = |id: &str| format!(r#"{{"id":"{id}"}}"#);
    for (input, expected) in [
        (
            format!("[{},,{},{}]", p("a"), p("b"), p("c")),
            vec![true, false, true, true],
        ),
        (format!("[,{},{}]", p("a"), p("b")), vec![false, true, true]),
        (format!("[{},{},]", p("a"), p("b")), vec![true, true, false]),
    ] {
        let entries: Vec<Entry> = Values::new(input.as_bytes()).map(Result::unwrap).collect();
        let read: Vec<bool> = entries.iter().map(|e| e.text.is_ok()).collect();
        assert_eq!(read, expected, "{input}");
        for e in entries.iter().filter(|e| e.text.is_err()) {
            let failure = e.text.as_ref().unwrap_err();
            assert_eq!(failure.code, FailureCode::Syntax, "{input}");
        }
    }
}

/// `--lang` with JSON output writes one language for plain files as for streams; `--compact`
/// with `--plan`, and `--threads` past the bound, are refused.
#[test]
fn the_cli_applies_lang_to_files_and_refuses_what_it_would_drop() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/03-problems.json");
    let output = Command::new(env!("CARGO_BIN_EXE_competency-rules"))
        .args(["evaluate", "--as-of", AS_OF, "--lang", "fr"])
        .arg(&example)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        report["status_reason"]["message"]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["fr"]
    );
    for (args, named) in [
        (
            vec![
                "--compact",
                "--plan",
                "tests/plans/01-new-enrolee.current.json",
            ],
            "--plan",
        ),
        (vec!["--threads", "100000"], "--threads"),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_competency-rules"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["evaluate", "--as-of", AS_OF])
            .args(&args)
            .arg("-")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(named), "{args:?}: {stderr}");
    }
}

/// A byte-order mark at the start of the input (as Windows tools write it) is not part of the
/// first document.
#[test]
fn a_byte_order_mark_at_the_start_is_skipped() {
    let one = r#"{"id":"a","organization":"o","level":"manager","enrolled":"2026-01-01"}"#;
    // (In the array, the first element starts after its `[`: column 2, the mark not counted.)
    for (input, column) in [
        (format!("\u{feff}{one}\n{one}\n"), 1),
        (format!("\u{feff}[{one}]"), 2),
    ] {
        let entries: Vec<Entry> = Values::new(input.as_bytes())
            .collect::<std::io::Result<_>>()
            .unwrap();
        assert!(!entries.is_empty());
        assert_eq!(entries[0].text.as_deref(), Ok(one), "{input}");
        assert_eq!((entries[0].line, entries[0].column), (1, column));
    }
}
