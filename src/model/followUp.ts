import type { Ratio } from './units.js';

/**
 * Follow-up of closed tickets by the survey (seed 002: the survey starts after the issue is closed, within
 * 24 hours; seeds 003/004 call back after repairs). A survey response follows a ticket up when its order
 * number is the ticket's id or its order number, and it was answered at or after the ticket was closed.
 */
export interface FollowUp {
  /** Which records column the survey's order numbers were found in: the ticket id or the order column. */
  joinedOn: 'id' | 'order';
  /** Closed tickets (a resolution time) in the records, keyed as joined. */
  closed: number;
  /** Closed tickets answered by a survey response after their close. */
  followedUp: number;
  share: Ratio | null;
  /** Responses with an order number and a readable response time. */
  responses: number;
  /** Responses whose order number is in no closed ticket. */
  unmatched: number;
  /** Responses answered before every close of their order (not a follow-up of a closed ticket). */
  beforeClose: number;
  /** Responses that follow a closed ticket up (answered at or after its close). */
  followUps: number;
  /** Hours from the close to the response, over the follow-ups. */
  delayMedianHours: number | null;
  /** Follow-ups answered within 24 hours of the close. */
  within24h: { count: number; share: Ratio | null };
  /** Responses with a date but no time of day, read as the end of that day (23:59): delays are then upper bounds. */
  dateOnly: number;
  rule: { withinHours: 24; matchedTo: 'latest close at or before the response'; dateOnlyAs: 'end of day' };
}
