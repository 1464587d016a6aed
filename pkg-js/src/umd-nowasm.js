// Entry of the plain-JavaScript script build (dist/competency-rules.nowasm.umd.js): the main
// module's Rust translated to JavaScript by wasm2js, for pages whose Content-Security-Policy does
// not allow WebAssembly to compile (no 'wasm-unsafe-eval'). The same API and the same results,
// byte for byte; slower, and larger to download. Nothing to fetch: `init()` instantiates it.
import { createGlue } from "../dist/build/mvp/glue-factory.js";
import { instantiate } from "../dist/build/mvp/engine.js";
import { createEngine } from "./api.js";
import { defineCompetencyStatus } from "./element.js";

export { CompetencyRulesError, EngineCrashedError, PackError, ParticipantError } from "./api.js";

let glue = null;
let generation = 0;

/** A fresh instance: the glue's imports in, the translated module's exports out. */
function start() {
  const fresh = createGlue();
  fresh.__wbg_finalize_init({ exports: instantiate(fresh.__wbg_get_imports()) }, undefined);
  glue = fresh;
}

/** Starts the engine (no module to load: `input` is ignored). */
export async function init() {
  if (!glue) start();
}

/** Starts the engine, synchronously. */
export function initSync() {
  if (!glue) start();
}

const engine = createEngine({
  bindings: () => glue,
  restart() {
    start();
    generation += 1;
  },
  generation: () => generation,
});

export const { Pack, checkPack, engineVersion, limits } = engine;

// The drop-in element, <competency-status>, defined as the script loads.
defineCompetencyStatus({ init, Pack });
