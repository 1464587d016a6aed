// Entry point for Node.js ES modules: ready on import (the .wasm file is read synchronously).
import { createRequire } from "node:module";
import { createEngine } from "./api.js";

export { CompetencyRulesError, EngineCrashedError, PackError, ParticipantError } from "./api.js";

const require = createRequire(import.meta.url);
const gluePath = require.resolve("../dist/node/competency_rules.js");
let glue = require(gluePath);
let generation = 0;

const engine = createEngine({
  bindings: () => glue,
  restart() {
    // A fresh copy of the glue module instantiates a fresh module with fresh memory.
    delete require.cache[gluePath];
    glue = require(gluePath);
    generation += 1;
  },
  generation: () => generation,
});

/** Nothing to do in Node (the engine is ready on import); present so code runs unchanged everywhere. */
export async function init() {}
/** Nothing to do in Node; see `init`. */
export function initSync() {}

export const { Pack, checkPack, engineVersion, crashForTesting } = engine;
