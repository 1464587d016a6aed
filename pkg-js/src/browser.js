// The browser (ESM) entry points' shared start-up: instantiate the module once, keep a spare copy
// of its glue for a synchronous restart after a trap, and build the engine over it.
import { createEngine } from "./api.js";

/**
 * `primary`: the imported wasm-bindgen glue; `glueUrl`: its URL (for the spare copy);
 * `wasmUrl`: the default location of the .wasm file.
 */
export function createBrowserEntry(primary, glueUrl, wasmUrl) {
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
  async function init(input) {
    if (glue) {
      // Already started (e.g. by initSync): make sure the spare copy for restarts is ready too.
      await spare;
      return;
    }
    let source = input ?? wasmUrl;
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
  function initSync(bytes) {
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

  return { init, initSync, engine };
}
