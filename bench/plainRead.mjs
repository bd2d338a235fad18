// The yardstick for the data rows of `npm run bench`: a plain streaming read of the same CSV in Node
// (readline, split on commas, two Date.parse per row; engineering notes, "Data at scale"), doing no analysis.
//   node bench/plainRead.mjs FILE      prints the rows read; peak resident memory on stderr as maxrss-kb
import { createReadStream, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';

process.on('exit', () => writeSync(2, `\nmaxrss-kb ${process.resourceUsage().maxRSS}\n`));
let rows = 0;
let sum = 0;
for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Number.POSITIVE_INFINITY })) {
  const cells = line.split(',');
  const t = Date.parse(cells[2]) - Date.parse(cells[3]);
  if (!Number.isNaN(t)) sum += t;
  rows++;
}
console.log(JSON.stringify({ rows, sum }));
