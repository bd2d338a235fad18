import { type UsageArgs, type UsageCode, usageMessage } from '../messages/usage.js';
import type { Lang } from '../model/localized.js';
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

/** Thrown for command-line misuse the parser cannot catch (e.g. --fail-under abc): a code and its arguments, worded at the edge. */
export class UsageError<C extends UsageCode = UsageCode> extends Error {
  constructor(
    readonly code: C,
    readonly args: UsageArgs[C],
  ) {
    super(usageMessage(code, args, 'en'));
  }
  /** The message in the user's language. */
  text(lang: Lang): string {
    return usageMessage(this.code, this.args, lang);
  }
}
