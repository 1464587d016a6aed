// Entry point of `competency-rules/planning` for Node.js, `require` and `import` alike: the engine
// plus what-if projections, the learning-path planner and cohort reports, in a module of its own
// (ready on load, one instance per process).
"use strict";

// The names, written out for Node's ES module loader (see index.cjs).
exports.Pack = exports.checkPack = exports.engineVersion = exports.limits = exports.init = exports.initSync = exports.CompetencyRulesError = exports.EngineCrashedError = exports.PackError = exports.ParticipantError = undefined;

// (`importCase` is in `competency-rules/interop` only.)
const { importCase, ...entry } = require("./node.cjs").nodeEntry("planning", "competency_rules_planning.wasm");
Object.assign(exports, entry);
