/**
 * What the file system said about each cited file, gathered by the CLI layer so that the
 * scoring core never touches the disk. Keyed by the `file` string exactly as written.
 */
export type FileFact =
  | { state: 'found' }
  | { state: 'missing' }
  | { state: 'outside-root' }
  | { state: 'not-a-file' };

export type FileFacts = ReadonlyMap<string, FileFact>;
