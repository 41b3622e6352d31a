import {
  commitmentOf,
  isCommitted,
  isSeizure,
  seizureTabled,
  possessive,
  routeOfKind,
  verb,
  type ActorDef,
  type Ballot,
  type BlocMember,
  type GameState,
  type OfferTerms,
  type Pledge,
  type RouteDef,
  type RouteTerms,
  type Scenario,
  type TermKey,
  type VoteMode,
} from '../engine';
import { belgiumConditions, belgiumFear, TERM_NAMES } from './perceive';

// What each actor makes of an offer and how it votes. Offers are scored here; whether the score
// is enough to commit is the machine's decision (its `acceptable` guard).

export interface OfferAssessment {
  score: number;
  threshold: number;
  unmet: string[];
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

const ACCEPT_AT = 10;
/** Asking again after a no sells less well each time. */
const FATIGUE = 5;

/** An actor that will not take part in an outright seizure (ActorDef's optional onSeizure). */
const opposesSeizure = (def: ActorDef): boolean => (def.onSeizure ?? 0) < 0;

/** What a package of terms is worth to an actor, by its likes. */
export function termValue(def: ActorDef, terms: OfferTerms): number {
  let v = 0;
  for (const k of Object.keys(terms) as TermKey[]) {
    if (terms[k] === undefined || terms[k] === false) continue;
    v += def.likes[k] ?? 0;
  }
  return v;
}

/** The scenario's loan against the assets, by its own name ("the Reparations Loan"). */
const loanName = (scenario: Scenario) => {
  const name = routeOfKind(scenario, 'reparations-loan')?.name;
  return name ? `the ${name}` : 'a loan against the assets';
};

const names = (keys: string[]) => keys.map((k) => TERM_NAMES[k] ?? k).join(', ');

/**
 * How an offer was judged, in numbers the player can check against the actor's card: its
 * willingness (-100..+100) plus what this offer is worth to it, against the bar to accept.
 */
const judged = (def: ActorDef, w: number, value: number) =>
  `${verb(def, 'its', 'their')} willingness of ${w} and this offer's worth of ${value} add up to ${w + value}; ${verb(def, 'it needs', 'they need')} ${ACCEPT_AT}`;

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
  // Belgium (its fear) and Hungary (its price) judge by their own explicit yardsticks.
  const value = termValue(def, terms) + mood - FATIGUE * a.refusals;
  const base: OfferAssessment = {
    score: a.w + value,
    threshold: ACCEPT_AT,
    unmet: [],
    counter: null,
    effect: Math.trunc(value / 2) + 2,
    acceptReason: `${def.name} accepts: the package meets its needs.`,
    refuseReason: `${def.name} ${verb(def, 'is', 'are')} not yet willing enough: ${judged(def, a.w, value)}.`,
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
      const missing: OfferTerms = {};
      if (terms.guarantee !== 'uncapped') missing.guarantee = 'uncapped';
      if (!terms.liquidity) missing.liquidity = true;
      if (!terms.legalShields) missing.legalShields = true;
      const ok = f.fear <= f.threshold;
      return {
        ...base,
        score: ok ? 100 : 0,
        threshold: 1,
        unmet: ok ? [] : ['fear above tolerance'],
        counter: !ok && Object.keys(missing).length ? { ...terms, ...missing } : null,
        effect: 3,
        acceptReason: `${def.name} consents to ${loanName(scenario)} on these terms: its fear (${f.fear}) is within its tolerance (${f.threshold}). ${belgiumConditions(f)}`,
        refuseReason: `With these terms ${possessive(def.name)} fear would still be ${f.fear}, above its tolerance of ${f.threshold}. ${belgiumConditions(f)}`,
        wouldChange: `More guarantors committed (coverage ${f.coverage}%), uncapped risk-sharing, liquidity on demand, legal shields, and other holders joining.`,
        condition: 'as long as the tabled loan keeps these terms',
      };
    }
    case 'veto-holder': {
      const paid = termValue(def, terms);
      const ok = paid >= state.hungaryPrice;
      return {
        ...base,
        score: paid,
        threshold: state.hungaryPrice,
        unmet: [],
        counter: ok ? null : { energyAssurance: true, fundsConcession: true },
        effect: Math.trunc(paid / 3),
        acceptReason: `Hungary will not block: the concessions (worth ${paid}) meet its price (${state.hungaryPrice}).`,
        refuseReason: `Hungary wants more: these concessions are worth ${paid} to it, its price is ${state.hungaryPrice}.`,
        wouldChange: 'An energy assurance together with released EU funds.',
        condition: 'it abstains on acts needing unanimity while its price is met',
      };
    }
    case 'patron': {
      // With a seizure tabled there is no chip left to bargain with (only with `onSeizure`).
      const seized = opposesSeizure(def) && seizureTabled(scenario, state);
      return {
        ...base,
        score: a.w + value,
        threshold: -10,
        unmet: seized ? ['the assets are being seized'] : [],
        effect: value,
        acceptReason:
          'Washington drops its opposition in exchange for a role in rebuilding Ukraine.',
        refuseReason: seized
          ? 'Washington will not deal: with the assets being seized, there is nothing left to bargain with.'
          : `Washington is not interested at this price: ${judged(def, a.w, value)}.`,
        wouldChange: 'A role in reconstruction.',
        condition: `the US stops lobbying and joins once the EU decides, as long as ${loanName(scenario)} is not tabled`,
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
      const unmet: string[] = [];
      const leader = def.follows[0]?.actor ?? 'us';
      if (state.actors[leader]?.stance === 'opposed') unmet.push('the US is opposed');
      if (state.g7Basis < 2) unmet.push('the G7 has no common line yet');
      if (opposesSeizure(def) && seizureTabled(scenario, state))
        unmet.push('it will not take part in an outright seizure');
      const score = a.w + value;
      return {
        ...base,
        score,
        threshold: 40,
        unmet,
        counter: null,
        effect: Math.trunc(value / 2),
        acceptReason: `Japan joins: with the US not opposed and a common G7 line, it lends its share for non-military use.`,
        refuseReason: unmet.length
          ? `Japan will not move yet: ${unmet.join(' and ')}.`
          : `Japan is not yet convinced (${score}, needs 40).`,
        wouldChange:
          'A US shift, a common G7 line, and a clause keeping its money away from weapons.',
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
    case 'follower':
      return {
        ...base,
        score: a.w + value + 5,
        threshold: 20,
        acceptReason: `${def.name} pledges, in lockstep with the EU.`,
        refuseReason: `${def.name} wants to see more European resolve first (${a.w + value + 5}, needs 20).`,
        wouldChange: 'G7 coordination and an EU route on the table.',
        condition: def.pledgeOn?.text ?? 'once an EU route is decided',
        pledge: def.pledge
          ? {
              amount: def.pledge,
              condition: 'eu-route-adopted',
              conditionText: def.pledgeOn?.text ?? 'if an EU route is decided',
            }
          : null,
      };
    case 'government':
    default: {
      const unmet: string[] = [];
      let counter: OfferTerms | null = null;
      if (def.id === 'ecb' && terms.liquidity)
        unmet.push('the ECB cannot act as lender of last resort');
      if ((def.id === 'france' || def.id === 'italy') && terms.guarantee === 'uncapped') {
        unmet.push('no uncapped guarantee');
        counter = { ...terms, guarantee: 'capped' };
      }
      if (
        def.id === 'france' &&
        terms.guarantee &&
        (!terms.excludeFrenchBanks || !terms.buyEuropean)
      ) {
        unmet.push("French banks' holdings left out and a buy-European clause");
        counter = { ...terms, guarantee: 'capped', excludeFrenchBanks: true, buyEuropean: true };
      }
      if (def.id === 'swing' && !terms.optOut && a.w + value < 30) {
        unmet.push('an opt-out from guarantees');
        counter = { ...terms, optOut: true };
      }
      const score = a.w + value;
      const usOpposed = state.actors.us?.stance === 'opposed';
      const refuse = unmet.length
        ? `${def.name} says no: ${unmet.join('; ')}.`
        : def.follows.some((f) => f.actor === 'us') && usOpposed
          ? `${def.name} ${verb(def, 'hears Washington: it will', 'hear Washington: they will')} not risk a row with the US for this: ${judged(def, a.w, value)}.`
          : `${def.name} ${verb(def, 'is', 'are')} not yet willing enough: ${judged(def, a.w, value)}.`;
      const guaranteeText = terms.guarantee
        ? `${def.guaranteeWith.length ? `if ${def.guaranteeWith.map((id) => scenario.actors.find((x) => x.id === id)?.name ?? id).join(' and ')} ${def.guaranteeWith.length === 1 ? 'joins' : 'join'} too` : ''}`
        : '';
      return {
        ...base,
        score,
        unmet,
        counter:
          counter ??
          (score < ACCEPT_AT && !terms.buyEuropean && def.terms.includes('buyEuropean')
            ? { ...terms, buyEuropean: true }
            : null),
        acceptReason: terms.guarantee
          ? `${def.name} ${verb(def, 'joins', 'join')} the guarantee coalition (${def.guaranteeKey}% of the loan's guarantees, ${terms.guarantee})${guaranteeText ? ` ${guaranteeText}` : ''}.`
          : `${def.name} ${verb(def, 'accepts', 'accept')} and will back the plan.`,
        refuseReason: refuse,
        wouldChange: `Terms it values: ${names(Object.keys(def.likes).filter((k) => (def.likes[k as TermKey] ?? 0) > 0))}; pressure, legal work, and the partners it follows.`,
        condition: guaranteeText,
      };
    }
  }
}

/** How one member state of an actor votes on a route, with its reason. */
export function voteOf(
  scenario: Scenario,
  state: GameState,
  def: ActorDef,
  member: BlocMember,
  route: RouteDef,
  terms: RouteTerms,
  mode: VoteMode,
): Ballot {
  const a = state.actors[def.id]!;
  const state_ = scenario.states.find((s) => s.id === member.state)?.name ?? member.state;
  const committed = isCommitted(state, def.id);
  const commitment = commitmentOf(state, def.id);
  // Consent to lend against the assets is not consent to take them (only where a size is
  // marked `seize` and the actor's onSeizure is negative).
  const seizureRefused = opposesSeizure(def) && isSeizure(route, terms);
  if (def.kind === 'veto-holder') {
    if (route.kind === 'joint-borrowing' && committed)
      return {
        vote: mode === 'enhanced' ? 'abstain' : 'abstain',
        reason: 'Its price was met, so it abstains rather than block.',
      };
    return {
      vote: 'no',
      reason: `${state_} will not back money for Ukraine without concessions on energy and EU funds.`,
    };
  }
  if (def.kind === 'custodian' && route.kind === 'reparations-loan') {
    const f = belgiumFear(scenario, state, terms);
    if (
      (committed &&
        !seizureRefused &&
        commitment?.terms &&
        !breaksTerms(commitment.terms, terms)) ||
      f.fear <= f.threshold
    )
      return {
        vote: 'yes',
        reason: `Belgium consents: its fear (${f.fear}) is within its tolerance (${f.threshold}).`,
      };
    return {
      vote: 'no',
      reason: `Belgium will not carry Euroclear's risk: fear ${f.fear} against a tolerance of ${f.threshold}. ${belgiumConditions(f)}`,
    };
  }
  // A divided Union votes more cautiously; a united one carries waverers along.
  const unityPull = Math.trunc((state.unity - 50) / 2);
  let score = a.w + (def.routeAffinity[route.kind] ?? 0) + member.offset + unityPull;
  const notes: string[] = [];
  if (unityPull <= -5) notes.push(`EU unity is low (${state.unity})`);
  if (committed && !seizureRefused) {
    score += 40;
    notes.push('it has committed');
  }
  if (route.kind === 'reparations-loan') {
    if ((def.id === 'france' || def.id === 'italy') && terms.guarantee === 'uncapped') {
      score -= 40;
      notes.push('it refuses uncapped guarantees');
    }
    if (def.id === 'france' && !terms.excludeFrenchBanks) {
      score -= 15;
      notes.push("French banks' holdings would be included");
    }
    if (terms.buyEuropean && (def.likes.buyEuropean ?? 0) > 0) score += 5;
    // An outright seizure (a scenario option): each actor weighs state immunity and the euro.
    if (def.onSeizure && isSeizure(route, terms)) {
      score += def.onSeizure;
      notes.push(
        def.onSeizure < 0
          ? `it fears for state immunity and the euro${committed ? ', and it committed to a loan, not a seizure' : ''}`
          : 'it wants the assets seized',
      );
    }
  }
  if (route.kind === 'joint-borrowing') {
    const sized = route.sizes[0] && terms.size > route.sizes[0].size;
    if (sized && def.id === 'mainstream') {
      score -= 10;
      notes.push('frugal members dislike a larger joint debt');
    }
    if (terms.optOut && member.offset < 0) {
      // States with an opt-out carry no obligation: they stay out instead of voting against.
      if (score < 0)
        return {
          vote: 'abstain',
          reason: `${state_} stays out: with the opt-out it carries no financial obligation.`,
        };
    }
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
