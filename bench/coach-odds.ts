import { actorRuntime } from '../src/actors';
import { createGame, DIFFICULTIES, type Difficulty } from '../src/engine';
import { getScenario } from '../src/scenarios';
import { advise, newCoachMemory } from '../src/sim/coach';
import { plansOf } from '../src/sim/policies';

// Is the coach honest? Plays games following the coach and sets the odds it states at each
// week's first question (its plan's trial games won) against how each game really ended, by
// band of stated odds. Not part of `npm run bench` (it takes minutes); run it on its own:
//   npx tsx bench/coach-odds.ts [scenario] [difficulty] [games] [first seed]

const [id = 'december-summit', difficulty = 'hard', count = '40', from = '1'] =
  process.argv.slice(2);
const scenario = getScenario(id);
const games = Number(count);
if (!scenario || !DIFFICULTIES.includes(difficulty as Difficulty) || !(games > 0)) {
  process.stderr.write(
    'usage: npx tsx bench/coach-odds.ts [scenario] [difficulty] [games] [seed]\n',
  );
  process.exit(2);
}
const game = createGame(scenario, actorRuntime);
const plans = plansOf(id)!;
const bands = Array.from({ length: 5 }, () => ({ stated: 0, won: 0, questions: 0 }));
let won = 0;
for (let seed = Number(from); seed < Number(from) + games; seed++) {
  const memory = newCoachMemory();
  let state = game.start(seed, difficulty as Difficulty);
  const stated: number[] = [];
  while (state.status === 'playing') {
    const first = memory.seed !== state.seed || memory.week !== state.week;
    const advice = advise(game, state, plans, memory);
    if (first) {
      const f = advice.plans.find((x) => x.plan === advice.plan)!;
      stated.push(f.wins / f.games);
    }
    state = game.play(state, advice.move).state;
  }
  const win = state.ending?.outcome === 'win' ? 1 : 0;
  won += win;
  for (const p of stated) {
    const band = bands[Math.min(4, Math.floor(p * 5))]!;
    band.stated += p;
    band.won += win;
    band.questions++;
  }
}
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
console.log(
  `${scenario.title}, ${difficulty}: ${games} games following the coach, ${pct(won / games)} won`,
);
bands.forEach((b, i) => {
  if (b.questions)
    console.log(
      `  stated ${i * 20}-${i * 20 + 20}%: ${b.questions} questions, mean stated ${pct(b.stated / b.questions)}, games won after ${pct(b.won / b.questions)}`,
    );
});
