// Issue #22: follow-up of closed tickets by the survey, joined on the order number. Expected figures are worked
// out by hand from the fixture rows (arithmetic in the comments), before the code ran.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRecordsFile, analyzeSurveyFile } from '../../src/datasets/analyze.js';
import { CloseIndex, FollowUpJoin } from '../../src/datasets/followUp.js';
import { buildCalendar } from '../../src/datasets/workCalendar.js';
import { ROOT } from '../helpers.js';

const fx = (f: string) => join(ROOT, 'test/fixtures/followup', f);
async function joined(survey: string) {
  const closes = new CloseIndex();
  await analyzeRecordsFile(fx('tickets.csv'), { commitments: {}, calendar: buildCalendar(null), asOf: '2026-08-01', closes });
  const followUp = new FollowUpJoin(closes);
  await analyzeSurveyFile(fx(survey), { followUp });
  return followUp.finish();
}

describe('follow-up of closed tickets', () => {
  it('on the order column: unmatched orders, a survey before the close, an order closed twice, a repeated survey, a date without time', async () => {
    const f = await joined('survey-orders.csv');
    // Closed tickets: T1, T2, T4, T5, T6, T7 = 6 (T3 is open). Responses joined: O1, O2, O3, O4, O5, O9, O7 = 7
    // (the second O1 is excluded by the survey as a repeated order). O3 (never closed) and O9: unmatched, 2.
    // O4 answered 08:30, closed 09:00: before the close, 1.
    // Follow-ups: O1 20:00 − 10:00 = 10 h; O2 07-04 12:00 − 07-02 12:00 = 48 h; O5 07-21 09:00 − the later close
    // 07-20 10:00 = 23 h; O7 date only → 07-07 23:59 − 07-06 08:30 = 39 h 29 min = 39.4833 h. 4 tickets of 6:
    // 0.6667. Median of 10, 23, 39.4833, 48 = (23 + 39.4833) / 2 = 31.2417 → 31.24. Within 24 h: O1, O5 = 2 / 4.
    expect(f).toMatchObject({
      joinedOn: 'order',
      closed: 6,
      followedUp: 4,
      share: 0.6667,
      responses: 7,
      unmatched: 2,
      beforeClose: 1,
      delayMedianHours: 31.24,
      within24h: { count: 2, share: 0.5 },
      dateOnly: 1,
    });
  });

  it('on the ticket id when the survey carries 工单号', async () => {
    const f = await joined('survey-tickets.csv');
    // T1 07-02 09:00 − 07-01 10:00 = 23 h (within); T5 07-21 09:00 − 07-05 18:00 = 15 d 15 h = 375 h; T3 open:
    // unmatched. 2 of 6 closed = 0.3333; median (23 + 375) / 2 = 199; within 24 h 1 / 2.
    expect(f).toMatchObject({
      joinedOn: 'id',
      closed: 6,
      followedUp: 2,
      share: 0.3333,
      responses: 3,
      unmatched: 1,
      beforeClose: 0,
      delayMedianHours: 199,
      within24h: { count: 1, share: 0.5 },
      dateOnly: 0,
    });
  });
});
