import { describe, expect, it } from 'vitest';

import { DIFFICULTIES, type Ending } from '../../src/engine';
import { getScenario } from '../../src/scenarios';
import { policyByName, STRATEGIES } from '../../src/sim/policies';
import { simulate } from '../../src/sim/run';

// The score's promise on games the balance harness really plays (as test/golden/ plays them):
// every scenario and difficulty, with each of the scenario's policies (`random`, `scripted` and
// its named strategies) over a few seeds, plus a player who only ever ends the week, so that
// every scenario and difficulty has games that secured nothing. No game that secured nothing
// may score or grade above any game that secured money, across all of them.
//
// Runtime (measured on a 2-core machine): 210 games in about 2.5 s, most of it warming up the
// actors; random games cost the most.

const SCENARIOS = ['december-summit', 'washington-talks', 'london-talks'];
/** Seeds 1..GAMES for each policy; the player who only ends weeks plays IDLE_GAMES. */
const GAMES = 4;
const IDLE_GAMES = 2;
const IDLE = 'repeat:week.end';

interface Played {
  where: string;
  ending: Ending;
}

function playAll(): Played[] {
  const out: Played[] = [];
  for (const id of SCENARIOS) {
    const scenario = getScenario(id)!;
    for (const difficulty of DIFFICULTIES)
      for (const name of [...Object.keys(STRATEGIES[id]!), IDLE]) {
        const { records } = simulate({
          scenario,
          policy: policyByName(name, id)!,
          policyName: name,
          games: name === IDLE ? IDLE_GAMES : GAMES,
          seed: 1,
          difficulty,
        });
        for (const r of records)
          out.push({
            where: `${id} ${difficulty} ${name} seed ${r.seed}`,
            ending: r.state.ending!,
          });
      }
  }
  return out;
}

const RANK = 'ABCDEF';
const describeGame = (p: Played) =>
  `${p.where}: EUR ${p.ending.secured} m, score ${p.ending.score}, grade ${p.ending.grade}`;

describe('harness games of every scenario and difficulty', () => {
  const played = playAll();
  const nothing = played.filter((p) => p.ending.secured === 0);
  const paid = played.filter((p) => p.ending.secured > 0);

  it('include games that secured nothing and games that secured money in each', () => {
    for (const id of SCENARIOS)
      for (const difficulty of DIFFICULTIES) {
        const here = (p: Played) => p.where.startsWith(`${id} ${difficulty} `);
        expect(nothing.filter(here).length, `${id} ${difficulty}`).toBeGreaterThan(0);
        expect(paid.filter(here).length, `${id} ${difficulty}`).toBeGreaterThan(GAMES);
      }
  });

  it('never rank a game that secured nothing above one that secured money', () => {
    const byScore = (a: Played, b: Played) => a.ending.score - b.ending.score;
    const bestNothing = [...nothing].sort(byScore).at(-1)!;
    const worstPaid = [...paid].sort(byScore)[0]!;
    expect(
      bestNothing.ending.score,
      `${describeGame(bestNothing)} against ${describeGame(worstPaid)}`,
    ).toBeLessThan(worstPaid.ending.score);
    const rank = (p: Played) => RANK.indexOf(p.ending.grade);
    const bestGradeNothing = Math.min(...nothing.map(rank));
    const worstGradePaid = Math.max(...paid.map(rank));
    expect(bestGradeNothing).toBeGreaterThanOrEqual(worstGradePaid);
  });

  it('add up each breakdown to its score', () => {
    for (const p of played)
      expect(
        p.ending.breakdown.reduce((s, b) => s + b.points, 0),
        describeGame(p),
      ).toBe(p.ending.score);
  });
});
