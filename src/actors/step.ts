import { createActor, type AnyActorScope } from 'xstate';
import type { ActorDef, MachineSnapshot } from '../engine';
import { machineOf, type AnyMachine, type stanceMachine } from './machines';

// Steps an actor's machine through XState's pure transition() API, remembering steps.

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
  const machine = machineOf(def);
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
