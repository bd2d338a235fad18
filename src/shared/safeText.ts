/**
 * Characters that must never reach an output as they are: C0 controls, DEL and C1 controls (an escape
 * sequence can retitle a terminal, clear it or hide lines; C1 U+009B is a one-byte CSI), and the
 * bidirectional controls that reorder what is shown (a file name or key can read differently from what it
 * is: embeddings, overrides, isolates, and the implicit marks LRM, RLM and ALM).
 * Tab, LF and CR are in the set: each medium decides what a line break becomes.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The ones JSON.stringify leaves raw (it escapes C0 itself). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text that came from a user's file (a team name, an answer, a header, an id) as one line of report prose:
 * the unsafe characters removed, line breaks and tabs made spaces.
 */
export function safeText(s: string): string {
  return s.replace(/[\t\n\r\v\f]/g, ' ').replace(UNSAFE, '');
}

/** Like safeText, for text that may run over several lines (a note): tabs and line feeds are kept. */
export function safeLines(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(UNSAFE_BUT_LINES, '');
}

/**
 * Text shown in a diagnostic (a YAML key, a file name, a value): the unsafe characters written out as
 * `\u001B`, `\u202E`, so that the user sees what is wrong with their key instead of having it vanish or act.
 * Line breaks are escaped too: a diagnostic is one line that editors and CI logs link to.
 */
export function shownEscaped(s: string): string {
  return s.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/**
 * JSON whose text holds no unsafe character, with the same value: the user's strings are kept exactly (the
 * JSON is a data contract), and what JSON.stringify leaves raw is written as a \u escape.
 */
export function safeJson(value: unknown, replacer?: (this: unknown, key: string, value: unknown) => unknown, indent?: number): string {
  return JSON.stringify(value, replacer, indent).replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Every string of a parsed document, keys included, through `clean`. */
export function cleanStrings(value: unknown, clean: (s: string) => string): unknown {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return value.map((v) => cleanStrings(v, clean));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [clean(k), cleanStrings(v, clean)]));
  return value;
}
