// Preloaded into the plugin process by test/plugin/loading.test.ts: writes every module the process loaded to the
// file named by MODULE_TRACE_FILE when it exits.
"use strict";
const { writeFileSync } = require("node:fs");
process.on("exit", () => writeFileSync(process.env.MODULE_TRACE_FILE, JSON.stringify(Object.keys(require.cache))));
