import type {
  BlocMember,
  GameState,
  MachineSnapshot,
  OfferTerms,
  Pledge,
  RouteDef,
  RouteKind,
  RouteTerms,
  Scenario,
  Stance,
  VoteMode,
  WillPart,
} from './types';

// The contract between the engine and the computer actors. The engine owns the truth and the
// order of play; the actors layer decides (with XState machines) and answers with data only.

export interface OfferReply {
  verdict: 'accept' | 'counter' | 'reject';
  reason: string;
  wouldChange: string;
  /** what it would accept instead (for a counter) */
  counter: OfferTerms | null;
  /** plain-language condition of the commitment ('' if none) */
  condition: string;
  /** the route, by kind, an accepted offer commits it to (null: the plan in general) */
  route: RouteKind | null;
  /** willingness change the offer causes this week */
  effect: number;
  /** money pledged with the commitment, if any */
  pledge: { amount: number; condition: Pledge['condition']; conditionText: string } | null;
  update: ActorUpdate;
}

export interface ActorUpdate {
  machine: MachineSnapshot;
  stance: Stance;
  w: number;
  own: number;
  /** what stands between its own view and w (w = own + their sum) */
  lift: WillPart[];
  /**
   * at a week's end: what moved w from the stored value to this one, part by part (they add up
   * to the difference); absent elsewhere
   */
  parts?: WillPart[];
  reason: string;
  wouldMove: string;
  sig: string;
}

export type Intent =
  | {
      type: 'pledge';
      actor: string;
      amount: number;
      condition: Pledge['condition'];
      conditionText: string;
      reason: string;
    }
  | { type: 'pledge.withdraw'; actor: string; reason: string }
  | { type: 'effect'; actor: string; target: string; amount: number; cause: string }
  | { type: 'escalate'; actor: string; level: number; text: string; reason: string }
  | { type: 'statement'; actor: string; text: string; reason: string; wouldChange: string }
  | { type: 'commitment.lapse'; actor: string; reason: string }
  | { type: 'meter'; actor: string; market: number; unity: number; cause: string };

export interface Ballot {
  vote: 'yes' | 'no' | 'abstain';
  reason: string;
}

export interface WeekRolls {
  /** one roll 1..100 per actor id, drawn in actor order before any actor decides */
  actor: Record<string, number>;
}

export interface ActorRuntime {
  /** The machine snapshot each actor starts with. */
  init(scenario: Scenario, state: GameState, actorId: string): ActorUpdate;
  /**
   * The player offers terms; the actor answers at once. `mood` (-10..10) is this meeting's roll.
   * A counter-offer's terms are ones it would accept at once, this week, after this refusal.
   */
  offer(
    scenario: Scenario,
    state: GameState,
    actorId: string,
    terms: OfferTerms,
    mood?: number,
  ): OfferReply;
  /** How one member state of an actor votes on a route. */
  vote(
    scenario: Scenario,
    state: GameState,
    actorId: string,
    member: BlocMember,
    route: RouteDef,
    terms: RouteTerms,
    mode: VoteMode,
  ): Ballot;
  /** What sounding out reveals: the actor's conditions and what would move it. */
  sound(scenario: Scenario, state: GameState, actorId: string): { text: string; wouldMove: string };
  /** End of week: every actor perceives the world and decides. */
  week(
    scenario: Scenario,
    state: GameState,
    rolls: WeekRolls,
  ): { updates: Record<string, ActorUpdate>; intents: Intent[] };
  /** Willingness after a promise to this actor was broken. */
  promiseBroken(scenario: Scenario, state: GameState, actorId: string): ActorUpdate;
}
