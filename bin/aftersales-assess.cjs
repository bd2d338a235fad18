#!/usr/bin/env node
'use strict';
// Loads the CommonJS bundles through V8's code cache (dist/NAME.cjs.cache, made by the build from a few
// training runs): compiled bytecode instead of parsing and compiling the JavaScript at every start. V8
// rejects a cache made by another Node version or with other flags, and the bundle is then compiled as
// usual — slower, never wrong. Only Node built-ins are used here.
//
// V8 trusts the rest too far: it matches a cache to its source by length only (a bundle edited in place
// at the same length would run the old compiled code), and a corrupt payload can abort the process
// (SIGTRAP, not catchable) or misbehave. So the cache file carries its own header, checked before V8
// sees anything: a SHA-256 over the bundle bytes just read and the payload (~2 ms for the CLI's 1.2 MB
// bundle and 1.1 MB cache; a build id would not notice an in-place edit). Any doubt means compiling
// without the cache: slower, never a crash, never old code.
const { closeSync, constants, fstatSync, openSync, readFileSync, readSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { dirname, join } = require('node:path');
const { createRequire, wrap } = require('node:module');
const { Script } = require('node:vm');

const DIST = join(__dirname, '..', 'dist');
/** Every bundle loaded in this process, with its compiled script (scripts/trainCodeCache.cjs saves their caches). */
const loaded = [];

// Header: magic with format version, bundle byte length, payload byte length (u32 LE), SHA-256 over the
// first 16 header bytes + bundle + payload. The lengths in the digested bytes keep the split unambiguous.
const MAGIC = Buffer.from('ASA-CC\x00\x01', 'latin1');
const HEADER = 48;
/** Today's caches are ~1 MB; far more than that is not one of ours, and is not worth reading. */
const MAX_CACHE = 64 * 1024 * 1024;

function cacheDigest(head, source, payload) {
  return createHash('sha256').update(head).update(source).update(payload).digest();
}

/** The cache file for `source`: header, then V8's data. Used by scripts/trainCodeCache.cjs. */
function encodeCache(source, payload) {
  const head = Buffer.alloc(16);
  MAGIC.copy(head, 0);
  head.writeUInt32LE(source.length, 8);
  head.writeUInt32LE(payload.length, 12);
  return Buffer.concat([head, cacheDigest(head, source, payload), payload]);
}

/**
 * The whole file if it is a regular file within the cap, else null. Non-blocking open, so a FIFO put at
 * the path cannot hang the start (fstat then refuses it, as it refuses devices and folders).
 */
function readRegularFile(path) {
  let fd;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK || 0));
  } catch {
    return null; // No cache (a development build), or unreadable: compile as usual.
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size < HEADER || st.size > MAX_CACHE) return null;
    const data = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < data.length) {
      const n = readSync(fd, data, got, data.length - got, got);
      if (n === 0) return null; // Shrunk while being read.
      got += n;
    }
    return data;
  } finally {
    closeSync(fd);
  }
}

/** V8's data from the cache beside `file` if it was made from exactly `source`, else undefined. */
function verifiedCache(file, source) {
  try {
    const data = readRegularFile(`${file}.cache`);
    if (!data?.subarray(0, 8).equals(MAGIC)) return undefined;
    if (data.readUInt32LE(8) !== source.length || data.readUInt32LE(12) !== data.length - HEADER) return undefined;
    const payload = data.subarray(HEADER);
    return cacheDigest(data.subarray(0, 16), source, payload).equals(data.subarray(16, HEADER)) ? payload : undefined;
  } catch {
    return undefined;
  }
}

/** A bundle in dist/ (the CLI, or the PDF renderer when a PDF is asked for), run as a CommonJS module. */
function loadBundle(name) {
  const file = join(DIST, name);
  const bytes = readFileSync(file);
  // The build writes the bundles in pure ASCII: latin1 gives the same string without UTF-8 decoding.
  const source = bytes.toString('latin1');
  const cachedData = verifiedCache(file, bytes);
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
      // A clone before its build: a set-up step the user has not run yet (usage, exit 2), not a bug.
      process.stderr.write('aftersales-assess: the CLI is not built yet; run `npm run build` in the package folder (after `npm ci`).\n');
      process.exit(2);
    }
    throw error;
  }
}

module.exports = { loadCli, loadBundle, loaded, encodeCache, verifiedCache };
if (require.main === module) {
  try {
    loadCli();
  } catch (error) {
    process.stderr.write(`aftersales-assess: internal error: ${error?.stack || error}\n`);
    process.exit(3);
  }
}
