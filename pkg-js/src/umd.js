// Entry of the script build (dist/competency-rules.umd.js): the engine as an AMD module for
// RequireJS (Moodle), a CommonJS module, or the global `CompetencyRules` from a plain <script>;
// it also defines the <competency-status> element.
// `init()` fetches competency_rules.wasm from beside the script; `init(url)` names another place.
import { createGlue } from "../dist/glue-main.js";
import { besideScript, scriptEntry } from "./script-entry.js";

export { CompetencyRulesError, EngineCrashedError, PackError, ParticipantError } from "./api.js";

export const { init, initSync, Pack, checkPack, engineVersion, limits } = scriptEntry(createGlue, besideScript("competency_rules.wasm"));
