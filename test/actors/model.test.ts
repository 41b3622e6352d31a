import { describe, expect, it } from 'vitest';

import {
  actorRuntime,
  bandText,
  decisionModel,
  machineConditions,
  machineOf,
  movesOf,
  moveText,
} from '../../src/actors';
import {
  createGame,
  type ActorDef,
  type ConditionDef,
  type GameState,
  type Scenario,
} from '../../src/engine';
import { getScenario } from '../../src/scenarios';

// "How it decides" is the actor's machine read back: its conditions are the machine's guards,
// each judged by the machine's own guard, and its states and transitions the machine's config.

const scenario = getScenario('december-summit')!;
const game = createGame(scenario, actorRuntime);
const start = game.start(7, 'standard');
const defOf = (s: Scenario, id: string) => s.actors.find((a) => a.id === id)!;

/** A copy of the state to change by hand (the engine's states are frozen). */
const edit = (state: GameState, change: (s: GameState) => void): GameState => {
  const s = structuredClone(state);
  change(s);
  return s;
};
const tabled = (s: GameState, id: string, terms: Record<string, unknown>) => {
  s.routes[id] = { ...s.routes[id]!, status: 'tabled', terms: { size: 90, ...terms } };
};
const nowOf = (state: GameState, actor: string, code: string) =>
  decisionModel(scenario, state, actor)!.conditions.find((c) => c.code === code)!.now;

describe('decisionModel', () => {
  it.each(['belgium', 'japan', 'hungary'])(
    'lists the conditions of %s’s machine, in its order',
    (id) => {
      const def = defOf(scenario, id);
      const model = decisionModel(scenario, start, id)!;
      const fromMachine = machineConditions(machineOf(def));
      expect(fromMachine.length).toBeGreaterThan(0);
      expect(model.conditions.map((c) => [c.code, c.text, c.remedy, c.redLine, c.ballot])).toEqual(
        fromMachine.map((c) => [c.code, c.text, c.remedy, !!c.redLine, !!c.ballot]),
      );
    },
  );

  it('has the machine’s states in order, and the state the actor’s machine is in', () => {
    for (const def of scenario.actors) {
      const model = decisionModel(scenario, start, def.id)!;
      const states = Object.keys(machineOf(def).config.states ?? {});
      expect(model.states.map((s) => s.id)).toEqual(states);
      expect(model.current).toBe(start.actors[def.id]!.machine.value);
      expect(states).toContain(model.current);
      for (const t of model.transitions) {
        expect(states).toContain(t.from);
        if (t.to !== null) expect(states).toContain(t.to);
      }
    }
    expect(decisionModel(scenario, start, 'belgium')!.states.map((s) => s.label)).toEqual([
      'Opposed',
      'Wary',
      'Conditional',
      'Supportive',
      'Committed',
    ]);
    expect(decisionModel(scenario, start, 'russia')!.states.map((s) => s.id)).toEqual([
      'calm',
      'statements',
      'lawsuits',
      'threats',
      'seizure',
    ]);
  });

  it('guards the offer with the willing bar and every condition that decides a commitment', () => {
    const model = decisionModel(scenario, start, 'japan')!;
    const offers = model.transitions.filter((t) => t.event === 'offer');
    // From each stance short of committed, to committed.
    expect(offers.map((t) => t.from)).toEqual(['opposed', 'wary', 'conditional', 'supportive']);
    for (const t of offers) {
      expect(t.to).toBe('committed');
      expect(t.when).toBe('all');
      expect(t.conditions.map((c) => c.text)).toEqual(model.conditions.map((c) => c.text));
      expect(t.willing).toMatchObject({ needs: 40, met: false });
      expect(t.passes).toBe(false);
    }
    // Hungary's opt-out decides its ballot, not its commitment.
    const hungary = decisionModel(scenario, start, 'hungary')!;
    const offer = hungary.transitions.find((t) => t.event === 'offer')!;
    expect(offer.conditions.map((c) => hungary.conditions[c.index]!.code)).toEqual(['price-met']);
    const ballot = hungary.transitions.find((t) => t.event === 'ballot')!;
    expect(ballot.to).toBeNull();
    expect(ballot.conditions.map((c) => hungary.conditions[c.index]!.code)).toEqual(['opt-out']);
    expect(ballot.says).toMatch(/stays out/);
  });

  it('reads a red line’s ballot as “any crossed”', () => {
    const ecb = decisionModel(scenario, start, 'ecb')!;
    expect(ecb.conditions.map((c) => [c.code, c.redLine])).toEqual([['no-ecb-backstop', true]]);
    const ballot = ecb.transitions.find((t) => t.event === 'ballot')!;
    expect(ballot.when).toBe('any-broken');
    expect(ballot.says).toBe('it votes no');
    expect(ballot.passes).toBe(false);
    const crossed = edit(start, (s) => tabled(s, 'reparations', { liquidity: true }));
    const now = decisionModel(scenario, crossed, 'ecb')!;
    expect(now.conditions[0]!.now).toBe('unmet');
    expect(now.transitions.find((t) => t.event === 'ballot')!.passes).toBe(true);
  });

  it('flips a condition when the fact it tests flips', () => {
    // Japan: Washington's stance, and the G7 line.
    expect(nowOf(start, 'japan', 'leader-not-opposed')).toBe('unmet');
    const usMoved = edit(start, (s) => void (s.actors.us!.stance = 'wary'));
    expect(nowOf(usMoved, 'japan', 'leader-not-opposed')).toBe('met');
    expect(nowOf(start, 'japan', 'g7-line')).toBe('unmet');
    expect(
      nowOf(
        edit(start, (s) => void (s.g7Basis = 2)),
        'japan',
        'g7-line',
      ),
    ).toBe('met');
    // Belgium: a loan tabled with a liquidity mechanism.
    expect(nowOf(start, 'belgium', 'liquidity')).toBe('unmet');
    const liquid = edit(start, (s) => tabled(s, 'reparations', { liquidity: true }));
    expect(nowOf(liquid, 'belgium', 'liquidity')).toBe('met');
    // Hungary: joint borrowing tabled with an opt-out.
    expect(nowOf(start, 'hungary', 'opt-out')).toBe('unmet');
    const optOut = edit(start, (s) => tabled(s, 'eu-borrowing', { optOut: true }));
    expect(nowOf(optOut, 'hungary', 'opt-out')).toBe('met');
  });

  it('marks what-ifs and conditions not at stake', () => {
    const france = decisionModel(scenario, start, 'france')!;
    expect(france.conditions.find((c) => c.code === 'no-uncapped')!.whatIf).toBe(true);
    expect(france.conditions.find((c) => c.code === 'own-banks-out')!.whatIf).toBe(false);
    // Belgium given a condition on joint borrowing too: with joint borrowing on the table, its
    // loan conditions are not at stake.
    const jb = edit(start, (s) => tabled(s, 'eu-borrowing', {}));
    const onBorrowing: ConditionDef = {
      code: 'opt-out',
      routes: ['joint-borrowing'],
      text: 'A test condition: an opt-out from joint borrowing',
      remedy: 'An opt-out.',
    };
    const changed: Scenario = {
      ...scenario,
      actors: scenario.actors.map((a) =>
        a.id === 'belgium' ? { ...a, conditions: [...a.conditions!, ANY_OFFER, onBorrowing] } : a,
      ),
    };
    const model = decisionModel(changed, jb, 'belgium')!;
    expect(model.route).toBe('joint-borrowing');
    expect(model.conditions.map((c) => c.now)).toEqual([
      'not-at-stake',
      'not-at-stake',
      'not-at-stake',
      'unmet',
      'unmet',
    ]);
  });

  it('follows the scenario: an actor given other conditions shows those', () => {
    const changed: Scenario = {
      ...scenario,
      actors: scenario.actors.map((a): ActorDef =>
        a.id === 'belgium' ? { ...a, conditions: [ANY_OFFER] } : a,
      ),
    };
    const model = decisionModel(changed, start, 'belgium')!;
    expect(model.conditions.map((c) => c.text)).toEqual([ANY_OFFER.text]);
    const offer = model.transitions.find((t) => t.event === 'offer')!;
    expect(offer.conditions).toEqual([{ index: 0, text: ANY_OFFER.text, now: 'unmet' }]);
  });

  it('groups transitions into moves and tells each in a sentence', () => {
    const model = decisionModel(scenario, start, 'belgium')!;
    const moves = movesOf(model);
    expect(moves.map((m) => [m.event, m.from.length, m.to, m.band])).toEqual([
      ['percept', 4, 'opposed', true],
      ['percept', 4, 'wary', true],
      ['percept', 4, 'conditional', true],
      ['percept', 4, 'supportive', true],
      ['offer', 4, 'committed', false],
      ['promise.broken', 1, 'wary', false],
    ]);
    // Every transition is in one move.
    expect(moves.reduce((n, m) => n + m.from.length, 0)).toBe(model.transitions.length);
    const offer = moves.find((m) => m.event === 'offer')!;
    expect(offer.passes).toBe(false);
    expect(moveText(model, offer)).toBe(
      'On an offer (from Opposed, Wary, Conditional or Supportive): to Committed, if all of these hold:',
    );
    expect(
      bandText(
        model,
        moves.filter((m) => m.band),
      ),
    ).toBe(
      'At each week’s end (from Opposed, Wary, Conditional or Supportive): it moves to the one its willingness gives.',
    );
    const ecb = decisionModel(scenario, start, 'ecb')!;
    const ballot = movesOf(ecb).find((m) => m.event === 'ballot')!;
    expect(moveText(ecb, ballot)).toBe(
      'At a vote (from any state): it votes no, if any of these is crossed:',
    );
    const russia = decisionModel(scenario, start, 'russia')!;
    expect(movesOf(russia).map((m) => moveText(russia, m))[0]).toBe(
      'When provoked (from Calm): to Statements, and it escalates, if the week’s roll escalates it.',
    );
  });

  it('is plain data', () => {
    for (const def of scenario.actors) {
      const model = decisionModel(scenario, start, def.id);
      expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    }
    expect(decisionModel(scenario, start, 'nobody')).toBeNull();
  });
});

/** A condition on every offer, unmet at the start (no liquidity is on offer). */
const ANY_OFFER: ConditionDef = {
  code: 'liquidity',
  text: 'A test condition: cash on demand, on any offer',
  remedy: 'A liquidity mechanism.',
};
