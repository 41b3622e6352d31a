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
  type GameState,
  type RouteTerms,
  type Scenario,
  type Stance,
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
  band: Exclude<Stance, 'committed'>;
  cap: Exclude<Stance, 'committed'> | null;
  /** the reason in words, built only when someone reads it (it is the costly part) */
  text: () => { reason: string; wouldMove: string };
}

/** This week's own willingness: last week's, plus capped effects, drifting back to rest. */
export function nextOwn(state: GameState, id: string, roll: number): number {
  const a = state.actors[id]!;
  const effects = clamp(
    a.pending.reduce((s, p) => s + p.amount, 0),
    -WEEKLY_CAP,
    WEEKLY_CAP,
  );
  const drift = Math.trunc(((a.base - a.own) * DRIFT_PERCENT) / 100);
  const noise = (roll % 13) - 6;
  const own = clamp(a.own + effects + drift + noise, -100, 100);
  // A commitment holds willingness up: a government that has signed does not drift away.
  return a.stance === 'committed' ? Math.max(own, HELD_BY_COMMITMENT) : own;
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
  // With a roll: where the actor goes at the end of this week. Without: where it stands now.
  const own = roll === null ? state.actors[def.id]!.own : nextOwn(state, def.id, roll);
  const heardOf = () => {
    const causes = pendingCauses(state, def.id);
    return causes ? ` This week: ${causes}.` : '';
  };
  switch (def.kind) {
    case 'custodian': {
      const f = belgiumFear(scenario, state);
      const w = clamp(
        2 * (f.threshold - f.fear) + 40 + (own - state.actors[def.id]!.base),
        -100,
        100,
      );
      return {
        own,
        w,
        band: bandOf(w, state.actors[def.id]!.stance),
        cap: null,
        text: () => ({
          reason: `Brussels fears being left alone with Euroclear's liability: fear ${f.fear} against a tolerance of ${f.threshold}, mostly from ${[...f.parts].sort((a, b) => b.points - a.points)[0]!.label}.${heardOf()}`,
          wouldMove:
            'Guarantees from the big states (coverage now ' +
            `${f.coverage}%), uncapped risk-sharing, a liquidity mechanism, legal shields, and other holders such as the UK, Canada and Japan joining.`,
        }),
      };
    }
    case 'aligned': {
      // A G7 line, and the partners that act with the EU committing, ease Tokyo's own view.
      const partners = scenario.actors.filter(
        (x) => x.kind === 'follower' && isCommitted(state, x.id),
      ).length;
      const bonus = 10 * state.g7Basis + 8 * partners;
      const w = pulled(state, def, clamp(own + bonus, -100, 100));
      const leader = def.follows[0]?.actor ?? 'us';
      const usOpposed = leaderOpposed(state, leader);
      const usW = state.actors[leader]?.w ?? 0;
      return {
        own,
        w,
        band: bandOf(w, state.actors[def.id]!.stance),
        cap: usOpposed ? 'wary' : null,
        text: () => ({
          reason: usOpposed
            ? `Tokyo will not move before Washington: the US is opposed (${usW}), which drags Japan's own willingness (${clamp(own + bonus, -100, 100)}) down to ${w}.${heardOf()}`
            : `With Washington no longer opposed, Japan weighs the legal precedent for East Asia; its own willingness is ${clamp(own + bonus, -100, 100)}, pulled to ${w} by the US.${heardOf()}`,
          wouldMove:
            'A shift in the US position moves Japan most; a common G7 line, a non-military-use clause and the UK and Canada committing help its own view.',
        }),
      };
    }
    case 'follower': {
      const w = pulled(state, def, own);
      return {
        own,
        w,
        band: bandOf(w, state.actors[def.id]!.stance),
        cap: null,
        text: () => ({
          reason: `${def.name} acts in lockstep with the EU: it will pledge once willing (${w}, needs ${PLEDGE_AT}), and its pledge becomes real only ${def.pledgeOn?.text ?? 'once an EU route is decided'}.${heardOf()}`,
          wouldMove: `${def.pledgeOn ? 'The EU lending against the immobilised assets' : 'An EU decision on a route'}; G7 coordination; Japan and the other partners alongside.`,
        }),
      };
    }
    case 'veto-holder': {
      const w = clamp(own - Math.trunc(state.hungaryPrice / 2), -100, 100);
      return {
        own,
        w,
        band: bandOf(w, state.actors[def.id]!.stance),
        cap: null,
        text: () => ({
          reason: `Budapest treats the money as a bargain: it will block any act needing unanimity unless its price (about ${state.hungaryPrice} points of concessions) is met, citing its energy security.${heardOf()}`,
          wouldMove:
            'An energy assurance or released EU funds worth its price; or routes that do not need its vote (qualified majority, enhanced cooperation with national guarantees).',
        }),
      };
    }
    case 'patron': {
      const w = clamp(own, -100, 100);
      return {
        own,
        w,
        band: bandOf(w, state.actors[def.id]!.stance),
        cap: null,
        text: () => ({
          reason:
            w < -40
              ? `Washington sees the assets as a chip for peace talks and lobbies European capitals against using them (${w}).${heardOf()}`
              : `Washington is no longer fighting the plan (${w}), as long as it has a say in what happens after the war.${heardOf()}`,
          wouldMove:
            'A role for the US in reconstruction; a peace process that gives Washington credit.',
        }),
      };
    }
    case 'lender': {
      const decided = euRouteDecided(scenario, state);
      const w = clamp(
        own + (decided ? 30 : 0) + (state.ukraineReform === 'passed' ? 10 : 0),
        -100,
        100,
      );
      return {
        own,
        w,
        band: bandOf(w, state.actors[def.id]!.stance),
        cap: null,
        text: () => ({
          reason: decided
            ? `The IMF has its financing assurances: an EU decision is in.${heardOf()}`
            : `The IMF can only lend once others have covered the rest of the gap: it waits for an EU decision.${heardOf()}`,
          wouldMove: 'An EU route agreed; Ukraine passing the reforms the programme asks for.',
        }),
      };
    }
    case 'recipient': {
      const w = clamp(own, -100, 100);
      return {
        own,
        w,
        band: bandOf(w, state.actors[def.id]!.stance),
        cap: null,
        text: () => ({
          reason: `Kyiv needs money by spring and watches whether Europe keeps its word (${w}).${heardOf()}`,
          wouldMove:
            'Speed, money that does not have to be repaid from its own budget, and no deals made over its head.',
        }),
      };
    }
    case 'adversary':
      return {
        own,
        w: -100,
        band: 'opposed',
        cap: null,
        text: () => ({
          reason: `Moscow calls any use of its reserves theft (its own claim) and answers each European step; retaliation is at level ${state.russia} of 4.`,
          wouldMove: `Nothing the Commission offers: Russia is not at the table. Tabling or adopting ${routeOfKind(scenario, 'reparations-loan') ? `the ${routeOfKind(scenario, 'reparations-loan')!.name}` : 'a loan against the assets'} and public pressure provoke it.`,
        }),
      };
    case 'government':
    default: {
      let w = pulled(state, def, own);
      const notes: string[] = [];
      // The central bank reads markets and the law, not the mood of capitals.
      if (def.conditions?.some((c) => c.code === 'no-ecb-backstop')) {
        const rl = routeOfKind(scenario, 'reparations-loan');
        const legal = rl ? (state.routes[rl.id]?.legal ?? 0) : 0;
        w = clamp(w + 5 * legal - Math.trunc(state.market / 5), -100, 100);
        notes.push(`market stress ${state.market}, legal robustness ${legal}/3`);
      }
      // Those wary of the loan find it safer once the custodian says yes.
      const custodian = actorOfKind(scenario, 'custodian');
      const custodianYes =
        !!custodian &&
        ['supportive', 'committed'].includes(state.actors[custodian.id]?.stance ?? '');
      if ((def.routeAffinity['reparations-loan'] ?? 0) < 0 && custodianYes) {
        w = clamp(w + 8, -100, 100);
        notes.push("Belgium's yes makes the plan look safer");
      }
      const leaders = def.follows
        .map(
          (f) =>
            `${scenario.actors.find((a) => a.id === f.actor)?.name ?? f.actor} (${state.actors[f.actor]?.w ?? 0})`,
        )
        .join(', ');
      return {
        own,
        w,
        band: bandOf(w, state.actors[def.id]!.stance),
        cap: null,
        text: () => ({
          reason: `${def.agenda} Willingness ${w}${leaders ? `, pulled toward ${leaders}` : ''}${notes.length ? `; ${notes.join('; ')}` : ''}.${heardOf()}`,
          wouldMove: wouldMoveGovernment(scenario, def),
        }),
      };
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
