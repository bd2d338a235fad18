/** What a criterion came to; the one vocabulary of a Report and of a comparison of two. */
export const OUTCOMES = ['met', 'partial', 'not-met', 'not-applicable', 'not-assessed', 'unsupported'] as const;
export type Outcome = (typeof OUTCOMES)[number];
