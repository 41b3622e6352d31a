import { describe, expect, it } from 'vitest';

import { actorRuntime } from '../../src/actors';
import { createGame } from '../../src/engine';
import { getScenario, tunedScenario, type Variant } from '../../src/scenarios';
import { BitReader, BitWriter, fromBase64Url, toBase64Url } from '../../src/share/bits';
import {
  decodeResult,
  encodeResult,
  rulesTag,
  verifyResult,
  type GameOptions,
} from '../../src/share';
import { policyByName } from '../../src/sim/policies';
import { playGame } from '../../src/sim/run';
import { sha256 } from '@noble/hashes/sha2.js';

// Result codes of teacher-tuned games (format version 2): the variant travels in the code, the
// code verifies against exactly the tuned rules, and a game as designed still gets version 1.

const ID = 'december-summit';
const VARIANT: Variant = { target: 550, weeks: 15, follow: 20, fear: -5, events: 50 };

function played(variant: Variant, seed = 11) {
  const t = tunedScenario(ID, variant);
  if (!t.ok) throw new Error(t.reason);
  const r = playGame(
    createGame(t.scenario, actorRuntime),
    seed,
    'standard',
    policyByName('scripted')!,
  );
  const options: GameOptions = { hints: true, classLabel: '9C', variant };
  const code = encodeResult({
    scenarioId: ID,
    seed,
    difficulty: 'standard',
    options,
    name: 'Lu',
    moves: r.moves,
    state: r.state,
  });
  return { scenario: t.scenario, record: r, code };
}

/** Rewrites a code's body with a new checksum, as a forger would. */
function resign(bytes: Uint8Array): string {
  const body = bytes.slice(0, bytes.length - 4);
  const h = sha256(body);
  const out = new Uint8Array(bytes.length);
  out.set(body);
  out.set(h.slice(0, 4), body.length);
  return toBase64Url(out);
}

describe('result codes of tuned games', () => {
  const game = played(VARIANT);

  it('are version 2, decode to the variant and verify to the tuned game', () => {
    const bytes = fromBase64Url(game.code)!;
    expect(bytes[0]).toBe(2);
    const d = decodeResult(game.code);
    expect(d.ok && d.data.variant).toEqual(VARIANT);
    const v = verifyResult(game.code);
    expect(v.valid, v.valid ? '' : v.reason).toBe(true);
    if (!v.valid) return;
    expect(v.variant).toEqual(VARIANT);
    expect(v.name).toBe('Lu');
    expect(v.week).toBeLessThanOrEqual(15);
    expect(v.state).toEqual(game.record.state);
  });

  it('carry the tuned rules tag, which differs from the designed one', () => {
    const r = new BitReader(fromBase64Url(game.code)!);
    r.read(8);
    r.read(4);
    expect(r.read(16)).toBe(rulesTag(game.scenario));
    expect(rulesTag(game.scenario)).not.toBe(rulesTag(getScenario(ID)!));
  });

  it('a game as designed is still written as version 1, even with an empty or designed-value variant', () => {
    const t = tunedScenario(ID, {});
    if (!t.ok) throw new Error(t.reason);
    const r = playGame(
      createGame(t.scenario, actorRuntime),
      3,
      'standard',
      policyByName('scripted')!,
    );
    for (const variant of [undefined, {}, { weeks: 19 }] as (Variant | undefined)[]) {
      const code = encodeResult({
        scenarioId: ID,
        seed: 3,
        difficulty: 'standard',
        options: { hints: false, classLabel: '', ...(variant ? { variant } : {}) },
        moves: r.moves,
        state: r.state,
      });
      expect(fromBase64Url(code)![0]).toBe(1);
      const v = verifyResult(code);
      expect(v.valid && v.variant).toEqual({});
    }
  });

  it('refuse a variant changed after the game, even with a fixed-up checksum', () => {
    // Same moves, claimed under easier rules: the rules tag no longer matches.
    const bytes = fromBase64Url(game.code)!;
    const w = new BitWriter();
    const r = new BitReader(bytes.slice(0, bytes.length - 4));
    // Copy the header up to the variant block, then write another target.
    w.write(r.read(8), 8).write(r.read(4), 4).write(r.read(16), 16).write(r.read(2), 2);
    w.write(r.read(32), 32).write(r.read(1), 1);
    const hasClass = r.read(1);
    w.write(hasClass, 1);
    if (hasClass) w.write(r.read(16), 16);
    const count = r.read(3);
    w.write(count, 3);
    const key0 = r.read(3);
    const target = r.read(12);
    w.write(key0, 3).write(target - 100, 12);
    while (r.remaining > 0) w.write(r.read(1), 1);
    const forged = resign(new Uint8Array([...w.finish(), 0, 0, 0, 0]));
    const v = verifyResult(forged);
    expect(v.valid).toBe(false);
    if (!v.valid)
      expect(v.reason).toMatch(/another version of the game .*rules for The December Summit/);
  });

  it('refuse values out of range or not in canonical form, with a reason', () => {
    const header = (write: (w: BitWriter) => void) => {
      const w = new BitWriter();
      w.write(2, 8).write(0, 4).write(0, 16).write(1, 2).write(5, 32).write(0, 1).write(0, 1);
      write(w);
      w.write(0, 6).write(0, 9).write(0, 32);
      return resign(new Uint8Array([...w.finish(), 0, 0, 0, 0]));
    };
    const reason = (code: string) => {
      const d = decodeResult(code);
      return d.ok ? '' : d.reason;
    };
    expect(reason(header((w) => w.write(0, 3)))).toMatch(/tuned but gives no values/);
    // weeks (key 1) = 3 is below every scenario's range
    expect(reason(header((w) => w.write(1, 3).write(1, 3).write(0, 6)))).toMatch(
      /must be a whole number/,
    );
    // keys out of order
    expect(
      reason(header((w) => w.write(2, 3).write(1, 3).write(10, 6).write(0, 3).write(500, 12))),
    ).toMatch(/not in a form/);
    // a value equal to the scenario's own (19 weeks) is never written
    expect(reason(header((w) => w.write(1, 3).write(1, 3).write(15, 6)))).toMatch(/not in a form/);
  });
});
