// Entry point of `competency-rules/planning` for browsers and bundlers (ESM): the engine plus
// what-if projections (a participant's `planned` items) and the learning-path planner
// (`Pack#plan`), in a module of its own beside the main entry's (no CASE or xAPI code).
// Call `await init()` once, then use `Pack`.
import * as primary from "../dist/planning-web/competency_rules.js";
import { createBrowserEntry } from "./browser.js";

export { CompetencyRulesError, EngineCrashedError, PackError, ParticipantError } from "./api.js";

const entry = createBrowserEntry(
  primary,
  new URL("../dist/planning-web/competency_rules.js", import.meta.url).href,
  new URL("../dist/planning-web/competency_rules_bg.wasm", import.meta.url),
);

export const { init, initSync } = entry;
export const { Pack, checkPack, engineVersion, limits, crashForTesting } = entry.engine;
