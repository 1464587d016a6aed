// Entry point of `competency-rules/planning` for browsers and bundlers (ESM): the engine plus
// what-if projections (a participant's `planned` items), the learning-path planner (`Pack#plan`)
// and cohort reports (`Pack#cohort`), in a module of its own beside the main entry's.
// Call `await init()` once, then use `Pack`.
import { createGlue } from "../dist/glue-planning.js";
import { createBrowserEntry } from "./browser.js";

export { CompetencyRulesError, EngineCrashedError, PackError, ParticipantError } from "./api.js";

const entry = createBrowserEntry(createGlue, () => new URL("../dist/competency_rules_planning.wasm", import.meta.url));

export const { init, initSync } = entry;
export const { Pack, checkPack, engineVersion, limits } = entry.engine;
