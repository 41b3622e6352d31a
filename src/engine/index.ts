// The engine's public surface: other layers import from here only.
export * from './types';
export type { ActorRuntime, ActorUpdate, Ballot, Intent, OfferReply, WeekRolls } from './runtime';
export { createGame, stateHash, type Game, type ReplayResult, type ReplayStep } from './game';
export * from './queries';
export { castBallots, tally, type Tally } from './votes';
export { addDays, formatDate, weekOf, weekStart, isoToDays } from './calendar';
export { digest, stableStringify } from './hash';
export { normaliseSeed, seedRng, Dice } from './rng';
export { describeTerms, validateRouteTerms } from './moves';
export { isMove, malformedMove } from './move-schema';
export { candidateMoves, legalMoves } from './legal';
export {
  MODE_WORD,
  ROUTE_TERMS,
  ROUTE_EXCLUDES,
  routeFlags,
  termsNotKept,
  type RouteFlag,
  type RouteTermKey,
} from './terms';
export { RULES_REVISION } from './revision';
export {
  GRADE_THRESHOLDS,
  gradeOf,
  MONEY_FLOOR,
  MONEY_SHARE,
  OTHER_MAX,
  OTHER_MIN,
  OTHER_PARTS,
  scoreExplanation,
  scoreGame,
} from './score';
export { hasHistory, historyMove, historyMoves } from './history';
export { routeChecklist, type ChecklistStep } from './checklist';
