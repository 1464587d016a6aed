//! WebAssembly bindings of the interoperability functions (features `wasm` and `interop`), for
//! the npm package's `competency-rules/interop` entry: a second, larger module that is the whole
//! engine plus CASE, Moodle, xAPI and credentials, so pages that only evaluate keep the small one.
//! Like `wasm.rs`, one-line shims over [`crate::ffi`].

use crate::ffi;
use crate::wasm::{WasmPack, thrown};
use wasm_bindgen::prelude::*;

/// Reads a CASE package (JSON text; a list: the packages of one framework in several languages)
/// into a pack skeleton: JSON `{pack, notes}`.
#[wasm_bindgen(js_name = importCase)]
pub fn import_case_json(package_json: &str, lang: &str) -> Result<String, JsValue> {
    ffi::import_case(package_json, lang).map_err(thrown)
}

#[wasm_bindgen(js_class = WasmPack)]
impl WasmPack {
    /// The pack's framework as a CASE 1.1 package (JSON). Options: `{lang, date, baseUri}`.
    #[wasm_bindgen(js_name = exportCase)]
    pub fn export_case(&self, options_json: &str) -> Result<String, JsValue> {
        ffi::export_case(self.pack(), options_json).map_err(thrown)
    }

    /// The framework as the CSV Moodle's competency framework importer reads.
    #[wasm_bindgen(js_name = exportMoodle)]
    pub fn export_moodle(&self, lang: &str) -> Result<String, JsValue> {
        ffi::export_moodle(self.pack(), lang).map_err(thrown)
    }

    /// Evaluates a participant with the evidence xAPI statements add: JSON `{report, intake}`.
    #[wasm_bindgen(js_name = evaluateWithStatements)]
    pub fn evaluate_with_statements(
        &self,
        participant_json: &str,
        statements_json: &str,
        as_of: &str,
    ) -> Result<String, JsValue> {
        ffi::evaluate_with_statements(self.pack(), participant_json, statements_json, as_of)
            .map_err(thrown)
    }

    /// Credentials for a participant (with optional statements): options
    /// `{asOf, kind: "program" | "competencies" | "clr", issuerId, issuerName, lang, caseBaseUri, salt}`.
    pub fn credential(
        &self,
        participant_json: &str,
        statements_json: &str,
        options_json: &str,
    ) -> Result<String, JsValue> {
        ffi::credential(self.pack(), participant_json, statements_json, options_json)
            .map_err(thrown)
    }
}
