import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { DIFFICULTIES, type Move } from '../../src/engine';
import {
  cleanLabel,
  dailyLink,
  dailySeed,
  DEFAULT_OPTIONS,
  encodeResult,
  gameLink,
  historyLink,
  MAX_LABEL,
  parseRoute,
  replayLink,
  teacherLink,
  verifyResult,
  type GameLink,
  type Route,
} from '../../src/share';
import { newGame, play, scenario } from '../helpers/game';

// Links are untrusted input: parseRoute turns any fragment into a route or a reason, and the
// links the game writes come back as the same game.

const TODAY = '2026-11-23';
const BASE = 'https://example.org/frozen-assets/';

/** The fragment a browser would give for a link (location.hash). */
const hashOf = (link: string) => new URL(link).hash;

const route = (fragment: string) => parseRoute(fragment, TODAY);

function playLink(fragment: string): GameLink {
  const r = route(fragment);
  if (r.kind !== 'play') expect.fail(`${fragment}: ${JSON.stringify(r)}`);
  return r.link;
}

function invalid(fragment: string, today = TODAY): string {
  const r = parseRoute(fragment, today);
  if (r.kind !== 'invalid')
    expect.fail(`${fragment.slice(0, 80)} was accepted: ${JSON.stringify(r)}`);
  expect(r.reason.length).toBeGreaterThan(10);
  return r.reason;
}

describe('parseRoute: links the game writes', () => {
  it('reads a full game link', () => {
    expect(
      route('#play?scenario=december-summit&seed=123&difficulty=hard&hints=on&class=7B'),
    ).toEqual({
      kind: 'play',
      daily: false,
      link: {
        scenarioId: 'december-summit',
        seed: 123,
        difficulty: 'hard',
        options: { hints: true, classLabel: '7B' },
      },
    });
  });

  it('fills in the scenario, difficulty and options a link leaves out', () => {
    expect(playLink('play?seed=5')).toEqual({
      scenarioId: scenario.id,
      seed: 5,
      difficulty: 'standard',
      options: DEFAULT_OPTIONS,
    });
    expect(playLink('#play?seed=0').seed).toBe(0);
    expect(playLink('#play?seed=4294967295').seed).toBe(4294967295);
    expect(playLink('#play?seed=007').seed).toBe(7);
    expect(playLink('#play?seed=1&hints=off').options.hints).toBe(false);
  });

  it('reads the menu from an empty fragment', () => {
    for (const f of ['', '#', '/', '#/']) expect(route(f)).toEqual({ kind: 'menu' });
    expect(parseRoute(undefined as unknown as string, TODAY)).toEqual({ kind: 'menu' });
  });

  it('gives the daily challenge the day as its seed', () => {
    expect(dailySeed(TODAY)).toBe(20261123);
    const link = dailyLink(BASE, scenario.id, 'story');
    expect(parseRoute(hashOf(link), TODAY)).toEqual({
      kind: 'play',
      daily: true,
      link: {
        scenarioId: scenario.id,
        seed: 20261123,
        difficulty: 'story',
        options: DEFAULT_OPTIONS,
      },
    });
    // Another day, another game; a seed in the link does not override the date.
    const next = parseRoute(`${hashOf(link)}&seed=99`, '2026-11-24');
    expect(next.kind === 'play' && next.link.seed).toBe(20261124);
    expect(playLink('#daily').difficulty).toBe('standard');
  });

  it('refuses the daily challenge when the page gives no readable date', () => {
    for (const today of ['', '23/11/2026', '2026-11-23T10:00:00Z', 'today'])
      expect(invalid('#daily?difficulty=hard', today)).toMatch(/date/);
  });

  it('reads a replay link and hands back the code untouched', () => {
    const { game, state } = newGame(11);
    const moves: Move[] = [
      { type: 'actor.sound', actor: 'germany' },
      { type: 'week.end' },
      { type: 'week.end' },
    ];
    const end = play(game, state, ...moves);
    const code = encodeResult({
      scenarioId: scenario.id,
      seed: 11,
      difficulty: 'standard',
      options: DEFAULT_OPTIONS,
      name: 'Zoë',
      moves,
      state: end,
    });
    const r = parseRoute(hashOf(replayLink(BASE, code)), TODAY);
    expect(r).toEqual({ kind: 'replay', code });
    expect(r.kind === 'replay' && verifyResult(r.code).valid).toBe(true);
    // The route does not judge the code; the replay page does.
    expect(route('#r=not-a-code')).toEqual({ kind: 'replay', code: 'not-a-code' });
    expect(route('#r=')).toEqual({ kind: 'replay', code: '' });
  });

  it('reads the teacher link', () => {
    expect(parseRoute(hashOf(teacherLink(BASE)), TODAY)).toEqual({ kind: 'teacher' });
    expect(route('teacher')).toEqual({ kind: 'teacher' });
  });
});

describe('parseRoute: bad input', () => {
  it('refuses parts it does not know', () => {
    for (const f of [
      '#play?seed=1&foo=bar',
      '#play?seed=1&__proto__=x',
      '#play?seed=1&constructor=x',
      '#play?seed=1&SEED=2',
      '#daily?utm_source=mail',
    ])
      expect(invalid(f)).toMatch(/part the game does not know/);
  });

  it('refuses paths it does not know', () => {
    for (const f of ['#admin', '#playx?seed=1', '#teacher?x=1', '#Teacher', '#/play?seed=1', '#r'])
      expect(invalid(f)).toMatch(/does not point/);
  });

  it('refuses bad seeds', () => {
    for (const seed of [
      '',
      '-1',
      '1.5',
      '1e3',
      '0x10',
      'abc',
      '+1',
      '%201',
      '4294967296',
      '99999999999',
      '１２３', // full-width digits
    ])
      expect(invalid(`#play?seed=${seed}`)).toMatch(/seed/);
    expect(invalid('#play')).toMatch(/seed/);
  });

  it('refuses unknown scenarios, difficulties and hint settings', () => {
    for (const s of ['no-such-scenario', 'toString', '__proto__', 'constructor', ''])
      expect(invalid(`#play?seed=1&scenario=${s}`)).toMatch(/scenario/);
    for (const d of ['nightmare', 'Standard', '', 'hasOwnProperty'])
      expect(invalid(`#play?seed=1&difficulty=${d}`)).toMatch(/difficulty/);
    for (const h of ['yes', '1', 'true', ''])
      expect(invalid(`#play?seed=1&hints=${h}`)).toMatch(/hints/);
  });

  it('refuses oversize links unread', () => {
    expect(invalid(`#play?seed=1&class=${'a'.repeat(2000)}`)).toMatch(/too long/);
    expect(invalid(`#r=${'A'.repeat(1300)}`)).toMatch(/too long/);
    expect(invalid(`#play?seed=1&class=${'b'.repeat(MAX_LABEL * 2 + 1)}`)).toMatch(/too long/);
  });

  it('keeps a script payload in the class as plain, cleaned label text', () => {
    const payloads = [
      '<script>alert(1)</script>',
      '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      '<img src=x onerror=alert(1)>',
      'javascript:alert(1)',
      '"><svg/onload=alert(1)>',
    ];
    for (const p of payloads) {
      const link = playLink(`#play?seed=1&class=${p}`);
      const text = new URLSearchParams(`class=${p}`).get('class')!;
      expect(link.options.classLabel).toBe(cleanLabel(text));
      expect(link.options.classLabel.length).toBeGreaterThan(0);
    }
    expect(playLink('#play?seed=1&class=<script>alert(1)</script>').options.classLabel).toBe(
      '<script>alert(1)</script>',
    );
  });

  it('cleans control, format and bidi characters out of the class label', () => {
    const link = playLink('#play?seed=1&class=%00%1B%5B31m7B%E2%80%AE%E2%80%8Bx%0A%0Dy');
    expect(link.options.classLabel).toBe('[31m7B x y');
    expect(link.options.classLabel).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    // Malformed percent escapes become text, never an error.
    expect(playLink('#play?seed=1&class=%E0%A4%A').options.classLabel).toBe('\uFFFD%A');
    expect(playLink('#play?seed=1&class=%').options.classLabel).toBe('%');
    // Long labels are cut to MAX_LABEL characters; blank ones mean "no class".
    expect(playLink(`#play?seed=1&class=${'c'.repeat(60)}`).options.classLabel).toBe(
      'c'.repeat(MAX_LABEL),
    );
    expect(playLink('#play?seed=1&class=%20%20%09').options.classLabel).toBe('');
  });

  it('never throws, whatever the fragment (property)', () => {
    const kinds = new Set<Route['kind']>(['menu', 'play', 'replay', 'teacher', 'invalid']);
    const key = fc.constantFrom('scenario', 'seed', 'difficulty', 'hints', 'class', 'x', '', '=');
    const value = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('december-summit', 'standard', 'on', '%', '%zz', '&', '#'),
      fc.nat().map(String),
    );
    const query = fc
      .array(fc.tuple(key, value), { maxLength: 6 })
      .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
    const fragment = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc
        .tuple(fc.constantFrom('#play?', 'play?', '#daily?', '#r=', '#', '#teacher'), query)
        .map(([a, b]) => a + b),
    );
    const today = fc.oneof(fc.constant(TODAY), fc.string());
    fc.assert(
      fc.property(fragment, today, (f, t) => {
        const r = parseRoute(f, t);
        expect(kinds.has(r.kind)).toBe(true);
        if (r.kind === 'invalid') expect(r.reason.length).toBeGreaterThan(10);
        if (r.kind === 'play') {
          const { seed, difficulty, options } = r.link;
          expect(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff).toBe(true);
          expect(DIFFICULTIES).toContain(difficulty);
          expect(options.classLabel).toBe(cleanLabel(options.classLabel));
          expect([...options.classLabel].length).toBeLessThanOrEqual(MAX_LABEL);
        }
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});

describe('gameLink -> parseRoute round trip', () => {
  it('gives back the same game for any seed, difficulty, hints and class (property)', () => {
    const link = fc.record({
      scenarioId: fc.constant(scenario.id),
      seed: fc.oneof(fc.nat({ max: 0xffffffff }), fc.constantFrom(0, 0xffffffff)),
      difficulty: fc.constantFrom(...DIFFICULTIES),
      options: fc.record({
        hints: fc.boolean(),
        classLabel: fc
          .oneof(
            fc.string(),
            fc.string({ unit: 'grapheme' }),
            fc.constantFrom('7B', 'Zoë 李', '<script>alert(1)</script>', 'a&b=c#d', '100% + more'),
          )
          .map(cleanLabel),
      }),
    });
    fc.assert(
      fc.property(link, (l: GameLink) => {
        const url = gameLink(BASE, l);
        expect(url.startsWith(`${BASE}#play?`)).toBe(true);
        expect(parseRoute(hashOf(url), TODAY)).toEqual({ kind: 'play', daily: false, link: l });
        // The raw text after "#" (not only the browser's form) reads the same.
        expect(parseRoute(url.slice(url.indexOf('#')), TODAY)).toEqual({
          kind: 'play',
          daily: false,
          link: l,
        });
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it('writes the short form: no hints or class parameter when they are off or empty', () => {
    const url = gameLink(BASE, {
      scenarioId: scenario.id,
      seed: 42,
      difficulty: 'standard',
      options: DEFAULT_OPTIONS,
    });
    expect(url).toBe(`${BASE}#play?scenario=december-summit&seed=42&difficulty=standard`);
  });
});

describe('links to a teacher-tuned variant', () => {
  const link: GameLink = {
    scenarioId: 'december-summit',
    seed: 77,
    difficulty: 'hard',
    options: { hints: false, classLabel: '10A', variant: { target: 600, weeks: 15, fear: 5 } },
  };

  it('carry every tuned value in readable parameters and come back as the same game', () => {
    const url = gameLink(BASE, link);
    expect(url).toBe(
      `${BASE}#play?scenario=december-summit&seed=77&difficulty=hard&class=10A&target=600&weeks=15&fear=5`,
    );
    expect(parseRoute(hashOf(url), TODAY)).toEqual({ kind: 'play', link, daily: false });
  });

  it('refuse values that are not whole numbers or outside the ranges, with the reason', () => {
    const reason = (query: string) => {
      const r = parseRoute(`#play?scenario=december-summit&seed=1&${query}`, TODAY);
      return r.kind === 'invalid' ? r.reason : `not refused: ${r.kind}`;
    };
    expect(reason('weeks=abc')).toBe('The "weeks" setting in this link is not a whole number.');
    expect(reason('weeks=1.5')).toBe('The "weeks" setting in this link is not a whole number.');
    expect(reason('weeks=2')).toMatch(
      /^This link's version of the scenario cannot be played: Weeks until the deadline must be a whole number from \d+ to \d+ \(got 2\)\.$/,
    );
    expect(reason('target=600&target=601')).toBe('This link gives a setting twice.');
  });
});

describe('links to the real path and class prompts', () => {
  const game: GameLink = {
    scenarioId: 'december-summit',
    seed: 123,
    difficulty: 'hard',
    options: DEFAULT_OPTIONS,
  };

  it('open the real path of a scenario and seed as a replay', () => {
    const link = historyLink(BASE, game);
    expect(hashOf(link)).toBe('#history?scenario=december-summit&seed=123&difficulty=hard');
    expect(parseRoute(hashOf(link), TODAY)).toEqual({ kind: 'history', link: game });
  });

  it('refuse a real-path link with a player’s options or a start week', () => {
    for (const extra of ['&hints=on', '&class=7B', '&from=4'])
      expect(parseRoute(`#history?scenario=december-summit&seed=1${extra}`, TODAY)).toMatchObject({
        kind: 'invalid',
      });
  });

  it('carry a class prompt (start from the real path at a week) and come back the same', () => {
    const prompt = { ...game, options: { ...DEFAULT_OPTIONS, classLabel: '8B' }, from: 4 };
    const link = gameLink(BASE, prompt);
    expect(link).toContain('&from=4');
    expect(parseRoute(hashOf(link), TODAY)).toEqual({ kind: 'play', link: prompt, daily: false });
  });

  it('refuse a start week outside the game, with the reason', () => {
    for (const from of ['1', '20', '0', 'x', '4.5'])
      expect(parseRoute(`#play?scenario=december-summit&seed=1&from=${from}`, TODAY)).toEqual({
        kind: 'invalid',
        reason: 'The week to start from in this link is not a week from 2 to 19.',
      });
    // A tuned game of 12 weeks has no week 15.
    expect(
      parseRoute(`#play?scenario=december-summit&seed=1&weeks=12&from=15`, TODAY),
    ).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/from 2 to 12/) });
  });
});
