import { describe, expect, it } from 'vitest';

import { actorRuntime, explainActor } from '../../src/actors';
import { createGame, type GameState } from '../../src/engine';
import { scenarios } from '../../src/scenarios';
import { policyByName } from '../../src/sim/policies';
import { playGame } from '../../src/sim/run';

// Numbers in the game's sentences say what the state says, and the sentences are grammatical,
// over whole games of every scenario played by the harness's players.

const SEEDS = 25;
const games = Object.values(scenarios).flatMap((scenario) => {
  const game = createGame(scenario, actorRuntime);
  return ['random', 'scripted'].flatMap((name) => {
    const policy = policyByName(name, scenario.id)!;
    return Array.from({ length: SEEDS }, (_, i) => ({
      scenario,
      record: playGame(game, i + 1, 'standard', policy),
    }));
  });
});

const lines = (state: GameState) =>
  state.log.flatMap((e) => [e.text, e.reason ?? '', e.wouldChange ?? '']).filter(Boolean);

describe('the sentences of whole games', () => {
  it('judge an offer from the willingness the card shows, part by part, and add up', () => {
    // "Its willingness is +13, as on its card; these terms -15, the day's mood -3 and two
    // refusals so far -10 make -15, and it needs 10 or more."
    const judged =
      /willingness is ([+-]?\d+), as on (?:its|their) card; (.+?) make ([+-]?\d+), and (?:it needs|they need) (-?\d+) or more/;
    const part =
      /(?:these terms|the day's mood|\w+ refusals? so far|being asked directly) ([+-]?\d+)/g;
    let seen = 0;
    for (const { record } of games) {
      for (const text of lines(record.state)) {
        const m = judged.exec(text);
        if (!m) continue;
        seen++;
        const [w, total] = [Number(m[1]), Number(m[3])];
        expect(w, text).toBeGreaterThanOrEqual(-100);
        expect(w, text).toBeLessThanOrEqual(100);
        const parts = [...m[2]!.matchAll(part)].map((p) => Number(p[1]));
        expect(parts.length, text).toBeGreaterThan(0);
        expect(w + parts.reduce((a, b) => a + b, 0), text).toBe(total);
      }
    }
    // The check must have something to check.
    expect(seen).toBeGreaterThan(20);
  });

  it('agree in number ("1 point", "France joins")', () => {
    for (const { record } of games) {
      for (const text of lines(record.state)) {
        expect(text).not.toMatch(/\b1 (points|weeks|states|entries|votes)\b/);
        // One partner named before "join too" takes "joins"; two take "join".
        expect(text).not.toMatch(/\bif [A-Z][a-z]+ join too\b/);
        expect(text).not.toMatch(/\bif [A-Z][a-z]+ and [A-Z][a-z]+ joins too\b/);
      }
    }
  });

  it("quote Russia's retaliation at its final level when the game is over", () => {
    let russian = 0;
    for (const { scenario, record } of games) {
      const russia = scenario.actors.find((a) => a.kind === 'adversary');
      if (!russia) continue;
      russian++;
      const { reason } = explainActor(scenario, record.state, russia.id);
      expect(reason).toContain(`level ${record.state.russia} of 4`);
    }
    expect(russian).toBeGreaterThan(0);
  });
});
