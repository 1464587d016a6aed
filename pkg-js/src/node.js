// Entry point for Node.js ES modules: the same engine as `require("competency-rules")` (one
// instance per process, ready on import; the .wasm file is read synchronously).
import engine from "./index.cjs";

export const {
  Pack,
  checkPack,
  engineVersion,
  limits,
  crashForTesting,
  init,
  initSync,
  CompetencyRulesError,
  EngineCrashedError,
  PackError,
  ParticipantError,
} = engine;
