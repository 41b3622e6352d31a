import { actorRuntime, decisionModel } from '../actors';
import {
  describeTerms,
  findActorDef,
  MODE_WORD,
  routeChecklist,
  type Game,
  type GameState,
  type Move,
  type Scenario,
} from '../engine';
import type { Variant } from '../scenarios';
import {
  advise,
  newCoachMemory,
  turnDown,
  type Advice,
  type CoachMemory,
  type PlanFigure,
} from '../sim/coach';
import { plansOf } from '../sim/policies';
import { previewMove, type PreviewLine } from './preview';

// The coach (a game-link option, "hints" in links): the search player's advice (src/sim/coach.ts)
// in words. It suggests a move the look-ahead rates well, says why in one sentence taken from
// what the move changes (the preview's lines: a reply, a vote, a stance, a step of a route's
// checklist), and answers "what is my best route now?" from the same trial games. The thinking
// runs in a worker (coach.worker.ts) so the page stays responsive; without one, on the page.

export interface CoachQuestion {
  scenarioId: string;
  variant?: Variant;
  state: GameState;
  memory: CoachMemory;
}

export type CoachAnswer = { ok: true; advice: Advice; memory: CoachMemory } | { ok: false };

/** The advice at a position, with the coach's memory after it (for the worker and the page). */
export function answer(q: CoachQuestion, game: Game | null): CoachAnswer {
  const plans = plansOf(q.scenarioId);
  if (!game || !plans || q.state.status !== 'playing') return { ok: false };
  const memory = structuredClone(q.memory);
  return { ok: true, advice: advise(game, q.state, plans, memory), memory };
}

/** What the coach says about a suggestion. */
export interface CoachWords {
  move: Move;
  /** the move as an instruction ("Offer Italy: a buy-European clause.") */
  what: string;
  /** why, in one sentence */
  why: string;
  /** how the plan fared in its trial games, played without a change of course */
  odds: string;
}

const routeName = (scenario: Scenario, id: string) =>
  scenario.routes.find((r) => r.id === id)?.name ?? id;

/** The steps of every route's checklist that this move completes or meets. */
function stepsMet(game: Game, before: GameState, after: GameState): string[] {
  const out: string[] = [];
  for (const def of game.scenario.routes) {
    const was = routeChecklist(game.scenario, actorRuntime, before, def.id);
    const now = routeChecklist(game.scenario, actorRuntime, after, def.id);
    now.forEach((step, i) => {
      const old = was[i]?.status;
      const better = (s: string | undefined) => s === 'done' || s === 'met';
      if (better(step.status) && !better(old))
        out.push(`${def.name}: ${step.text.replace(/\.$/, '')}`);
    });
  }
  return out;
}

/** The conditions of any actor that the move meets: "Japan: its partners alongside". */
function conditionsMet(game: Game, before: GameState, after: GameState): string[] {
  const out: string[] = [];
  for (const def of game.scenario.actors) {
    const was = decisionModel(game.scenario, before, def.id)?.conditions ?? [];
    const now = decisionModel(game.scenario, after, def.id)?.conditions ?? [];
    for (const c of now) {
      const old = was.find((x) => x.code === c.code)?.now;
      if (c.now === 'met' && old === 'unmet')
        out.push(
          `${def.short ?? def.name}: ${c.text.replace(/\.$/, '').replace(/^./, (x) => x.toLowerCase())}`,
        );
    }
  }
  return out;
}

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

const lower = (s: string) => s.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase());

/** Why the move, in one sentence: what it changes now, or what it sets up for the week's end. */
function whyOf(game: Game, state: GameState, move: Move): string {
  const { scenario } = game;
  if (move.type === 'week.end')
    return 'Nothing more this week improves your chances: the governments answer when the week ends.';
  const p = previewMove(game, state, move);
  if (!p?.ok) return 'The look-ahead rates it well.';
  const after = p.state;
  const said = (l: PreviewLine) => sentence(l.reason ? `${l.text} ${l.reason}` : l.text);
  const line = (kind: PreviewLine['kind']) => p.lines.find((l) => l.kind === kind);
  const vote = line('vote');
  if (vote) return said(vote);
  const reply = line('reply');
  if (reply && after.commitments.length > state.commitments.length)
    return sentence(reply.reason ?? reply.text);
  if (move.type === 'route.table') {
    const next = routeChecklist(scenario, actorRuntime, after, move.route).find(
      (s) => s.code !== 'table' && s.status !== 'done',
    );
    const broken = line('promise');
    return `Tabling ${routeName(scenario, move.route)} starts its road to the money${next ? `; next: ${lower(next.text)}` : ''}.${broken ? ` Mind the cost: ${lower(broken.text)}.` : ''}`;
  }
  const conditions = conditionsMet(game, state, after);
  if (conditions.length)
    return `It meets ${conditions.length === 1 ? 'a condition' : 'conditions'} of the governments: ${sentence(conditions.join('; '))}`;
  const steps = stepsMet(game, state, after);
  if (steps.length) return `It meets a step on the road to the money: ${sentence(steps[0]!)}`;
  const money = line('money');
  if (money) return said(money);
  // What it sets up for the week's end: a push on a government's willingness.
  if ('actor' in move) {
    const actor = findActorDef(scenario, move.actor);
    const pending = (s: GameState) =>
      s.actors[move.actor]?.pending.reduce((sum, x) => sum + x.amount, 0) ?? 0;
    const push = pending(after) - pending(state);
    const name = actor?.short ?? actor?.name ?? move.actor;
    const moves = `the willingness of ${name} (${state.actors[move.actor]?.w ?? 0} now) moves by ${push > 0 ? '+' : ''}${push} when the week ends`;
    if (reply && push !== 0)
      return `${sentence(`${reply.text} ${reply.reason ?? ''}`.trim())} Still, having heard it, ${moves}.`;
    if (push !== 0) return sentence(moves.replace(/^./, (c) => c.toUpperCase()));
    if (move.type === 'actor.sound')
      return `You learn what ${name} needs before you offer anything.`;
  }
  if (move.type === 'g7.coordinate') {
    const waiting = scenario.actors
      .filter((a) =>
        decisionModel(scenario, state, a.id)?.conditions.some(
          (c) => c.code === 'g7-line' && c.now === 'unmet',
        ),
      )
      .map((a) => a.short ?? a.name);
    return `The G7 moves towards a common line (step ${after.g7Basis} of 2)${waiting.length ? `: ${waiting.join(', ')} ${waiting.length === 1 ? 'waits' : 'wait'} for it` : ''}.`;
  }
  if (move.type === 'legal.work') {
    const r = (s: GameState) => s.routes[move.route]?.legal ?? 0;
    return `${routeName(scenario, move.route)} becomes sturdier in court (legal work ${r(state)} → ${r(after)} of 3): the route stands up better to a court challenge and to the fears of those who hold the assets.`;
  }
  const any = p.lines.find((l) => l.kind !== 'cost' && l.kind !== 'trust');
  if (any) return said(any);
  return 'It keeps your plan on course: the trial games that follow it end best.';
}

/** A move as an instruction: "Offer Italy: a buy-European clause." */
export function moveLabel(scenario: Scenario, move: Move): string {
  const actor = (id: string) => findActorDef(scenario, id)?.name ?? id;
  switch (move.type) {
    case 'actor.sound':
      return `Sound out ${actor(move.actor)}.`;
    case 'offer.make':
      return `Offer ${actor(move.actor)}: ${describeTerms(move.terms)}.`;
    case 'pressure.public':
      return `Put public pressure on ${actor(move.actor)}.`;
    case 'g7.coordinate':
      return 'Coordinate with the G7.';
    case 'legal.work':
      return `Legal work on ${routeName(scenario, move.route)}.`;
    case 'route.table': {
      const terms = describeTerms(move.terms);
      return `Table ${routeName(scenario, move.route)}: EUR ${move.terms.size} bn${terms ? `; ${terms}` : ''}.`;
    }
    case 'vote.call':
      return `Call a vote on ${routeName(scenario, move.route)} by ${MODE_WORD[move.mode]}.`;
    case 'bridge.request':
      return `Ask ${move.source === 'donors' ? 'donor countries' : (scenario.actors.find((a) => a.kind === 'lender')?.name ?? 'the lender')} for bridge money.`;
    case 'counter.accept':
      return `Take the counter-offer of ${actor(move.actor)}.`;
    case 'week.end':
      return 'End the week.';
  }
}

/** The advice in words. */
export function coachWords(game: Game, state: GameState, advice: Advice): CoachWords {
  const what = moveLabel(game.scenario, advice.move);
  const plan = advice.plans.find((f) => f.plan === advice.plan);
  const odds = plan
    ? `From the start of this week, this plan played to the end without a change of course won ${plan.wins} of ${plan.games} trial games; asking again each week does better.`
    : '';
  return { move: advice.move, what, why: whyOf(game, state, advice.move), odds };
}

/** "What is my best route now?": the route that brought the money in most trial games won. */
export function bestRouteText(scenario: Scenario, plans: readonly PlanFigure[]): string {
  const wins = new Map<string, number>();
  let games = 0;
  let won = 0;
  for (const f of plans) {
    games += f.games;
    won += f.wins;
    for (const [route, n] of Object.entries(f.routes)) wins.set(route, (wins.get(route) ?? 0) + n);
  }
  const ranked = [...wins.entries()].sort((a, b) => b[1] - a[1]);
  if (!ranked.length)
    return `No way of playing on from here won any of the ${games} trial games: secure what money you can (bridge money, pledges) before the deadline.`;
  const [first, ...rest] = ranked;
  const others = rest.map(([id, n]) => `${routeName(scenario, id)} in ${n}`);
  return `Your best route now: ${routeName(scenario, first![0])}. Of ${games} trial games played on from the start of this week in every way the coach knows, ${won} were won; ${routeName(scenario, first![0])} brought the money in ${first![1]} of them${others.length ? `, ${others.join(', ')}` : ''}.`;
}

export interface Coach {
  /** The advice at the session's position (it thinks in a worker when it can). */
  ask(q: Omit<CoachQuestion, 'memory'>, game: Game): Promise<CoachAnswer>;
  /** The player turned the last suggestion down: it is not suggested again this week. */
  turnDown(move: Move): void;
  /** The figures of the week's trial games, for "what is my best route now?". */
  plans(): readonly PlanFigure[];
  destroy(): void;
}

/** The coach's worker (this module is loaded only when the coach is asked, and so is it). */
const coachWorker = () =>
  new Worker(new URL('./coach.worker.ts', import.meta.url), { type: 'module' });

/**
 * A coach for one page: its memory of the game and, when the browser has them, a worker
 * (`startWorker`, coach.worker.ts unless told; null: it thinks on the page).
 */
export function createCoach(startWorker: (() => Worker) | null = coachWorker): Coach {
  let memory = newCoachMemory();
  let worker: Worker | null = null;
  let broken = false;
  let next = 0;
  const waiting = new Map<number, (a: CoachAnswer) => void>();

  const onPage = (q: CoachQuestion, game: Game): Promise<CoachAnswer> =>
    // A pause first, so that "Thinking…" is painted before the page is busy.
    new Promise((resolve) => setTimeout(() => resolve(answer(q, game)), 0));

  const viaWorker = (q: CoachQuestion): Promise<CoachAnswer> | null => {
    if (broken || !startWorker || typeof Worker === 'undefined') return null;
    try {
      if (!worker) {
        worker = startWorker();
        worker.addEventListener('message', (e: MessageEvent<{ id: number; a: CoachAnswer }>) => {
          waiting.get(e.data.id)?.(e.data.a);
          waiting.delete(e.data.id);
        });
        const fail = () => {
          broken = true;
          worker?.terminate();
          worker = null;
          // Whatever was waiting is answered on the page instead.
          for (const resolve of waiting.values()) resolve({ ok: false });
          waiting.clear();
        };
        worker.addEventListener('error', (e) => (e.preventDefault(), fail()));
        worker.addEventListener('messageerror', fail);
      }
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        worker!.postMessage({ id, q });
      });
    } catch {
      broken = true;
      return null;
    }
  };

  return {
    async ask(question, game) {
      const q = { ...question, memory };
      let a = await (viaWorker(q) ?? onPage(q, game));
      // The worker failed on the way: think on the page.
      if (!a.ok && broken) a = await onPage(q, game);
      if (a.ok) memory = a.memory;
      return a;
    },
    turnDown(move) {
      memory = structuredClone(memory);
      turnDown(memory, move);
    },
    plans: () => memory.plans,
    destroy() {
      worker?.terminate();
      worker = null;
    },
  };
}
