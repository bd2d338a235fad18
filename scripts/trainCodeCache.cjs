'use strict';
// One CLI command (the arguments after this file), then V8's code cache of everything compiled so far in
// each bundle it loaded, written over dist/NAME.cjs.cache atomically. Run in turn by scripts/codeCache.mjs:
// each run starts from the caches the previous ones left, so the last cache of a bundle covers the functions
// of every training command that used it.
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { encodeCache, loadCli, loaded } = require('../bin/aftersales-assess.cjs');

loadCli();
process.on('exit', () => {
  for (const { file, script } of loaded) {
    // The bundle read again rather than kept by the loader (every start would hold 1.2 MB more for this):
    // nothing rewrites dist/ between the load and here during a build.
    writeFileSync(`${file}.cache.tmp`, encodeCache(readFileSync(file), script.createCachedData()));
    renameSync(`${file}.cache.tmp`, `${file}.cache`);
  }
});
