// The computer actors: XState machines and the personalities that feed them.
export { actorRuntime } from './runtime';
export {
  assessOffer,
  offerRule,
  offerTally,
  voteOf,
  type OfferAssessment,
  type Tally,
} from './decide';
export { belgiumFear, explainActor, perceive, TERM_NAMES, type FearReport } from './perceive';
export { stanceMachine, followerMachine, russiaMachine, RUSSIA_LEVELS } from './machines';
export { conditionStatus, factsNow, type ConditionStatus } from './conditions';
export { machineOf, machineConditions, type Facts } from './machines';
export {
  decisionModel,
  bandText,
  movesOf,
  moveText,
  type ConditionModel,
  type ConditionNow,
  type DecisionModel,
  type MoveGroup,
  type TransitionModel,
  type WillingBar,
} from './model';
