import {
  euRouteDecided,
  type Game,
  type GameState,
  type Move,
  type OfferTerms,
  type RouteTerms,
} from '../engine';
import { firstLegal, type Policy } from './tactics';

// The path governments really took (game.md section 11: "the path the governments really took
// (`history`) ends as history did"), as a week-by-week script of the moves that stand for what
// happened, with the dates of facts.md (shared/design). Each week it plays the moves of its
// script that the engine accepts, then ends the week; it never reacts to the game beyond that,
// as a replay of the record would not. Only where the real record is clear: the December Summit
// and the London Talks (Washington Opens Talks did not happen).

const END: Move = { type: 'week.end' };

/** A script: the moves that stand for each week's real events, in the order they happened. */
type Script = (game: Game, state: GameState) => (Move | false)[];

function scripted(script: Script): Policy {
  return (game, state) => firstLegal(game, state, script(game, state)) ?? END;
}

// ---- The December Summit (weeks from Monday 24 November 2025) ----

/**
 * The Commission's Reparations Loan texts of 3 December 2025: EUR 90 bn for 2026-27, national
 * guarantees capped at each state's share, a liquidity mechanism and legal shields for Belgium
 * (non-recognition of foreign judgments, exit from investment treaties), money spent on European
 * defence industry first. French banks' holdings were not left out.
 */
const DEC_LOAN: RouteTerms = {
  size: 90,
  guarantee: 'capped',
  liquidity: true,
  legalShields: true,
  buyEuropean: true,
};
/** What Belgium was offered up to the summit: capped guarantees, liquidity, legal shields. */
const DEC_BELGIUM: OfferTerms = { guarantee: 'capped', liquidity: true, legalShields: true };
/**
 * The European Council's loan of 18-19 December 2025: EUR 90 bn of joint borrowing by enhanced
 * cooperation, Czechia, Hungary and Slovakia carrying no obligation (an opt-out), its defence
 * money spent with European suppliers first (the Council's position of 4 February 2026).
 */
const DEC_JOINT: RouteTerms = { size: 90, optOut: true, buyEuropean: true };

const december: Script = (game, state) => {
  const w = state.week;
  const sound = (actor: string): Move | false =>
    w === 1 && !state.actors[actor]!.sounded && { type: 'actor.sound', actor };
  return [
    // Late Nov: the capitals answer the Commission's options letter of 17 Nov; De Wever's of
    // 27 Nov sets out Belgium's conditions, Merz and Macron back the loan on theirs.
    sound('belgium'),
    sound('germany'),
    sound('france'),
    // 3 Dec: the Commission tables its Reparations Loan texts and offers Belgium its shields.
    w === 2 && { type: 'route.table', route: 'reparations', terms: DEC_LOAN },
    w >= 2 && w <= 4 && { type: 'offer.make', actor: 'belgium', terms: DEC_BELGIUM },
    // 12 Dec: the assets are locked by qualified majority under Article 122.
    w === 3 && { type: 'route.table', route: 'art122-lock', terms: { size: 210 } },
    w === 3 && { type: 'vote.call', route: 'art122-lock', mode: 'qmv' },
    // 18-19 Dec: the loan stalls over Belgium's guarantees and is never put to a vote; leaders
    // agree joint borrowing by enhanced cooperation instead.
    w === 4 && { type: 'route.table', route: 'eu-borrowing', terms: DEC_JOINT },
    w === 4 && { type: 'vote.call', route: 'eu-borrowing', mode: 'enhanced' },
    // The EU decision gives the IMF its financing assurances: its new programme follows (board
    // on 26 Feb). Nobody pays Hungary's price or replaces the budget-headroom act with national
    // guarantees when it vetoes from 20 Feb, and the March summit fails to lift the veto.
    w >= 5 && euRouteDecided(game.scenario, state) && { type: 'bridge.request', source: 'lender' },
  ];
};

// ---- The London Talks (weeks from Monday 17 March 2025) ----

/**
 * SAFE as adopted: EUR 150 bn of EU loans for joint arms purchases from European makers first,
 * backed by the EU budget, not by national guarantees.
 */
const SAFE: RouteTerms = { size: 150, buyEuropean: true, optOut: true };

const london: Script = (_game, state) => {
  const w = state.week;
  return [
    // 19 Mar: the Commission proposes SAFE (its text can be tabled from week 2).
    w >= 2 &&
      state.routes.safe!.status === 'draft' && {
        type: 'route.table',
        route: 'safe',
        terms: SAFE,
      },
    // 27 May: the Council adopts SAFE by qualified majority, Hungary abstaining. Nobody seizes
    // or lends the assets by 31 July, and the lock only comes in December.
    w === 11 && { type: 'vote.call', route: 'safe', mode: 'qmv' },
  ];
};

/** The history player of each scenario whose real path is on record. */
export const HISTORY_POLICIES: Record<string, Policy> = {
  'december-summit': scripted(december),
  'london-talks': scripted(london),
};
