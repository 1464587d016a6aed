// Entry point of `competency-rules/interop` for Node.js, `require` and `import` alike: the whole
// engine plus CASE, Moodle, xAPI/cmi5 and Open Badges / CLR, in a second, larger module (ready on
// load, one instance per process).
"use strict";
const { createNodeEntry } = require("../dist/api.cjs");

// The names, written out for Node's ES module loader (see index.cjs).
exports.Pack = exports.checkPack = exports.importCase = exports.engineVersion = exports.limits = exports.crashForTesting = exports.init = exports.initSync = exports.CompetencyRulesError = exports.EngineCrashedError = exports.PackError = exports.ParticipantError = undefined;

const gluePath = require.resolve("../dist/interop-node/competency_rules.js");
Object.assign(
  exports,
  createNodeEntry(() => {
    delete require.cache[gluePath];
    return require(gluePath);
  }),
);
