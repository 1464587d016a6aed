//! WebAssembly bindings (feature `wasm`): the npm package's entry points, one-line shims over
//! [`crate::ffi`], which holds the logic and is tested natively. Failures are thrown as the JSON
//! text of a [`Failure`] (`{code, path, message, ...}`), which the package's JavaScript wrapper
//! turns into `Error` subclasses.
//!
//! Values cross the boundary as JSON text: measured in Node (`pkg-js/bench/boundary.mjs`), JSON
//! with `JSON.parse`/`JSON.stringify` in the wrapper was 1.1–1.3× faster than converting JS objects
//! with serde-wasm-bindgen, and it keeps the module smaller. What is exported is weighed against the
//! module's size budget (150 KB gzipped): the text explanation (`explain`) is in the larger modules
//! only (feature `explain`).

use crate::ffi::{self, Failure};

/// The module's allocator: talc in place of the default dlmalloc, for a smaller module.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
use crate::pack::Pack;
use wasm_bindgen::prelude::*;

/// A failure as thrown to JavaScript: its JSON text.
pub(crate) fn thrown(failure: Failure) -> JsValue {
    JsValue::from_str(&failure.to_json())
}

/// A compiled rule pack held by JS. Build it once; evaluate many participants.
#[wasm_bindgen(js_name = WasmPack)]
pub struct WasmPack {
    pack: Pack,
}

/// The [`crate::limits`], by name, as JSON: `{"pack_bytes": 4194304, ...}`.
#[wasm_bindgen]
pub fn limits() -> String {
    ffi::limits()
}

/// The embedded default pack (HSLP).
#[wasm_bindgen(js_name = loadDefaultPack)]
pub fn load_default_pack() -> Result<WasmPack, JsValue> {
    ffi::default_pack()
        .map(|pack| WasmPack { pack })
        .map_err(thrown)
}

/// A pack from several files given as JSON `[{name, text}]`, each holding some of the sections.
#[wasm_bindgen(js_name = loadPackFiles)]
pub fn load_pack_files(files: &str) -> Result<WasmPack, JsValue> {
    ffi::load_pack(files)
        .map(|pack| WasmPack { pack })
        .map_err(thrown)
}

/// Every diagnostic (JSON) for pack files given as JSON `[{name, text}]`; a bad pack is not an error.
#[wasm_bindgen(js_name = checkPackFiles)]
pub fn check_pack_files(files: &str) -> Result<String, JsValue> {
    ffi::check_pack(files).map_err(thrown)
}

/// The engine version.
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    ffi::engine_version().to_owned()
}

/// Panics on purpose, so the package's tests can prove it recovers from a crashed module.
#[wasm_bindgen(js_name = __panicForTesting)]
#[expect(
    clippy::panic,
    reason = "a test hook: proves the JS wrapper recovers from a trapped module"
)]
pub fn panic_for_testing() {
    panic!("deliberate panic for testing"); // ok: the test hook that proves recovery
}

#[cfg(any(feature = "interop", feature = "planning"))]
impl WasmPack {
    /// The compiled pack (for the interoperability and planning bindings).
    pub(crate) fn pack(&self) -> &Pack {
        &self.pack
    }
}

#[wasm_bindgen(js_class = WasmPack)]
impl WasmPack {
    /// `{id, version, fingerprint}` as JSON.
    pub fn info(&self) -> Result<String, JsValue> {
        ffi::pack_info(&self.pack).map_err(thrown)
    }

    /// The pack document (names, matrix, catalogue) as JSON, for display.
    pub fn document(&self) -> Result<String, JsValue> {
        ffi::pack_document(&self.pack).map_err(thrown)
    }

    /// The pack's warnings as JSON.
    pub fn warnings(&self) -> Result<String, JsValue> {
        ffi::pack_warnings(&self.pack).map_err(thrown)
    }

    /// Evaluates a participant (JSON text) on `as_of`; returns the report as JSON text, byte for
    /// byte what `Report::to_json` gives natively. (Indenting is left to the JS wrapper: a second,
    /// pretty-printing serializer would double the report's serialization code in the module.)
    ///
    /// `languages`: `*` for every language of the pack, else a comma-separated list (empty for
    /// none); `compact`: the compact form instead of the report.
    pub fn evaluate(
        &self,
        participant_json: &str,
        as_of: &str,
        languages: &str,
        compact: bool,
    ) -> Result<String, JsValue> {
        ffi::evaluate_as(&self.pack, participant_json, as_of, languages, compact).map_err(thrown)
    }
}

#[cfg(feature = "explain")]
#[wasm_bindgen(js_class = WasmPack)]
impl WasmPack {
    /// Evaluates a participant (JSON text) on `as_of` and explains the report as plain text in
    /// `lang`: the command line's `--format text`, one implementation for both (feature
    /// `explain`: the interop and planning modules).
    pub fn explain(
        &self,
        participant_json: &str,
        as_of: &str,
        lang: &str,
    ) -> Result<String, JsValue> {
        ffi::explain(&self.pack, participant_json, as_of, lang).map_err(thrown)
    }
}
