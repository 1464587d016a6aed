// Entry point for Node.js `require`: ready on require (the .wasm file is read synchronously).
"use strict";
const { createEngine, CompetencyRulesError, EngineCrashedError, PackError, ParticipantError } = require("../dist/api.cjs");

const gluePath = require.resolve("../dist/node/competency_rules.js");
let glue = require(gluePath);
let generation = 0;

const engine = createEngine({
  bindings: () => glue,
  restart() {
    delete require.cache[gluePath];
    glue = require(gluePath);
    generation += 1;
  },
  generation: () => generation,
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
