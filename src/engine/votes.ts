import type { ActorRuntime } from './runtime';
import type {
  EuState,
  GameState,
  RouteDef,
  RouteTerms,
  Scenario,
  VoteBallot,
  VoteMode,
} from './types';

// Council vote arithmetic. Qualified majority: at least 55% of member states representing at
// least 65% of the EU population; unanimity: nobody votes no (abstaining does not block);
// enhanced cooperation: at least nine states take part and the rest do not stop the
// authorisation by a qualified-majority "no".

export interface Tally {
  passed: boolean;
  yesStates: number;
  yesPop: number;
  totalPop: number;
  noStates: number;
  summary: string;
}

const pct = (part: number, whole: number) => Math.floor((part * 1000) / whole) / 10;

/** Counts ballots by the rule of `mode`. Populations are in units of 100,000. */
export function tally(
  states: readonly EuState[],
  ballots: readonly VoteBallot[],
  mode: VoteMode,
): Tally {
  const pop = new Map(states.map((s) => [s.id, s.pop]));
  const totalPop = states.reduce((sum, s) => sum + s.pop, 0);
  const n = states.length;
  let yesStates = 0;
  let yesPop = 0;
  let noStates = 0;
  let noPop = 0;
  for (const b of ballots) {
    const p = pop.get(b.state) ?? 0;
    if (b.vote === 'yes') {
      yesStates++;
      yesPop += p;
    } else if (b.vote === 'no') {
      noStates++;
      noPop += p;
    }
  }
  const needStates = Math.ceil((n * 55) / 100);
  if (mode === 'qmv') {
    const passed = yesStates * 100 >= n * 55 && yesPop * 100 >= totalPop * 65;
    return {
      passed,
      yesStates,
      yesPop,
      totalPop,
      noStates,
      summary: `${yesStates} of ${n} states (need ${needStates}) with ${pct(yesPop, totalPop)}% of the population (need 65%)`,
    };
  }
  if (mode === 'unanimity') {
    return {
      passed: noStates === 0,
      yesStates,
      yesPop,
      totalPop,
      noStates,
      summary:
        noStates === 0
          ? `no state voted against (${yesStates} yes, ${n - yesStates} abstaining)`
          : `${noStates} state${noStates > 1 ? 's' : ''} voted against: unanimity fails`,
    };
  }
  // Enhanced cooperation: participants are the yes votes; a blocking minority of "no" votes
  // (more than 35% of the population, or more than 45% of the states) stops the authorisation.
  const blocked = noStates * 100 > n * 45 || (noStates >= 4 && noPop * 100 > totalPop * 35);
  const passed = yesStates >= 9 && !blocked;
  return {
    passed,
    yesStates,
    yesPop,
    totalPop,
    noStates,
    summary: `${yesStates} states take part (need 9)${blocked ? '; a blocking minority refuses the authorisation' : ''}`,
  };
}

/** Every member state's ballot on a route, as each actor decides it. */
export function castBallots(
  scenario: Scenario,
  runtime: ActorRuntime,
  state: GameState,
  route: RouteDef,
  terms: RouteTerms,
  mode: VoteMode,
): VoteBallot[] {
  const ballots: VoteBallot[] = [];
  for (const actor of scenario.actors) {
    for (const member of actor.members) {
      const b = runtime.vote(scenario, state, actor.id, member, route, terms, mode);
      ballots.push({ state: member.state, actor: actor.id, vote: b.vote, reason: b.reason });
    }
  }
  return ballots;
}
