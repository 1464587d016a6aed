//! French is French: every French template, and every French text the engine writes for the
//! example participants (JSON messages and the text report), follows Canadian typography (a no-break
//! space before `:` and `%` and inside « », none before `;`, `!`, `?`) and has no English word in it.

use competency_rules::{Pack, evaluate_json};

/// Words that are English and not French (checked as whole words, outside placeholders).
const ENGLISH_WORDS: &[&str] = &[
    "the", "of", "and", "is", "are", "not", "must", "should", "found", "expected", "missing",
    "with", "evidence", "item", "items", "from", "has", "have", "was", "were", "be", "it", "this",
    "that", "which", "key", "by", "or", "to", "for", "no", "yet", "done", "met", "needed",
    "required", "level", "ready", "waiting", "review",
];

/// A French text's problems: a `:`, `%` or `»` without a no-break space before it, a `«`
/// without one after it, a space before `;`, `!` or `?` (Canadian usage), a backtick, an
/// English word.
fn french_problems(text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|b| chars.get(b)).copied();
        let after = chars.get(i + 1).copied();
        let ok = match c {
            ':' | '%' | '»' => before == Some('\u{a0}'),
            '«' => after == Some('\u{a0}'),
            ';' | '!' | '?' => !matches!(before, Some(' ' | '\u{a0}')),
            '`' => false,
            _ => true,
        };
        if !ok {
            let start = i.saturating_sub(12);
            let context: String = chars.iter().skip(start).take(24).collect();
            problems.push(format!("`{c}` in \"{context}\""));
        }
    }
    // (Tokens with `-`, `_`, `.` or digits are ids or dates, the caller's data, not text.)
    let tokens = text
        .split_whitespace()
        .filter(|t| !t.contains(['-', '_', '.']) && !t.chars().any(|c| c.is_ascii_digit()));
    for token in tokens {
        for word in token.split(|c: char| !c.is_alphabetic()) {
            if ENGLISH_WORDS.contains(&word.to_lowercase().as_str()) {
                problems.push(format!("English word `{word}`"));
            }
        }
    }
    problems
}

#[test]
fn french_templates_are_french_with_canadian_typography() {
    for (code, pair) in competency_rules::messages::defaults() {
        let Some((_, fr)) = pair else { continue };
        // Placeholders aside (their names are English): `{count|one|other}` keeps its forms.
        let mut text = String::new();
        let mut rest = fr;
        while let Some(open) = rest.find('{') {
            text.push_str(rest.get(..open).unwrap_or_default());
            let tail = rest.get(open + 1..).unwrap_or_default();
            let close = tail.find('}').unwrap_or(tail.len());
            let inner = tail.get(..close).unwrap_or_default();
            for form in inner.split('|').skip(1) {
                text.push_str(form);
                text.push(' ');
            }
            text.push('X');
            rest = tail.get(close + 1..).unwrap_or_default();
        }
        text.push_str(rest);
        let problems = french_problems(&text);
        assert!(problems.is_empty(), "{code}: {fr}\n{problems:?}");
    }
}

#[test]
fn the_french_check_catches_what_it_should() {
    assert!(!french_problems("Statut : en cours").is_empty());
    assert!(!french_problems("« x»").is_empty());
    assert!(!french_problems("10%").is_empty());
    assert!(!french_problems("Inscrit ; rien").is_empty());
    assert!(!french_problems("date\u{a0}: expected a string").is_empty());
    assert!(french_problems("Statut\u{a0}: en cours; 10\u{a0}% «\u{a0}x\u{a0}»").is_empty());
}

/// Every French text of a report: the `fr` message of every reason.
fn french_messages(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::String(fr)) = map.get("fr") {
                out.push(fr.clone());
            }
            for v in map.values() {
                french_messages(v, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| french_messages(v, out)),
        _ => {}
    }
}

#[test]
fn french_reports_of_the_examples_are_french() {
    let pack = Pack::hslp().unwrap();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let report = evaluate_json(&pack, &text, "2026-11-24".parse().unwrap()).unwrap();
        let mut texts = Vec::new();
        french_messages(&serde_json::to_value(&report).unwrap(), &mut texts);
        texts.push(competency_rules::explain::explain(&pack, &report, "fr"));
        for text in texts {
            let problems = french_problems(&text);
            assert!(
                problems.is_empty(),
                "{}: {text}\n{problems:?}",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} texts checked");
}
