// Types of the game's world. GameState is a plain JSON tree: numbers are integers (money in EUR
// millions, meters in points), nothing refers by object identity, and nothing here is a class.

export type Difficulty = 'story' | 'standard' | 'hard';
export const DIFFICULTIES: readonly Difficulty[] = ['story', 'standard', 'hard'];

export type Stance = 'opposed' | 'wary' | 'conditional' | 'supportive' | 'committed';
export const STANCES: readonly Stance[] = [
  'opposed',
  'wary',
  'conditional',
  'supportive',
  'committed',
];

/**
 * How an actor's machine behaves: shared machines, personalities come from ActorDef data. Kinds
 * name roles, never actors (the engine names no actor).
 */
export type ActorKind =
  | 'government' // member states, blocs and the ECB: stance machine with offers
  | 'custodian' // holds the assets (Belgium, for Euroclear): liability fear
  | 'aligned' // follows an ally before it moves (Japan): alliance pull
  | 'follower' // acts only if the EU does (the UK, Canada): conditional pledges
  | 'veto-holder' // can block unanimity acts for a price (Hungary)
  | 'patron' // the alliance leader others follow, with a deal of its own (the US)
  | 'adversary' // answers with retaliation on an escalation ladder (Russia)
  | 'lender' // bridge lender needing financing assurances (the IMF)
  | 'recipient'; // the client: reforms and trust (Ukraine)

export type TermKey =
  | 'guarantee' // join the guarantee coalition ('capped' | 'uncapped')
  | 'liquidity'
  | 'legalShields'
  | 'excludeFrenchBanks'
  | 'buyEuropean'
  | 'nonMilitary'
  | 'reconstructionRole'
  | 'energyAssurance'
  | 'fundsConcession'
  | 'optOut'
  // Washington Opens Talks: strict oversight (benchmarks and audits); no December actor has it,
  // so the December Summit's move list is unchanged.
  | 'oversight';

export const TERM_KEYS: readonly TermKey[] = [
  'guarantee',
  'liquidity',
  'legalShields',
  'excludeFrenchBanks',
  'buyEuropean',
  'nonMilitary',
  'reconstructionRole',
  'energyAssurance',
  'fundsConcession',
  'optOut',
  'oversight',
];

export type GuaranteeKind = 'capped' | 'uncapped';

/** A structured package of terms the player offers one actor. Absent keys mean "not offered". */
export interface OfferTerms {
  guarantee?: GuaranteeKind;
  liquidity?: boolean;
  legalShields?: boolean;
  excludeFrenchBanks?: boolean;
  buyEuropean?: boolean;
  nonMilitary?: boolean;
  reconstructionRole?: boolean;
  energyAssurance?: boolean;
  fundsConcession?: boolean;
  optOut?: boolean;
  oversight?: boolean;
}

export type RouteKind = 'reparations-loan' | 'joint-borrowing' | 'asset-lock';
export type VoteMode = 'qmv' | 'unanimity' | 'enhanced';

/** Terms fixed when a route is tabled. */
export interface RouteTerms {
  size: number; // EUR bn over the life of the instrument (an option of RouteDef.sizes)
  guarantee?: GuaranteeKind;
  liquidity?: boolean;
  legalShields?: boolean;
  excludeFrenchBanks?: boolean;
  buyEuropean?: boolean;
  optOut?: boolean;
}

// ---------------------------------------------------------------- scenario data

export interface EuState {
  id: string;
  name: string;
  /** population in units of 100,000 (Eurostat 1 Jan 2024, rounded) */
  pop: number;
}

export interface BlocMember {
  state: string;
  /** added to the bloc's willingness when this member decides a vote */
  offset: number;
}

/**
 * The codes of an actor's conditions and red lines: each is a named guard of its machine
 * (src/actors/machines.ts), configured by the fields of a ConditionDef.
 */
export const CONDITION_CODES = [
  'risk-shared',
  'liquidity',
  'holders-join',
  'leader-not-opposed',
  'g7-line',
  'assets-used',
  'price-met',
  'opt-out',
  'no-ecb-backstop',
  'no-seizure',
  'no-uncapped',
  'own-banks-out',
] as const;
export type ConditionCode = (typeof CONDITION_CODES)[number];

/**
 * One of an actor's real conditions or red lines, as its government stated it (facts.md). Its
 * machine commits only while every condition that applies is met; a red line crossed is also a
 * no in every vote on that route, whatever the actor promised.
 */
export interface ConditionDef {
  code: ConditionCode;
  /** the condition in words, shown met or unmet in "Why?" and "How it decides" */
  text: string;
  /** what would meet it, shown under "What would move it" while it is unmet */
  remedy: string;
  /** a red line: crossing it is a no in offers and votes alike */
  redLine?: boolean;
  /** the routes it concerns, by kind; absent: every offer */
  routes?: RouteKind[];
  /**
   * 'risk-shared': the actors whose uncapped guarantees it needs; 'leader-not-opposed': the
   * actors it will not move against
   */
  actors?: string[];
  /** 'holders-join': other holders joined; 'g7-line': G7 meetings held */
  min?: number;
  /**
   * 'no-uncapped' and 'opt-out': a willingness (-100..100) at which it gives way. No source
   * reports such a point: the game marks it a what-if wherever it shows it (except -100, which
   * means always: a standing fact, such as SAFE binding no government).
   */
  unless?: number;
  /**
   * 'opt-out': decides its ballot, not its commitment: when met it stays out (abstains) on the
   * route instead of voting against it.
   */
  ballot?: boolean;
}

export interface ActorDef {
  id: string;
  name: string;
  /** a name short enough for a card or a one-line summary */
  short: string;
  leader: string;
  kind: ActorKind;
  /** short public line shown on the card */
  agenda: string;
  /** what drives it, revealed by sounding out */
  drivers: string;
  holds: string;
  /** EU states it votes for; empty for non-EU actors */
  members: BlocMember[];
  /** starting and resting willingness (-100..100) before difficulty */
  baseline: number;
  /** actors it follows, with pull in percent (Japan ~60 toward the US) */
  follows: { actor: string; pull: number }[];
  /** offer terms that make sense for this actor */
  terms: TermKey[];
  /** willingness gained per liked term, lost per disliked term */
  likes: Partial<Record<TermKey, number>>;
  /** percent of a Reparations Loan's guarantees it would carry (0 if none) */
  guaranteeKey: number;
  /** partners whose guarantees it waits for before its own counts */
  guaranteeWith: string[];
  /** EUR m it pledges to 2026 when it commits (G7 partners, IMF) */
  pledge: number;
  /**
   * Optional: no source reports this pledge (its sum or that it was offered at all): why, in a
   * sentence. The game then marks its money a what-if wherever it shows it.
   */
  pledgeWhatIf?: string;
  /** willingness bonus for each route kind when voting */
  routeAffinity: Partial<Record<RouteKind, number>>;
  /**
   * Optional: how it takes an outright seizure (a route tabled at a size marked `seize`), added
   * to its vote and, for Belgium, subtracted from its tolerance as fear of state-immunity suits;
   * if negative, the US and Japan sign no offer while a seizure is on the table. Absent: seizure
   * means nothing special to it (no size is a seizure in the December Summit).
   */
  onSeizure?: number;
  /**
   * Optional: its pledge waits for this route to be adopted and open for payments, not for any
   * EU route decided (Japan lends only through a G7 fund), with the condition in words. Absent:
   * any EU route, as before.
   */
  pledgeOn?: { route: string; text: string };
  /**
   * Optional: it holds Russian assets outside the custodian, and counts as another holder that
   * joined (the custodian's third condition) once it pledges, or once it commits without the
   * term that keeps its own holdings out. Absent: it holds none that count.
   */
  holderJoins?: { by: 'pledge' } | { by: 'commitment'; unless?: TermKey };
  /** Optional: its commitments and events are turning points of a game (the debrief). */
  pivotal?: boolean;
  /**
   * Optional: how much public pressure moves it, in percent of the usual step; at 0 pressure is
   * refused, with `why` (an independent central bank, a government that blocks nothing).
   * Absent: 100.
   */
  pressure?: { percent: number; why: string };
  /** Optional: its real conditions and red lines, guards of its machine. Absent: none. */
  conditions?: ConditionDef[];
  /**
   * Optional: what would move it, in words, for a government-kind actor that does not bargain
   * (a legislature persuaded indirectly). Absent: built from its terms and leaders, as before.
   */
  wouldMove?: string;
}

export interface RouteDef {
  id: string;
  kind: RouteKind;
  name: string;
  summary: string;
  /**
   * allowed sizes in EUR bn, with the money each gives in 2026 (EUR m); optional `seize` marks a
   * size at which the route takes the assets outright instead of lending against them
   */
  sizes: { size: number; money2026: number; seize?: boolean; whatIf?: string }[];
  modes: VoteMode[];
  /** weeks from adoption until money can be paid */
  lag: number;
  /** first week it can be tabled */
  openWeek: number;
  /**
   * Optional, joint borrowing only: adopted at the vote that passes it, like an Article 122
   * instrument (SAFE): no Parliament consent and no separate unanimity act. Absent: false.
   */
  adoptedAtVote?: boolean;
  /**
   * Optional: false when deciding this route is not the EU decision the G7 partners and the IMF
   * wait for (defence loans to member states are not the EU using the assets). Absent: true.
   */
  countsAsEuDecision?: boolean;
  /** Optional: what tabling it does to others, by its terms. */
  tableEffects?: TableEffect[];
  /**
   * Optional, reparations-loan routes only: consents and checks its money waits for after the
   * vote, besides guarantees and courts (a legislature, the borrower accepting the conditions,
   * a legal review). Absent: none.
   */
  gates?: PayoutGate[];
}

/** Something a route's money waits for after adoption: met when every given part holds. */
export interface PayoutGate {
  /** what it waits for, in words (shown as the route's blocker) */
  label: string;
  /** the log's words once it is met */
  met: string;
  /** whose consent: met while this actor's stance is at least `stance` (default supportive) */
  actor?: string;
  stance?: Stance;
  /** the route's legal robustness it needs */
  legal?: number;
  /** the first week it can be met (a legislature's vote) */
  from?: number;
  /** applies only while this actor is committed (Congress, only if the US has joined) */
  ifCommitted?: string;
}

export interface CalendarEntry {
  week: number;
  date: string; // ISO date
  id: string;
  title: string;
  text: string;
}

export interface RandomEventDef {
  id: string;
  title: string;
  text: string;
  /** chance per week in percent at standard intensity; 100 means certain at every difficulty */
  chance: number;
  /** weeks it can fire in (inclusive) */
  from: number;
  to: number;
  once: boolean;
  effects: EventEffects;
}

export interface EventEffects {
  market?: number;
  unity?: number;
  russia?: number;
  /** willingness shift per actor id */
  actors?: Record<string, number>;
  /** Belgium's fear, in points */
  fear?: number;
  hungaryPrice?: number;
  ukraineReform?: 'pass' | 'fail';
  /**
   * Optional: moves actors' resting points for good (a change of government), where `actors`
   * only pushes them for a week and drift brings them back.
   */
  baselines?: Record<string, number>;
}

export interface DifficultyParams {
  capitalPerWeek: number;
  /** added to every baseline (negative makes actors harder) */
  baselineShift: number;
  /** Belgium consents when fear is at or under this */
  belgiumThreshold: number;
  /** percent multiplier on random event chances */
  eventIntensity: number;
  /** Hungary's starting price in points of willingness */
  hungaryPrice: number;
}

export interface HistoryItem {
  date: string;
  text: string;
  sources: string[];
}

/**
 * When a step of the real path is played (beside its weeks): `unsounded`, while the actor it
 * sounds out has not been sounded; `draft`, while the route it tables is still a draft;
 * `eu-decided`, once an EU route is decided (euRouteDecided).
 */
export type HistoryWhen = 'unsounded' | 'draft' | 'eu-decided';

/**
 * One step of the path governments really took, as a move of this game. Each week the real path
 * plays the first step of the script that is due (its weeks cover the week, its condition
 * holds) and that the rules accept, again and again, then ends the week (engine/history.ts).
 */
export interface HistoryStep {
  /** the first week the step is due */
  from: number;
  /** the last week it is due (absent: only `from`; 99: to the end) */
  to?: number;
  when?: HistoryWhen;
  move: Move;
}

export interface Source {
  id: string;
  title: string;
  url: string;
  date: string;
}

/**
 * How the debrief describes the result, by the share of the target secured. `{share}` stands for
 * the percentage. Absent: the December Summit's wording (Ukraine's 2026 budget and 1 April).
 */
export interface ScenarioEndings {
  /** the whole target or more */
  full: string;
  /** 75% or more */
  most: string;
  /** 40% or more */
  deep: string;
  /** something */
  little: string;
  /** nothing */
  none: string;
}

/** A change of an actor's willingness at the end of the week, with its cause as its card says it. */
export interface Nudge {
  actor: string;
  amount: number;
  cause: string;
}

/**
 * What an accepted offer costs or earns with others (Scenario.offerEffects): applied once to an
 * offer that includes any of `terms`; the actor that accepted is not nudged by it.
 */
export interface OfferEffect {
  terms: TermKey[];
  nudges: Nudge[];
  /** change to EU unity, at once */
  unity?: number;
  /** the log's line, why, and whose it is (no line without a text) */
  text?: string;
  reason?: string;
  actor?: string;
}

/** What tabling a route does to others (RouteDef.tableEffects), when its terms are so. */
export interface TableEffect {
  /** 'uncapped': its guarantees are uncapped; 'above-smallest': a size above its smallest */
  when: 'uncapped' | 'above-smallest';
  nudges: Nudge[];
}

export interface Scenario {
  formatVersion: 1;
  id: string;
  title: string;
  summary: string;
  startDate: string;
  weeks: number;
  deadline: string;
  target: number;
  startUnity: number;
  startMarket: number;
  startRussia: number;
  difficulty: Record<Difficulty, DifficultyParams>;
  summitWeeks: number[];
  g7Weeks: number[];
  epConsentWeek: number;
  imfBoardWeek: number;
  assetLockWeek: number;
  calendar: CalendarEntry[];
  states: EuState[];
  actors: ActorDef[];
  routes: RouteDef[];
  events: RandomEventDef[];
  history: {
    summary: string;
    items: HistoryItem[];
    /**
     * Optional: how the path governments really took ends in this game, and why it grades so
     * (the debrief shows it; the harness's `history` player must end so). Absent: the scenario
     * did not happen as such (a what-if).
     */
    ending?: { outcome: Outcome; why: string };
    /**
     * Optional: the real path as moves of this game, week by week, so that it can be replayed and
     * forked. Not part of the rules' digest: it plays the rules, it does not change them.
     */
    script?: HistoryStep[];
  };
  sources: Source[];
  /**
   * Four to seven short lines shown before the first week (the situation, the player's role,
   * who matters, how to win). Presentation only: not part of the rules' digest.
   */
  briefing?: string[];
  endings?: ScenarioEndings;
  /** the log's note on what a bilateral bridge buys (absent: the December Summit's note) */
  bridgeNote?: string;
  /** the year the money is for, as the money panel and route sizes name it (absent: 2026) */
  moneyYear?: number;
  /** Optional: the scenario's own premise is a what-if, said in a sentence for the debrief. */
  premiseWhatIf?: string;
  /**
   * Optional: what promising some terms costs or earns with others, applied when an actor
   * accepts an offer that includes them (a US role in reconstruction angers Berlin and Kyiv;
   * benchmarks reassure Washington and irk Kyiv). Absent: nothing.
   */
  offerEffects?: OfferEffect[];
  /** Optional: who warms to G7 coordination, and how much, each time it happens. */
  g7Nudges?: Nudge[];
  /** Optional: who is calmed by legal work on a route, and how much, each time. */
  legalWorkNudges?: Nudge[];
}

// ---------------------------------------------------------------- moves

export type Move =
  | { type: 'actor.sound'; actor: string }
  | { type: 'offer.make'; actor: string; terms: OfferTerms }
  | { type: 'g7.coordinate' }
  | { type: 'legal.work'; route: string }
  | { type: 'pressure.public'; actor: string }
  | { type: 'route.table'; route: string; terms: RouteTerms }
  | { type: 'vote.call'; route: string; mode: VoteMode }
  | { type: 'bridge.request'; source: BridgeSource }
  // Takes the counter-offer an actor made this week, as it stands (ActorState.counter).
  | { type: 'counter.accept'; actor: string }
  | { type: 'week.end' };

export type MoveType = Move['type'];

/** Bridge money: from the lender (the IMF), or from donor countries (no actor of their own). */
export type BridgeSource = 'lender' | 'donors';
export const BRIDGE_SOURCES: readonly BridgeSource[] = ['donors', 'lender'];

// ---------------------------------------------------------------- state

export interface MachineSnapshot {
  value: string;
  context: Record<string, unknown>;
}

/**
 * Why an effect waits for the end of the week, as a code (the views word it; `cause` is for
 * people): an offer it heard, public pressure on it, what a promise to someone else costs with
 * it, G7 coordination, legal work, a route tabled, an event, another actor lobbying it.
 */
export type NudgeCode =
  'offer' | 'pressure' | 'offer-effect' | 'g7' | 'legal-work' | 'table' | 'event' | 'lobbying';

/**
 * A part of what moved an actor's willingness at the end of a week, by code. Besides the effects
 * that waited for the week's end (NudgeCode): the weekly cap on them, the drift back toward its
 * resting point, the week's chance, a commitment holding it up, the -100..100 limits; and what
 * stands between its own view and its willingness: the partners it follows pulling it, its fear
 * of liability (the custodian), its price (the veto-holder), market stress and legal robustness
 * (a central bank), the custodian's yes, a G7 line and partners joining (the aligned), an EU
 * decision and reforms (the lender).
 */
export type WillCode =
  | NudgeCode
  | 'weekly-cap'
  | 'drift'
  | 'chance'
  | 'held'
  | 'limit'
  | 'pull'
  | 'fear'
  | 'price'
  | 'market-stress'
  | 'legal-robustness'
  | 'custodian-yes'
  | 'g7-line'
  | 'partners-joined'
  | 'eu-decided'
  | 'reforms';

/** One part of a willingness, or of a change of it: a code, its points, and its cause in words. */
export interface WillPart {
  code: WillCode;
  amount: number;
  /** for people: the effect's cause as it was queued, or whom a pull comes from ('' if none) */
  cause: string;
}

/** How an actor's willingness changed at the end of `week`: from, to, and the parts (they add up). */
export interface WillChange {
  week: number;
  from: number;
  to: number;
  parts: WillPart[];
}

export interface ActorState {
  id: string;
  /** willingness after pulls, -100..100 */
  w: number;
  /** own willingness before alliance pull */
  own: number;
  /**
   * what stands between its own view and its willingness, as parts: w = own + their sum (the
   * partners it follows pulling it, its fear, its price...). Empty when w is its own view.
   */
  lift: WillPart[];
  /** how its willingness changed at the last week's end (null before the first) */
  changed: WillChange | null;
  /** resting point (baseline + difficulty shift) */
  base: number;
  stance: Stance;
  machine: MachineSnapshot;
  /** the player's credibility with this actor, -100..100 */
  credibility: number;
  /** effects waiting for the end of the week, with their causes */
  pending: { amount: number; code: NudgeCode; cause: string }[];
  pressured: number;
  /** offers it has turned down: each makes the next one harder to sell */
  refusals: number;
  /** the week of the last offer it answered (0: never) */
  offeredWeek: number;
  /**
   * the terms it offered back this week, which it stands by until the week ends (a
   * counter.accept move takes them); null when none stands
   */
  counter: { terms: OfferTerms; week: number } | null;
  sounded: boolean;
  reason: string;
  wouldMove: string;
  /** discrete signature of the last percept sent to the machine */
  sig: string;
}

export interface RouteState {
  id: string;
  status: 'draft' | 'tabled' | 'failed' | 'agreed' | 'adopted';
  terms: RouteTerms | null;
  legal: number; // legal robustness 0..3
  tabledWeek: number | null;
  agreedWeek: number | null;
  /** week the European Parliament consented (joint borrowing) */
  consentWeek: number | null;
  adoptedWeek: number | null;
  /** week from which its money can be paid (null while blocked) */
  payableWeek: number | null;
  /** what still blocks it: a code for the rules, words for people */
  blockers: Blocker[];
  mode: VoteMode | null;
  overruled: string[];
  attempts: number;
}

/** Something a route's money still waits for. */
export interface Blocker {
  code: 'coverage' | 'court' | 'gate' | 'parliament' | 'unanimity-act' | 'vetoed';
  text: string;
}

export interface Pledge {
  id: string;
  actor: string;
  amount: number;
  /** null once unconditional */
  condition: 'eu-route-adopted' | 'lender-board' | null;
  conditionText: string;
  status: 'conditional' | 'real' | 'withdrawn';
  week: number;
  realWeek: number | null;
  payableWeek: number | null;
}

export interface PromiseRecord {
  actor: string;
  terms: OfferTerms;
  week: number;
  broken: boolean;
}

export interface Commitment {
  actor: string;
  week: number;
  terms: OfferTerms;
  /**
   * the route, by kind, it committed to (its terms name one, or it was the route on the table);
   * null: backing for the plan in general. A commitment carries to no other route.
   */
  route: RouteKind | null;
  /** plain-language condition, empty when unconditional */
  condition: string;
}

export type LogKind =
  'move' | 'refused' | 'reply' | 'decision' | 'event' | 'vote' | 'money' | 'calendar' | 'ending';

/**
 * What a log entry records, as a code (its kind, a dot, what happened): code reads codes and
 * data, never the English of `text` and `reason`, which are for people. NOTE: codes are part of
 * the hashed state; renaming one changes results (RULES_REVISION).
 */
export type LogCode =
  | 'move.sound' // you sound an actor out
  | 'move.offer' // you make an offer
  | 'move.pressure' // you put an actor under public pressure
  | 'move.g7' // G7 coordination
  | 'move.legal' // legal work on a route
  | 'move.table' // you table a route
  | 'move.counter' // you take an actor's counter-offer (its reply follows)
  | 'reply.accept' // an actor accepts an offer
  | 'reply.counter'
  | 'reply.reject'
  | 'decision.stance' // an actor changes stance (data: from, to)
  | 'decision.statement' // an actor says where it stands
  | 'decision.promise-broken' // a promise to the actor was broken; its commitment lapses
  | 'decision.lapse' // an actor steps back from its commitment
  | 'decision.counter-lapse' // a counter-offer stops standing: the table changed under it
  | 'event.random' // a scenario event fires
  | 'event.actor' // an actor acts on its own (retaliation, lobbying)
  | 'event.offer-effect' // what a promise costs with others
  | 'event.court' // the custodian is outvoted and goes to court
  | 'event.seizure' // markets react to an outright seizure
  | 'vote.council' // a vote of the governments (data: route, passed)
  | 'vote.parliament' // Parliament withholds consent
  | 'vote.gate' // a payout gate's vote week passes without consent
  | 'vote.veto' // a unanimity act is vetoed
  | 'money.pledge' // an actor pledges (data: amount)
  | 'money.withdraw'
  | 'money.real' // a pledge's condition is met (data: amount)
  | 'money.payments' // a route's payments can start (data: route)
  | 'money.adopted' // a route is adopted (data: route)
  | 'money.consent' // Parliament consents (data: route)
  | 'money.lock' // the assets are locked
  | 'money.bridge' // bridge money is arranged
  | 'calendar.entry'
  | 'ending.result';

export interface LogEntry {
  week: number;
  kind: LogKind;
  code: LogCode;
  /** the facts behind the text that code may read (a stance moved from and to, an amount) */
  data?: Readonly<Record<string, string | number | boolean>>;
  actor: string | null;
  text: string;
  /** why, in plain language */
  reason: string;
  /** what would change it (for actor decisions) */
  wouldChange: string;
}

export interface VoteBallot {
  state: string;
  actor: string;
  vote: 'yes' | 'no' | 'abstain';
  reason: string;
}

export interface VoteRecord {
  week: number;
  route: string;
  mode: VoteMode;
  passed: boolean;
  yesStates: number;
  yesPop: number;
  totalPop: number;
  ballots: VoteBallot[];
  summary: string;
}

export interface WeekRecord {
  week: number;
  w: Record<string, number>;
  stance: Record<string, Stance>;
  secured: number;
  pledged: number;
  unity: number;
  market: number;
  russia: number;
}

export type Outcome = 'win' | 'partial' | 'loss';

/**
 * The parts of the score (src/engine/score.ts): the money floor, the share of the target, then
 * the four parts that move a score within its money level.
 */
export type ScorePart = 'money' | 'share' | 'weeks' | 'unity' | 'credibility' | 'retaliation';

export interface Ending {
  outcome: Outcome;
  week: number;
  secured: number;
  target: number;
  score: number;
  grade: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
  headline: string;
  cutDepth: string;
  /** every part of the score, in a fixed order; the points add up to `score` */
  breakdown: { part: ScorePart; label: string; points: number }[];
  turningPoints: LogEntry[];
}

export interface GameState {
  v: 1;
  scenario: string;
  difficulty: Difficulty;
  seed: number;
  rng: readonly number[];
  week: number;
  capital: number;
  unity: number;
  market: number;
  russia: number;
  /** provocation points Russia weighs at the end of the week */
  provocation: number;
  /** Belgium's extra fear from lawsuits and threats so far */
  fear: number;
  hungaryPrice: number;
  g7Basis: number; // 0 none, 1 statement, 2 a common line (each acts under its own law)
  assetLock: boolean;
  graceWeeks: number;
  bridged: Record<BridgeSource, boolean>;
  ukraineReform: 'pending' | 'passed' | 'failed';
  actors: Record<string, ActorState>;
  actorOrder: string[];
  routes: Record<string, RouteState>;
  pledges: Pledge[];
  promises: PromiseRecord[];
  commitments: Commitment[];
  firedEvents: string[];
  news: LogEntry[];
  log: LogEntry[];
  votes: VoteRecord[];
  history: WeekRecord[];
  moves: number;
  status: 'playing' | 'over';
  ending: Ending | null;
}

/** What a move returns: the new state, or the old one with a reason it was refused. */
export type MoveResult =
  { ok: true; state: GameState } | { ok: false; state: GameState; reason: string };
