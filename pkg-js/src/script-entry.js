// What the script builds (dist/competency-rules*.umd.js) share: the browser entry over a glue
// factory, the API they export, and the <competency-status> element, defined as the script loads.
/* global __competencyRulesScript */
import { createBrowserEntry } from "./browser.js";
import { defineCompetencyStatus } from "./element.js";

/**
 * A loader of `file` from beside the script: its URL, which the UMD wrapper noted while the
 * script ran (a RequireJS factory runs later, when `document.currentScript` is gone).
 */
export function besideScript(file) {
  return () => {
    const base = typeof __competencyRulesScript === "string" && __competencyRulesScript ? __competencyRulesScript : globalThis.location?.href;
    return new URL(file, base);
  };
}

/** A script build's exports over `createGlue`, its module coming from `defaultSource()`. */
export function scriptEntry(createGlue, defaultSource) {
  const entry = createBrowserEntry(createGlue, defaultSource);
  const { init, initSync } = entry;
  const { Pack, checkPack, engineVersion, limits } = entry.engine;
  defineCompetencyStatus({ init, Pack });
  return { init, initSync, Pack, checkPack, engineVersion, limits };
}
