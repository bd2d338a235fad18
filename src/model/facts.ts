/**
 * What the file system said about each cited file, gathered by the CLI layer so that the
 * scoring core never touches the disk. Keyed by the `file` string exactly as written.
 */
export type FileFact =
  /** sha256 is present when an item citing the file declares one (only then is the file read). */
  { state: 'found'; sha256?: string } | { state: 'missing' } | { state: 'outside-root' } | { state: 'not-a-file' };

export type FileFacts = ReadonlyMap<string, FileFact>;
