import {
  formatDate,
  money,
  type GameState,
  type Move,
  type Scenario,
  type Stance,
  type VoteMode,
} from '../engine';

// Player-facing words of the page in one place (English). Game text (reasons, news, names) comes
// from the engine and the scenario; this file holds only the page's own labels and briefings.

/** "story" as "Story": a label's first letter in capitals. */
export const capitalise = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

/** "1 point", "2 points": a number with its noun. */
export const count = (n: number, one: string, many: string): string =>
  `${n} ${n === 1 ? one : many}`;

/** EUR millions as "EUR 12.0 bn". */
export const bn = (millions: number): string => `EUR ${(millions / 1000).toFixed(1)} bn`;

export const STANCE_LABEL: Record<Stance, string> = {
  opposed: 'Opposed',
  wary: 'Wary',
  conditional: 'Conditional',
  supportive: 'Supportive',
  committed: 'Committed',
};

/** A shape per stance, so colour is never the only cue. */
export const STANCE_SYMBOL: Record<Stance, string> = {
  opposed: '■',
  wary: '▲',
  conditional: '◆',
  supportive: '●',
  committed: '★',
};

export const MOVE_TYPES: { type: Move['type']; label: string; help: string }[] = [
  {
    type: 'actor.sound',
    label: 'Sound out',
    help: 'Ask an actor privately what it really needs and what would move it. Builds a little trust.',
  },
  {
    type: 'offer.make',
    label: 'Make an offer',
    help: 'Offer one actor a package of terms. It accepts (a commitment), makes a counter-offer, or rejects, and says why.',
  },
  {
    type: 'counter.accept',
    label: 'Accept a counter-offer',
    help: 'Take the terms an actor offered back this week: it commits on them at once. A counter-offer stands until the week ends or a route is tabled or voted on.',
  },
  {
    type: 'pressure.public',
    label: 'Public pressure',
    help: 'Make blocking more costly for an actor. It trusts you less, EU unity may suffer, and each new round works less well.',
  },
  {
    type: 'g7.coordinate',
    label: 'G7 coordination',
    help: 'A joint G7 statement, then a common line (each partner still acts under its own law). Strongest in the week of the G7 finance ministers’ call.',
  },
  {
    type: 'legal.work',
    label: 'Legal work',
    help: 'Lawyers make a route sturdier in court (up to 3 of 3). This calms the ECB, Italy and Belgium.',
  },
  {
    type: 'route.table',
    label: 'Table a route',
    help: 'Put a route’s legal text on the table, with its size and terms. The terms should keep the promises you made in offers.',
  },
  {
    type: 'vote.call',
    label: 'Call a vote',
    help: 'Put a tabled route to the vote. Votes are free at a summit and cost points at other times.',
  },
  {
    type: 'bridge.request',
    label: 'Bridge finance',
    help: 'Ask the IMF or donor countries for short-term money. The IMF lends only once an EU route is agreed. It only buys time: money that lands a little after the deadline still counts.',
  },
];

export const VOTE_MODE_LABEL: Record<VoteMode, string> = {
  qmv: 'Qualified majority',
  unanimity: 'Unanimity',
  enhanced: 'Enhanced cooperation',
};

export const VOTE_MODE_HELP: Record<VoteMode, string> = {
  qmv: 'Passes with 55% of the member states representing 65% of the EU’s people.',
  unanimity: 'Every government must say yes (abstaining does not block).',
  enhanced:
    'The willing states (at least 9) go ahead together; the European Parliament must consent.',
};

export const ROUTE_STATUS_LABEL = {
  draft: 'Not tabled yet',
  tabled: 'On the table',
  failed: 'Vote failed (can be tried again)',
  agreed: 'Agreed, not yet law',
  adopted: 'Adopted',
} as const;

export const BRIDGE_LABEL = {
  lender: 'The IMF',
  donors: 'Donor countries',
} as const;

export const DIFFICULTY_HELP = {
  story: 'Story: 4 points a week, friendlier governments, fewer shocks.',
  standard: 'Standard: 3 points a week, the game as designed.',
  hard: 'Hard: 3 points a week, tougher governments, more shocks.',
} as const;

export const OUTCOME_LABEL = {
  win: 'Ukraine is funded',
  partial: 'Partly funded',
  loss: 'Not funded in time',
} as const;

/**
 * The scenario's briefing, a few short lines a 15-year-old can read before the first week, with
 * its placeholders filled from the (possibly teacher-tuned) scenario: {target}, {deadline},
 * {weeks}. A scenario without one is summed up by its summary.
 */
export function briefing(scenario: Scenario): string[] {
  const fill = (line: string) =>
    line
      .replaceAll('{target}', bn(scenario.target))
      .replaceAll('{deadline}', formatDate(scenario.deadline))
      .replaceAll('{weeks}', String(scenario.weeks));
  return (scenario.briefing ?? [scenario.summary]).map(fill);
}

/** The accessible name of the QR code of a student's result code. */
export const RESULT_QR_LABEL = 'QR code of your result code';

/** What a result code is for, and how a student hands it in (a class game) or shares it. */
export function resultHelp(classLabel: string): string {
  const check = 'It lets anyone replay your game week by week and check the result.';
  return classLabel
    ? `Class ${classLabel}: hand in this code the way your teacher asks: paste it where they tell you, or show its QR code for them to scan. ${check}`
    : `${check} To hand it in, paste the code or show its QR code.`;
}

/**
 * What a code handed in before the end holds (the game so far; the game goes on), and where
 * the game stands: the hand-in dialog's first two lines.
 */
export function handInLines(scenario: Scenario, state: GameState): [string, string] {
  const secured = money(scenario, state).secured;
  return [
    `Your game is not over: this code shows your game up to week ${state.week}. You can keep playing and hand in again later.`,
    `So far: ${bn(secured)} secured of the ${bn(scenario.target)} target, in week ${state.week} of ${scenario.weeks}.`,
  ];
}

/** Plain-words note on what the model leaves out, for the debrief. */
export const MODEL_NOTE =
  'This game is a model. Real governments weigh far more than a few numbers, talk to each other in ways no game can show, and change their minds for reasons nobody outside can see. The dates, amounts and positions come from public reporting; how the computer actors react is our simplification.';

/** How a condition stands now, in words (colour is never the only cue). */
export const CONDITION_NOW_LABEL = {
  met: 'Met',
  unmet: 'Unmet',
  'not-at-stake': 'Not at stake now',
} as const;

/** A sign beside each word, for the eye (hidden from screen readers: the word says it). */
export const CONDITION_NOW_SYMBOL = {
  met: '✓',
  unmet: '✗',
  'not-at-stake': '–',
} as const;
