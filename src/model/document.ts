import type { Lang } from './localized.js';

/**
 * The consultant's firm as a brand file gives it (`--brand FILE`): shown on the cover, the sign-off block and
 * the running footer of the PDF and HTML reports. Texts may differ by language; a plain string serves both.
 */
export interface Brand {
  firm: Record<Lang, string>;
  consultant: string | null;
  contact: string | null;
  /** The logo's bytes, checked to be PNG or JPEG. */
  logo: { bytes: Uint8Array; format: 'png' | 'jpeg' } | null;
}

/**
 * What makes a rendered report a document a consultant hands over: its number and version, whether it is
 * final (a draft is marked on every page until `--final`), and whose it is. Not part of the Report: the same
 * assessment is issued as several documents.
 */
export interface ReportDocument {
  number: string;
  version: string;
  final: boolean;
  brand: Brand | null;
}
