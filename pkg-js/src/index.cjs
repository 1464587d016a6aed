// Entry point for Node.js `require`: ready on require (the .wasm file is read synchronously).
"use strict";
const { createNodeEntry } = require("../dist/api.cjs");

const gluePath = require.resolve("../dist/node/competency_rules.js");
// (`importCase` is in `competency-rules/interop` only.)
const { importCase, ...entry } = createNodeEntry(() => {
  delete require.cache[gluePath];
  return require(gluePath);
});

module.exports = entry;
