import { describe, expect, test } from 'vitest';

import { scenarios } from '../../src/scenarios';
import { decodeResult, rulesTag, verifyResult } from '../../src/share';

// Result codes shared by players before later changes (see src/share/code.ts). A code made under
// the current rules must still open and verify, or the change broke every code already pasted
// into a class's results. A code made before a change of the rules in code (RULES_REVISION in
// src/engine/revision.ts) replays to another result, so it cannot verify: it must be reported,
// plainly, as made with an earlier version of the game, never as edited.

const CURRENT = [
  {
    made: 'v1 at rules revision 5 (seed 7, standard, hints, class "4B", scripted strategy)',
    code: 'AQ0DlAAAAB9huA0FuYRHRorIk-m8pQGrVZRqtJEkpMCUmHxZKYdllFosjbeVME3U1ABRHipr',
    name: 'Ana',
    seed: 7,
  },
];

const EARLIER_RULES = [
  {
    // The same game before one number per thing (replies told from the card's willingness,
    // each week's change kept) and counter-offers that can be taken.
    made: 'v1 at commit 950112e, rules revision 4 (seed 7, standard, hints, class "4B", scripted strategy)',
    code: 'AQdqZAAAAB9huA0FuYRHRorIk-m8pQGrVZRqtJEkpMCUmHxZKYdllFosjbeVHgwBokBXP66U',
  },
  {
    // The same game before a seed made one world whatever was played in it.
    made: 'v1 at commit ceb9a39, rules revision 3 (seed 7, standard, hints, class "4B", scripted strategy)',
    code: 'AQgOhAAAAB9huA0FuYQ_RorIk-m8pQGrVZVqLRVGkkkUmBQ9KYdSWW24OVT5qIjAtgM',
  },
  {
    // The same game before the actors' conditions became guards of their machines.
    made: 'v1 at commit c9ce1d7, rules revision 2 (seed 7, standard, hints, class "4B", scripted strategy)',
    code: 'AQnN9AAAAB9huA0FuYQ5E49PE2k9WQGrVZLuBwZm3G444BssU1NgBojOfA',
  },
  {
    // The same game as above, before the score put money first.
    made: 'v1 at commit b45eaa0, rules revision 1 (seed 7, standard, class "4B", scripted strategy)',
    code: 'AQCrRAAAAB1huA0FuYQ5E49PE2k9WQGrVZLuBwZm3G444BMdnGfgIR4kXw',
  },
];

const EARLIER =
  'This code was made with an earlier version of the game. The rules have changed since, so this version cannot check its result.';

describe('codes shared before', () => {
  test.each(CURRENT)('$made still verifies', ({ code, name, seed }) => {
    const v = verifyResult(code);
    expect(v.valid, v.valid ? '' : v.reason).toBe(true);
    if (!v.valid) return;
    expect(v.name).toBe(name);
    expect(v.seed).toBe(seed);
    expect(v.scenario).toBe('december-summit');
  });

  test.each(EARLIER_RULES)('$made is reported as made with an earlier version', ({ code }) => {
    expect(decodeResult(code)).toEqual({ ok: false, reason: EARLIER });
    expect(verifyResult(code)).toEqual({ valid: false, reason: EARLIER });
  });
});

describe('the rules tags of this version', () => {
  test('are pinned: a change of the rules must record the tags it replaces', () => {
    const tags = Object.fromEntries(
      Object.values(scenarios).map((s) => [s.id, rulesTag(s).toString(16).padStart(4, '0')]),
    );
    // When this fails, a change of the rules (data or RULES_REVISION) moved a tag: add the old
    // tag to EARLIER_TAGS (src/share/rules-history.ts), then pin the new one here.
    expect(tags).toEqual({
      'december-summit': 'd039',
      'london-talks': 'bf89',
      'washington-talks': '60f7',
    });
  });
});
