// Entry of the planning script build (dist/competency-rules.planning.umd.js): as the script build,
// over the planning module (what-if projections, the planner, cohort reports, explanations in
// words), so that <competency-status> also shows `view="plan"` and `view="cohort"`. `init()`
// fetches competency_rules_planning.wasm from beside the script; `init(url)` names another place.
import { createGlue } from "../dist/glue-planning.js";
import { besideScript, scriptEntry } from "./script-entry.js";

export { CompetencyRulesError, EngineCrashedError, PackError, ParticipantError } from "./api.js";

export const { init, initSync, Pack, checkPack, engineVersion, limits } = scriptEntry(createGlue, besideScript("competency_rules_planning.wasm"));
