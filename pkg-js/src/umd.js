// Entry of the script build (dist/competency-rules.umd.js): the engine as an AMD module for
// RequireJS (Moodle), a CommonJS module, or the global `CompetencyRules` from a plain <script>;
// it also defines the <competency-status> element.
// `init()` fetches competency_rules.wasm from beside the script; `init(url)` names another place.
/* global __competencyRulesScript */
import { createGlue } from "../dist/glue-main.js";
import { createBrowserEntry } from "./browser.js";
import { defineCompetencyStatus } from "./element.js";

export { CompetencyRulesError, EngineCrashedError, PackError, ParticipantError } from "./api.js";

const entry = createBrowserEntry(createGlue, () => {
  // (The script's URL, taken by the UMD wrapper while the script ran.)
  const base = typeof __competencyRulesScript === "string" && __competencyRulesScript ? __competencyRulesScript : globalThis.location?.href;
  return new URL("competency_rules.wasm", base);
});

export const { init, initSync } = entry;
export const { Pack, checkPack, engineVersion, limits } = entry.engine;

// The drop-in element, <competency-status>, defined as the script loads.
defineCompetencyStatus({ init, Pack });
