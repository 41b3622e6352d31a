import {
  actorDef,
  describeTerms,
  verb,
  TERM_KEYS,
  termsNotKept,
  type ActorDef,
  type ActorRuntime,
  type ActorState,
  type ActorUpdate,
  type GameState,
  type Intent,
  type OfferTerms,
  type Scenario,
  type Stance,
} from '../engine';
import { factsFor, termValue } from './conditions';
import { assessOffer, tallyText, voteOf, type OfferAssessment } from './decide';
import { RUSSIA_LEVELS } from './machines';
import { belgiumFear, changeParts, perceive, type Percept } from './perceive';
import { step } from './step';

// The actors' side of the engine contract: builds each actor's percept, steps its XState machine
// with the pure transition() API, and turns what the machines emit into intents for the engine.

/** Its machine's step on an offer so assessed, and whether it commits (a follower pledges). */
function onOffer(def: ActorDef, a: ActorState, x: OfferAssessment) {
  const s = step(def, a.machine, {
    type: 'offer',
    score: x.score,
    threshold: x.threshold,
    facts: x.facts,
  } as never);
  return {
    value: s.value,
    yes: def.kind === 'follower' ? s.value !== 'waiting' : s.value === 'committed',
  };
}

/**
 * Whether terms could be offered to it now: terms it has a say over, at least one, and none
 * that a route on the table leaves out (the rules refuse such an offer, engine/moves.ts).
 */
function offerable(scenario: Scenario, state: GameState, def: ActorDef, terms: OfferTerms) {
  const keys = TERM_KEYS.filter((k) => terms[k] !== undefined && terms[k] !== false);
  if (!keys.length || keys.some((k) => !def.terms.includes(k))) return false;
  return scenario.routes.every((r) => {
    const route = state.routes[r.id];
    return (
      !route ||
      route.status === 'draft' ||
      !route.terms ||
      !termsNotKept(r, route.terms, terms).length
    );
  });
}

function stanceOf(def: ActorDef, value: string, band: Percept['band']): Stance {
  if (def.kind === 'follower') return value === 'waiting' ? band : 'committed';
  if (def.kind === 'adversary') return 'opposed';
  return value as Stance;
}

const RUSSIA_TEXT = [
  '',
  'Moscow calls any use of its reserves theft and promises a response.',
  "Russia's central bank sues Euroclear in Moscow for the full value of its reserves.",
  "Moscow threatens to seize Western companies' assets still in Russia.",
  "Russia seizes Euroclear's EUR 16 bn of client assets held in Russia.",
];
const RUSSIA_MARKET = [0, 2, 5, 8, 15];
const HEARD = 3;

export const actorRuntime: ActorRuntime = {
  init(scenario, state, id) {
    const def = actorDef(scenario, id);
    const p = perceive(scenario, state, def, 3);
    const value =
      def.kind === 'follower'
        ? 'waiting'
        : def.kind === 'adversary'
          ? RUSSIA_LEVELS[Math.max(0, Math.min(4, state.russia))]!
          : p.band === 'opposed' || p.cap === null
            ? p.band
            : p.cap;
    return {
      machine: { value, context: {} },
      stance: stanceOf(def, value, p.band),
      w: p.w,
      own: p.own,
      lift: p.lift,
      reason: p.text().reason || def.agenda,
      wouldMove: p.text().wouldMove,
      sig: '',
    };
  },

  offer(scenario, state, id, terms, mood = 0) {
    const def = actorDef(scenario, id);
    const a = state.actors[id]!;
    const x = assessOffer(scenario, state, def, terms, mood);
    const s = onOffer(def, a, x);
    const accepted = s.yes;
    // A counter-offer is honest: terms it would accept at once, this week, in the same mood and
    // with this refusal counted against the next offer. If even those would not pass, it is a
    // no that says so.
    let counter: OfferTerms | null = null;
    let counterText = '';
    if (!accepted && x.counter && offerable(scenario, state, def, x.counter)) {
      const after = {
        ...state,
        actors: { ...state.actors, [id]: { ...a, refusals: a.refusals + 1 } },
      };
      const y = assessOffer(scenario, after, def, x.counter, mood);
      const yes = onOffer(def, a, y).yes;
      if (yes) counter = x.counter;
      counterText = `${verb(def, 'It', 'They')} would say ${yes ? 'yes' : 'no even'} to ${describeTerms(x.counter)} ${yes ? 'until the week ends' : 'this week'}: ${tallyText(def, y.tally, true)}`;
    }
    const verdict = accepted ? 'accept' : counter ? 'counter' : 'reject';
    // An acceptance shows its tally too, unless its reason already weighs the price.
    const reason = accepted
      ? x.tally.yardstick === 'price'
        ? x.acceptReason
        : `${x.acceptReason} ${tallyText(def, x.tally)}`
      : counterText
        ? `${x.refuseReason} ${counterText}`
        : x.refuseReason;
    return {
      verdict,
      reason,
      wouldChange: x.wouldChange,
      counter,
      condition: x.condition,
      route: x.route,
      // A refused offer was at least heard; only an accepted one moves the actor much.
      effect: accepted ? x.effect : Math.min(x.effect, HEARD),
      pledge: accepted ? x.pledge : null,
      update: {
        machine: { value: s.value, context: a.machine.context },
        stance: accepted ? 'committed' : a.stance,
        w: a.w,
        own: a.own,
        lift: a.lift,
        reason: accepted ? x.acceptReason : a.reason,
        wouldMove: x.wouldChange || a.wouldMove,
        sig: a.sig,
      },
    };
  },

  vote(scenario, state, id, member, route, terms, mode) {
    return voteOf(scenario, state, actorDef(scenario, id), member, route, terms, mode);
  },

  sound(scenario, state, id) {
    const def = actorDef(scenario, id);
    const a = state.actors[id]!;
    let text = `${def.drivers} ${a.reason}`;
    if (def.kind === 'custodian') {
      const f = belgiumFear(scenario, state);
      text += ` Its fear adds up as: ${f.parts
        .filter((p) => p.points !== 0)
        .map((p) => `${p.label} ${p.points > 0 ? '+' : ''}${p.points}`)
        .join(', ')}.`;
    }
    return { text, wouldMove: a.wouldMove };
  },

  promiseBroken(scenario, state, id) {
    const def = actorDef(scenario, id);
    const a = state.actors[id]!;
    const s = step(def, a.machine, { type: 'promise.broken' });
    const band = a.w < -40 ? 'opposed' : a.w < 0 ? 'wary' : a.w < 40 ? 'conditional' : 'supportive';
    return {
      machine: { value: s.value, context: a.machine.context },
      stance: stanceOf(def, s.value, band),
      w: Math.max(-100, a.w - 20),
      own: Math.max(-100, a.own - 20),
      lift: a.lift,
      reason: `${def.name} no longer trusts your word: a promise made to it was broken.`,
      wouldMove: 'A new offer, kept this time.',
      sig: '',
    };
  },

  week(scenario, state, rolls) {
    const updates: Record<string, ActorUpdate> = {};
    const intents: Intent[] = [];
    for (const id of state.actorOrder) {
      const def = actorDef(scenario, id);
      const a = state.actors[id]!;
      const roll = rolls.actor[id] ?? 50;
      const p = perceive(scenario, state, def, roll);
      let machine = a.machine;
      let sig = a.sig;
      const run = (event: { type: string }) => {
        const s = step(def, machine, event);
        machine = { value: s.value, context: machine.context };
        return s.emitted;
      };
      switch (def.kind) {
        case 'adversary': {
          if (state.provocation > 0) {
            for (const e of run({ type: 'provoked', points: state.provocation, roll } as never)) {
              const level = e.level ?? state.russia;
              intents.push({
                type: 'escalate',
                actor: id,
                level,
                text: RUSSIA_TEXT[level] ?? '',
                reason:
                  'Each European step toward using the assets pushes Moscow one rung up its ladder of retaliation; what it says is its own claim.',
              });
              intents.push({
                type: 'meter',
                actor: id,
                market: RUSSIA_MARKET[level] ?? 0,
                unity: 0,
                cause: 'Russian retaliation',
              });
            }
          }
          break;
        }
        case 'follower': {
          // Its conditions (the EU using the assets) are guards of its machine.
          const facts = factsFor(scenario, state, def, {}, 'reparations-loan', p.w);
          const nextSig = `${p.w >= 20}|${facts.assetsUsed}|${p.w < 0}`;
          if (nextSig !== sig) {
            sig = nextSig;
            for (const e of run({ type: 'percept', w: p.w, facts } as never)) {
              if (e.type === 'pledge')
                intents.push({
                  type: 'pledge',
                  actor: id,
                  amount: def.pledge,
                  condition: 'eu-route-adopted',
                  conditionText: def.pledgeOn?.text ?? 'if an EU route is decided',
                  reason: `${def.name} moves in lockstep with the EU: its pledge becomes real ${def.pledgeOn?.text ?? 'once the EU has decided'}.`,
                });
              else
                intents.push({
                  type: 'pledge.withdraw',
                  actor: id,
                  reason: `${def.name} has cooled (${p.w}) while what it waits for is not in sight.`,
                });
            }
          }
          break;
        }
        default: {
          if (machine.value === 'committed') {
            if (def.kind === 'veto-holder') {
              const c = state.commitments.find((x) => x.actor === id);
              const paid = c ? termValue(def, c.terms) : 0;
              if (paid < state.hungaryPrice) {
                run({ type: 'price.rise', paid, price: state.hungaryPrice } as never);
                if (machine.value !== 'committed')
                  intents.push({
                    type: 'commitment.lapse',
                    actor: id,
                    reason: `Budapest raises its price to ${state.hungaryPrice}: what it was given (${paid}) no longer covers it, so it can block again.`,
                  });
              }
            }
            break;
          }
          const nextSig = `${p.band}|${p.cap ?? ''}`;
          if (nextSig !== sig) {
            sig = nextSig;
            run({ type: 'percept', band: p.band, cap: p.cap } as never);
          }
          if (def.kind === 'patron' && p.w < -40) {
            const push = -Math.trunc(-p.w / 12);
            for (const target of scenario.actors) {
              if (target.follows.some((f) => f.actor === id) && target.kind !== 'aligned')
                intents.push({
                  type: 'effect',
                  actor: id,
                  target: target.id,
                  amount: push,
                  cause: 'US lobbying',
                });
            }
          }
        }
      }
      // Words are built only when the stance changes: they are the log's record of the decision.
      const stance = stanceOf(def, machine.value, p.band);
      const text = stance !== a.stance ? p.text() : null;
      updates[id] = {
        machine,
        stance,
        w: p.w,
        own: p.own,
        lift: p.lift,
        // Russia's willingness is -100 whatever happens: nothing moved it.
        parts: def.kind === 'adversary' ? [] : changeParts(a, p),
        reason: text ? text.reason : a.reason,
        wouldMove: text ? text.wouldMove : a.wouldMove,
        sig,
      };
    }
    return { updates, intents };
  },
};
