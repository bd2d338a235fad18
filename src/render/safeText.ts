/**
 * Text that came from a user's file (a team name, an answer, a header, an id) with control characters
 * removed, so that an escape sequence in a cell cannot drive the terminal (retitle it, hide lines, …).
 * Line breaks and tabs become spaces.
 */
export function safeText(s: string): string {
  // C0 controls, DEL, C1 controls, and the bidirectional overrides that can reorder what is shown.
  return s.replace(/[\t\n\r\v\f]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}
