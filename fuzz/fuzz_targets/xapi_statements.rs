//! xAPI statements as bytes (one statement, an array, or a StatementResult page): reading and
//! checking never panic, and the report is the same bytes when the statements come reversed.
#![no_main]

use competency_rules::interop::xapi::{evaluate_with_statements, read_source};
use competency_rules::{Date, Pack, Participant};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn setup() -> &'static (Pack, Participant) {
    static SETUP: OnceLock<(Pack, Participant)> = OnceLock::new();
    SETUP.get_or_init(|| {
        let (Ok(pack), Ok(learner)) = (
            Pack::hslp(),
            Participant::from_json(include_str!("../../examples/08-xapi-learner.json")),
        ) else {
            std::process::abort();
        };
        (pack, learner)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (pack, learner) = setup();
    let Some(as_of) = Date::from_ymd(2026, 11, 24) else {
        return;
    };
    let (received, _more) = read_source(text, "input");
    // With an id on every statement, nothing in the report depends on where a statement was.
    let all_named = received.iter().all(|r| r.id().is_some());
    let mut reversed = received.clone();
    reversed.reverse();
    let first = evaluate_with_statements(pack, learner, received, as_of);
    let second = evaluate_with_statements(pack, learner, reversed, as_of);
    match (first, second) {
        (Ok((a, _)), Ok((b, _))) => {
            let a = a.to_json();
            assert!(serde_json::from_str::<serde_json::Value>(&a).is_ok());
            if all_named {
                assert_eq!(a, b.to_json(), "the order of statements changed the report");
            }
        }
        (Err(_), Err(_)) => {}
        _ => panic!("the order of statements decided whether they could be evaluated"),
    }
});
