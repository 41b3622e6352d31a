import { euActors, money } from './queries';
import type { Ending, GameState, LogEntry, Scenario, ScorePart } from './types';

// Endings, score and grade.
//
// The point of the game is money for Ukraine, and the score says so by construction. It has two
// layers:
//
//   Money that reached Ukraine in time (legally secured and payable by the deadline):
//     - nothing: 0 points;
//     - anything at all: MONEY_FLOOR (250) points, plus
//     - the share of the target: floor(MONEY_SHARE x secured / target), 0 to 750 points.
//     Money beyond the target counts as the target (the gap is closed and the game ends that
//     week): a bigger package adds nothing more; what a win can still earn is weeks to spare.
//     More money never scores less, and every further 1/750 of the target scores at least one
//     point more: for targets up to EUR 75 bn (all three scenarios as designed), every EUR 0.1 bn.
//
//   Four other parts, each held inside its own range (OTHER_PARTS):
//     - weeks to spare (wins only): the share of the weeks that could have been spared, 0..100;
//     - EU unity (0..100): half of it, 0..50;
//     - credibility (the mean over EU governments, counted from -50 to +50): 0..50;
//     - Russian retaliation: -10 for each rung Russia climbed during the game, down to -40.
//
// Together the other parts lie between -40 and +200, a spread of 240: smaller than the money
// floor of 250. So any game with money scores at least 250 - 40 = 210, and any game without money
// at most 200: no game that secured nothing can score (or grade) above one that secured some,
// whatever the other parts. Within a money level, the other parts still decide the order, and
// can move a grade. Integer maths only, so every machine gives the same score.

/** Points for securing any money at all (0 when none reached Ukraine in time). */
export const MONEY_FLOOR = 250;
/** Points for the share of the target secured, on top of the floor: the whole target gives this. */
export const MONEY_SHARE = 750;

/** The range of each part other than money, in points. */
export const OTHER_PARTS: Readonly<Record<Exclude<ScorePart, 'money' | 'share'>, Range>> = {
  weeks: { min: 0, max: 100 },
  unity: { min: 0, max: 50 },
  credibility: { min: 0, max: 50 },
  retaliation: { min: -40, max: 0 },
};

interface Range {
  min: number;
  max: number;
}

const otherParts = Object.values(OTHER_PARTS);
/** The lowest and highest sum of the other parts. */
export const OTHER_MIN = otherParts.reduce((s, r) => s + r.min, 0);
export const OTHER_MAX = otherParts.reduce((s, r) => s + r.max, 0);
// The one inequality the ranking rests on: the other parts together can never bridge the floor.
if (OTHER_MAX - OTHER_MIN >= MONEY_FLOOR)
  throw new Error('score: the parts other than money must span less than the money floor');

/**
 * Grades by score. F is exactly "no money reached Ukraine in time": the lowest score of a game
 * with money (MONEY_FLOOR + OTHER_MIN) is where E starts, above the highest without money.
 */
export const GRADE_THRESHOLDS: readonly { min: number; grade: Ending['grade'] }[] = [
  { min: 1100, grade: 'A' }, // the whole target, with a good margin of weeks, unity and trust
  { min: 1000, grade: 'B' }, // the whole target, or nearly, with the other parts about even
  { min: 800, grade: 'C' }, // about three quarters of the target or more
  { min: 550, grade: 'D' }, // about 40% of the target or more
  { min: MONEY_FLOOR + OTHER_MIN, grade: 'E' }, // some money
  { min: -Infinity, grade: 'F' }, // none
];

/** The grade of a score. */
export function gradeOf(score: number): Ending['grade'] {
  return GRADE_THRESHOLDS.find((g) => score >= g.min)!.grade;
}

const bnText = (millions: number) => `EUR ${(millions / 1000).toFixed(1)} bn`;
/** A whole number with commas between thousands (1,000), the same on every machine. */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * One line for players: what the grade compares, true to scoreGame's formula and this scenario's
 * target.
 */
export function scoreExplanation(scenario: Scenario): string {
  return (
    `Your grade mostly measures the money that reached Ukraine in time: up to ` +
    `${grouped(MONEY_FLOOR + MONEY_SHARE)} points for the whole ${bnText(scenario.target)}, and ` +
    `no money at all always means F; weeks to spare, EU unity, your credibility and Russian ` +
    `retaliation add at most ${OTHER_MAX} points or take off at most ${-OTHER_MIN}.`
  );
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
/** A part's points held inside its range, whatever the state holds. */
const within = (part: keyof typeof OTHER_PARTS, points: number) =>
  clamp(points, OTHER_PARTS[part].min, OTHER_PARTS[part].max);

/** What this much of the target means for Ukraine, in the scenario's words. */
function cutDepth(scenario: Scenario, secured: number, target: number): string {
  const share = Math.floor((secured * 100) / target);
  const own = scenario.endings;
  if (own) {
    const text =
      share >= 100
        ? own.full
        : share >= 75
          ? own.most
          : share >= 40
            ? own.deep
            : share > 0
              ? own.little
              : own.none;
    return text.replaceAll('{share}', String(share));
  }
  if (share >= 100) return 'Ukraine keeps paying salaries, pensions and soldiers through 2026.';
  if (share >= 75)
    return `With ${share}% of the gap covered, Ukraine trims spending from April but keeps essential services running.`;
  if (share >= 40)
    return `With ${share}% of the gap covered, Ukraine must cut deeply from April: delayed wages, fewer drones and shells.`;
  if (share > 0)
    return `With only ${share}% of the gap covered, Ukraine faces severe cuts from April and leans on emergency printing.`;
  return 'Nothing arrived in time: from 1 April Ukraine must cut public spending drastically.';
}

/** How much a log entry changed the course of the game (0: not a turning point), by its code. */
function weight(scenario: Scenario, e: LogEntry): number {
  const def = e.actor ? scenario.actors.find((a) => a.id === e.actor) : undefined;
  const pivotal = def?.pivotal === true;
  switch (e.code) {
    case 'vote.council':
    case 'vote.parliament':
    case 'vote.gate':
    case 'vote.veto':
      return 5;
    case 'money.pledge':
      return 1;
    case 'money.adopted':
    case 'money.payments':
    case 'money.consent':
      return 4;
    case 'money.withdraw':
    case 'money.real':
    case 'money.lock':
    case 'money.bridge':
      return 2;
    case 'reply.accept':
      return pivotal ? 3 : 2;
    case 'decision.promise-broken':
    case 'decision.lapse':
      return 4;
    case 'decision.stance':
      return e.data?.to === 'committed' ? (pivotal ? 3 : 1) : 0;
    case 'event.random':
    case 'event.actor':
    case 'event.offer-effect':
    case 'event.court':
    case 'event.seizure':
      return def?.kind === 'adversary' || def?.kind === 'custodian' ? 3 : 0;
    default:
      return 0;
  }
}

/** The three moments that most changed the game, in the order they happened. */
function turningPoints(scenario: Scenario, state: GameState): LogEntry[] {
  return state.log
    .map((e, i) => ({ e, i, w: weight(scenario, e) }))
    .filter((x) => x.w > 0)
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .slice(0, 3)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.e);
}

/** The parts of the score of a finished game, each within its range, and their labels. */
function scoreParts(
  scenario: Scenario,
  state: GameState,
  won: boolean,
  secured: number,
): Ending['breakdown'] {
  const target = scenario.target;
  const counted = clamp(secured, 0, target); // beyond the target counts as the target
  const share = secured > 0 ? Math.floor((counted * MONEY_SHARE) / target) : 0;
  const spareMax = Math.max(1, scenario.weeks - 1); // winning in week 1 spares all the others
  const spare = won ? clamp(scenario.weeks - state.week, 0, spareMax) : 0;
  const unity = clamp(state.unity, 0, 100);
  const eu = euActors(scenario);
  const credibility = eu.length
    ? Math.trunc(eu.reduce((s, a) => s + (state.actors[a.id]?.credibility ?? 0), 0) / eu.length)
    : 0;
  const rungs = Math.max(0, clamp(state.russia, 0, 4) - clamp(scenario.startRussia, 0, 4));
  const percent = Math.floor((counted * 100) / target);
  return [
    {
      part: 'money',
      label: secured > 0 ? 'Money reached Ukraine in time' : 'No money reached Ukraine in time',
      points: secured > 0 ? MONEY_FLOOR : 0,
    },
    { part: 'share', label: `Share of the ${bnText(target)} target: ${percent}%`, points: share },
    {
      part: 'weeks',
      label: `Weeks to spare: ${spare}`,
      points: within('weeks', Math.floor((spare * OTHER_PARTS.weeks.max) / spareMax)),
    },
    {
      part: 'unity',
      label: `EU unity: ${unity} of 100`,
      points: within('unity', Math.floor(unity / 2)),
    },
    {
      part: 'credibility',
      label: `Your credibility with EU governments: ${credibility > 0 ? '+' : ''}${credibility}`,
      points: within('credibility', Math.floor((clamp(credibility, -50, 50) + 50) / 2)),
    },
    {
      part: 'retaliation',
      label: `Russian retaliation: ${rungs} rung${rungs === 1 ? '' : 's'} up its ladder`,
      points: within('retaliation', -10 * rungs),
    },
  ];
}

export function scoreGame(scenario: Scenario, state: GameState, won: boolean): Ending {
  const secured = money(scenario, state).secured;
  const target = scenario.target;
  const weeksToSpare = won ? scenario.weeks - state.week : 0;
  const breakdown = scoreParts(scenario, state, won, secured);
  const score = breakdown.reduce((s, b) => s + b.points, 0);
  const grade = gradeOf(score);
  const outcome = won ? 'win' : secured > 0 ? 'partial' : 'loss';
  const bn = (secured / 1000).toFixed(1);
  const headline =
    outcome === 'win'
      ? `Ukraine is funded: EUR ${bn} bn secured with ${weeksToSpare} week${weeksToSpare === 1 ? '' : 's'} to spare.`
      : outcome === 'partial'
        ? `Partly funded: EUR ${bn} bn of EUR ${(target / 1000).toFixed(1)} bn arrives in time.`
        : 'No money was adopted in time.';
  return {
    outcome,
    week: state.week,
    secured,
    target,
    score,
    grade,
    headline,
    cutDepth: cutDepth(scenario, secured, target),
    breakdown,
    turningPoints: turningPoints(scenario, state),
  };
}
