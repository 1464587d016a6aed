// Entry of the single-file script build (dist/competency-rules.inline.umd.js): as the script
// build, with the WebAssembly module inside, for hosts that cannot serve a .wasm file. The module
// is stored gzip-compressed (then base64): the file is 60% smaller than with the bare module, and
// the browser's own DecompressionStream inflates it when `init()` is called. Nothing is fetched.
import wasmGzipBase64 from "../dist/build/competency_rules.wasm.gz";
import { createGlue } from "../dist/glue-main.js";
import { scriptEntry } from "./script-entry.js";

export { CompetencyRulesError, EngineCrashedError, PackError, ParticipantError } from "./api.js";

/** The module inside this file, as a `Response` of its bytes (what `init` takes). */
function inlineModule() {
  if (typeof DecompressionStream === "undefined") {
    throw new Error("competency-rules: this browser has no DecompressionStream (Chrome 80, Firefox 113, Safari 16.4 and later have it): use the script build with its .wasm file");
  }
  const compressed = Uint8Array.from(atob(wasmGzipBase64), (c) => c.charCodeAt(0));
  return new Response(new Blob([compressed]).stream().pipeThrough(new DecompressionStream("gzip")));
}

export const { init, initSync, Pack, checkPack, engineVersion, limits } = scriptEntry(createGlue, inlineModule);
