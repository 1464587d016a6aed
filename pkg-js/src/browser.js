// The browser entry points' shared start-up (ES modules and the script builds): compile the module
// once, instantiate it through a fresh copy of the glue, and build the engine over it. A module
// that trapped is replaced by another instance of the module already compiled: no network request.
import { createEngine } from "./api.js";

/**
 * `createGlue`: the wasm-bindgen glue's factory (`dist/glue-*.js`); `defaultSource()`: where the
 * module is when `init()` is given nothing (a URL, or the bytes in the single-file build), asked
 * for only then, so that a page that names its own URL never computes one.
 */
export function createBrowserEntry(createGlue, defaultSource) {
  let glue = null;
  let compiled = null;
  let generation = 0;
  let starting = null;

  function start(module) {
    const fresh = createGlue();
    fresh.initSync({ module });
    compiled = module;
    glue = fresh;
  }

  /**
   * Loads and instantiates the engine. `input`: a URL (text or `URL`), a `Response` (or a promise of
   * one), the bytes, or a compiled `WebAssembly.Module`; the package's own .wasm by default. A
   * server may give the .wasm any content type.
   */
  async function init(input) {
    if (glue) return;
    // Calls made while the module loads (several elements on a page) share the one load; a
    // load that failed is tried again by the next call.
    starting ??= load(input).catch((error) => {
      starting = null;
      throw error;
    });
    await starting;
  }

  async function load(input) {
    let source = input ?? defaultSource();
    if (source instanceof WebAssembly.Module) return start(source);
    if (typeof source === "string" || source instanceof URL) source = fetch(source);
    if (source instanceof Promise) source = await source;
    let bytes = source;
    if (typeof Response !== "undefined" && source instanceof Response) {
      if (!source.ok) throw new Error(`competency-rules: the module could not be fetched (${source.status} ${source.statusText}, ${source.url})`);
      bytes = await source.arrayBuffer();
    }
    const module = await WebAssembly.compile(bytes);
    if (!glue) start(module);
  }

  /** Instantiates the engine synchronously from the .wasm bytes (or a compiled WebAssembly.Module). */
  function initSync(bytes) {
    if (glue) return;
    start(bytes instanceof WebAssembly.Module ? bytes : new WebAssembly.Module(bytes));
  }

  const engine = createEngine({
    // (`null` before `init`: the engine says to call it first.)
    bindings: () => glue,
    restart() {
      start(compiled);
      generation += 1;
    },
    generation: () => generation,
  });

  return { init, initSync, engine };
}
