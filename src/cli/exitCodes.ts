/** Part of the interface: documented in the README, relied on by CI pipelines. */
export const EXIT = {
  ok: 0,
  /** Below a requested threshold (--fail-under, --min-level). */
  belowThreshold: 1,
  /** Invalid input or usage. */
  invalidInput: 2,
  /** A bug in aftersales-assess. */
  internal: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
