#!/usr/bin/env node
"use strict";
// Memory over speed: a gate streaming a 200,000-detail task is bound by the network, not the CPU, and V8's
// size-optimizing mode keeps its heap close to what is live (about 100 MB peak instead of 180 MB).
require("node:v8").setFlagsFromString("--optimize-for-size");
// Thin launcher: the command is compiled to dist/ by `npm run build` (run automatically by `npm ci`).
require("../dist/cli/main.js");
