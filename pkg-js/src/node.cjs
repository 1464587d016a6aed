// The Node.js entries' shared start-up: the module is read and compiled synchronously on load,
// and each instance comes from a fresh copy of the glue (a trapped one is replaced the same way).
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { createNodeEntry } = require("../dist/api.cjs");

/** The exports of a Node entry over `dist/glue-<name>.cjs` and `dist/<wasm>`. */
exports.nodeEntry = function nodeEntry(name, wasm) {
  const { createGlue } = require(`../dist/glue-${name}.cjs`);
  const module = new WebAssembly.Module(readFileSync(join(__dirname, "..", "dist", wasm)));
  return createNodeEntry(() => {
    const glue = createGlue();
    glue.initSync({ module });
    return glue;
  });
};
