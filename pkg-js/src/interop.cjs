// Entry point of `competency-rules/interop` for Node.js, `require` and `import` alike: the whole
// engine plus CASE, Moodle, xAPI/cmi5 and Open Badges / CLR, in a second, larger module (ready on
// load). The exports are listed by name so that Node's ES module loader sees them as named exports.
"use strict";
const { createNodeEntry } = require("../dist/api.cjs");

const gluePath = require.resolve("../dist/interop-node/competency_rules.js");
const {
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
} = createNodeEntry(() => {
  delete require.cache[gluePath];
  return require(gluePath);
});

module.exports = {
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
};
