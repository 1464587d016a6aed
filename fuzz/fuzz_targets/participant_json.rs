//! Participant documents as bytes: reading never panics, and a document that reads evaluates
//! (with the HSLP pack and the conformance corpus's small pack) to a report that is valid JSON and
//! the same bytes twice.
#![no_main]

use competency_rules::{Date, Pack, Participant, evaluate};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn packs() -> &'static [Pack] {
    static PACKS: OnceLock<Vec<Pack>> = OnceLock::new();
    PACKS.get_or_init(|| {
        let mini = Pack::from_json(include_str!("../../tests/conformance/packs/mini.json"));
        [Pack::hslp(), mini].into_iter().flatten().collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(participant) = Participant::from_json(text) else {
        return;
    };
    let Some(as_of) = Date::from_ymd(2026, 11, 24) else {
        return;
    };
    for pack in packs() {
        if let Ok(report) = evaluate(pack, &participant, as_of) {
            let json = report.to_json();
            assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok(), "{json}");
            let again = evaluate(pack, &participant, as_of).map(|r| r.to_json());
            assert_eq!(again.ok().as_deref(), Some(json.as_str()));
        }
    }
});
