// Entry point for Node.js, `require` and `import` alike: ready on load (the .wasm file is read
// synchronously), one instance per process.
"use strict";

// The names, written out for Node's ES module loader, which finds named exports by reading this
// file (`import { Pack } from "competency-rules"`); the values are assigned below.
exports.Pack = exports.checkPack = exports.engineVersion = exports.limits = exports.init = exports.initSync = exports.CompetencyRulesError = exports.EngineCrashedError = exports.PackError = exports.ParticipantError = undefined;

// (`importCase` is in `competency-rules/interop` only.)
const { importCase, ...entry } = require("./node.cjs").nodeEntry("main", "competency_rules.wasm");
Object.assign(exports, entry);
