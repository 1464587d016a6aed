// Entry point for browsers and bundlers (ESM). Call `await init()` (or `initSync(bytes)`) once,
// then use `Pack`. No network access beyond fetching the package's own .wasm file, no storage.
import * as primary from "../dist/web/competency_rules.js";
import { createEngine } from "./api.js";

export { CompetencyRulesError, EngineCrashedError, PackError, ParticipantError } from "./api.js";

const glueUrl = new URL("../dist/web/competency_rules.js", import.meta.url).href;
let glue = null;
let compiled = null;
let spare = null;
let generation = 0;
let instances = 0;
let crashed = false;

// A second, not yet instantiated copy of the glue module, so a trapped module can be replaced
// synchronously (ES modules cannot be re-imported synchronously). Where it cannot be loaded (some
// bundlers rewrite module URLs), the engine works the same but cannot restart after a crash.
function prepareSpare() {
  instances += 1;
  spare = import(/* @vite-ignore */ `${glueUrl}?instance=${instances}`).then(
    (m) => (spare = m),
    () => (spare = null),
  );
}

function start(module) {
  compiled = module;
  primary.initSync({ module });
  glue = primary;
  prepareSpare();
}

/** Loads and instantiates the engine. `input`: a URL, a Response, bytes, or a WebAssembly.Module. */
export async function init(input) {
  if (glue) {
    // Already started (e.g. by initSync): make sure the spare copy for restarts is ready too.
    await spare;
    return;
  }
  let source = input ?? new URL("../dist/web/competency_rules_bg.wasm", import.meta.url);
  if (source instanceof WebAssembly.Module) return start(source);
  if (typeof source === "string" || source instanceof URL) source = fetch(source);
  if (source instanceof Promise) source = await source;
  const module =
    typeof Response !== "undefined" && source instanceof Response
      ? await WebAssembly.compile(await source.arrayBuffer())
      : await WebAssembly.compile(source);
  start(module);
  await spare;
}

/** Instantiates the engine synchronously from the .wasm bytes (or a compiled WebAssembly.Module). */
export function initSync(bytes) {
  if (glue) return;
  start(bytes instanceof WebAssembly.Module ? bytes : new WebAssembly.Module(bytes));
}

const engine = createEngine({
  bindings() {
    if (crashed) throw new Error("competency-rules: the engine crashed and could not be restarted here; reload the page");
    if (!glue) throw new Error("competency-rules: call `await init()` (or `initSync(bytes)`) first");
    return glue;
  },
  restart() {
    if (!spare || spare instanceof Promise) {
      crashed = true;
      return;
    }
    glue = spare;
    glue.initSync({ module: compiled });
    generation += 1;
    prepareSpare();
  },
  generation: () => generation,
});

export const { Pack, checkPack, engineVersion, crashForTesting } = engine;
