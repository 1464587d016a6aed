// Entry of the planning script build (dist/competency-rules.planning.umd.js): as the script build,
// over the planning module (what-if projections, the planner, cohort reports, explanations in
// words), so that <competency-status> also shows `view="plan"` and `view="cohort"`. `init()`
// fetches competency_rules_planning.wasm from beside the script; `init(url)` names another place.
/* global __competencyRulesScript */
import { createGlue } from "../dist/glue-planning.js";
import { createBrowserEntry } from "./browser.js";
import { defineCompetencyStatus } from "./element.js";

export { CompetencyRulesError, EngineCrashedError, PackError, ParticipantError } from "./api.js";

const entry = createBrowserEntry(createGlue, () => {
  // (The script's URL, taken by the UMD wrapper while the script ran.)
  const base = typeof __competencyRulesScript === "string" && __competencyRulesScript ? __competencyRulesScript : globalThis.location?.href;
  return new URL("competency_rules_planning.wasm", base);
});

export const { init, initSync } = entry;
export const { Pack, checkPack, engineVersion, limits } = entry.engine;

// The drop-in element, <competency-status>, with every view.
defineCompetencyStatus({ init, Pack });
