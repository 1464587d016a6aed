// Entry point for browsers and bundlers (ESM). Call `await init()` (or `initSync(bytes)`) once,
// then use `Pack`. No network access beyond fetching the package's own .wasm file, no storage.
import { createGlue } from "../dist/glue-main.js";
import { createBrowserEntry } from "./browser.js";

export { CompetencyRulesError, EngineCrashedError, PackError, ParticipantError } from "./api.js";

// (Literal `new URL(..., import.meta.url)`, where bundlers look for the module's assets.)
const entry = createBrowserEntry(createGlue, () => new URL("../dist/competency_rules.wasm", import.meta.url));

export const { init, initSync } = entry;
export const { Pack, checkPack, engineVersion, limits } = entry.engine;
