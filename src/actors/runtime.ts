import { createActor, type AnyActorScope } from 'xstate';
import {
  actorDef,
  euRouteDecided,
  pledgeReady,
  type ActorDef,
  type ActorRuntime,
  type ActorUpdate,
  type Intent,
  type MachineSnapshot,
  type Stance,
} from '../engine';
import { assessOffer, termValue, voteOf } from './decide';
import {
  followerMachine,
  RUSSIA_LEVELS,
  russiaMachine,
  stanceMachine,
  type AnyMachine,
} from './machines';
import { belgiumFear, perceive, type Percept } from './perceive';

// The actors' side of the engine contract: builds each actor's percept, steps its XState machine
// with the pure transition() API, and turns what the machines emit into intents for the engine.

function machineFor(def: ActorDef): AnyMachine {
  if (def.kind === 'follower') return followerMachine;
  if (def.kind === 'adversary') return russiaMachine;
  return stanceMachine;
}

export interface Step {
  readonly value: string;
  readonly emitted: readonly { type: string; level?: number }[];
}

/** One pure machine step from a stored { value, context }. */
// Resolved snapshots of context-free states are immutable, so one per (machine, state) serves
// every game: resolving a snapshot from JSON was a measured share of each step.
const resolvedCache = new Map<AnyMachine, Map<string, unknown>>();

function resolve(machine: AnyMachine, snap: MachineSnapshot) {
  if (Object.keys(snap.context).length)
    return machine.resolveState({ value: snap.value, context: snap.context } as never);
  let byValue = resolvedCache.get(machine);
  if (!byValue) resolvedCache.set(machine, (byValue = new Map()));
  let resolved = byValue.get(snap.value);
  if (!resolved) {
    resolved = machine.resolveState({ value: snap.value, context: {} } as never);
    byValue.set(snap.value, resolved);
  }
  return resolved;
}

// XState's transition() builds a fresh inert actor scope on every call, and that was a
// measured tenth of a game's time. One scope per machine, never started, serves every step: a
// step is synchronous, so the actions it collects are read before the next step begins.
interface Scope {
  scope: AnyActorScope;
  actions: { type: string; params?: unknown }[];
}
const scopes = new Map<AnyMachine, Scope>();

function scopeFor(machine: AnyMachine): Scope {
  let s = scopes.get(machine);
  if (!s) {
    const self = createActor(machine);
    const actions: Scope['actions'] = [];
    const scope = {
      self,
      id: '',
      sessionId: '',
      system: self.system,
      logger: () => {},
      defer: () => {},
      emit: () => {},
      stopChild: () => {},
      actionExecutor: (action: Scope['actions'][number]) => void actions.push(action),
    } as unknown as AnyActorScope;
    s = { scope, actions };
    scopes.set(machine, s);
  }
  return s;
}

/** One step through XState's pure transition(). */
function transitionStep(machine: AnyMachine, snap: MachineSnapshot, event: { type: string }): Step {
  const m = machine as typeof stanceMachine;
  const resolved = resolve(m, snap) as ReturnType<typeof m.resolveState>;
  const { scope, actions } = scopeFor(m);
  actions.length = 0;
  const next = m.transition(resolved, event as never, scope as never);
  const emitted: Step['emitted'][number][] = [];
  for (const a of actions) {
    if (a.type === 'xstate.emit')
      emitted.push(Object.freeze((a.params as { event: Step['emitted'][number] }).event));
  }
  // Frozen: a remembered step is shared by every game that takes it.
  return Object.freeze({ value: String(next.value), emitted: Object.freeze(emitted) });
}

// The machines are pure and their states carry no context, so a step is a function of
// (machine, state, event) alone: each distinct step goes through XState once and is remembered,
// which took a tenth off a game's time (a state with a context would go to XState every time).
// Events are small records (bands, scores, rolls), so the cache stays small; it is emptied if it
// ever grows past STEP_CACHE_LIMIT entries.
const STEP_CACHE_LIMIT = 50_000;
const stepCache = new Map<AnyMachine, Map<string, Step>>();
let cachedSteps = 0;

export function step(def: ActorDef, snap: MachineSnapshot, event: { type: string }): Step {
  const machine = machineFor(def);
  if (Object.keys(snap.context).length) return transitionStep(machine, snap, event);
  let byKey = stepCache.get(machine);
  if (!byKey) stepCache.set(machine, (byKey = new Map()));
  const key = `${snap.value} ${JSON.stringify(event)}`;
  let s = byKey.get(key);
  if (!s) {
    if (cachedSteps >= STEP_CACHE_LIMIT) {
      for (const m of stepCache.values()) m.clear();
      cachedSteps = 0;
    }
    s = transitionStep(machine, snap, event);
    byKey.set(key, s);
    cachedSteps++;
  }
  return s;
}

function stanceOf(def: ActorDef, value: string, band: Percept['band']): Stance {
  if (def.kind === 'follower') return value === 'waiting' ? band : 'committed';
  if (def.kind === 'adversary') return 'opposed';
  return value as Stance;
}

const RUSSIA_TEXT = [
  '',
  'Moscow calls any use of its reserves theft and promises a response.',
  "Russia's central bank sues Euroclear in Moscow for the full value of its reserves.",
  "Moscow threatens to seize Western companies' assets still in Russia.",
  "Russia seizes Euroclear's EUR 16 bn of client assets held in Russia.",
];
const RUSSIA_MARKET = [0, 2, 5, 8, 15];
const HEARD = 3;

export const actorRuntime: ActorRuntime = {
  init(scenario, state, id) {
    const def = actorDef(scenario, id);
    const p = perceive(scenario, state, def, 3);
    const value =
      def.kind === 'follower'
        ? 'waiting'
        : def.kind === 'adversary'
          ? RUSSIA_LEVELS[Math.max(0, Math.min(4, state.russia))]!
          : p.band === 'opposed' || p.cap === null
            ? p.band
            : p.cap;
    return {
      machine: { value, context: {} },
      stance: stanceOf(def, value, p.band),
      w: p.w,
      own: p.own,
      reason: p.text().reason || def.agenda,
      wouldMove: p.text().wouldMove,
      sig: '',
    };
  },

  offer(scenario, state, id, terms, mood = 0) {
    const def = actorDef(scenario, id);
    const a = state.actors[id]!;
    const x = assessOffer(scenario, state, def, terms, mood);
    const s = step(def, a.machine, {
      type: 'offer',
      score: x.score,
      threshold: x.threshold,
      unmet: x.unmet,
    } as never);
    const accepted = def.kind === 'follower' ? s.value === 'pledged' : s.value === 'committed';
    const verdict = accepted ? 'accept' : x.counter ? 'counter' : 'reject';
    return {
      verdict,
      reason: accepted ? x.acceptReason : x.refuseReason,
      wouldChange: x.wouldChange,
      counter: accepted ? null : x.counter,
      condition: x.condition,
      // A refused offer was at least heard; only an accepted one moves the actor much.
      effect: accepted ? x.effect : Math.min(x.effect, HEARD),
      pledge: accepted ? x.pledge : null,
      update: {
        machine: { value: s.value, context: a.machine.context },
        stance: accepted ? 'committed' : a.stance,
        w: a.w,
        own: a.own,
        reason: accepted ? x.acceptReason : a.reason,
        wouldMove: x.wouldChange || a.wouldMove,
        sig: a.sig,
      },
    };
  },

  vote(scenario, state, id, member, route, terms, mode) {
    return voteOf(scenario, state, actorDef(scenario, id), member, route, terms, mode);
  },

  sound(scenario, state, id) {
    const def = actorDef(scenario, id);
    const a = state.actors[id]!;
    let text = `${def.drivers} ${a.reason}`;
    if (def.kind === 'custodian') {
      const f = belgiumFear(scenario, state);
      text += ` Its fear adds up as: ${f.parts
        .filter((p) => p.points !== 0)
        .map((p) => `${p.label} ${p.points > 0 ? '+' : ''}${p.points}`)
        .join(', ')}.`;
    }
    return { text, wouldMove: a.wouldMove };
  },

  promiseBroken(scenario, state, id) {
    const def = actorDef(scenario, id);
    const a = state.actors[id]!;
    const s = step(def, a.machine, { type: 'promise.broken' });
    const band = a.w < -40 ? 'opposed' : a.w < 0 ? 'wary' : a.w < 40 ? 'conditional' : 'supportive';
    return {
      machine: { value: s.value, context: a.machine.context },
      stance: stanceOf(def, s.value, band),
      w: Math.max(-100, a.w - 20),
      own: Math.max(-100, a.own - 20),
      reason: `${def.name} no longer trusts your word: a promise made to it was broken.`,
      wouldMove: 'A new offer, kept this time.',
      sig: '',
    };
  },

  week(scenario, state, rolls) {
    const updates: Record<string, ActorUpdate> = {};
    const intents: Intent[] = [];
    const decided = euRouteDecided(scenario, state);
    for (const id of state.actorOrder) {
      const def = actorDef(scenario, id);
      const a = state.actors[id]!;
      const roll = rolls.actor[id] ?? 50;
      const p = perceive(scenario, state, def, roll);
      let machine = a.machine;
      let sig = a.sig;
      const run = (event: { type: string }) => {
        const s = step(def, machine, event);
        machine = { value: s.value, context: machine.context };
        return s.emitted;
      };
      switch (def.kind) {
        case 'adversary': {
          if (state.provocation > 0) {
            for (const e of run({ type: 'provoked', points: state.provocation, roll } as never)) {
              const level = e.level ?? state.russia;
              intents.push({
                type: 'escalate',
                actor: id,
                level,
                text: RUSSIA_TEXT[level] ?? '',
                reason:
                  'Each European step toward using the assets pushes Moscow one rung up its ladder of retaliation; what it says is its own claim.',
              });
              intents.push({
                type: 'meter',
                actor: id,
                market: RUSSIA_MARKET[level] ?? 0,
                unity: 0,
                cause: 'Russian retaliation',
              });
            }
          }
          break;
        }
        case 'follower': {
          // Its own route (pledgeOn) or, as before, any EU route.
          const ready = def.pledgeOn ? pledgeReady(scenario, state, id) : decided;
          const nextSig = `${p.w >= 20}|${ready}|${p.w < 0}`;
          if (nextSig !== sig) {
            sig = nextSig;
            for (const e of run({ type: 'percept', w: p.w, decided: ready } as never)) {
              if (e.type === 'pledge')
                intents.push({
                  type: 'pledge',
                  actor: id,
                  amount: def.pledge,
                  condition: 'eu-route-adopted',
                  conditionText: def.pledgeOn?.text ?? 'if an EU route is decided',
                  reason: `${def.name} moves in lockstep with the EU: its money comes once the EU has decided.`,
                });
              else
                intents.push({
                  type: 'pledge.withdraw',
                  actor: id,
                  reason: `${def.name} has cooled (${p.w}) and no EU decision is in sight.`,
                });
            }
          }
          break;
        }
        default: {
          if (machine.value === 'committed') {
            if (def.kind === 'veto-holder') {
              const c = state.commitments.find((x) => x.actor === id);
              const paid = c ? termValue(def, c.terms) : 0;
              if (paid < state.hungaryPrice) {
                run({ type: 'price.rise', paid, price: state.hungaryPrice } as never);
                if (machine.value !== 'committed')
                  intents.push({
                    type: 'commitment.lapse',
                    actor: id,
                    reason: `Budapest raises its price to ${state.hungaryPrice}: what it was given (${paid}) no longer covers it, so it can block again.`,
                  });
              }
            }
            break;
          }
          const nextSig = `${p.band}|${p.cap ?? ''}`;
          if (nextSig !== sig) {
            sig = nextSig;
            run({ type: 'percept', band: p.band, cap: p.cap } as never);
          }
          if (def.kind === 'patron' && p.w < -40) {
            const push = -Math.trunc(-p.w / 12);
            for (const target of scenario.actors) {
              if (target.follows.some((f) => f.actor === id) && target.kind !== 'aligned')
                intents.push({
                  type: 'effect',
                  actor: id,
                  target: target.id,
                  amount: push,
                  cause: 'US lobbying',
                });
            }
          }
        }
      }
      // Words are built only when the stance changes: they are the log's record of the decision.
      const stance = stanceOf(def, machine.value, p.band);
      const text = stance !== a.stance ? p.text() : null;
      updates[id] = {
        machine,
        stance,
        w: p.w,
        own: p.own,
        reason: text ? text.reason : a.reason,
        wouldMove: text ? text.wouldMove : a.wouldMove,
        sig,
      };
    }
    return { updates, intents };
  },
};
