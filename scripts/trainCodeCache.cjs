'use strict';
// One CLI command (the arguments after this file), then V8's code cache of everything compiled so far,
// written over dist/cli.cjs.cache atomically. Run in turn by scripts/codeCache.mjs: each run starts from
// the cache the previous one left, so the last cache covers the functions of every training command.
const { renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { loadCli } = require('../bin/aftersales-assess.cjs');

const script = loadCli();
process.on('exit', () => {
  const out = join(__dirname, '..', 'dist', 'cli.cjs.cache');
  writeFileSync(`${out}.tmp`, script.createCachedData());
  renameSync(`${out}.tmp`, out);
});
