import { createHash } from 'node:crypto';
import { LANGS, type Lang } from '../../model/localized.js';
import { CSS, SCRIPT } from './assets.js';
import { safeLines } from '../../shared/safeText.js';

/** Text into HTML text or a double-quoted attribute, without control or bidi characters. */
export function esc(s: string | number): string {
  return safeLines(String(s)).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Tagged template helper: joins the parts of a list without commas. */
export function each<T>(xs: readonly T[], f: (x: T, i: number) => string): string {
  return xs.map(f).join('');
}

/**
 * The document around a body holding both languages: the inline style and script, and a content security
 * policy that lets the page fetch nothing at all (no fonts, images, scripts or connections), so a report
 * opened from a mail attachment or a CI artifact cannot leak that it was read and cannot run anything but
 * its own script (allowed by its hash).
 */
export function page(o: { lang: Lang; titles: Record<Lang, string>; body: string }): string {
  const scriptHash = createHash('sha256').update(SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const titleAttrs = LANGS.map((l) => ` data-title-${l}="${esc(o.titles[l])}"`).join('');
  return `<!doctype html>
<html lang="${o.lang}" data-ui="${o.lang}"${titleAttrs}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light">
<title>${esc(o.titles[o.lang])}</title>
<style>${CSS}</style>
</head>
<body>
${o.body}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
