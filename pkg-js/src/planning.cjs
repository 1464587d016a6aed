// Entry point of `competency-rules/planning` for Node.js, `require` and `import` alike: the engine
// plus what-if projections and the learning-path planner, in a module of its own (ready on load,
// one instance per process).
"use strict";
const { createNodeEntry } = require("../dist/api.cjs");

// The names, written out for Node's ES module loader (see index.cjs).
exports.Pack = exports.checkPack = exports.engineVersion = exports.limits = exports.crashForTesting = exports.init = exports.initSync = exports.CompetencyRulesError = exports.EngineCrashedError = exports.PackError = exports.ParticipantError = undefined;

const gluePath = require.resolve("../dist/planning-node/competency_rules.js");
// (`importCase` is in `competency-rules/interop` only.)
const { importCase, ...entry } = createNodeEntry(() => {
  delete require.cache[gluePath];
  return require(gluePath);
});
Object.assign(exports, entry);
