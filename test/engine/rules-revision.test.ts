import { describe, expect, it } from 'vitest';

import { RULES_REVISION } from '../../src/engine';
import { scenarios } from '../../src/scenarios';
import { policyByName } from '../../src/sim/policies';
import { simulate } from '../../src/sim/run';

// The rules tag of a result code covers every rule a result depends on: the scenario's data by
// its digest, the rules in code by RULES_REVISION. This pins what the rules in code give (the
// final states of 40 games of every scenario: 20 scripted, 20 random) together with the revision: a change in code
// that changes any result fails here until RULES_REVISION is raised (and the old rules tags are
// recorded, see test/share/old-codes.test.ts).

const GAMES = 20;

function resultsDigest(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const scenario of Object.values(scenarios))
    for (const policy of ['scripted', 'random'])
      out[`${scenario.id} ${policy}`] = simulate({
        scenario,
        policy: policyByName(policy, scenario.id)!,
        policyName: policy,
        games: GAMES,
        seed: 1,
        difficulty: 'standard',
      }).report.hash.slice(0, 16);
  return out;
}

describe('the rules in code', () => {
  // 120 games: seconds on a quiet machine, more on a busy one; never a reason to fail.
  it('give the results pinned for their revision', { timeout: 120_000 }, () => {
    expect({ revision: RULES_REVISION, results: resultsDigest() }).toEqual({
      revision: 5,
      results: {
        'december-summit random': '90290adb7298bc31',
        'december-summit scripted': '0a32e3c127d7b5e4',
        'london-talks random': '846b5d7f71764a56',
        'london-talks scripted': 'b777b7528ce04849',
        'washington-talks random': '17f94ed92f4b6042',
        'washington-talks scripted': 'd135394cb3335a7b',
      },
    });
  });
});
