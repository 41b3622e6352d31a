import {
  commitmentOf,
  isCommitted,
  isSeizure,
  routeOfKind,
  stableStringify,
  verb,
  type ActorDef,
  type Ballot,
  type BlocMember,
  type ConditionCode,
  type ConditionDef,
  type GameState,
  type OfferTerms,
  type Pledge,
  type RouteDef,
  type RouteKind,
  type RouteTerms,
  type Scenario,
  type TermKey,
  type VoteMode,
} from '../engine';
import { conditionStatus, factsFor, routeOfOffer, termValue } from './conditions';
import { machineConditions, machineOf, PLEDGE_AT, type Facts } from './machines';
import { belgiumFear, TERM_NAMES } from './perceive';
import { step } from './step';

// What each actor makes of an offer and how it votes. Offers are scored here; whether the score
// is enough and the conditions met is the machine's decision (its `willing` guard and one guard
// per condition), and a ballot asks the machine's red lines first.

/** What an offer adds to where an actor stands, by code (the texts word them). */
export type TallyCode = 'terms' | 'mood' | 'refusals' | 'asked';

/**
 * How an offer is judged, in numbers the player can check against the actor's card: where it
 * stands (the card's willingness, or its fear, or nothing for a price), what the offer and the
 * meeting add, the total, and the bar.
 */
export interface Tally {
  /** what it judges offers on: its willingness, its fear (lower is better) or its price */
  yardstick: 'willingness' | 'fear' | 'price';
  /** where it stands with nothing offered: its card's willingness, its fear now, or 0 */
  start: number;
  parts: { code: TallyCode; amount: number }[];
  /** start plus the parts */
  total: number;
  /** willingness: the bar to reach; fear: the tolerance to stay within; price: the price */
  needs: number;
  /** earlier refusals counted in the parts */
  refusals: number;
  /** the total clears the bar (its conditions are another matter) */
  passes: boolean;
}

export interface OfferAssessment {
  score: number;
  threshold: number;
  tally: Tally;
  /** what its conditions were tested on */
  facts: Facts;
  /** the codes of its conditions this offer leaves unmet */
  unmet: string[];
  /** the route the offer commits it to (null: the plan in general) */
  route: RouteKind | null;
  /** terms it would take instead, if any */
  counter: OfferTerms | null;
  /** willingness the offer adds at the end of the week (even if not accepted) */
  effect: number;
  acceptReason: string;
  refuseReason: string;
  wouldChange: string;
  condition: string;
  pledge: { amount: number; condition: Pledge['condition']; conditionText: string } | null;
}

export const ACCEPT_AT = 10;
/** Asking again after a no sells less well each time. */
export const FATIGUE = 5;
/** A follower asked directly counts it as a little European resolve. */
const ASKED = 5;

/** The terms that would meet an unmet condition, by its code (a counter-offer is made of them). */
const MEETS: Partial<Record<ConditionCode, OfferTerms>> = {
  'risk-shared': { guarantee: 'uncapped' },
  liquidity: { liquidity: true },
  'no-uncapped': { guarantee: 'capped' },
  'own-banks-out': { excludeFrenchBanks: true, buyEuropean: true },
  'opt-out': { optOut: true },
  'price-met': { energyAssurance: true, fundsConcession: true },
  'no-ecb-backstop': { liquidity: false },
};

/** The scenario's loan against the assets, by its own name ("the Reparations Loan"). */
const loanName = (scenario: Scenario) => {
  const name = routeOfKind(scenario, 'reparations-loan')?.name;
  return name ? `the ${name}` : 'a loan against the assets';
};

const names = (keys: string[]) => keys.map((k) => TERM_NAMES[k] ?? k).join(', ');

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** An offer's part of a tally, in words with its points ("the day's mood -3"). */
const tallyPart = (code: TallyCode, amount: number, refusals: number): string =>
  `${code === 'terms' ? 'these terms' : code === 'mood' ? "the day's mood" : code === 'asked' ? 'being asked directly' : `${refusals} ${refusals === 1 ? 'refusal' : 'refusals'} so far`} ${signed(amount)}`;

const joined = (items: string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/**
 * A tally in one sentence, starting from the number on the actor's card: "Its willingness is
 * +13, as on its card; these terms -15, the day's mood -3 and two earlier refusals -10 make
 * -15, and it needs 10 or more." The fear and the price are told as what they are. `again`:
 * the card's number was just said, so the sentence starts from the terms.
 */
export function tallyText(def: ActorDef, t: Tally, again = false): string {
  const its = verb(def, 'its', 'their');
  const card = `${verb(def, 'Its', 'Their')} ${t.yardstick} is ${t.yardstick === 'fear' ? t.start : signed(t.start)}, as on ${its} card; `;
  if (t.yardstick === 'price')
    return `These concessions are worth ${t.total}; ${its} price, as on ${its} card, is ${t.needs}.`;
  if (t.yardstick === 'fear')
    return `${again ? '' : card}these terms make it ${t.total}, ${t.passes ? 'within' : 'above'} ${its} tolerance of ${t.needs}.`;
  const parts = joined(
    t.parts
      .filter((p) => p.code === 'terms' || p.amount !== 0)
      .map((p) => tallyPart(p.code, p.amount, t.refusals)),
  );
  return `${again ? '' : card}${parts} ${again ? `take ${its} ${signed(t.start)} to` : 'make'} ${signed(t.total)}, and ${verb(def, 'it needs', 'they need')} ${t.needs} or more.`;
}

/**
 * How it judges offers, from the number on its card: "its willingness (+13) plus the offer must
 * reach 10", "its fear (62) must fall to 50 or less", or its price.
 */
export const offerRule = (t: Tally): string =>
  t.yardstick === 'fear'
    ? `its fear (${t.start}) must fall to ${t.needs} or less`
    : t.yardstick === 'price'
      ? `the concessions must be worth its price (${t.needs})`
      : `its willingness (${signed(t.start)}) plus the offer must reach ${t.needs}`;

/** How an actor that takes offers judges them now (null: it takes none, or has committed). */
export function offerTally(scenario: Scenario, state: GameState, id: string): Tally | null {
  const def = scenario.actors.find((a) => a.id === id);
  if (!def || !def.terms.length || state.actors[id]?.stance === 'committed') return null;
  return assessOffer(scenario, state, def, {}).tally;
}

/** A willingness tally: the card's number plus what this offer and meeting add. */
function willingnessTally(
  w: number,
  parts: Tally['parts'],
  needs: number,
  refusals: number,
): Tally {
  const total = w + parts.reduce((sum, p) => sum + p.amount, 0);
  return {
    yardstick: 'willingness',
    start: w,
    parts,
    total,
    needs,
    refusals,
    passes: total >= needs,
  };
}

/** The unmet conditions at stake, in the actor's words, joined for a sentence. */
const unmetText = (unmet: ConditionDef[]) => unmet.map((c) => c.text.replace(/\.$/, '')).join('; ');

/** Scores an offer for an actor; pure, so the UI can preview it as "what would happen". */
export function assessOffer(
  scenario: Scenario,
  state: GameState,
  def: ActorDef,
  terms: OfferTerms,
  mood = 0,
): OfferAssessment {
  const a = state.actors[def.id]!;
  // Governments judge offers by willingness, the terms' value and the mood of the meeting;
  // Belgium (its fear) and Hungary (its price) judge by their own explicit yardsticks. Every
  // actor's conditions and red lines are guards of its machine, tested on the same facts.
  const worth = termValue(def, terms);
  const value = worth + mood - FATIGUE * a.refusals;
  const offerParts: Tally['parts'] = [
    { code: 'terms', amount: worth },
    { code: 'mood', amount: mood },
    { code: 'refusals', amount: -FATIGUE * a.refusals },
  ];
  const tally = willingnessTally(a.w, offerParts, ACCEPT_AT, a.refusals);
  const route = routeOfOffer(scenario, state, terms);
  const facts = factsFor(scenario, state, def, terms, route, a.w + value);
  const unmet = conditionStatus(def, facts)
    .filter((s) => s.atStake && !s.met)
    .map((s) => s.condition);
  // A counter-offer: the terms that would meet its unmet conditions.
  const fix: OfferTerms = Object.assign({}, ...unmet.map((c) => MEETS[c.code] ?? {}));
  const counterOf = (extra: OfferTerms = {}): OfferTerms | null => {
    const c = { ...terms, ...fix, ...extra } as Record<string, unknown>;
    for (const k of Object.keys(c)) if (c[k] === false) delete c[k];
    return stableStringify(c) === stableStringify(terms) ? null : (c as OfferTerms);
  };
  const saysNo = unmet.length
    ? `${def.name} ${verb(def, 'says', 'say')} no: ${unmetText(unmet)}.`
    : '';
  const base: OfferAssessment = {
    score: a.w + value,
    threshold: ACCEPT_AT,
    tally,
    facts,
    unmet: unmet.map((c) => c.code),
    route,
    counter: unmet.length ? counterOf() : null,
    effect: Math.trunc(value / 2) + 2,
    acceptReason: `${def.name} accepts: the package meets its needs.`,
    refuseReason: refusal(
      def,
      tally,
      saysNo,
      `${def.name} ${verb(def, 'is', 'are')} not yet willing enough.`,
    ),
    wouldChange: '',
    condition: '',
    pledge: null,
  };
  switch (def.kind) {
    case 'custodian': {
      const f = belgiumFear(scenario, state, {
        ...(terms.guarantee ? { guarantee: terms.guarantee } : {}),
        ...(terms.liquidity ? { liquidity: true } : {}),
        ...(terms.legalShields ? { legalShields: true } : {}),
      });
      const calm = f.fear <= f.threshold;
      const now = belgiumFear(scenario, state).fear;
      const fearTally: Tally = {
        yardstick: 'fear',
        start: now,
        parts: [{ code: 'terms', amount: f.fear - now }],
        total: f.fear,
        needs: f.threshold,
        refusals: 0,
        passes: calm,
      };
      return {
        ...base,
        // Its willingness to commit is its fear against its tolerance, not a mood.
        score: f.threshold - f.fear,
        threshold: 0,
        tally: fearTally,
        counter:
          unmet.length || !calm
            ? counterOf(terms.legalShields ? {} : { legalShields: true })
            : null,
        effect: 3,
        acceptReason: `${def.name} consents to ${loanName(scenario)} on these terms: its conditions are met and its fear (${f.fear}) is within its tolerance (${f.threshold}).`,
        refuseReason: `${saysNo ? `${saysNo} ` : `${def.name} will not carry the risk yet. `}${tallyText(def, fearTally)}`,
        wouldChange: unmet.length
          ? unmet.map((c) => c.remedy).join(' ')
          : `Less fear: legal shields, legal work, more guarantors committed (coverage ${f.coverage}%).`,
        condition: 'as long as the tabled loan keeps these terms',
      };
    }
    case 'veto-holder': {
      const paid = facts.paid;
      const priceTally: Tally = {
        yardstick: 'price',
        start: 0,
        parts: [{ code: 'terms', amount: paid }],
        total: paid,
        needs: state.hungaryPrice,
        refusals: 0,
        passes: paid >= state.hungaryPrice,
      };
      return {
        ...base,
        // Only its price counts (the price-met guard), not a willingness.
        score: 0,
        threshold: 0,
        tally: priceTally,
        effect: Math.trunc(paid / 3),
        acceptReason: `${def.name} will not block: the concessions (worth ${paid}) meet its price (${state.hungaryPrice}).`,
        refuseReason: `${saysNo ? `${saysNo} ` : `${def.name} wants more. `}${tallyText(def, priceTally)}`,
        wouldChange: 'An energy assurance together with released EU funds.',
        condition: 'it abstains on acts needing unanimity while its price is met',
      };
    }
    case 'patron': {
      const patronTally = willingnessTally(a.w, offerParts, PATRON_AT, a.refusals);
      return {
        ...base,
        threshold: PATRON_AT,
        tally: patronTally,
        effect: value,
        acceptReason: `${def.name} drops its opposition in exchange for a role in rebuilding Ukraine.`,
        refuseReason: refusal(
          def,
          patronTally,
          saysNo,
          `${def.name} is not interested at this price.`,
        ),
        wouldChange: 'A role in reconstruction.',
        condition: `it stops lobbying and joins once the EU decides, as long as ${loanName(scenario)} is not tabled`,
        pledge: def.pledge
          ? {
              amount: def.pledge,
              condition: 'eu-route-adopted',
              conditionText: 'once an EU route is decided',
            }
          : null,
      };
    }
    case 'aligned': {
      const alignedTally = willingnessTally(a.w, offerParts, ALIGNED_AT, a.refusals);
      return {
        ...base,
        threshold: ALIGNED_AT,
        tally: alignedTally,
        counter: null,
        effect: Math.trunc(value / 2),
        acceptReason: `${def.name} joins: its conditions are met, and it lends its share for non-military use.`,
        refuseReason: refusal(def, alignedTally, saysNo, `${def.name} is not yet convinced.`),
        wouldChange:
          unmet.map((c) => c.remedy).join(' ') ||
          'A clause keeping its money away from weapons, and partners alongside.',
        // With its own route (pledgeOn) the money waits for that route; else it is lent at once.
        pledge: def.pledge
          ? def.pledgeOn
            ? {
                amount: def.pledge,
                condition: 'eu-route-adopted',
                conditionText: def.pledgeOn.text,
              }
            : { amount: def.pledge, condition: null, conditionText: '' }
          : null,
      };
    }
    case 'follower': {
      const followerTally = willingnessTally(
        a.w,
        [...offerParts, { code: 'asked', amount: ASKED }],
        PLEDGE_AT,
        a.refusals,
      );
      return {
        ...base,
        score: a.w + value + ASKED,
        threshold: PLEDGE_AT,
        tally: followerTally,
        acceptReason: `${def.name} pledges, in lockstep with the EU.`,
        refuseReason: refusal(
          def,
          followerTally,
          '',
          `${def.name} wants to see more European resolve first.`,
        ),
        wouldChange: 'G7 coordination and the EU moving to use the assets.',
        condition: def.pledgeOn?.text ?? 'once an EU route is decided',
        // Even a pledge of no money of its own counts: it is how another holder joins.
        pledge: {
          amount: def.pledge,
          condition: 'eu-route-adopted',
          conditionText: def.pledgeOn?.text ?? 'if an EU route is decided',
        },
      };
    }
    case 'government':
    default: {
      const score = a.w + value;
      const usOpposed = def.follows.some((f) => state.actors[f.actor]?.stance === 'opposed');
      const refuse = refusal(
        def,
        tally,
        saysNo,
        usOpposed
          ? `${def.name} ${verb(def, 'hears its partners: it will', 'hear their partners: they will')} not risk a row with ${def.follows.map((f) => actorName(scenario, f.actor)).join(' and ')} for this.`
          : `${def.name} ${verb(def, 'is', 'are')} not yet willing enough.`,
      );
      const guaranteeText = terms.guarantee
        ? `${def.guaranteeWith.length ? `if ${def.guaranteeWith.map((id) => actorName(scenario, id)).join(' and ')} ${def.guaranteeWith.length === 1 ? 'joins' : 'join'} too` : ''}`
        : '';
      return {
        ...base,
        score,
        refuseReason: refuse,
        counter:
          base.counter ??
          (score < ACCEPT_AT && !terms.buyEuropean && def.terms.includes('buyEuropean')
            ? { ...terms, buyEuropean: true }
            : null),
        acceptReason: terms.guarantee
          ? `${def.name} ${verb(def, 'joins', 'join')} the guarantee coalition (${def.guaranteeKey}% of the loan's guarantees, ${terms.guarantee})${guaranteeText ? ` ${guaranteeText}` : ''}.`
          : `${def.name} ${verb(def, 'accepts', 'accept')} and will back the plan.`,
        wouldChange:
          unmet.map((c) => c.remedy).join(' ') ||
          `Terms it values: ${names(Object.keys(def.likes).filter((k) => (def.likes[k as TermKey] ?? 0) > 0))}; pressure, legal work, and the partners it follows.`,
        condition: guaranteeText,
      };
    }
  }
}

/** The bars a patron's and an aligned actor's tallies must reach. */
const PATRON_AT = -10;
const ALIGNED_AT = 40;

/**
 * A refusal: its unmet conditions when it has some (they come first, whatever the numbers), or
 * the words given, then the tally starting from the number on its card.
 */
function refusal(def: ActorDef, t: Tally, saysNo: string, words: string): string {
  const tallied = tallyText(def, t);
  if (!saysNo) return `${words} ${tallied}`;
  return t.passes
    ? `${saysNo} ${tallied.replace(/\.$/, '')}: enough, but ${verb(def, 'its', 'their')} conditions come first.`
    : `${saysNo} ${tallied}`;
}

const actorName = (scenario: Scenario, id: string) =>
  scenario.actors.find((x) => x.id === id)?.name ?? id;

/** Whether its commitment holds for this vote: made for this route, and its terms kept. */
function commitmentHolds(state: GameState, def: ActorDef, route: RouteDef, terms: RouteTerms) {
  const c = commitmentOf(state, def.id);
  if (!c || !isCommitted(state, def.id)) return false;
  if (c.route !== null && c.route !== route.kind) return false;
  return !breaksTerms(c.terms, terms);
}

/** How one member state of an actor votes on a route, with its reason. */
export function voteOf(
  scenario: Scenario,
  state: GameState,
  def: ActorDef,
  member: BlocMember,
  route: RouteDef,
  terms: RouteTerms,
  _mode: VoteMode,
): Ballot {
  const a = state.actors[def.id]!;
  const state_ = scenario.states.find((s) => s.id === member.state)?.name ?? member.state;
  // A divided Union votes more cautiously; a united one carries waverers along.
  const unityPull = Math.trunc((state.unity - 50) / 2);
  // The custodian's willingness is its fear of the loan's liability: on any other route it
  // votes its own view.
  const w = def.kind === 'custodian' && route.kind !== 'reparations-loan' ? a.own : a.w;
  let score = w + (def.routeAffinity[route.kind] ?? 0) + member.offset + unityPull;
  // Its red lines and its ways to stay out are guards of its machine: a ballot asks them first
  // (an actor without conditions has nothing to ask).
  const conditioned = !!def.conditions?.length;
  const facts = conditioned ? factsFor(scenario, state, def, terms, route.kind, score) : null;
  const asks = machineConditions(machineOf(def)).some((c) => c.redLine || c.ballot);
  const said =
    facts && asks
      ? step(def, a.machine, { type: 'ballot', facts } as never).emitted.map((e) => e.type)
      : [];
  const status = facts ? conditionStatus(def, facts) : [];
  const crossed = status.filter((s) => s.atStake && !s.met && s.condition.redLine);
  if (said.includes('against') && crossed.length)
    return {
      vote: 'no',
      reason: `${state_} will not cross its red line: ${unmetText(crossed.map((s) => s.condition))}.`,
    };
  const holds = commitmentHolds(state, def, route, terms);
  if (def.kind === 'veto-holder') {
    if (said.includes('stay-out'))
      return {
        vote: 'abstain',
        reason: `${state_} stays out: ${unmetText((def.conditions ?? []).filter((c) => c.ballot && c.code === 'opt-out'))}.`,
      };
    if (route.kind === 'joint-borrowing' && isCommitted(state, def.id))
      return { vote: 'abstain', reason: 'Its price was met, so it abstains rather than block.' };
    if (route.kind === 'asset-lock')
      return {
        vote: 'no',
        reason: `${state_} calls the lock unlawful: in its view freezing a state's reserves is a sanctions matter that needs every government's yes, and it says it will go to court.`,
      };
    return {
      vote: 'no',
      reason: `${state_} will not back money for Ukraine without concessions on energy and EU funds.`,
    };
  }
  if (def.kind === 'custodian' && route.kind === 'reparations-loan') {
    const f = belgiumFear(scenario, state, terms);
    const unmet = status.filter((s) => s.atStake && !s.met);
    if (holds || (unmet.length === 0 && f.fear <= f.threshold))
      return {
        vote: 'yes',
        reason: `${state_} consents: its conditions are met and its fear (${f.fear}) is within its tolerance (${f.threshold}).`,
      };
    return {
      vote: 'no',
      reason: `${state_} will not carry Euroclear's risk${unmet.length ? `: ${unmetText(unmet.map((s) => s.condition))}` : ''}; its fear is ${f.fear} against a tolerance of ${f.threshold}.`,
    };
  }
  const notes: string[] = [];
  if (unityPull <= -5) notes.push(`EU unity is low (${state.unity})`);
  if (holds) {
    score += 40;
    notes.push('it has committed');
  }
  // Conditions that are not red lines weigh on the vote, unless its commitment settled them.
  const unmet = status.filter(
    (s) => s.atStake && !s.met && !s.condition.redLine && !s.condition.ballot,
  );
  if (unmet.length && !holds) {
    score -= 15 * unmet.length;
    notes.push(unmetText(unmet.map((s) => s.condition)));
  }
  if (route.kind === 'reparations-loan') {
    if (terms.buyEuropean && (def.likes.buyEuropean ?? 0) > 0) score += 5;
    // An outright seizure (a scenario option): each actor weighs state immunity and the euro.
    if (def.onSeizure && isSeizure(route, terms)) {
      score += def.onSeizure;
      notes.push(
        def.onSeizure < 0
          ? 'it fears for state immunity and the euro'
          : 'it wants the assets seized',
      );
    }
  }
  if (route.kind === 'joint-borrowing') {
    const sized = route.sizes[0] && terms.size > route.sizes[0].size;
    if (sized && (def.routeAffinity['joint-borrowing'] ?? 0) < 0) {
      score -= 10;
      notes.push('it dislikes a larger joint debt');
    }
    // States with an opt-out carry no obligation: they stay out instead of voting against.
    if (said.includes('stay-out') && score < 0)
      return {
        vote: 'abstain',
        reason: `${state_} stays out: with the opt-out it carries no financial obligation.`,
      };
  }
  const why = notes.length ? ` (${notes.join('; ')})` : '';
  if (score >= 0) return { vote: 'yes', reason: `${state_} supports it${why}.` };
  if (score >= -25) return { vote: 'abstain', reason: `${state_} has doubts and abstains${why}.` };
  return {
    vote: 'no',
    reason: `${state_} is against${why || `: ${def.agenda.replace(/\.$/, '')}`}.`,
  };
}

function breaksTerms(promised: OfferTerms, tabled: RouteTerms): boolean {
  if (promised.guarantee && promised.guarantee !== tabled.guarantee) return true;
  if (promised.liquidity && !tabled.liquidity) return true;
  if (promised.legalShields && !tabled.legalShields) return true;
  return false;
}
