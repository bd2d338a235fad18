#!/usr/bin/env node
'use strict';
// Loads the CommonJS bundles through V8's code cache (dist/NAME.cjs.cache, made by the build from a few
// training runs): compiled bytecode instead of parsing and compiling the JavaScript at every start. V8
// rejects a cache made by another Node version or with other flags, and the bundle is then compiled as
// usual — slower, never wrong. Only Node built-ins are used here.
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { createRequire, wrap } = require('node:module');
const { Script } = require('node:vm');

const DIST = join(__dirname, '..', 'dist');
/** Every bundle loaded in this process, with its compiled script (scripts/trainCodeCache.cjs saves their caches). */
const loaded = [];

/** A bundle in dist/ (the CLI, or the PDF renderer when a PDF is asked for), run as a CommonJS module. */
function loadBundle(name) {
  const file = join(DIST, name);
  // The build writes the bundles in pure ASCII: latin1 gives the same string without UTF-8 decoding.
  const source = readFileSync(file, 'latin1');
  let cachedData;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    // No cache (a development build): compile as usual.
  }
  const script = new Script(wrap(source), { filename: file, cachedData });
  const module = { exports: {}, filename: file, loaded: false };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  loaded.push({ file, script });
  return module.exports;
}

function loadCli() {
  try {
    return loadBundle('cli.cjs');
  } catch (error) {
    if (error && error.code === 'ENOENT' && String(error.path).endsWith('cli.cjs')) {
      process.stderr.write('aftersales-assess: the CLI is not built yet; run `npm install` (or `npm run build`) in the package folder.\n');
      process.exit(3);
    }
    throw error;
  }
}

module.exports = { loadCli, loadBundle, loaded };
if (require.main === module) {
  try {
    loadCli();
  } catch (error) {
    process.stderr.write(`aftersales-assess: internal error: ${(error && error.stack) || error}\n`);
    process.exit(3);
  }
}
