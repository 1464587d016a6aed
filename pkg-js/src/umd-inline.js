// Entry of the single-file script build (dist/competency-rules.inline.umd.js): as the script
// build, with the WebAssembly module inside (base64), for hosts that cannot serve a .wasm file.
// `init()` compiles it; there is nothing to fetch.
import wasmBase64 from "../dist/competency_rules.wasm";
import { createGlue } from "../dist/glue-main.js";
import { createBrowserEntry } from "./browser.js";
import { defineCompetencyStatus } from "./element.js";

export { CompetencyRulesError, EngineCrashedError, PackError, ParticipantError } from "./api.js";

const entry = createBrowserEntry(createGlue, () => Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0)));

export const { init, initSync } = entry;
export const { Pack, checkPack, engineVersion, limits } = entry.engine;

// The drop-in element, <competency-status>, defined as the script loads.
defineCompetencyStatus({ init, Pack });
