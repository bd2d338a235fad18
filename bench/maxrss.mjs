// Runs the CLI in this process and reports its peak resident memory on stderr when it exits:
//   node bench/maxrss.mjs survey big.csv --format json
// (spawnSync cannot tell a child's peak memory, and GNU time is not on every machine).
import { writeSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'aftersales-assess.cjs');
process.argv = [process.argv[0], bin, ...process.argv.slice(2)];
process.on('exit', () => writeSync(2, `\nmaxrss-kb ${process.resourceUsage().maxRSS}\n`));
// Imported rather than run as the main module, the bin does not start the CLI by itself.
const { loadCli } = (await import(pathToFileURL(bin).href)).default;
loadCli();
