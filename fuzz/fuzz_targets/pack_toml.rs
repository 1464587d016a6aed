//! Packs as TOML bytes: loading never panics, every problem has a line and column inside the
//! text, and a pack that loads evaluates a fixed participant.
#![no_main]

use competency_rules::{Date, Pack, Participant, evaluate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Pack::from_toml(text) {
        Ok(pack) => {
            let participant = Participant::from_json(
                r#"{"id":"p","organization":"o","level":"staff","enrolled":"2026-01-01","evidence":[]}"#,
            );
            if let Ok(participant) = participant {
                let Some(as_of) = Date::from_ymd(2026, 6, 1) else {
        return;
    };
                if let Ok(report) = evaluate(&pack, &participant, as_of) {
                    assert!(serde_json::from_str::<serde_json::Value>(&report.to_json()).is_ok());
                }
            }
        }
        Err(err) => {
            let lines = text.lines().count().max(1);
            for d in &err.diagnostics {
                if let Some(line) = d.line {
                    assert!(line >= 1 && line <= lines + 1, "{d}");
                }
            }
        }
    }
});
