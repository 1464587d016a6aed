// Entry point for Node.js, `require` and `import` alike: ready on load (the .wasm file is read
// synchronously), one instance per process. The exports are listed by name so that Node's ES module
// loader sees them as named exports (`import { Pack } from "competency-rules"`).
"use strict";
const { createNodeEntry } = require("../dist/api.cjs");

const gluePath = require.resolve("../dist/node/competency_rules.js");
const {
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
} = createNodeEntry(() => {
  delete require.cache[gluePath];
  return require(gluePath);
});

// (`importCase` is in `competency-rules/interop` only.)
module.exports = {
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
};
