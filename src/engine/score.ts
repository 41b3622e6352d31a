import { money } from './queries';
import type { Ending, GameState, LogEntry, Scenario } from './types';

// Endings, score and grade. The score weighs money secured, weeks to spare, EU unity, the
// player's credibility and the Russian retaliation the game triggered.

const GRADES: { min: number; grade: Ending['grade'] }[] = [
  { min: 850, grade: 'A' },
  { min: 700, grade: 'B' },
  { min: 550, grade: 'C' },
  { min: 400, grade: 'D' },
  { min: 250, grade: 'E' },
  { min: -Infinity, grade: 'F' },
];

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

const KEY_ACTORS = new Set(['belgium', 'hungary', 'us', 'japan', 'italy']);

/** How much a log entry changed the course of the game (0: not a turning point). */
function weight(e: LogEntry): number {
  const t = e.text;
  if (e.kind === 'vote') return 5;
  if (e.kind === 'money') {
    if (t.includes('pledges EUR')) return 1;
    if (t.includes('adopted') || t.includes('payments can start') || t.includes('consents'))
      return 4;
    return 2;
  }
  if (e.kind === 'reply' && t.includes('accept')) return e.actor && KEY_ACTORS.has(e.actor) ? 3 : 2;
  if (e.kind === 'decision') {
    if (t.includes('broke a promise') || t.includes('steps back')) return 4;
    if (t.endsWith('→ committed.')) return e.actor && KEY_ACTORS.has(e.actor) ? 3 : 1;
    return 0;
  }
  if (e.kind === 'event') return e.actor === 'russia' || e.actor === 'belgium' ? 3 : 0;
  return 0;
}

/** The three moments that most changed the game, in the order they happened. */
function turningPoints(state: GameState): LogEntry[] {
  return state.log
    .map((e, i) => ({ e, i, w: weight(e) }))
    .filter((x) => x.w > 0)
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .slice(0, 3)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.e);
}

export function scoreGame(scenario: Scenario, state: GameState, won: boolean): Ending {
  const m = money(scenario, state);
  const secured = m.secured;
  const target = scenario.target;
  const weeksToSpare = won ? scenario.weeks - state.week : 0;
  const euIds = scenario.actors.filter((a) => a.members.length > 0).map((a) => a.id);
  const credibility = euIds.length
    ? Math.trunc(
        euIds.reduce((s, id) => s + (state.actors[id]?.credibility ?? 0), 0) / euIds.length,
      )
    : 0;
  const breakdown = [
    { label: 'Money secured', points: Math.trunc((Math.min(secured, target) * 500) / target) },
    { label: 'Weeks to spare', points: weeksToSpare * 15 },
    { label: 'EU unity', points: Math.trunc((state.unity * 3) / 2) },
    { label: 'Credibility', points: Math.trunc(credibility / 2) + 50 },
    { label: 'Russian retaliation', points: -25 * state.russia },
  ];
  const score = breakdown.reduce((s, b) => s + b.points, 0);
  const grade = GRADES.find((g) => score >= g.min)!.grade;
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
    turningPoints: turningPoints(state),
  };
}
