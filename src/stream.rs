//! Streaming batches: participants read one by one from JSON Lines (or a JSON array, or JSON
//! values one after another), evaluated across the available cores, and written as they are done,
//! in input order, with memory bounded by a chunk of participants rather than by the batch.
//!
//! [`Values`] splits the input into documents without parsing them; [`map`] runs a function over
//! them in chunks (in parallel with the `parallel` feature) and hands back the results in input
//! order; [`evaluate_stream`] is the whole job: one report (or compact result) per line.

use crate::compact::Compact;
use crate::date::Date;
use crate::eval::{EvaluateOptions, evaluate_with};
use crate::ffi::{Failure, FailureCode};
use crate::limits::MAX_PARTICIPANT_BYTES;
use crate::pack::Pack;
use crate::participant::Participant;
use std::io::{self, BufRead, Read, Write};

/// One document of the input: where it starts, and its text (or why it could not be taken).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Entry {
    /// Its position in the input, from 0.
    pub index: usize,
    /// The line it starts on, from 1.
    pub line: usize,
    /// The column it starts at, from 1.
    pub column: usize,
    /// Its text, or why it could not be taken (too large, not UTF-8, unterminated).
    pub text: Result<String, Failure>,
}

impl Entry {
    /// `failure` placed in the input: a line and column inside the document become the input's.
    pub fn locate(&self, mut failure: Failure) -> Failure {
        if let Some(line) = failure.line {
            if line == 1 {
                failure.column = failure.column.map(|c| c + self.column - 1);
            }
            failure.line = Some(line + self.line - 1);
        } else if failure.code != FailureCode::InvalidArgument {
            failure.line = Some(self.line);
            failure.column = Some(self.column);
        }
        failure
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Not known until the first document is seen.
    Start,
    /// One document per line (JSON Lines).
    Lines,
    /// Documents one after another, each over any number of lines.
    Concatenated,
    /// The elements of one JSON array.
    Array,
    /// The input is used up (or cannot be read on).
    Done,
}

/// The longest line JSON Lines reading takes: a document at the size limit, with room for white
/// space around it.
const LINE_LIMIT: usize = MAX_PARTICIPANT_BYTES + 4096;

/// The documents of a stream, one at a time, without parsing them: JSON Lines (one document per
/// line, blank lines skipped), a JSON array (its elements), or JSON values one after another
/// (pretty-printed documents concatenated). The first document decides which.
pub struct Values<R> {
    input: R,
    mode: Mode,
    /// The line and column of the next byte (1-based).
    line: usize,
    column: usize,
    index: usize,
    /// Bytes read but not yet taken (the first line, while the mode is decided).
    held: Vec<u8>,
    held_at: usize,
    /// A byte read past the end of a document, to be taken first.
    peeked: Option<u8>,
    /// The column a line ended at (for a newline given back).
    last_column: usize,
}

impl<R: BufRead> Values<R> {
    /// The documents of `input`.
    pub fn new(input: R) -> Self {
        Values {
            input,
            mode: Mode::Start,
            line: 1,
            column: 1,
            index: 0,
            held: Vec::new(),
            held_at: 0,
            peeked: None,
            last_column: 1,
        }
    }

    fn entry(&mut self, line: usize, column: usize, text: Result<String, Failure>) -> Entry {
        let entry = Entry {
            index: self.index,
            line,
            column,
            text,
        };
        self.index += 1;
        entry
    }

    /// The next byte, counting lines and columns.
    fn byte(&mut self) -> io::Result<Option<u8>> {
        let byte = if let Some(b) = self.peeked.take() {
            Some(b)
        } else if let Some(&b) = self.held.get(self.held_at) {
            self.held_at += 1;
            Some(b)
        } else {
            let buf = self.input.fill_buf()?;
            match buf.first().copied() {
                Some(b) => {
                    self.input.consume(1);
                    Some(b)
                }
                None => None,
            }
        };
        if let Some(b) = byte {
            if b == b'\n' {
                self.line += 1;
                self.last_column = self.column;
                self.column = 1;
            } else if b & 0xC0 != 0x80 {
                // (Columns count characters: UTF-8 continuation bytes do not start one.)
                self.column += 1;
            }
        }
        Ok(byte)
    }

    /// Gives `b` back: the next [`Self::byte`] returns it (its line and column are undone).
    fn unread(&mut self, b: u8) {
        self.peeked = Some(b);
        if b == b'\n' {
            self.line -= 1;
            self.column = self.last_column;
        } else {
            self.column -= 1;
        }
    }

    /// The next byte that is not white space.
    fn skip_space(&mut self) -> io::Result<Option<u8>> {
        loop {
            match self.byte()? {
                Some(b' ' | b'\t' | b'\r' | b'\n') => {}
                other => return Ok(other),
            }
        }
    }

    /// Reads the next line (at most [`LINE_LIMIT`] bytes) onto `out`; the bytes read.
    fn read_line(&mut self, out: &mut Vec<u8>) -> io::Result<usize> {
        (&mut self.input)
            .take(LINE_LIMIT as u64)
            .read_until(b'\n', out)
    }

    /// Decides the mode from the first line (and the second, when the first is not a whole
    /// document: a broken first line of JSON Lines, or the start of a pretty-printed document).
    fn start(&mut self) -> io::Result<()> {
        // A UTF-8 byte-order mark (as Windows tools write it) is not part of the first document.
        if self.input.fill_buf()?.starts_with(b"\xEF\xBB\xBF") {
            self.input.consume(3);
        }
        let mut first = Vec::new();
        loop {
            first.clear();
            if self.read_line(&mut first)? == 0 {
                self.mode = Mode::Done;
                return Ok(());
            }
            if first.iter().all(u8::is_ascii_whitespace) && first.ends_with(b"\n") {
                self.line += 1;
                continue;
            }
            break;
        }
        let trimmed = first.trim_ascii_start();
        self.mode = if trimmed.first() == Some(&b'[') {
            Mode::Array
        } else if ends_balanced(trimmed) {
            Mode::Lines
        } else {
            // JSON Lines if the next line is a whole document starting at its first column
            // (a pretty-printed document's inner lines are indented, or do not close).
            let at = first.len();
            if first.ends_with(b"\n") {
                self.read_line(&mut first)?;
            }
            let second = first.get(at..).unwrap_or_default();
            if second.first() == Some(&b'{') && ends_balanced(second.trim_ascii_end()) {
                Mode::Lines
            } else {
                Mode::Concatenated
            }
        };
        self.held = first;
        self.held_at = 0;
        if self.mode == Mode::Array {
            // Past the opening bracket.
            while let Some(b) = self.byte()? {
                if b == b'[' {
                    break;
                }
            }
        }
        Ok(())
    }

    /// The next line's document (JSON Lines).
    fn next_line(&mut self) -> io::Result<Option<Entry>> {
        loop {
            // A line held from deciding the mode, else one from the input.
            let rest = self.held.get(self.held_at..).unwrap_or_default();
            let mut line = match rest.iter().position(|&b| b == b'\n') {
                Some(end) => rest.get(..=end).unwrap_or_default().to_vec(),
                None => rest.to_vec(),
            };
            self.held_at += line.len();
            let hit_limit = if line.is_empty() || !line.ends_with(b"\n") {
                let before = line.len();
                let read = self.read_line(&mut line)?;
                read > 0 && before + read >= LINE_LIMIT && !line.ends_with(b"\n")
            } else {
                false
            };
            if line.is_empty() {
                self.mode = Mode::Done;
                return Ok(None);
            }
            let at = self.line;
            let complete = line.ends_with(b"\n");
            if complete {
                self.line += 1;
            }
            let text = line.trim_ascii();
            if text.is_empty() {
                if complete {
                    continue;
                }
                self.mode = Mode::Done;
                return Ok(None);
            }
            if text == b"{" || text == b"[" {
                // A pretty-printed document after JSON Lines: from here on, documents are read
                // whole, over as many lines as they take.
                self.held = line;
                self.held_at = 0;
                self.line = at;
                self.column = 1;
                self.mode = Mode::Concatenated;
                return self.next_value();
            }
            if hit_limit || text.len() > MAX_PARTICIPANT_BYTES {
                // The rest of the line is skipped, not kept.
                if hit_limit {
                    self.skip_to_newline()?;
                    self.line += 1;
                }
                return Ok(Some(self.entry(at, 1, Err(too_large()))));
            }
            let column = 1 + line.len() - line.trim_ascii_start().len();
            let text = utf8(text.to_vec());
            return Ok(Some(self.entry(at, column, text)));
        }
    }

    fn skip_to_newline(&mut self) -> io::Result<()> {
        loop {
            let buf = self.input.fill_buf()?;
            if buf.is_empty() {
                return Ok(());
            }
            match buf.iter().position(|&b| b == b'\n') {
                Some(at) => {
                    self.input.consume(at + 1);
                    return Ok(());
                }
                None => {
                    let n = buf.len();
                    self.input.consume(n);
                }
            }
        }
    }

    /// The next document of an array or of concatenated values.
    fn next_value(&mut self) -> io::Result<Option<Entry>> {
        let mut first = self.skip_space()?;
        if self.mode == Mode::Array && self.index > 0 {
            // Between elements: a comma, or the end of the array.
            match first {
                Some(b',') => first = self.skip_space()?,
                Some(b']') => return self.after_array(),
                _ => return Ok(self.stop("expected `,` or `]` after an element of the array")),
            }
        } else if self.mode == Mode::Array && first == Some(b']') {
            return self.after_array();
        }
        let Some(b) = first else {
            if self.mode == Mode::Array {
                return Ok(self.stop("the input ends inside the array"));
            }
            self.mode = Mode::Done;
            return Ok(None);
        };
        if self.mode == Mode::Array && matches!(b, b',' | b']') {
            // An empty element (`[a,,b]`, `[,a]`, `[a,]`): a syntax failure in its place, and
            // the array read on (the comma or bracket is taken again as the separator).
            let (line, column) = (self.line, self.column.saturating_sub(1).max(1));
            self.unread(b);
            let message = match b {
                b']' => "a comma before the array's closing `]`",
                _ => "an empty element (two commas, or a comma first)",
            };
            let failure = Failure::new(FailureCode::Syntax, "", message.to_owned());
            return Ok(Some(self.entry(line, column, Err(failure))));
        }
        if matches!(b, b',' | b']' | b'}' | b':') {
            return Ok(self.stop("expected a document"));
        }
        let (line, column) = (self.line, self.column - 1);
        let mut text = vec![b];
        let mut too_large = false;
        let mut nesting = Nesting::default();
        nesting.step(b);
        let scalar = nesting.closed();
        loop {
            if nesting.closed() && !scalar {
                break;
            }
            let Some(c) = self.byte()? else {
                if scalar {
                    break;
                }
                return Ok(self.stop_at(line, column, "the input ends inside this document"));
            };
            if scalar && (c.is_ascii_whitespace() || matches!(c, b',' | b']' | b'[' | b'{')) {
                self.unread(c);
                break;
            }
            nesting.step(c);
            if text.len() < MAX_PARTICIPANT_BYTES {
                text.push(c);
            } else {
                too_large = true;
            }
        }
        let text = if too_large {
            Err(self::too_large())
        } else {
            utf8(text)
        };
        Ok(Some(self.entry(line, column, text)))
    }

    /// Past the array's closing bracket: only white space may follow.
    fn after_array(&mut self) -> io::Result<Option<Entry>> {
        match self.skip_space()? {
            None => {
                self.mode = Mode::Done;
                Ok(None)
            }
            Some(_) => Ok(self.stop("unexpected text after the array's closing `]`")),
        }
    }

    /// An entry saying why the input cannot be read on, at the current place; reading stops.
    fn stop(&mut self, message: &str) -> Option<Entry> {
        let (line, column) = (self.line, self.column.saturating_sub(1).max(1));
        self.stop_at(line, column, message)
    }

    fn stop_at(&mut self, line: usize, column: usize, message: &str) -> Option<Entry> {
        self.mode = Mode::Done;
        let failure = Failure::new(FailureCode::Syntax, "", message.to_owned());
        Some(self.entry(line, column, Err(failure)))
    }
}

impl<R: BufRead> Iterator for Values<R> {
    type Item = io::Result<Entry>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.mode == Mode::Start
            && let Err(err) = self.start()
        {
            self.mode = Mode::Done;
            return Some(Err(err));
        }
        let next = match self.mode {
            Mode::Start | Mode::Done => return None,
            Mode::Lines => self.next_line(),
            Mode::Array | Mode::Concatenated => self.next_value(),
        };
        next.transpose()
    }
}

/// Where a scan of JSON text is: how deep in brackets, and whether inside a string.
#[derive(Default)]
struct Nesting {
    depth: i64,
    in_string: bool,
    escaped: bool,
}

impl Nesting {
    /// Takes one more byte of the text.
    fn step(&mut self, c: u8) {
        if self.in_string {
            if self.escaped {
                self.escaped = false;
            } else if c == b'\\' {
                self.escaped = true;
            } else if c == b'"' {
                self.in_string = false;
            }
        } else {
            match c {
                b'"' => self.in_string = true,
                b'{' | b'[' => self.depth += 1,
                b'}' | b']' => self.depth -= 1,
                _ => {}
            }
        }
    }

    /// Whether every bracket opened so far is closed, outside any string.
    fn closed(&self) -> bool {
        self.depth <= 0 && !self.in_string
    }
}

/// Whether `text` holds one whole JSON value (its brackets closed, no string left open).
fn ends_balanced(text: &[u8]) -> bool {
    let mut nesting = Nesting::default();
    for &c in text {
        nesting.step(c);
    }
    nesting.closed()
}

fn too_large() -> Failure {
    Failure::new(
        FailureCode::LimitExceeded,
        "",
        format!("the document is more than the limit of {MAX_PARTICIPANT_BYTES} bytes"),
    )
}

fn utf8(bytes: Vec<u8>) -> Result<String, Failure> {
    String::from_utf8(bytes).map_err(|err| {
        Failure::new(
            FailureCode::Syntax,
            "",
            format!(
                "not UTF-8 text (at byte {})",
                err.utf8_error().valid_up_to() + 1
            ),
        )
    })
}

/// What [`map`] gives for one document: its output (a line of text, unless the work gives
/// something else), or why it failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome<T = String> {
    /// The document's output (one line, or any text for readable output).
    Done(T),
    /// It could not be read or evaluated (placed in the input).
    Failed(Failure),
}

/// How many documents a batch read, and how many failed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Summary {
    /// Documents read.
    pub read: usize,
    /// Of those, not read or not evaluated.
    pub failed: usize,
}

/// How many documents each thread takes in one chunk: enough to keep the cores busy, few enough
/// that memory stays at a few megabytes.
const PER_THREAD: usize = 256;

/// The most documents in one chunk, whatever the threads: three chunks are held at a time.
const MAX_CHUNK: usize = 2048;

/// The number of threads to use: `threads`, or every available core for 0.
fn thread_count(threads: usize) -> usize {
    if threads > 0 {
        threads
    } else {
        std::thread::available_parallelism().map_or(1, usize::from)
    }
}

/// Runs `work` on each document of `input` (on `threads` threads, 0 for every core) and hands
/// each outcome to `emit` in input order, chunk by chunk, as soon as its chunk is done. With more
/// than one thread, the next chunk is read while one is evaluated.
pub fn map<R, W, E, T>(input: R, threads: usize, work: W, mut emit: E) -> io::Result<Summary>
where
    R: BufRead + Send,
    W: Fn(&Entry, &str) -> Outcome<T> + Sync,
    E: FnMut(&Entry, Outcome<T>) -> io::Result<()>,
    T: Send,
{
    let threads = thread_count(threads);
    let per_chunk = (PER_THREAD * threads).min(MAX_CHUNK);
    let run = |entry: &Entry| match &entry.text {
        Ok(text) => work(entry, text),
        Err(failure) => Outcome::Failed(entry.locate(failure.clone())),
    };
    let mut summary = Summary::default();
    #[cfg(feature = "parallel")]
    if threads > 1 {
        use rayon::prelude::*;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(io::Error::other)?;
        return std::thread::scope(|scope| {
            // The reader fills the next chunk while the pool evaluates this one (at most one
            // chunk waits in the channel: memory stays at three chunks).
            let (send, chunks) = std::sync::mpsc::sync_channel::<io::Result<Vec<Entry>>>(1);
            scope.spawn(move || {
                let mut values = Values::new(input);
                loop {
                    let chunk: io::Result<Vec<Entry>> = values.by_ref().take(per_chunk).collect();
                    let done = chunk.as_ref().map_or(true, Vec::is_empty);
                    // (A closed channel: the writer stopped, so reading stops too.)
                    if send.send(chunk).is_err() || done {
                        return;
                    }
                }
            });
            for chunk in chunks {
                let chunk = chunk?;
                if chunk.is_empty() {
                    break;
                }
                let outcomes: Vec<Outcome<T>> =
                    pool.install(|| chunk.par_iter().map(run).collect());
                deliver(&mut summary, &mut emit, &chunk, outcomes)?;
            }
            Ok(summary)
        });
    }
    let mut values = Values::new(input);
    loop {
        let chunk: Vec<Entry> = values.by_ref().take(per_chunk).collect::<io::Result<_>>()?;
        if chunk.is_empty() {
            return Ok(summary);
        }
        let outcomes: Vec<Outcome<T>> = chunk.iter().map(run).collect();
        deliver(&mut summary, &mut emit, &chunk, outcomes)?;
    }
}

/// Hands a chunk's outcomes to `emit`, in order, counting them.
fn deliver<E, T>(
    summary: &mut Summary,
    emit: &mut E,
    chunk: &[Entry],
    outcomes: Vec<Outcome<T>>,
) -> io::Result<()>
where
    E: FnMut(&Entry, Outcome<T>) -> io::Result<()>,
{
    for (entry, outcome) in chunk.iter().zip(outcomes) {
        summary.read += 1;
        if matches!(outcome, Outcome::Failed(_)) {
            summary.failed += 1;
        }
        emit(entry, outcome)?;
    }
    Ok(())
}

/// What [`evaluate_stream`] writes for each participant.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct StreamOptions {
    /// The compact form ([`Compact`]) rather than the explained report.
    pub compact: bool,
    /// For explained reports: the languages of the messages (see [`EvaluateOptions`]).
    pub evaluate: EvaluateOptions,
    /// Threads to evaluate on; 0 (the default) for every available core.
    pub threads: usize,
}

/// The line written for a document that failed: where it is in the input (the input's name,
/// when it has one), and the failure.
pub fn failure_line(source: Option<&str>, entry: &Entry, failure: &Failure) -> String {
    let source = source
        .map(|name| format!("\"source\":{},", serde_json::Value::from(name)))
        .unwrap_or_default();
    format!(
        "{{\"input\":{{{source}\"index\":{},\"line\":{}}},\"error\":{}}}",
        entry.index,
        entry.line,
        failure.to_json()
    )
}

/// Evaluates every participant of `input` (JSON Lines, a JSON array, or documents one after
/// another) on `as_of`, writing one line of JSON per participant to `output`, in input order:
/// the report (or its compact form), or, for a document that cannot be read or evaluated,
/// `{"input": {"index", "line"}, "error": {code, path, message, line?, column?}}`.
///
/// ```
/// use competency_rules::{Pack, stream::{StreamOptions, evaluate_stream}};
///
/// let pack = Pack::hslp()?;
/// let input = concat!(
///     r#"{"id": "a", "organization": "o", "level": "manager", "enrolled": "2026-09-01"}"#, "\n",
///     r#"{"id": "b", "organization": "o", "level": "chief"}"#, "\n",
/// );
/// let mut options = StreamOptions::default();
/// options.compact = true;
/// let mut out = Vec::new();
/// let summary = evaluate_stream(&pack, input.as_bytes(), "2026-11-24".parse()?, &options, &mut out)?;
/// assert_eq!((summary.read, summary.failed), (2, 1));
/// let lines: Vec<&str> = std::str::from_utf8(&out)?.lines().collect();
/// assert!(lines[0].starts_with(r#"{"participant":"a""#));
/// assert!(lines[1].contains(r#""error":{"code":"invalid_document""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn evaluate_stream<R: BufRead + Send, W: Write>(
    pack: &Pack,
    input: R,
    as_of: Date,
    options: &StreamOptions,
    mut output: W,
) -> io::Result<Summary> {
    let evaluate = if options.compact {
        EvaluateOptions::answer_only()
    } else {
        options.evaluate.clone()
    };
    let work = |entry: &Entry, text: &str| {
        let report = Participant::from_json(text)
            .map_err(Failure::from)
            .and_then(|p| evaluate_with(pack, &p, as_of, &evaluate).map_err(Failure::from));
        match report {
            Ok(report) if options.compact => Outcome::Done(Compact::of(&report).to_json()),
            Ok(report) => Outcome::Done(report.to_json()),
            Err(failure) => Outcome::Failed(entry.locate(failure)),
        }
    };
    let summary = map(input, options.threads, work, |entry, outcome| {
        let line = match outcome {
            Outcome::Done(line) => line,
            Outcome::Failed(failure) => failure_line(None, entry, &failure),
        };
        output.write_all(line.as_bytes())?;
        output.write_all(b"\n")
    })?;
    output.flush()?;
    Ok(summary)
}
