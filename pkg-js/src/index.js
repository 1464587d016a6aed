// Entry point for browsers and bundlers (ESM). Call `await init()` (or `initSync(bytes)`) once,
// then use `Pack`. No network access beyond fetching the package's own .wasm file, no storage.
import * as primary from "../dist/web/competency_rules.js";
import { createBrowserEntry } from "./browser.js";

export { CompetencyRulesError, EngineCrashedError, PackError, ParticipantError } from "./api.js";

// (Literal `new URL(..., import.meta.url)` here, where bundlers look for the module's assets.)
const entry = createBrowserEntry(
  primary,
  new URL("../dist/web/competency_rules.js", import.meta.url).href,
  new URL("../dist/web/competency_rules_bg.wasm", import.meta.url),
);

export const { init, initSync } = entry;
export const { Pack, checkPack, engineVersion, limits, crashForTesting } = entry.engine;
