// Entry point for Node.js `require`: ready on require (the .wasm file is read synchronously).
"use strict";
const { createNodeEngine, CompetencyRulesError, EngineCrashedError, PackError, ParticipantError } = require("../dist/api.cjs");

const gluePath = require.resolve("../dist/node/competency_rules.js");
const { importCase, ...engine } = createNodeEngine(() => {
  delete require.cache[gluePath];
  return require(gluePath);
});

module.exports = {
  ...engine,
  init: async () => {},
  initSync: () => {},
  CompetencyRulesError,
  EngineCrashedError,
  PackError,
  ParticipantError,
};
