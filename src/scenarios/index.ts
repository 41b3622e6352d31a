import type { Scenario } from '../engine';

import { decemberSummit } from './december-summit';
import { londonTalks } from './london-talks';
import { washingtonTalks } from './washington-talks';

// The scenarios layer's public surface: the scenario data, its validator and a registry by id.
export { decemberSummit } from './december-summit';
export { londonTalks } from './london-talks';
export { washingtonTalks } from './washington-talks';
export { ScenarioSchema, isIsoDate, validateScenario, type ScenarioValidation } from './schema';

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
export { glossary, type GlossaryEntry } from './glossary';
export {
  TUNE_KEYS,
  TUNE_RANGE,
  describeVariant,
  isPlainVariant,
  normaliseVariant,
  tunablesOf,
  tunedScenario,
  variantKey,
  variantProblem,
  type Tunable,
  type Tuned,
  type TuneKey,
  type Variant,
} from './variant';
