import stringWidth from 'string-width';
import { fastWidth, withoutAnsi } from './fastWidth.js';

/**
 * Terminal columns of a string. string-width builds an Intl.Segmenter on first use, which loads ICU data
 * (~47 ms measured, more than the rest of the terminal report) and then segments every string (~0.1 ms a
 * call). Report text is almost all ASCII, CJK and a few symbols whose width is fixed, so those are counted
 * directly; anything else (emoji, combining marks, astral characters, other symbols) goes to string-width.
 * A fast-check property in the unit tests holds the two equal over the fast alphabet.
 */
export function displayWidth(text: string): number {
  const s = withoutAnsi(text);
  return fastWidth(s) ?? stringWidth(s);
}
