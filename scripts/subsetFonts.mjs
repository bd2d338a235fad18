// The PDF's Chinese font, cut down at build time to the characters Chinese business text uses: every
// character of GB 2312 (simplified) and Big5 (traditional), the traditional forms of the GB 2312 characters,
// and the Latin, punctuation, arrow, maths and box-drawing blocks the report draws. Noto Sans SC ships
// nine weights at 10 MB each; these two faces are about 6 MB each, which keeps the install small. A
// character outside the repertoire is named in a warning, with --font as the way to a full face.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import subsetFont from 'subset-font';

export function repertoire() {
  const chars = new Set();
  const range = (a, b) => {
    for (let c = a; c <= b; c++) chars.add(String.fromCodePoint(c));
  };
  range(0x20, 0x7e);
  range(0xa0, 0x17f); // Latin-1 and Latin Extended-A
  range(0x2000, 0x206f); // general punctuation
  range(0x2100, 0x22ff); // letterlike symbols, number forms, arrows, mathematical operators
  range(0x2460, 0x26ff); // enclosed numbers, box drawing, blocks, geometric shapes, symbols (★ ☆)
  range(0x3000, 0x303f); // CJK symbols and punctuation
  range(0xff00, 0xffef); // full-width forms
  const decode = (encoding, bytes) => new TextDecoder(encoding, { fatal: false }).decode(new Uint8Array(bytes));
  for (let hi = 0xa1; hi <= 0xf7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) keep(decode('gb18030', [hi, lo]));
  for (let hi = 0xa1; hi <= 0xf9; hi++) {
    for (let lo = 0x40; lo <= 0x7e; lo++) keep(decode('big5', [hi, lo]));
    for (let lo = 0xa1; lo <= 0xfe; lo++) keep(decode('big5', [hi, lo]));
  }
  function keep(s) {
    if ([...s].length === 1 && s !== '\ufffd') chars.add(s);
  }
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  for (const c of toTraditional([...chars].filter((c) => /\p{Script=Han}/u.test(c)).join(''))) chars.add(c);
  return [...chars].sort().join('');
}

export async function subsetFonts(root) {
  const source = join(root, 'node_modules/@expo-google-fonts/noto-sans-sc');
  const out = join(root, 'fonts');
  mkdirSync(out, { recursive: true });
  const text = repertoire();
  for (const [from, to] of [
    ['400Regular/NotoSansSC_400Regular.ttf', 'NotoSansSC-Regular.ttf'],
    ['700Bold/NotoSansSC_700Bold.ttf', 'NotoSansSC-Bold.ttf'],
  ]) {
    writeFileSync(join(out, to), await subsetFont(readFileSync(join(source, from)), text, { targetFormat: 'truetype' }));
  }
  copyFileSync(join(source, 'LICENSE_FONT'), join(out, 'OFL.txt'));
}
