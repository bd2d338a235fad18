/**
 * A lone surrogate (a `\uD800` escape in a double-quoted YAML string) is a string JavaScript can hold but no
 * file name, URL or UTF-8 text can: encodeURIComponent throws on it. Replaced with U+FFFD, as a UTF-8
 * encoder would.
 */
export function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** A relative path (platform separators) as the path of a relative URL, every segment percent-encoded. */
export function hrefPath(relativePath: string, separator: string): string {
  return relativePath
    .split(separator)
    .map((seg) => encodeURIComponent(wellFormed(seg)))
    .join('/');
}

/**
 * The longest start of `s` that takes at most `maxBytes` in UTF-8 (file names are limited to 255 bytes, not
 * characters: 80 Chinese characters are 240). A cut never splits a surrogate pair.
 */
export function cutUtf8(s: string, maxBytes: number): string {
  let bytes = 0;
  let units = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + n > maxBytes) break;
    bytes += n;
    units += ch.length;
  }
  return s.slice(0, units);
}
