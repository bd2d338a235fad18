#!/usr/bin/env node
'use strict';
// Loads the one-file CommonJS bundle through V8's code cache (dist/cli.cjs.cache, made by the build
// from a few training runs): compiled bytecode instead of parsing and compiling ~1 MB of JavaScript at
// every start. V8 rejects a cache made by another Node version or with other flags, and the bundle is
// then compiled as usual — slower, never wrong. Only Node built-ins are used here.
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { createRequire, wrap } = require('node:module');
const { Script } = require('node:vm');

function loadCli() {
  const file = join(__dirname, '..', 'dist', 'cli.cjs');
  let source;
  try {
    // The build writes the bundle in pure ASCII: latin1 gives the same string without UTF-8 decoding.
    source = readFileSync(file, 'latin1');
  } catch (error) {
    if (error && error.code === 'ENOENT') {
      process.stderr.write('aftersales-assess: the CLI is not built yet; run `npm install` (or `npm run build`) in the package folder.\n');
      process.exit(3);
    }
    throw error;
  }
  let cachedData;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    // No cache (a development build): compile as usual.
  }
  const script = new Script(wrap(source), { filename: file, cachedData });
  const module = { exports: {}, filename: file };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return script;
}

module.exports = { loadCli };
if (require.main === module) {
  try {
    loadCli();
  } catch (error) {
    process.stderr.write(`aftersales-assess: internal error: ${(error && error.stack) || error}\n`);
    process.exit(3);
  }
}
