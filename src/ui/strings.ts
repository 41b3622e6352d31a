import type { ChecklistStep, Stance } from '../engine';

// Every word the canvas shows, in one place (English). Game text (reasons, news, headlines)
// comes from the engine and the scenario; this file holds only the table's own labels.
// The canvas is a picture of what the page already says in text, so nothing here is the only
// place a fact appears. The picture's key (what the lines and chips mean) is the page's caption
// under it (dom/shell.ts), and its stance key the page's own.

/** EUR millions as "EUR 12.0 bn" (the page's own format). */
export const bn = (millions: number): string => `EUR ${(millions / 1000).toFixed(1)} bn`;

/** "The real path" as "the real path", mid-sentence. */
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** A signed number: "+5", "0", "-12". */
export const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

/** The word under each stance marker (lower case: it reads as a label, not a sentence). */
export const STANCE_WORD: Record<Stance, string> = {
  opposed: 'opposed',
  wary: 'wary',
  conditional: 'conditional',
  supportive: 'supportive',
  committed: 'committed',
};

export const S = {
  loading: 'Setting the table…',
  noGame: 'No game is running.',
  trust: (n: number) => `trust ${signed(n)}`,
  hub: 'EU',
  /** a pledge of no money of its own (a holder joining, as Canada) says so, not EUR 0 bn */
  pledgeChip: (amount: number) => (amount === 0 ? 'joins' : bn(amount)),
  donorsChip: (amount: number) =>
    `donors ${amount % 1000 === 0 ? amount / 1000 : (amount / 1000).toFixed(1)} bn`,
  // Debrief
  grade: (grade: string) => `Grade ${grade}`,
  score: (score: number) => `${score} points`,
  chartTitle: (year: number) => `Money for ${year} (EUR bn), week by week`,
  chartSecured: 'secured',
  chartPledged: 'pledged',
  chartTarget: (target: number) => `target ${(target / 1000).toFixed(1)} bn`,
  chartWeek: 'week',
  chartBn: (bnValue: number) => `${bnValue}`,
  ribbonTitle: 'Stances, week by week',
  turningTitle: 'Turning points',
  noTurning: 'No single week changed the course of this game.',
  turningLine: (week: number, text: string) => `Week ${week}: ${text}`,
  pathTitle: 'Your path',
  // Debrief of a what-if, beside the game it forked from
  chartSecuredTitle: (year: number) => `Money secured for ${year} (EUR bn), week by week`,
  forkMarker: (week: number) => `What if? from week ${week}`,
  notFinished: 'not finished',
  securedBn: (millions: number) => `${bn(millions)} secured`,
  outcome: { win: 'Ukraine is funded', partial: 'Partly funded', loss: 'Not funded in time' },
  /** the ribbons' key to the outlined cells ("on the real path", "in the game it forked from") */
  splitKey: (base: string) =>
    `outlined: another stance ${/path$/i.test(base) ? 'on' : 'in'} ${lowerFirst(base)}`,
  splitTitle: 'Where the timelines split',
  splitLine: (label: string, week: number, text: string) => `${label}, week ${week}: ${text}`,
  noSplit: (week: number) => `From week ${week} on, both timelines had the same turning points.`,
  // How it decides
  decidesTitle: (name: string) => `How ${name} decides`,
  decidesNow: 'now',
  decidesMore: '…and more in the panel under the picture.',
} as const;

/** How a condition stands now, beside its sign (colour is never the only cue). */
export const CONDITION_WORD = {
  met: 'met',
  unmet: 'unmet',
  'not-at-stake': 'not at stake',
} as const;

/**
 * How a step of a route's checklist stands, as a mark: the page's own marks (dom/board.ts), so
 * that the picture and the list under it read alike. Each is its own shape, never colour alone.
 */
export const STEP_MARK: Record<ChecklistStep['status'], string> = {
  done: '✓',
  met: '●',
  unmet: '✗',
  later: '…',
};
