import type { FollowUp } from '../model/followUp.js';
import { roundTo } from '../model/units.js';
import { MinuteHistogram } from './compact.js';
import type { WallMinutes } from './values.js';

export type { FollowUp } from '../model/followUp.js';

export const FOLLOW_UP_HOURS = 24;

/**
 * Close times of the closed tickets, by ticket id and by order number: a Map entry (~100 bytes) per closed
 * ticket and per distinct order number, kept only when a survey is to be joined.
 */
export class CloseIndex {
  readonly byId = new Map<string, number | number[]>();
  readonly byOrder = new Map<string, number | number[]>();
  add(id: string, order: string | null, closed: WallMinutes): void {
    put(this.byId, id, closed);
    if (order !== null) put(this.byOrder, order, closed);
  }
}
function put(m: Map<string, number | number[]>, k: string, t: number): void {
  const v = m.get(k);
  if (v === undefined) m.set(k, t);
  else if (typeof v === 'number') m.set(k, [v, t]);
  else v.push(t);
}

/** One join per key column; `finish` keeps the one that matched more responses (the id on a tie). */
export class FollowUpJoin {
  private sides: Array<{ on: 'id' | 'order'; closes: Map<string, number | number[]>; s: SideState }>;
  private responses = 0;
  private dateOnly = 0;
  constructor(index: CloseIndex) {
    this.sides = [
      { on: 'id', closes: index.byId, s: side() },
      { on: 'order', closes: index.byOrder, s: side() },
    ];
  }

  /** A counted survey response with an order number, answered at `t` (minutes; `dateOnly`: a day without time). */
  response(order: string, t: WallMinutes, dateOnly: boolean): void {
    this.responses++;
    if (dateOnly) this.dateOnly++;
    const at = dateOnly ? t + 1439 : t;
    for (const { closes, s } of this.sides) {
      const v = closes.get(order);
      if (v === undefined) {
        s.unmatched++;
        continue;
      }
      // The ticket followed up is the one closed last at or before the response.
      let best = Number.NEGATIVE_INFINITY;
      let which = 0;
      const list = typeof v === 'number' ? [v] : v;
      for (let i = 0; i < list.length; i++)
        if (list[i]! <= at && list[i]! > best) {
          best = list[i]!;
          which = i;
        }
      if (best === Number.NEGATIVE_INFINITY) {
        s.beforeClose++;
        continue;
      }
      const ticket = `${which}\u0000${order}`;
      if (!s.followed.has(ticket)) s.followed.add(ticket);
      s.delays.push(at - best);
      if (at - best <= FOLLOW_UP_HOURS * 60) s.within++;
    }
  }

  finish(): FollowUp | null {
    const [id, order] = this.sides as [(typeof this.sides)[0], (typeof this.sides)[0]];
    const matched = (x: typeof id) => x.s.delays.n + x.s.beforeClose;
    const pick = matched(order) > matched(id) ? order : id;
    // Nothing to report when no response names a closed ticket: the two exports do not share order numbers.
    if (matched(pick) === 0) return null;
    const closed = [...pick.closes.values()].reduce<number>((a, v) => a + (typeof v === 'number' ? 1 : v.length), 0);
    const s = pick.s;
    const median = s.delays.percentile(0.5, 60);
    return {
      joinedOn: pick.on,
      closed,
      followedUp: s.followed.size,
      share: closed ? roundTo(s.followed.size / closed, 4) : null,
      responses: this.responses,
      unmatched: s.unmatched,
      beforeClose: s.beforeClose,
      followUps: s.delays.n,
      delayMedianHours: median === null ? null : roundTo(median, 2),
      within24h: { count: s.within, share: s.delays.n ? roundTo(s.within / s.delays.n, 4) : null },
      dateOnly: this.dateOnly,
      rule: { withinHours: FOLLOW_UP_HOURS, matchedTo: 'latest close at or before the response', dateOnlyAs: 'end of day' },
    };
  }
}
interface SideState {
  unmatched: number;
  beforeClose: number;
  within: number;
  delays: MinuteHistogram;
  /** Tickets followed up (order number and which of its closes): a ticket answered twice counts once. */
  followed: Set<string>;
}
const side = (): SideState => ({ unmatched: 0, beforeClose: 0, within: 0, delays: new MinuteHistogram(), followed: new Set() });
