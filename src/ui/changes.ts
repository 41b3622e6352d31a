import type { GameState, Stance } from '../engine';
import { CHIP_HOSTS, type Tether } from './layout';

// What changed between two states, as the table needs to show it: which markers turn, which
// pledge chips drop in or go solid, and along which lines influence flowed. Pure, so the rules
// for "what moves on screen" are unit-tested without a browser.

export interface Chip {
  /** the card that shows it */
  host: string;
  /** EUR millions, all live pledges of that card together */
  amount: number;
  /** true while any of them still waits for its condition (drawn dashed) */
  conditional: boolean;
  /** true when the chip carries money from someone else (the donors) */
  hosted: boolean;
}

/** Live (not withdrawn) pledges, one chip per card. */
export function chipsOf(state: GameState, hasCard: (id: string) => boolean): Map<string, Chip> {
  const out = new Map<string, Chip>();
  for (const p of state.pledges) {
    if (p.status === 'withdrawn') continue;
    const host = hasCard(p.actor) ? p.actor : CHIP_HOSTS[p.actor];
    if (!host || !hasCard(host)) continue;
    const chip = out.get(host) ?? { host, amount: 0, conditional: false, hosted: false };
    chip.amount += p.amount;
    chip.conditional ||= p.status === 'conditional';
    chip.hosted ||= host !== p.actor;
    out.set(host, chip);
  }
  return out;
}

export interface TableChanges {
  stance: { id: string; from: Stance; to: Stance }[];
  /** actors whose willingness moved */
  will: string[];
  trust: string[];
  /** chips that appear */
  chipIn: string[];
  /** chips whose last condition was met (dashed to solid) */
  chipReal: string[];
  /** chips whose amount changed without appearing or going solid */
  chipChanged: string[];
  chipOut: string[];
  /** tethers along which influence flowed, as indexes into the layout's tether list */
  pulses: number[];
  money: boolean;
  week: boolean;
}

const routesMoved = (a: GameState, b: GameState) =>
  Object.keys(b.routes).some((id) => a.routes[id]?.status !== b.routes[id]?.status);

/**
 * The visible consequences of going from `prev` to `next`. A line pulses when its follower's
 * willingness moved and its leader gave it a reason to: the leader itself moved, or the leader
 * is opposed and the follower fell (US lobbying), or, for the EU, a route changed status.
 */
export function diffStates(
  prev: GameState,
  next: GameState,
  tethers: readonly Tether[],
  hasCard: (id: string) => boolean,
): TableChanges {
  const out: TableChanges = {
    stance: [],
    will: [],
    trust: [],
    chipIn: [],
    chipReal: [],
    chipChanged: [],
    chipOut: [],
    pulses: [],
    money: false,
    week: prev.week !== next.week,
  };
  for (const id of Object.keys(next.actors)) {
    const a = prev.actors[id];
    const b = next.actors[id]!;
    if (!a) continue;
    if (a.stance !== b.stance) out.stance.push({ id, from: a.stance, to: b.stance });
    if (a.w !== b.w) out.will.push(id);
    if (a.credibility !== b.credibility) out.trust.push(id);
  }
  const before = chipsOf(prev, hasCard);
  const after = chipsOf(next, hasCard);
  for (const [host, chip] of after) {
    const old = before.get(host);
    if (!old) out.chipIn.push(host);
    else if (old.conditional && !chip.conditional) out.chipReal.push(host);
    else if (old.amount !== chip.amount || old.conditional !== chip.conditional)
      out.chipChanged.push(host);
  }
  for (const host of before.keys()) if (!after.has(host)) out.chipOut.push(host);
  out.money =
    prev.pledges !== next.pledges ||
    routesMoved(prev, next) ||
    prev.graceWeeks !== next.graceWeeks ||
    prev.week !== next.week;

  const euMoved = routesMoved(prev, next);
  tethers.forEach((t, i) => {
    const fa = prev.actors[t.follower];
    const fb = next.actors[t.follower];
    if (!fa || !fb || fa.w === fb.w) return;
    if (t.leader === 'eu') {
      if (euMoved || fa.stance !== fb.stance || out.chipReal.includes(t.follower))
        out.pulses.push(i);
      return;
    }
    const la = prev.actors[t.leader];
    const lb = next.actors[t.leader];
    if (!la || !lb) return;
    const leaderMoved = la.w !== lb.w || la.stance !== lb.stance;
    const lobbied = lb.stance === 'opposed' && fb.w < fa.w;
    if (leaderMoved || lobbied) out.pulses.push(i);
  });
  return out;
}
