// Entry point of `competency-rules/interop` for Node.js, `require` and `import` alike: the whole
// engine plus CASE, Moodle, xAPI/cmi5 and Open Badges / CLR, in a second, larger module (ready on
// load, one instance per process).
"use strict";

// The names, written out for Node's ES module loader (see index.cjs).
exports.Pack = exports.checkPack = exports.importCase = exports.engineVersion = exports.limits = exports.init = exports.initSync = exports.CompetencyRulesError = exports.EngineCrashedError = exports.PackError = exports.ParticipantError = undefined;

Object.assign(exports, require("./node.cjs").nodeEntry("interop", "competency_rules_interop.wasm"));
