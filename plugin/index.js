// The alicloud-domain-tasks plugin as a source-based plugin: the Node.js language host's run-plugin calls the
// function this exports, with the engine's arguments in process.argv. It serves the plugin built in ../dist.
"use strict";
module.exports = () => require("../dist/provider/plugin/main.js").main(process.argv.slice(2));
