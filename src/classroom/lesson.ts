import { formatDate, type ActorDef, type HistoryItem, type Scenario, type Source } from '../engine';
import { TERM_NAMES } from '../app/store';
import type { DebriefQuestion, QuestionKind } from './debrief';

// The teacher pack's words and figures, kept free of the DOM so they can be tested: how long a
// game takes, the 40-minute lesson plan built on it, and a teacher's note for each debrief
// question (what to listen for, and what really happened, with its sources).

/** A range of minutes, low to high. */
export interface Range {
  low: number;
  high: number;
}

/**
 * What a game's length is built from. Measured: actions per week played by the balance harness
 * (bench/lesson.ts: `npx tsx bench/lesson.ts`), and the page's own time and the words it shows
 * per action and per week end in headless Chromium (test/e2e/pack.test.ts, which prints them;
 * bench/lesson.ts prints them again from the same kind of game). Not measured: how fast a
 * student reads and decides (no student has been timed); those are stated as assumptions.
 */
export const PLAY_FIGURES = {
  // bench/lesson.ts, 2026 run: actions (moves other than ending the week) per week played, the
  // lowest and highest median over the three scenarios, of the harness's competent player
  // (`scripted`, 40 seeds) and its search player (4 seeds), standard difficulty.
  actionsPerWeek: { low: 1.7, high: 2.8 },
  // test/e2e/pack.test.ts, three runs on a 2-core machine, animations on, the slowest median:
  // seconds from "Confirm move" to the narrator's line (0.006 to 0.019), and from "End the week"
  // to the next week's heading (0.006 to 0.019). The page's own time is negligible.
  pageSecondsPerAction: 0.02,
  pageSecondsPerWeekEnd: 0.02,
  // The same test: median words of the narrator's line after an action (4: "You sound out
  // Belgium."), and of the new week's summary after a week end (19). Cards, news and "Why?"
  // panels a student also reads are not counted: the choosing time below stands for them.
  wordsPerAction: 4,
  wordsPerWeekEnd: 19,
} as const;

/** Assumed, not measured: reading speed (words a minute) and the time to choose a move. */
export const ASSUMED = {
  readingWordsPerMinute: { low: 150, high: 250 },
  /** reading the cards and the news, and deciding: a guess, to be replaced by a timed class */
  choosingSeconds: { low: 15, high: 40 },
} as const;

/** Minutes a game that runs all `weeks` weeks takes, as a range (whole minutes). */
export function gameMinutes(weeks: number): Range {
  const f = PLAY_FIGURES;
  const a = ASSUMED;
  const read = (words: number, wpm: number) => (60 * words) / wpm;
  const perWeek = (apw: number, wpm: number, choose: number) =>
    apw * (f.pageSecondsPerAction + read(f.wordsPerAction, wpm) + choose) +
    f.pageSecondsPerWeekEnd +
    read(f.wordsPerWeekEnd, wpm);
  const low = perWeek(f.actionsPerWeek.low, a.readingWordsPerMinute.high, a.choosingSeconds.low);
  const high = perWeek(f.actionsPerWeek.high, a.readingWordsPerMinute.low, a.choosingSeconds.high);
  return {
    low: Math.max(1, Math.floor((weeks * low) / 60)),
    high: Math.max(1, Math.ceil((weeks * high) / 60)),
  };
}

/** The middle of the range: what a typical game is planned with. */
export const typicalMinutes = (r: Range): number => Math.round((r.low + r.high) / 2);

export type StepKind = 'briefing' | 'play' | 'hand-in' | 'debrief';

export interface LessonStep {
  kind: StepKind;
  minutes: number;
  /** minutes from the start of the lesson */
  from: number;
  title: string;
  text: string;
}

export interface LessonPlan {
  total: number;
  weeks: number;
  game: Range;
  steps: LessonStep[];
  /** whether a typical game of this length ends within the play time */
  fits: boolean;
  /** the most weeks a typical game can have and still end within the play time (at least 4) */
  weeksThatFit: number;
}

const BRIEFING = 5;
const HAND_IN = 3;
const DEBRIEF = 12;
/** the shortest debrief worth having, and the shortest play */
const MIN_DEBRIEF = 10;
const MIN_PLAY = 10;
/** the fewest weeks a tuned game can have (variant.ts) */
const MIN_WEEKS = 4;

/**
 * A lesson of `total` minutes (40 by default) for a game of `weeks` weeks: 5 minutes of
 * briefing, the play, 3 minutes to hand in, and the debrief. A short game leaves more time for
 * the debrief; a long one keeps the play at 20 minutes and says how many weeks would fit.
 */
export function lessonPlan(weeks: number, total = 40): LessonPlan {
  const game = gameMinutes(weeks);
  const typical = typicalMinutes(game);
  const room = total - BRIEFING - HAND_IN - DEBRIEF;
  const play = Math.max(MIN_PLAY, Math.min(room, typical));
  const debrief = Math.max(MIN_DEBRIEF, total - BRIEFING - HAND_IN - play);
  let weeksThatFit = MIN_WEEKS;
  for (let w = MIN_WEEKS; w <= 52; w++)
    if (typicalMinutes(gameMinutes(w)) <= play) weeksThatFit = w;
  const fits = typical <= play;
  const minutes = [BRIEFING, play, HAND_IN, debrief];
  const titles = ['Briefing', 'Play', 'Hand in', 'Debrief'];
  const kinds: StepKind[] = ['briefing', 'play', 'hand-in', 'debrief'];
  const texts = [
    'Hand out the printed briefing or show the class link and its QR code. Read the situation aloud, say how to win, and that every government has real reasons.',
    fits
      ? `Students play alone or in pairs. A game of ${weeks} weeks takes about ${game.low} to ${game.high} minutes; most end within the ${play} minutes.`
      : `Students play alone or in pairs. A game of ${weeks} weeks takes about ${game.low} to ${game.high} minutes, so many will not finish in ${play}: that is fine, they hand in the game so far. For finished games, tune the game to about ${weeksThatFit} weeks.`,
    'Every student presses “Hand in now” (or copies the code at the end of a finished game) and hands in the code: paste, file or scan. Check the codes on this page.',
    'Show the class charts with names hidden (the projector view), then one question at a time. The notes below say what to listen for.',
  ];
  let from = 0;
  const steps = kinds.map((kind, i) => {
    const step = { kind, minutes: minutes[i]!, from, title: titles[i]!, text: texts[i]! };
    from += minutes[i]!;
    return step;
  });
  return { total: from, weeks, game, steps, fits, weeksThatFit };
}

// ---- notes for the debrief questions

export interface QuestionNote {
  kind: QuestionKind;
  /** what a good answer mentions */
  listenFor: string;
  /** what really happened, from the scenario's history */
  real: string;
  sources: Source[];
}

/** A group's plain name ("Swing states" of "Swing states (Bulgaria, ...)"). */
const plainName = (name: string) => name.replace(/ \(.*$/u, '');

/** History items that name the actor (its short name, its name or its leader's surname). */
function itemsAbout(items: readonly HistoryItem[], words: readonly string[]): HistoryItem[] {
  const ws = words.filter((w) => w.length > 2).map((w) => w.toLowerCase());
  return items.filter((i) => ws.some((w) => i.text.toLowerCase().includes(w)));
}

function actorWords(a: ActorDef): string[] {
  const surname = a.leader.split(' ').pop() ?? '';
  return [a.short, plainName(a.name), surname];
}

/** The sources of some history items, each once, in the scenario's own list. */
function sourcesOf(scenario: Scenario, items: readonly HistoryItem[]): Source[] {
  const ids = new Set(items.flatMap((i) => i.sources));
  return scenario.sources.filter((s) => ids.has(s.id));
}

const realText = (items: readonly HistoryItem[]) =>
  items.map((i) => `${formatDate(i.date)}: ${i.text}`).join(' ');

/** The real story of an actor, or the scenario's summary when the history never names it. */
function actorReal(scenario: Scenario, a: ActorDef | undefined) {
  const items = a ? itemsAbout(scenario.history.items, actorWords(a)).slice(0, 3) : [];
  const chosen = items.length ? items : scenario.history.items.slice(-1);
  const lead =
    a && !items.length ? `The record does not name ${plainName(a.name)} on its own. ` : '';
  return { real: lead + realText(chosen), sources: sourcesOf(scenario, chosen) };
}

/** The teacher's note for one debrief question. */
export function questionNote(q: DebriefQuestion, scenario: Scenario): QuestionNote {
  const hist = scenario.history;
  const actor = q.actorId ? scenario.actors.find((a) => a.id === q.actorId) : undefined;
  const route = q.routeId ? scenario.routes.find((r) => r.id === q.routeId) : undefined;
  const last = hist.items.slice(-1);
  const ending = hist.ending ? ` ${hist.ending.why}` : '';
  switch (q.kind) {
    case 'money':
      return {
        kind: q.kind,
        listenFor:
          'A concrete obstacle (a veto, a vote that needs everyone, weeks lost waiting for a partner), not bad luck; and from those who reached the target, what it cost them.',
        real: `${realText(last)}${ending}`,
        sources: sourcesOf(scenario, last),
      };
    case 'turned':
    case 'hardest': {
      const terms = actor?.terms.map((t) => TERM_NAMES[t] ?? t) ?? [];
      return {
        kind: q.kind,
        listenFor: actor
          ? `${plainName(actor.name)}’s own reasons, in its leaders’ words: ${actor.drivers}${terms.length ? ` Offers it could take: ${terms.join(', ')}.` : ''}`
          : 'The actor’s own reasons, as its leaders would put them.',
        ...actorReal(scenario, actor),
      };
    }
    case 'pressure':
      return {
        kind: q.kind,
        listenFor: `That public pressure costs trust and EU unity, and hardens a government at home.${actor?.pressure ? ` ${actor.pressure.why}` : ''}${actor ? ` ${plainName(actor.name)}: ${actor.agenda}` : ''}`,
        ...actorReal(scenario, actor),
      };
    case 'route': {
      const items = route
        ? itemsAbout(hist.items, [route.name, route.name.split(' ').slice(-1)[0] ?? '']).slice(0, 3)
        : [];
      const chosen = items.length ? items : last;
      return {
        kind: q.kind,
        listenFor: route
          ? `Who carries the risk and who pays: ${route.summary}`
          : 'Who carries the risk, who pays, and which votes each route needs.',
        real: realText(chosen),
        sources: sourcesOf(scenario, chosen),
      };
    }
    case 'reality':
      return {
        kind: q.kind,
        listenFor: `What the game leaves out: elections, courts, markets, events at home, and how long texts take to write.${scenario.premiseWhatIf ? ` ${scenario.premiseWhatIf}` : ''}`,
        real: hist.summary,
        sources: sourcesOf(scenario, hist.items),
      };
  }
}
