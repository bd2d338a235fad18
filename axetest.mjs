import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
for (const url of ['file:///tmp/h/three.html', 'file:///tmp/h/portfolio.html']) {
const ctx = await b.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
const p = await ctx.newPage();
await p.goto(url);
await p.addScriptTag({ path: '/work/main/node_modules/axe-core/axe.min.js' });
const r = await p.evaluate(async () => { const res = await axe.run(document, { resultTypes: ['violations'] }); return res.violations.map((v) => ({ id: v.id, impact: v.impact, n: v.nodes.length, help: v.help, target: v.nodes.slice(0,3).map(n=>n.target.join(' ')) })); });
console.log(url, JSON.stringify(r, null, 1));
}
await b.close();
