//! Message templates: rendering any template with any parameters, in English and French, never
//! panics and keeps every character outside placeholders; a pack whose messages are overridden
//! with such templates loads (or is refused with diagnostics) and renders its reports.
#![no_main]

use competency_rules::messages::render;
use competency_rules::{Date, Pack, Participant, evaluate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: (&str, Vec<(&str, &str)>, u8)| {
    let (template, params, code) = data;
    // In both languages (French elides and chooses plural forms by its own rule).
    for lang in ["en", "fr"] {
        let rendered = render(template, lang, |name| {
            params.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
        });
        let _ = rendered;
        // Without parameters, a template renders as itself.
        assert_eq!(render(template, lang, |_| None), template);
    }
    // The same template as a pack's override of one engine message.
    let codes: Vec<&str> = competency_rules::messages::all_codes();
    let Some(code) = codes.get(usize::from(code) % codes.len().max(1)) else {
        return;
    };
    let Ok(mut doc) = serde_json::from_str::<serde_json::Value>(include_str!(
        "../../tests/conformance/packs/mini.json"
    )) else {
        return;
    };
    if let Some(map) = doc.as_object_mut() {
        map.insert(
            "messages".into(),
            serde_json::json!({ "en": { *code: template }, "fr": { *code: template } }),
        );
    }
    let Ok(pack) = Pack::from_json(&doc.to_string()) else {
        return;
    };
    let case: serde_json::Value = serde_json::from_str(include_str!(
        "../../tests/conformance/cases/003-below-min-grade.json"
    ))
    .unwrap_or_default();
    if let Some(Ok(participant)) = case.get("participant").cloned().map(Participant::from_value) {
        let Some(as_of) = Date::from_ymd(2026, 6, 1) else {
        return;
    };
        if let Ok(report) = evaluate(&pack, &participant, as_of) {
            assert!(serde_json::from_str::<serde_json::Value>(&report.to_json()).is_ok());
        }
    }
});
