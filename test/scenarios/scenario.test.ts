import { describe, expect, it } from 'vitest';

import { tally, weekOf } from '../../src/engine';
import type { Scenario, VoteBallot } from '../../src/engine';
import { decemberSummit, getScenario, scenarios, validateScenario } from '../../src/scenarios';

const EU27 = 'DE FR IT ES PL RO NL BE CZ SE PT EL HU AT BG DK FI SK IE HR LT SI LV EE CY LU MT';
const ACTOR_ORDER = [
  'belgium',
  'germany',
  'france',
  'italy',
  'hungary',
  'swing',
  'hawks',
  'mainstream',
  'ecb',
  'us',
  'japan',
  'uk',
  'canada',
  'imf',
  'ukraine',
  'russia',
];

describe('The December Summit data', () => {
  it('passes validation and comes back unchanged', () => {
    const result = validateScenario(decemberSummit);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.scenario).toEqual(decemberSummit);
  });

  it('has the 27 EU states with a population of about 449 million', () => {
    expect(decemberSummit.states.map((s) => s.id).sort()).toEqual(EU27.split(' ').sort());
    const total = decemberSummit.states.reduce((sum, s) => sum + s.pop, 0);
    expect(total).toBeGreaterThanOrEqual(4480);
    expect(total).toBeLessThanOrEqual(4500);
    expect(decemberSummit.states.find((s) => s.id === 'DE')?.pop).toBe(834);
    expect(decemberSummit.states.find((s) => s.id === 'MT')?.pop).toBe(6);
  });

  it('gives every member state exactly one voice in the Council', () => {
    const members = decemberSummit.actors.flatMap((a) => a.members.map((m) => m.state));
    expect(members.sort()).toEqual(EU27.split(' ').sort());
  });

  it('keeps the actors in the agreed order, with guarantee shares adding up to 100%', () => {
    expect(decemberSummit.actors.map((a) => a.id)).toEqual(ACTOR_ORDER);
    expect(decemberSummit.actors.reduce((sum, a) => sum + a.guaranteeKey, 0)).toBe(100);
  });

  it('puts every calendar date in the week it claims and the deadline in the last week', () => {
    for (const c of decemberSummit.calendar) {
      expect(weekOf(decemberSummit.startDate, c.date), c.id).toBe(c.week);
    }
    expect(weekOf(decemberSummit.startDate, decemberSummit.deadline)).toBe(decemberSummit.weeks);
  });

  it('lists exactly the sources the history cites', () => {
    const cited = new Set(decemberSummit.history.items.flatMap((i) => i.sources));
    const listed = decemberSummit.sources.map((s) => s.id);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...cited].sort()).toEqual([...listed].sort());
    expect(decemberSummit.history.items.length).toBeGreaterThanOrEqual(10);
    expect(decemberSummit.history.items.length).toBeLessThanOrEqual(14);
  });

  it('is registered by id', () => {
    expect(getScenario('december-summit')).toBe(decemberSummit);
    expect(getScenario('no-such-scenario')).toBeUndefined();
    expect(getScenario('toString')).toBeUndefined();
    for (const [id, scenario] of Object.entries(scenarios)) {
      expect(scenario.id).toBe(id);
      expect(validateScenario(scenario).ok, id).toBe(true);
    }
  });
});

describe('Council arithmetic on the scenario populations', () => {
  const states = decemberSummit.states;
  const n = states.length;
  const ballots = (yes: (id: string) => boolean): VoteBallot[] =>
    states.map((s) => ({ state: s.id, actor: 'test', vote: yes(s.id) ? 'yes' : 'no', reason: '' }));

  it('passes a qualified majority when all 27 vote yes', () => {
    const t = tally(
      states,
      ballots(() => true),
      'qmv',
    );
    expect(t.passed).toBe(true);
    expect(t.yesStates).toBe(27);
    expect(t.yesPop).toBe(t.totalPop);
  });

  it('lets the four largest states block by population even though 23 states say yes', () => {
    const big = new Set(['DE', 'FR', 'IT', 'ES']);
    const t = tally(
      states,
      ballots((id) => !big.has(id)),
      'qmv',
    );
    expect(t.yesStates).toBe(23);
    expect(t.yesStates * 100).toBeGreaterThanOrEqual(n * 55); // enough states...
    expect(t.yesPop * 100).toBeLessThan(t.totalPop * 65); // ...but not enough people
    expect(t.passed).toBe(false);
  });

  it('fails when only the 15 smallest states vote yes: enough states, too few people', () => {
    const smallest = new Set(
      [...states]
        .sort((a, b) => a.pop - b.pop)
        .slice(0, 15)
        .map((s) => s.id),
    );
    expect(smallest.has('MT') && smallest.has('LU') && !smallest.has('DE')).toBe(true);
    const t = tally(
      states,
      ballots((id) => smallest.has(id)),
      'qmv',
    );
    expect(t.yesStates).toBe(15);
    expect(t.yesStates * 100).toBeGreaterThanOrEqual(n * 55);
    expect(t.yesPop * 100).toBeLessThan(t.totalPop * 65);
    expect(t.passed).toBe(false);
  });

  it('passes a qualified majority over one no vote that would sink a unanimity vote', () => {
    const withoutHungary = ballots((id) => id !== 'HU');
    expect(tally(states, withoutHungary, 'qmv').passed).toBe(true);
    expect(tally(states, withoutHungary, 'unanimity').passed).toBe(false);
  });
});

describe('validateScenario refuses corrupted copies', () => {
  type Loose = Record<string, unknown>;
  const loose = (o: object) => o as Loose;

  const cases: [label: string, corrupt: (s: Scenario) => void, path: string, reason: string][] = [
    [
      'a baseline that is not a number',
      (s) => (loose(s.actors[3]!).baseline = 'x'),
      'actors[3].baseline',
      'expected an integer between -100 and 100, got "x"',
    ],
    [
      'a member state that does not exist',
      (s) => (s.actors[0]!.members[0]!.state = 'XX'),
      'actors[0].members[0].state',
      'unknown member state "XX"',
    ],
    [
      'a duplicate actor id',
      (s) => (s.actors[1]!.id = 'belgium'),
      'actors[1].id',
      'duplicate actor id "belgium"',
    ],
    [
      'a calendar entry in week 25 of a 19-week game',
      (s) => (s.calendar[0]!.week = 25),
      'calendar[0].week',
      'week 25 is outside the game (weeks 1 to 19)',
    ],
    [
      'a calendar date outside its week',
      (s) => (s.calendar[4]!.date = '2026-01-08'),
      'calendar[4].date',
      '2026-01-08 falls in week 7, not week 4',
    ],
    [
      'an impossible date',
      (s) => (s.calendar[1]!.date = '2026-02-30'),
      'calendar[1].date',
      'expected a real ISO date',
    ],
    [
      'following an actor that does not exist',
      (s) => (s.actors[2]!.follows[0]!.actor = 'atlantis'),
      'actors[2].follows[0].actor',
      'unknown actor "atlantis"',
    ],
    [
      'guarantee shares over 100%',
      (s) => (s.actors[1]!.guaranteeKey = 40),
      'actors',
      'add up to 114%',
    ],
    ['a route without sizes', (s) => (s.routes[0]!.sizes = []), 'routes[0].sizes', 'at least 1'],
    [
      'a summit after the last week',
      (s) => (s.summitWeeks[1] = 20),
      'summitWeeks[1]',
      'week 20 is outside the game',
    ],
    [
      'an event window past the end',
      (s) => (s.events[0]!.to = 30),
      'events[0].to',
      'week 30 is outside the game',
    ],
    [
      'an event aimed at an unknown actor',
      (s) => (s.events[0]!.effects.actors = { nobody: -5 }),
      'events[0].effects.actors.nobody',
      'unknown actor "nobody"',
    ],
    [
      'money that is not a whole number of EUR millions',
      (s) => (s.target = 71700.5),
      'target',
      'expected an integer',
    ],
    [
      'an unknown actor kind',
      (s) => (loose(s.actors[0]!).kind = 'banker'),
      'actors[0].kind',
      "expected one of 'government'",
    ],
    [
      'a liked term that is not a term',
      (s) => (loose(s.actors[1]!).likes = { bribe: 5 }),
      'actors[1].likes.bribe',
      'expected one of',
    ],
    [
      'a field the format does not have',
      (s) => (loose(s.actors[0]!).mood = 5),
      'actors[0].mood',
      'unknown field',
    ],
    [
      'a missing field',
      (s) => delete loose(s.actors[0]!).drivers,
      'actors[0].drivers',
      'missing required field',
    ],
    [
      'a history item citing an unlisted source',
      (s) => (s.history.items[0]!.sources = ['S999']),
      'history.items[0].sources[0]',
      'unknown source "S999"',
    ],
  ];

  it.each(cases)('refuses %s, naming the field', (_label, corrupt, path, reason) => {
    const copy = structuredClone(decemberSummit);
    corrupt(copy);
    const result = validateScenario(copy);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    const hit = errors.find((e) => e.startsWith(`${path}: `));
    expect(hit, `no error for ${path} in:\n${errors.join('\n')}`).toBeDefined();
    expect(hit).toContain(reason);
  });

  it('refuses input that is not a scenario at all', () => {
    for (const input of [null, 42, 'december-summit', []]) {
      const result = validateScenario(input);
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.errors.length).toBeGreaterThan(0);
    }
    const result = validateScenario(null);
    expect(result.ok ? [] : result.errors).toEqual(['(scenario): expected an object, got null']);
  });

  it('leaves the original data untouched', () => {
    const before = JSON.stringify(decemberSummit);
    const copy = structuredClone(decemberSummit);
    copy.actors[0]!.baseline = 999;
    validateScenario(copy);
    expect(JSON.stringify(decemberSummit)).toBe(before);
  });
});
