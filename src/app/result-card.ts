import { money, type GameState, type Scenario } from '../engine';
import type { Session } from './store';

// A spoiler-free summary to paste anywhere: who committed and in what order, money against the
// target, the grade. It names no move, so it gives nothing away to players of the same seed.

/** Actors in the order they first committed during the game. */
export function commitOrder(scenario: Scenario, state: GameState): string[] {
  const order: string[] = [];
  for (const e of state.log) {
    const committed =
      e.code === 'reply.accept' || (e.code === 'decision.stance' && e.data?.to === 'committed');
    if (committed && e.actor && !order.includes(e.actor)) order.push(e.actor);
  }
  return order.filter((id) => scenario.actors.some((a) => a.id === id));
}

export function resultCard(scenario: Scenario, session: Session): string {
  const st = session.state;
  const end = st.ending;
  const secured = money(scenario, st).secured;
  const blocks = 10;
  const filled = Math.min(blocks, Math.floor((secured * blocks) / scenario.target));
  const bar = '■'.repeat(filled) + '□'.repeat(blocks - filled);
  const names = commitOrder(scenario, st).map(
    (id) => scenario.actors.find((a) => a.id === id)?.short ?? id,
  );
  const outcome = end
    ? end.outcome === 'win'
      ? `Funded in week ${end.week} of ${scenario.weeks}`
      : end.outcome === 'partial'
        ? 'Partly funded'
        : 'Not funded'
    : `Week ${st.week} of ${scenario.weeks}`;
  return [
    `Frozen Assets · ${scenario.title} · ${st.difficulty} · seed ${st.seed}`,
    `${outcome}${end ? ` · grade ${end.grade}` : ''}`,
    `${bar} EUR ${(secured / 1000).toFixed(1)} of ${(scenario.target / 1000).toFixed(1)} bn`,
    names.length ? `Committed: ${names.join(' → ')}` : 'Nobody committed.',
  ].join('\n');
}
