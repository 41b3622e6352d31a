import { TERM_NAMES } from '../app/store';
import { capitalise } from '../dom/strings';
import type { Scenario } from '../engine';
import type { ActorStat, ClassStats } from './stats';

// Questions for the class discussion, drawn from what this class actually did. Plain words for
// 15-year-olds, and fair to every actor: each question about a government asks students to see
// its side, never to mock it.

const bnText = (v: number) => `EUR ${v.toFixed(1)} bn`;

/** "Belgium", or "the swing states" for a group named "Swing states (Bulgaria, ...)". */
export function actorPhrase(a: { name: string }): string {
  const open = a.name.indexOf(' (');
  if (open < 0) return /^(European|United|International) /u.test(a.name) ? `the ${a.name}` : a.name;
  const group = a.name.slice(0, open);
  return `the ${group[0]!.toLowerCase()}${group.slice(1)}`;
}

/** "A", "A and B", "A, B and C". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function countText(k: number, n: number): string {
  if (k === 0) return 'None of you';
  if (k === n) return n === 1 ? 'You' : `All ${n} of you`;
  return `${k} of ${n} of you`;
}

function moneyQuestion(s: ClassStats): string {
  const target = bnText(s.targetBn);
  const range = s.n > 1 ? ` Your results ran from ${bnText(s.minBn!)} to ${bnText(s.maxBn!)}.` : '';
  if (s.reachedTarget === 0)
    return `None of you reached the ${target} target; the most anyone secured was ${bnText(s.maxBn!)}. What stood in the way, and what would you try first next time?`;
  if (s.reachedTarget === s.n)
    return `${countText(s.n, s.n)} reached the ${target} target. Which choices cost points on the way (time, EU unity, trust), and were they worth it?`;
  return `${s.reachedTarget} of ${s.n} of you reached the ${target} target.${range} What did the games that got there do differently in the first weeks?`;
}

/** The actor most of the class got on board, where not everyone did at once. */
function turnedQuestion(s: ClassStats): { actor: ActorStat; text: string } | null {
  // Prefer an actor only some of the class got on board; else one everyone got, but not at once.
  const some = s.actors.filter((a) => a.turned > 0 && a.turned < s.n);
  const slow = s.actors.filter((a) => a.turned === s.n && (a.byWeek ?? 1) > 1);
  const pool = some.length ? some : slow;
  const a = [...pool].sort((x, y) => y.turned - x.turned || (y.byWeek ?? 0) - (x.byWeek ?? 0))[0];
  if (!a) return null;
  const who = actorPhrase(a);
  const head = `${countText(a.turned, s.n)} got ${who} to commit, half of them by week ${a.byWeek}.`;
  let text = `${head} What did those offers have in common?`;
  if (a.commonTerms.length)
    text = `${head} Most of those offers included ${listText(a.commonTerms.map((t) => TERM_NAMES[t] ?? t))}. Why would that matter to ${who}?`;
  else if (a.offeredThenTurned * 2 < a.turned)
    text = `${head} Most of you made ${who} no offer of its own before it moved. What made it move?`;
  return { actor: a, text };
}

/** The actor the class found hardest, among those many of them tried to win over. */
function hardestQuestion(s: ClassStats, skip: ActorStat | undefined): string | null {
  const tried = s.actors.filter(
    (a) => a !== skip && a.turned < s.n && (a.offered > 0 || a.pressured > 0),
  );
  const a = [...tried].sort((x, y) => x.turned - y.turned || y.offered - x.offered)[0];
  if (!a) return null;
  const who = actorPhrase(a);
  const lead =
    a.turned === 0
      ? `None of you got ${who} to commit.`
      : `Only ${a.turned} of ${s.n} of you got ${who} to commit.`;
  return `${lead} What was ${who} worried about, and how would its own leaders explain that worry to you?`;
}

function routeQuestion(s: ClassStats): string | null {
  const best = [...s.routes].sort((x, y) => y.adopted - x.adopted)[0];
  if (!best) return null;
  if (best.adopted === 0) {
    const stuck = [...s.routes].sort((x, y) => y.agreed - x.agreed)[0]!;
    if (stuck.agreed > 0)
      return `${capitalise(countText(stuck.agreed, s.n))} got the route “${stuck.name}” agreed, but nobody got any route adopted in time. What held the money up after the vote?`;
    return 'No route to the money became law in any of your games. Which vote came closest, and what was missing?';
  }
  const wins =
    best.winsWhenAdopted > 0
      ? `, and ${best.winsWhenAdopted === best.adopted ? 'all' : best.winsWhenAdopted} of those reached the target`
      : '';
  return `${countText(best.adopted, s.n)} got the route “${best.name}” adopted${wins}. Why might governments accept that route more easily than the others, and who gave something up for it?`;
}

function pressureQuestion(s: ClassStats): string | null {
  const a: ActorStat | undefined = [...s.actors].sort((x, y) => y.pressured - x.pressured)[0];
  if (!a || a.pressured === 0) return null;
  const who = actorPhrase(a);
  return `${countText(a.pressured, s.n)} put public pressure on ${who}. What did it cost you, and how would it look from ${who}’s side?`;
}

function realityQuestion(s: ClassStats, scenario: Scenario): string {
  return `Compare your games with what really happened (it is at the end of every game of “${scenario.title}”). ${countText(s.reachedTarget, s.n)} secured the money in time. What does the game leave out that made it harder, or easier, in real life?`;
}

/** What a debrief question is about: the teacher pack's note for it depends on this. */
export const QUESTION_KINDS = [
  'money',
  'turned',
  'hardest',
  'route',
  'pressure',
  'reality',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** A debrief question, its kind and the actor or route it is about (where it names one). */
export interface DebriefQuestion {
  kind: QuestionKind;
  text: string;
  actorId?: string;
  routeId?: string;
}

/** The route the route question names: the most adopted, else the most agreed. */
function routeOf(s: ClassStats): string | undefined {
  const best = [...s.routes].sort((x, y) => y.adopted - x.adopted)[0];
  if (!best || best.adopted > 0) return best?.id;
  const stuck = [...s.routes].sort((x, y) => y.agreed - x.agreed)[0]!;
  return stuck.agreed > 0 ? stuck.id : undefined;
}

/** The actor the hardest question names (the same choice as hardestQuestion). */
function hardestOf(s: ClassStats, skip: ActorStat | undefined): string | undefined {
  const tried = s.actors.filter(
    (a) => a !== skip && a.turned < s.n && (a.offered > 0 || a.pressured > 0),
  );
  return [...tried].sort((x, y) => x.turned - y.turned || y.offered - x.offered)[0]?.id;
}

/** Four to six questions for the debrief, with their kinds (none without results). */
export function debriefItems(s: ClassStats, scenario: Scenario): DebriefQuestion[] {
  if (s.n === 0) return [];
  const turned = turnedQuestion(s);
  const hardest = hardestQuestion(s, turned?.actor);
  const route = routeQuestion(s);
  const pressure = pressureQuestion(s);
  const pressed = [...s.actors].sort((x, y) => y.pressured - x.pressured)[0];
  const routeId = routeOf(s);
  const hardestId = hardestOf(s, turned?.actor);
  const qs: (DebriefQuestion | null)[] = [
    { kind: 'money', text: moneyQuestion(s) },
    turned ? { kind: 'turned', text: turned.text, actorId: turned.actor.id } : null,
    hardest
      ? { kind: 'hardest', text: hardest, ...(hardestId ? { actorId: hardestId } : {}) }
      : null,
    route ? { kind: 'route', text: route, ...(routeId ? { routeId } : {}) } : null,
    pressure && pressed ? { kind: 'pressure', text: pressure, actorId: pressed.id } : null,
    { kind: 'reality', text: realityQuestion(s, scenario) },
  ];
  return qs.filter((q): q is DebriefQuestion => q !== null).slice(0, 6);
}

/** Four to six questions for the debrief (none without results). */
export function debriefQuestions(s: ClassStats, scenario: Scenario): string[] {
  return debriefItems(s, scenario).map((q) => q.text);
}
