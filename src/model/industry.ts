import type { Localized } from './localized.js';

/** One industry's guidance beside the rubric's generic one (reference/industries/*.yaml). */
export interface IndustryProfile {
  schemaVersion: 1;
  id: string;
  name: Localized;
  aliases?: string[];
  sources: Record<string, { title: string }>;
  /** Keyed by criterion id; `source` is a key of `sources`, then where in it. */
  criteria: Record<string, IndustryGuidance>;
  commitments: Array<{ text: Localized; source: string }>;
  kpis: Array<{ id: string; title: Localized; source: string }>;
}

export interface IndustryGuidance {
  expects: Localized;
  evidence: Localized;
  source: string;
}
