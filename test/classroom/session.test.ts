import { describe, expect, it } from 'vitest';

import {
  CLASS_KEY,
  defaultSession,
  differences,
  flagText,
  parseSeed,
  readSession,
  sessionLink,
  writeSession,
  type GameIdentity,
} from '../../src/classroom/session';
import { classTag, parseRoute } from '../../src/share';
import { memoryStorage, SESSION } from './codes';

const same: GameIdentity = {
  scenario: SESSION.scenarioId,
  seed: SESSION.seed,
  difficulty: SESSION.difficulty,
  hints: SESSION.hints,
  classTag: classTag(SESSION.classLabel),
};

describe('the class game', () => {
  it('makes a link that opens exactly this game', () => {
    const link = sessionLink('https://school.example/fa/', { ...SESSION, hints: true });
    expect(link).toBe(
      'https://school.example/fa/#play?scenario=december-summit&seed=34&difficulty=standard&hints=on&class=7B',
    );
    const route = parseRoute(link.slice(link.indexOf('#')), '2026-01-12');
    expect(route).toEqual({
      kind: 'play',
      daily: false,
      link: {
        scenarioId: 'december-summit',
        seed: 34,
        difficulty: 'standard',
        options: { hints: true, classLabel: '7B' },
      },
    });
  });

  it('accepts only whole seeds from 0 to 4294967295', () => {
    expect(parseSeed(' 42 ')).toEqual({ ok: true, seed: 42 });
    expect(parseSeed('4294967295')).toEqual({ ok: true, seed: 4294967295 });
    expect(parseSeed('4294967296').ok).toBe(false);
    expect(parseSeed('-1').ok).toBe(false);
    expect(parseSeed('1.5').ok).toBe(false);
    expect(parseSeed('').ok).toBe(false);
  });

  it('says how a game differs from the class game', () => {
    expect(differences(same, SESSION)).toEqual([]);
    expect(flagText(same, SESSION)).toBeNull();
    expect(flagText({ ...same, seed: 12 }, SESSION)).toBe(
      'Played on another game: seed 12 not 34.',
    );
    expect(
      differences({ ...same, difficulty: 'hard', hints: true, classTag: null }, SESSION),
    ).toEqual(['difficulty hard not standard', 'coach on not off', 'no class label, not “7B”']);
    expect(differences({ ...same, classTag: classTag('8C') }, SESSION)).toEqual([
      'another class label, not “7B”',
    ]);
    expect(differences(same, { ...SESSION, classLabel: '' })).toEqual([
      'made for a class, and this game has no class label',
    ]);
    // The tag ignores case, as class labels are typed by hand.
    expect(differences(same, { ...SESSION, classLabel: '7b' })).toEqual([]);
  });
});

describe('remembering the class game', () => {
  it('round-trips through storage', () => {
    const storage = memoryStorage();
    expect(readSession(storage)).toEqual({ kind: 'none' });
    expect(writeSession(storage, SESSION)).toBeNull();
    expect(JSON.parse(storage.data.get(CLASS_KEY)!)).toEqual({ v: 1, ...SESSION });
    expect(readSession(storage)).toEqual({ kind: 'ok', session: SESSION });
  });

  it('ignores a damaged or doctored value with a reason, never throwing', () => {
    const cases: [string, RegExp][] = [
      ['{not json', /damaged/],
      ['[1,2]', /not a set of settings/],
      [JSON.stringify({ ...SESSION, v: 2 }), /another version/],
      [JSON.stringify({ v: 1, ...SESSION, scenarioId: 'toString' }), /scenario/],
      [JSON.stringify({ v: 1, ...SESSION, seed: 2 ** 40 }), /seed/],
      [JSON.stringify({ v: 1, ...SESSION, difficulty: 'insane' }), /difficulty/],
      [JSON.stringify({ v: 1, ...SESSION, hints: 'yes' }), /coach/],
      [JSON.stringify({ v: 1, ...SESSION, classLabel: 'x'.repeat(500) }), /class label/],
    ];
    for (const [raw, reason] of cases) {
      const read = readSession(memoryStorage({ [CLASS_KEY]: raw }));
      expect(read.kind, raw).toBe('error');
      if (read.kind === 'error') expect(read.reason).toMatch(reason);
    }
  });

  it('cleans a stored label and survives a storage that throws', () => {
    const read = readSession(
      memoryStorage({
        [CLASS_KEY]: JSON.stringify({ v: 1, ...SESSION, classLabel: ' 7B\u0000 ' }),
      }),
    );
    expect(read).toEqual({ kind: 'ok', session: { ...SESSION, classLabel: '7B' } });
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {},
    };
    expect(readSession(broken).kind).toBe('error');
    expect(writeSession(broken, SESSION)).toMatch(/would not remember/);
    expect(readSession(null)).toEqual({ kind: 'none' });
  });

  it('starts from a fresh seed on standard difficulty', () => {
    expect(defaultSession(123)).toEqual({
      scenarioId: 'december-summit',
      seed: 123,
      difficulty: 'standard',
      hints: false,
      classLabel: '',
      variant: {},
    });
  });
});
