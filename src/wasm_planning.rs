//! WebAssembly bindings of the planner and cohort reports (features `wasm` and `planning`), for
//! the npm package's `competency-rules/planning` entry: a module of its own (the engine, the
//! what-if projection, the planner and succession readiness, without CASE or xAPI), so pages that
//! only evaluate keep the small main module.
//! Like `wasm.rs`, one-line shims over [`crate::ffi`].

use crate::ffi;
use crate::wasm::{WasmPack, thrown};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The page's clock, in milliseconds (`performance.now()`), for the planner's time budget.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

#[wasm_bindgen(js_class = WasmPack)]
impl WasmPack {
    /// A plan for a participant (JSON text) on `as_of`. Options (JSON):
    /// `{target, by, completeBy, budgetMs}`.
    pub fn plan(
        &self,
        participant_json: &str,
        as_of: &str,
        options_json: &str,
    ) -> Result<String, JsValue> {
        ffi::plan(
            self.pack(),
            participant_json,
            as_of,
            options_json,
            &performance_now,
        )
        .map_err(thrown)
    }

    /// A cohort report on participants (JSON Lines, or a JSON array of documents) on `as_of`.
    /// Options (JSON): `{readyWithin, nearDays, groupBy, aggregateOnly, minCell}`.
    pub fn cohort(
        &self,
        participants: &str,
        as_of: &str,
        options_json: &str,
    ) -> Result<String, JsValue> {
        ffi::cohort(self.pack(), participants, as_of, options_json).map_err(thrown)
    }
}
