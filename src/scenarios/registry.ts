import type { Scenario } from '../engine';

import { decemberSummit } from './december-summit';
import { londonTalks } from './london-talks';
import { washingtonTalks } from './washington-talks';

// The registry of playable scenarios, in a module of its own so that the modules behind
// index.ts (variant.ts) can look a scenario up without importing index.ts back.

/** Every playable scenario, by id. */
export const scenarios: Record<string, Scenario> = {
  [decemberSummit.id]: decemberSummit,
  [londonTalks.id]: londonTalks,
  [washingtonTalks.id]: washingtonTalks,
};

/** The scenario with this id, or undefined (never an inherited property such as "toString"). */
export function getScenario(id: string): Scenario | undefined {
  return Object.hasOwn(scenarios, id) ? scenarios[id] : undefined;
}
