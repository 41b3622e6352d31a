import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { actorRuntime } from '../src/actors';
import { createGame } from '../src/engine';
import { ASSUMED, gameMinutes, PLAY_FIGURES } from '../src/classroom/lesson';
import { scenarios } from '../src/scenarios';
import { policyByName } from '../src/sim/policies';
import { playGame } from '../src/sim/run';

import { ROOT } from './build';
import { median } from './median';

// The figures behind the teacher pack's "how long a game takes" (src/classroom/lesson.ts
// PLAY_FIGURES): the harness's moves per week played, by scenario and player, and the page's
// time and words per move as test/e2e/pack.test.ts last measured them in Chromium (it writes
// test-results/pack-timing.json). Prints figures only; `npm run bench` runs it last, or alone:
// npx tsx bench/lesson.ts

const SEEDS = { scripted: 40, search: 4 } as const;
const lines: string[] = ['Moves per week played (actions besides ending the week), standard'];
const medians: number[] = [];
for (const scenario of Object.values(scenarios)) {
  const game = createGame(scenario, actorRuntime);
  for (const [name, n] of Object.entries(SEEDS)) {
    const perWeek: number[] = [];
    const weeks: number[] = [];
    for (let i = 0; i < n; i++) {
      const rec = playGame(game, 100 + i, 'standard', policyByName(name, scenario.id)!);
      const ends = rec.moves.filter((m) => m.type === 'week.end').length;
      perWeek.push((rec.moves.length - ends) / Math.max(1, rec.state.ending!.week));
      weeks.push(rec.state.ending!.week);
    }
    const mid = median(perWeek);
    medians.push(mid);
    lines.push(
      `  ${scenario.id.padEnd(18)} ${name.padEnd(9)} ${n} games: median ${mid.toFixed(2)} a week (${Math.min(...perWeek).toFixed(2)}-${Math.max(...perWeek).toFixed(2)}); weeks played ${Math.min(...weeks)}-${Math.max(...weeks)} of ${scenario.weeks}`,
    );
  }
}
lines.push(
  `  lowest and highest median: ${Math.min(...medians).toFixed(2)} and ${Math.max(...medians).toFixed(2)} (lesson.ts has ${PLAY_FIGURES.actionsPerWeek.low} and ${PLAY_FIGURES.actionsPerWeek.high})`,
);

const file = path.join(ROOT, 'test-results', 'pack-timing.json');
try {
  const t = JSON.parse(await readFile(file, 'utf8')) as Record<string, number>;
  lines.push(
    'The page in headless Chromium (test/e2e/pack.test.ts, last run)',
    `  per action: ${t.actionSeconds} s, ${t.actionWords} words; per week end: ${t.weekSeconds} s, ${t.weekWords} words (medians of ${t.actions} actions, ${t.weeks} weeks)`,
    `  lesson.ts has ${PLAY_FIGURES.pageSecondsPerAction} s and ${PLAY_FIGURES.wordsPerAction} words, ${PLAY_FIGURES.pageSecondsPerWeekEnd} s and ${PLAY_FIGURES.wordsPerWeekEnd} words`,
  );
} catch {
  lines.push(`No browser figures: run the e2e test test/e2e/pack.test.ts first (${file}).`);
}
lines.push(
  `Assumed: reading ${ASSUMED.readingWordsPerMinute.low}-${ASSUMED.readingWordsPerMinute.high} words a minute, ${ASSUMED.choosingSeconds.low}-${ASSUMED.choosingSeconds.high} s to choose a move`,
  'A game that runs all its weeks, as the pack states it:',
  ...Object.values(scenarios).map((s) => {
    const r = gameMinutes(s.weeks);
    return `  ${s.id.padEnd(18)} ${String(s.weeks).padStart(2)} weeks: ${r.low} to ${r.high} minutes`;
  }),
);
process.stdout.write(`${lines.join('\n')}\n`);
