// Entry point of `competency-rules/interop` for browsers and bundlers (ESM): the whole engine plus
// CASE, Moodle, xAPI/cmi5 and Open Badges / CLR, in a second, larger module than the main entry's.
// Call `await init()` once, then use `Pack` and `importCase`.
import { createGlue } from "../dist/glue-interop.js";
import { createBrowserEntry } from "./browser.js";

export { CompetencyRulesError, EngineCrashedError, PackError, ParticipantError } from "./api.js";

const entry = createBrowserEntry(createGlue, () => new URL("../dist/competency_rules_interop.wasm", import.meta.url));

export const { init, initSync } = entry;
export const { Pack, checkPack, importCase, engineVersion, limits } = entry.engine;
