// Entry point of `competency-rules/interop` for Node.js ES modules (the same instance as `require`).
import engine from "./interop.cjs";

export const {
  Pack,
  checkPack,
  importCase,
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
