import {
  actorOfKind,
  bandOf,
  euRouteDecided,
  guaranteeCoverage,
  isCommitted,
  isSeizure,
  otherHoldersJoined,
  reparationsTerms,
  routeOfKind,
  type ActorDef,
  type ActorState,
  type GameState,
  type RouteTerms,
  type Scenario,
  type Stance,
  type WillCode,
  type WillPart,
} from '../engine';
import { PLEDGE_AT } from './machines';

// How each actor sees the world: pure functions from a state to a willingness, a reason in plain
// language and what would move it. The XState machines decide on what these functions report.

export const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
const WEEKLY_CAP = 25;
const DRIFT_PERCENT = 10;
const HELD_BY_COMMITMENT = 40;

export interface Percept {
  own: number;
  w: number;
  /** what stands between its own view and w: w = own + their sum (ActorState.lift) */
  lift: WillPart[];
  /** what moved its own view this week (empty without a roll): they add up to own - stored own */
  ownParts: WillPart[];
  band: Exclude<Stance, 'committed'>;
  cap: Exclude<Stance, 'committed'> | null;
  /** the reason in words, built only when someone reads it (it is the costly part) */
  text: () => { reason: string; wouldMove: string };
}

const part = (code: WillCode, amount: number, cause = ''): WillPart =>
  Object.freeze({ code, amount, cause });

/**
 * This week's own willingness, part by part: last week's, plus the effects that waited for the
 * week's end (capped), drifting back to rest, the week's chance, within -100..100, and held up
 * by a commitment. The parts add up to the change.
 */
export function ownStep(
  state: GameState,
  id: string,
  roll: number,
): { own: number; parts: WillPart[] } {
  const a = state.actors[id]!;
  const parts: WillPart[] = [];
  let raw = 0;
  for (const p of a.pending) {
    raw += p.amount;
    if (p.amount) parts.push(part(p.code, p.amount, p.cause));
  }
  const effects = clamp(raw, -WEEKLY_CAP, WEEKLY_CAP);
  if (effects !== raw) parts.push(part('weekly-cap', effects - raw));
  const drift = Math.trunc(((a.base - a.own) * DRIFT_PERCENT) / 100);
  if (drift) parts.push(part('drift', drift));
  const noise = (roll % 13) - 6;
  if (noise) parts.push(part('chance', noise));
  const sum = a.own + effects + drift + noise;
  let own = clamp(sum, -100, 100);
  if (own !== sum) parts.push(part('limit', own - sum));
  // A commitment holds willingness up: a government that has signed does not drift away.
  if (a.stance === 'committed' && own < HELD_BY_COMMITMENT) {
    parts.push(part('held', HELD_BY_COMMITMENT - own));
    own = HELD_BY_COMMITMENT;
  }
  return { own, parts };
}

/** This week's own willingness: last week's, plus capped effects, drifting back to rest. */
export function nextOwn(state: GameState, id: string, roll: number): number {
  return ownStep(state, id, roll).own;
}

/** Builds a willingness from an own view, one named part at a time (its lift). */
class Lift {
  readonly parts: WillPart[] = [];
  constructor(public w: number) {}
  add(code: WillCode, amount: number, cause = ''): this {
    if (amount !== 0) {
      this.parts.push(part(code, amount, cause));
      this.w += amount;
    }
    return this;
  }
  /** Keeps it within -100..100, the cut being a part of its own. */
  limit(): this {
    return this.add('limit', clamp(this.w, -100, 100) - this.w);
  }
}

/** The pull of the actors it follows: w += pull * (w_leader - base), each a part, then limited. */
function pullInto(scenario: Scenario, state: GameState, def: ActorDef, lift: Lift): Lift {
  const base = lift.w;
  for (const f of def.follows) {
    const leader = state.actors[f.actor];
    if (!leader) continue;
    const name = scenario.actors.find((a) => a.id === f.actor)?.name ?? f.actor;
    lift.add('pull', Math.trunc((f.pull * (leader.w - base)) / 100), name);
  }
  return lift.limit();
}

/** Willingness dragged toward the actors it follows: w = own + pull * (w_leader - own). */
export function pulled(state: GameState, def: ActorDef, own: number): number {
  let w = own;
  for (const f of def.follows) {
    const leader = state.actors[f.actor];
    if (!leader) continue;
    w += Math.trunc((f.pull * (leader.w - own)) / 100);
  }
  return clamp(w, -100, 100);
}

const sumOf = (parts: readonly WillPart[]) => parts.reduce((s, p) => s + p.amount, 0);

/**
 * What moved a willingness at a week's end: the own view's parts, then how each part of its
 * lift changed (a pull grown weaker, a fear grown less). They add up to w - the stored w.
 */
export function changeParts(a: ActorState, p: Pick<Percept, 'ownParts' | 'lift'>): WillPart[] {
  const out: WillPart[] = [...p.ownParts];
  const add = (code: WillCode, cause: string, amount: number) => {
    const i = out.findIndex((x) => x.code === code && x.cause === cause);
    if (i < 0) out.push(part(code, amount, cause));
    else out[i] = part(code, out[i]!.amount + amount, cause);
  };
  for (const x of p.lift) add(x.code, x.cause, x.amount);
  for (const x of a.lift) add(x.code, x.cause, -x.amount);
  // Whatever the stored lift does not account for (a broken promise cut at -100) was a limit.
  add('limit', '', sumOf(a.lift) - (a.w - a.own));
  return out.filter((x) => x.amount !== 0);
}

/** The part of a willingness the actors it follows pull in: its own view is w minus this. */
export const pullOf = (lift: readonly WillPart[]) =>
  lift.reduce((s, p) => (p.code === 'pull' ? s + p.amount : s), 0);

const pendingCauses = (state: GameState, id: string) => {
  const causes = state.actors[id]!.pending.filter((p) => p.amount !== 0);
  if (!causes.length) return '';
  return causes.map((p) => `${p.cause} (${p.amount > 0 ? '+' : ''}${p.amount})`).join(', ');
};

// ---------------------------------------------------------------- Belgium: liability fear

export interface FearReport {
  fear: number;
  threshold: number;
  parts: { label: string; points: number }[];
  riskSharing: boolean;
  liquidity: boolean;
  holders: string[];
  coverage: number;
}

/** Belgium's fear of being left with Euroclear's liability, for given (or current) loan terms. */
export function belgiumFear(
  scenario: Scenario,
  state: GameState,
  extra: Partial<RouteTerms> = {},
): FearReport {
  const current = reparationsTerms(scenario, state) ?? { size: 90 };
  const t: RouteTerms = { ...current, ...extra };
  const rl = routeOfKind(scenario, 'reparations-loan');
  const legal = rl ? (state.routes[rl.id]?.legal ?? 0) : 0;
  const coverage = guaranteeCoverage(scenario, state);
  const uncapped = t.guarantee === 'uncapped' && coverage >= 50;
  const exposure = 30 + Math.trunc(t.size / 5);
  const holders = otherHoldersJoined(scenario, state);
  const parts = [
    {
      label: 'uncovered exposure',
      points: Math.trunc((exposure * (100 - (uncapped ? 100 : coverage))) / 100),
    },
    { label: 'risk not fully shared', points: uncapped ? 0 : 8 },
    { label: 'Russian retaliation', points: 7 * state.russia },
    { label: 'market stress', points: Math.trunc(state.market / 5) },
    { label: 'lawsuits and threats', points: state.fear },
    { label: 'other holders joining', points: -5 * holders.length },
    { label: 'legal shields', points: t.legalShields ? -8 : 0 },
    { label: 'liquidity mechanism', points: t.liquidity ? -10 : 0 },
    { label: 'legal robustness', points: -3 * legal },
    { label: 'assets locked by Article 122', points: state.assetLock ? -4 : 0 },
  ];
  // Taking the assets outright invites suits over state immunity: Belgium's own onSeizure
  // (a scenario option) counts as fear. Without it the list is exactly as before.
  const belgium = actorOfKind(scenario, 'custodian');
  if (rl && isSeizure(rl, t) && belgium?.onSeizure)
    parts.push({ label: 'outright seizure (state immunity)', points: -belgium.onSeizure });
  return {
    fear: Math.max(
      0,
      parts.reduce((s, p) => s + p.points, 0),
    ),
    threshold: scenario.difficulty[state.difficulty].belgiumThreshold,
    parts,
    riskSharing: uncapped,
    liquidity: !!t.liquidity,
    holders,
    coverage,
  };
}

// ---------------------------------------------------------------- percepts by kind

function leaderOpposed(state: GameState, id: string): boolean {
  const a = state.actors[id];
  return !!a && a.stance === 'opposed';
}

/** The actor's position as it stands now, in words: the "why?" and "what would move it?". */
export function explainActor(scenario: Scenario, state: GameState, id: string) {
  const def = scenario.actors.find((a) => a.id === id);
  if (!def) return { reason: '', wouldMove: '' };
  const a = state.actors[id]!;
  if (a.stance === 'committed' && a.reason) return { reason: a.reason, wouldMove: a.wouldMove };
  return perceive(scenario, state, def, null).text();
}

/** What each actor makes of the current state this week. */
export function perceive(
  scenario: Scenario,
  state: GameState,
  def: ActorDef,
  roll: number | null,
): Percept {
  const a = state.actors[def.id]!;
  // With a roll: where the actor goes at the end of this week, part by part. Without: where it
  // stands now, as its card shows it (its willingness as stored, not worked out again: the
  // partners it follows may have moved since, and that reaches it at the week's end).
  const step = roll === null ? null : ownStep(state, def.id, roll);
  const own = step ? step.own : a.own;
  const lift = new Lift(own);
  const heardOf = () => {
    const causes = pendingCauses(state, def.id);
    return causes ? ` This week: ${causes}.` : '';
  };
  /** The percept from the lift built (or, without a roll, from the stored willingness). */
  const done = (
    text: (w: number, ownView: number) => { reason: string; wouldMove: string },
    cap: Percept['cap'] = null,
  ): Percept => {
    const parts = step ? lift.parts : a.lift;
    const w = step ? lift.w : a.w;
    return {
      own,
      w,
      lift: parts,
      ownParts: step ? step.parts : [],
      band: bandOf(w, a.stance),
      cap,
      text: () => text(w, w - pullOf(parts)),
    };
  };
  switch (def.kind) {
    case 'custodian': {
      const f = belgiumFear(scenario, state);
      lift.add('fear', 2 * (f.threshold - f.fear) + 40 - a.base).limit();
      return done(() => ({
        reason: `Brussels fears being left alone with Euroclear's liability: fear ${f.fear} against a tolerance of ${f.threshold}, mostly from ${[...f.parts].sort((x, y) => y.points - x.points)[0]!.label}.${heardOf()}`,
        wouldMove:
          'Guarantees from the big states (coverage now ' +
          `${f.coverage}%), uncapped risk-sharing, a liquidity mechanism, legal shields, and other holders such as the UK, Canada and Japan joining.`,
      }));
    }
    case 'aligned': {
      // A G7 line, and the partners that act with the EU committing, ease Tokyo's own view.
      const partners = scenario.actors.filter(
        (x) => x.kind === 'follower' && isCommitted(state, x.id),
      ).length;
      lift
        .add('g7-line', 10 * state.g7Basis)
        .add('partners-joined', 8 * partners)
        .limit();
      pullInto(scenario, state, def, lift);
      const leader = def.follows[0]?.actor ?? 'us';
      const usOpposed = leaderOpposed(state, leader);
      const usW = state.actors[leader]?.w ?? 0;
      return done(
        (w, ownView) => ({
          reason: usOpposed
            ? `Tokyo will not move before Washington: the US is opposed (${usW}), which drags Japan's own willingness (${ownView}) down to ${w}.${heardOf()}`
            : `With Washington no longer opposed, Japan weighs the legal precedent for East Asia; its own willingness is ${ownView}, pulled to ${w} by the US.${heardOf()}`,
          wouldMove:
            'A shift in the US position moves Japan most; a common G7 line, a non-military-use clause and the UK and Canada committing help its own view.',
        }),
        usOpposed ? 'wary' : null,
      );
    }
    case 'follower': {
      pullInto(scenario, state, def, lift);
      return done((w) => ({
        reason: `${def.name} acts in lockstep with the EU: it will pledge once willing (${w}, needs ${PLEDGE_AT}), and its pledge becomes real only ${def.pledgeOn?.text ?? 'once an EU route is decided'}.${heardOf()}`,
        wouldMove: `${def.pledgeOn ? 'The EU lending against the immobilised assets' : 'An EU decision on a route'}; G7 coordination; Japan and the other partners alongside.`,
      }));
    }
    case 'veto-holder': {
      lift.add('price', -Math.trunc(state.hungaryPrice / 2)).limit();
      return done(() => ({
        reason: `Budapest treats the money as a bargain: it will block any act needing unanimity unless its price (about ${state.hungaryPrice} points of concessions) is met, citing its energy security.${heardOf()}`,
        wouldMove:
          'An energy assurance or released EU funds worth its price; or routes that do not need its vote (qualified majority, enhanced cooperation with national guarantees).',
      }));
    }
    case 'patron': {
      lift.limit();
      return done((w) => ({
        reason:
          w < -40
            ? `Washington sees the assets as a chip for peace talks and lobbies European capitals against using them (${w}).${heardOf()}`
            : `Washington is no longer fighting the plan (${w}), as long as it has a say in what happens after the war.${heardOf()}`,
        wouldMove:
          'A role for the US in reconstruction; a peace process that gives Washington credit.',
      }));
    }
    case 'lender': {
      const decided = euRouteDecided(scenario, state);
      lift
        .add('eu-decided', decided ? 30 : 0)
        .add('reforms', state.ukraineReform === 'passed' ? 10 : 0)
        .limit();
      return done(() => ({
        reason: decided
          ? `The IMF has its financing assurances: an EU decision is in.${heardOf()}`
          : `The IMF can only lend once others have covered the rest of the gap: it waits for an EU decision.${heardOf()}`,
        wouldMove: 'An EU route agreed; Ukraine passing the reforms the programme asks for.',
      }));
    }
    case 'recipient': {
      lift.limit();
      return done((w) => ({
        reason: `Kyiv needs money by spring and watches whether Europe keeps its word (${w}).${heardOf()}`,
        wouldMove:
          'Speed, money that does not have to be repaid from its own budget, and no deals made over its head.',
      }));
    }
    case 'adversary':
      // Not at the table: its willingness is -100 whatever its own view, and nothing moves it.
      return {
        own,
        w: -100,
        lift: [],
        ownParts: [],
        band: 'opposed',
        cap: null,
        text: () => ({
          reason: `Moscow calls any use of its reserves theft (its own claim) and answers each European step; retaliation is at level ${state.russia} of 4.`,
          wouldMove: `Nothing the Commission offers: Russia is not at the table. Tabling or adopting ${routeOfKind(scenario, 'reparations-loan') ? `the ${routeOfKind(scenario, 'reparations-loan')!.name}` : 'a loan against the assets'} and public pressure provoke it.`,
        }),
      };
    case 'government':
    default: {
      pullInto(scenario, state, def, lift);
      const notes: string[] = [];
      // The central bank reads markets and the law, not the mood of capitals.
      if (def.conditions?.some((c) => c.code === 'no-ecb-backstop')) {
        const rl = routeOfKind(scenario, 'reparations-loan');
        const legal = rl ? (state.routes[rl.id]?.legal ?? 0) : 0;
        lift
          .add('legal-robustness', 5 * legal)
          .add('market-stress', -Math.trunc(state.market / 5))
          .limit();
        notes.push(`market stress ${state.market}, legal robustness ${legal}/3`);
      }
      // Those wary of the loan find it safer once the custodian says yes.
      const custodian = actorOfKind(scenario, 'custodian');
      const custodianYes =
        !!custodian &&
        ['supportive', 'committed'].includes(state.actors[custodian.id]?.stance ?? '');
      if ((def.routeAffinity['reparations-loan'] ?? 0) < 0 && custodianYes) {
        lift.add('custodian-yes', 8).limit();
        notes.push("Belgium's yes makes the plan look safer");
      }
      const leaders = def.follows
        .map(
          (f) =>
            `${scenario.actors.find((x) => x.id === f.actor)?.name ?? f.actor} (${state.actors[f.actor]?.w ?? 0})`,
        )
        .join(', ');
      return done((w) => ({
        reason: `${def.agenda} Willingness ${w}${leaders ? `, pulled toward ${leaders}` : ''}${notes.length ? `; ${notes.join('; ')}` : ''}.${heardOf()}`,
        wouldMove: wouldMoveGovernment(scenario, def),
      }));
    }
  }
}

function wouldMoveGovernment(scenario: Scenario, def: ActorDef): string {
  if (def.wouldMove) return def.wouldMove;
  const liked = Object.entries(def.likes)
    .filter(([, v]) => (v ?? 0) > 0)
    .map(([k]) => TERM_NAMES[k] ?? k);
  const parts = [];
  if (liked.length) parts.push(`terms it values: ${liked.join(', ')}`);
  if (def.follows.length)
    parts.push(
      `a change of heart in ${def.follows.map((f) => scenario.actors.find((a) => a.id === f.actor)?.name ?? f.actor).join(' and ')}`,
    );
  parts.push('consultation and kept promises');
  return parts.join('; ') + '.';
}

export const TERM_NAMES: Record<string, string> = {
  guarantee: 'guarantees',
  liquidity: 'a liquidity mechanism',
  legalShields: 'legal shields',
  excludeFrenchBanks: "leaving French banks' holdings out",
  buyEuropean: 'a "buy European" clause',
  nonMilitary: 'non-military use',
  reconstructionRole: 'a role in reconstruction',
  energyAssurance: 'an energy assurance',
  fundsConcession: 'released EU funds',
  optOut: 'an opt-out from guarantees',
  oversight: 'strict oversight (benchmarks and audits)',
};
