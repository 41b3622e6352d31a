// The scenarios layer's public surface: the scenario data, its validator and a registry by id.
export { decemberSummit } from './december-summit';
export { londonTalks } from './london-talks';
export { washingtonTalks } from './washington-talks';
export { ScenarioSchema, isIsoDate, validateScenario, type ScenarioValidation } from './schema';
export { getScenario, scenarios } from './registry';
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
