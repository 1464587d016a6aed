// Entry point for Node.js, `require` and `import` alike: ready on load (the .wasm file is read
// synchronously), one instance per process.
"use strict";
const { createNodeEntry } = require("../dist/api.cjs");

// The names, written out for Node's ES module loader, which finds named exports by reading this
// file (`import { Pack } from "competency-rules"`); the values are assigned below.
exports.Pack = exports.checkPack = exports.engineVersion = exports.limits = exports.crashForTesting = exports.init = exports.initSync = exports.CompetencyRulesError = exports.EngineCrashedError = exports.PackError = exports.ParticipantError = undefined;

const gluePath = require.resolve("../dist/node/competency_rules.js");
// (`importCase` is in `competency-rules/interop` only.)
const { importCase, ...entry } = createNodeEntry(() => {
  delete require.cache[gluePath];
  return require(gluePath);
});
Object.assign(exports, entry);
