//! CASE packages as bytes: the import terminates without panicking (whatever cycles or sequence
//! numbers the associations hold), and its skeleton is a JSON pack that the loader reads without
//! panicking. (Whether every skeleton passes `check` is the interoperability issue's to settle.)
#![no_main]

use competency_rules::Pack;
use competency_rules::interop::case_import::import_case;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let Ok(import) = import_case(&value, "en") else {
        return;
    };
    let text = import.pack.to_string();
    let _ = Pack::from_json(&text);
});
