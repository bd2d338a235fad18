import type { Source } from './readSource.js';
import type { FileFact } from '../model/facts.js';

/**
 * The read-only view of an evidence tree that an assessment needs: the evidence file itself, what is
 * true of each file it cites, and a local copy of a cited dataset to stream. The working tree and a git
 * revision are its two implementations, so `score`, `diff` and `--baseline REV` share every other step.
 */
export interface FileTree {
  /** How the evidence file is named in messages ("company.yaml", "HEAD~1:company.yaml"). */
  readonly label: string;
  /**
   * A past revision (--baseline REV, history): a rule added since (a strict \`company.industry\`) is then a
   * warning, so that a history written under the old rules still compares instead of failing the run.
   */
  readonly past?: boolean;
  /** The evidence file, within the size cap, decoded (an InputError says why it cannot be). */
  readEvidence(maxBytes: number): Source;
  /** A file cited relative to the evidence file: found (with its sha256 when `hash`), missing, outside the root, not a file. */
  fact(cited: string, hash: boolean): FileFact;
  /** A local, regular file holding a cited file's content (for streaming a dataset); null unless `fact` is found. */
  localCopy(cited: string): string | null;
}
