// Entry point of `competency-rules/interop` for Node.js `require`: the whole engine plus CASE,
// Moodle, xAPI/cmi5 and Open Badges / CLR, in a second, larger module (ready on require).
"use strict";
const { createNodeEntry } = require("../dist/api.cjs");

const gluePath = require.resolve("../dist/interop-node/competency_rules.js");
module.exports = createNodeEntry(() => {
  delete require.cache[gluePath];
  return require(gluePath);
});
