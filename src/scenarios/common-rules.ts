import type { ConditionDef, Nudge, OfferEffect, RouteKind, TableEffect } from '../engine';

// Rules the three scenarios share, as data: who reacts to G7 coordination, legal work, tabling
// and some promises. A scenario may use them, change them or leave them out.

/** Tokyo and the G7 partners that act with the EU warm to a joint G7 line. */
export const G7_NUDGES = (partners: readonly string[]): Nudge[] =>
  partners.map((actor) => ({ actor, amount: actor === 'japan' ? 8 : 5, cause: 'G7 coordination' }));

/** A sounder legal basis calms the ECB and Italy. */
export const LEGAL_WORK_NUDGES: Nudge[] = [
  { actor: 'ecb', amount: 6, cause: 'legal work' },
  { actor: 'italy', amount: 6, cause: 'a more solid legal basis' },
];

/** A role for the US in reconstruction buys its consent at the cost of Berlin's and Kyiv's. */
export const US_RECONSTRUCTION: OfferEffect = {
  terms: ['reconstructionRole'],
  unity: -12,
  nudges: [
    { actor: 'ukraine', amount: -15, cause: 'a US reconstruction role' },
    // Berlin wants European money spent on Ukraine, not on a US-run fund.
    { actor: 'germany', amount: -20, cause: 'a US cut of reconstruction' },
    { actor: 'hawks', amount: -15, cause: 'a US cut of reconstruction' },
    { actor: 'france', amount: -8, cause: 'a US cut of reconstruction' },
  ],
  actor: 'us',
  text: 'European capitals and Kyiv bristle at a US cut of reconstruction.',
  reason:
    "Giving Washington a role in reconstruction buys its consent at the cost of EU unity and of Ukraine's trust.",
};

/** Paying Budapest's price costs some unity and annoys the hawks. */
export const BUDAPEST_CONCESSIONS: OfferEffect = {
  terms: ['energyAssurance', 'fundsConcession'],
  unity: -4,
  nudges: [{ actor: 'hawks', amount: -5, cause: 'concessions to Budapest' }],
};

/** Uncapped guarantees on the table alarm Paris and Rome, who would share an open-ended risk. */
export const UNCAPPED_ON_THE_TABLE: TableEffect = {
  when: 'uncapped',
  nudges: [
    { actor: 'france', amount: -12, cause: 'uncapped guarantees on the table' },
    { actor: 'italy', amount: -12, cause: 'uncapped guarantees on the table' },
  ],
};

/** A larger joint debt than the smallest size worries the mainstream governments. */
export const LARGER_JOINT_DEBT: TableEffect = {
  when: 'above-smallest',
  nudges: [{ actor: 'mainstream', amount: -8, cause: 'a larger joint debt' }],
};

// ---------------------------------------------------------------- conditions and red lines
// Each is a guard of its actor's machine (src/actors/machines.ts); the words are shown met or
// unmet in "Why?" and "How it decides". Sources: facts.md sections 3 and its review notes.

const LOAN: RouteKind[] = ['reparations-loan'];

/** Belgium's three conditions (S80, S81, S103, S170-S172): the talks broke on "uncapped". */
export const CUSTODIAN_CONDITIONS = (
  guarantors: { id: string; name: string }[],
  holders: number,
): ConditionDef[] => [
  {
    code: 'risk-shared',
    routes: LOAN,
    actors: guarantors.map((g) => g.id),
    text: `Full risk-sharing from day one: uncapped guarantees from the large states, ${guarantors.map((g) => g.name).join(', ')}`,
    remedy: `Uncapped guarantees committed by ${guarantors.map((g) => g.name).join(', ')}, and the loan tabled with them.`,
  },
  {
    code: 'liquidity',
    routes: LOAN,
    text: 'Cash on demand if Euroclear has to pay out',
    remedy:
      'A liquidity mechanism in the loan, funded by the member states (the ECB will not provide one).',
  },
  {
    code: 'holders-join',
    routes: LOAN,
    min: holders,
    text: `The other holders of Russian assets taking part (at least ${holders})`,
    remedy:
      'Other holders joining: France leaving its banks’ holdings in, or the UK, Canada or Japan pledging.',
  },
];

/** France and Italy would not sign guarantees without a limit (S29, S103, S31). */
export const NO_UNCAPPED = (unless: number): ConditionDef => ({
  code: 'no-uncapped',
  routes: LOAN,
  unless,
  text: 'No guarantee without a limit: its public debt is already high',
  remedy: `Capped guarantees; only if it were very willing (${unless} or more) would it sign without a limit.`,
});

/** France: only Euroclear's cash, not French banks' holdings, and European weapons (S29, S178). */
export const FRENCH_BANKS_OUT: ConditionDef = {
  code: 'own-banks-out',
  routes: LOAN,
  text: 'Only Euroclear’s cash used, not French banks’ holdings, and the money spent on European-made weapons',
  remedy: 'Leave French banks’ holdings out and add a “buy European” clause.',
};

/** The ECB refused to be Euroclear's lender of last resort: monetary financing (S86-S88). */
export const ECB_INDEPENDENCE: ConditionDef = {
  code: 'no-ecb-backstop',
  redLine: true,
  text: 'The Treaties bar it from financing governments, so it cannot be Euroclear’s lender of last resort',
  remedy: 'Leave the ECB out of any liquidity mechanism; legal shields and legal work reassure it.',
};

/** Germany, France, Belgium and the ECB reject outright seizure (facts.md review notes). */
export const NO_SEIZURE: ConditionDef = {
  code: 'no-seizure',
  redLine: true,
  routes: LOAN,
  text: 'No outright seizure: the assets must stay legally Russian (state immunity, the euro’s standing)',
  remedy: 'A loan that uses the assets without taking them.',
};

/** Japan will not move before Washington, and wants a common G7 line (S34, S62). */
export const FOLLOWS_WASHINGTON = (leader: string, leaderName: string): ConditionDef[] => [
  {
    code: 'leader-not-opposed',
    actors: [leader],
    text: `${leaderName} is no longer opposed`,
    remedy: `A shift in ${leaderName}’s position.`,
  },
  {
    code: 'g7-line',
    min: 2,
    text: 'A common G7 line, each partner under its own law',
    remedy: 'G7 coordination until the partners agree a common line.',
  },
];

/** The UK and Canada act in lockstep when the EU uses the immobilised assets (S36, S198, S202). */
export const EU_USES_ASSETS: ConditionDef = {
  code: 'assets-used',
  text: 'The EU itself using the immobilised assets: joint borrowing alone does not trigger its money',
  remedy: 'An EU loan against the assets adopted and paying.',
};

/** Hungary: a price for each act, and an opt-out with no obligation (S3, S101, S20, S21). */
export const HUNGARY_CONDITIONS: ConditionDef[] = [
  {
    code: 'price-met',
    text: 'Concessions worth its price: its energy supplies secured and its frozen EU funds released',
    remedy: 'An energy assurance together with released EU funds.',
  },
  {
    code: 'opt-out',
    ballot: true,
    routes: ['joint-borrowing'],
    text: 'No financial obligation for Hungary: with an opt-out it stays out rather than block',
    remedy: 'Joint borrowing tabled with an opt-out for the states that do not take part.',
  },
];

/** The swing states want to stay out of the payments (Czechia, Slovakia; S20, S21). */
export const SWING_OPT_OUT = (unless: number): ConditionDef[] => [
  {
    code: 'opt-out',
    unless,
    text: 'An opt-out from guarantees and payments',
    remedy: `An opt-out (or a willingness of ${unless} or more without one).`,
  },
  {
    code: 'opt-out',
    ballot: true,
    routes: ['joint-borrowing'],
    text: 'With an opt-out, its most reluctant members stay out rather than vote against',
    remedy: 'Joint borrowing tabled with an opt-out.',
  },
];

/** Public pressure cannot move an independent central bank (S86). */
export const INDEPENDENT = {
  percent: 0,
  why: 'The ECB is independent: public campaigns do not move its mandate.',
};

/** Ukraine blocks nothing: pressure on Kyiv would only hurt the country the money is for. */
export const BLOCKS_NOTHING = {
  percent: 0,
  why: 'Ukraine blocks nothing: pressure on Kyiv would only hurt the country the money is for.',
};

/** The Commission has little public leverage over Washington. */
export const FAR_FROM_BRUSSELS = {
  percent: 25,
  why: 'European public opinion weighs little in Washington',
};

/** SAFE binds no government to borrow: Hungary abstained on it in May 2025 (S226, S227). */
export const HUNGARY_ON_SAFE: ConditionDef[] = [
  HUNGARY_CONDITIONS[0]!,
  {
    code: 'opt-out',
    ballot: true,
    routes: ['joint-borrowing'],
    unless: -100,
    text: 'Defence loans that no government has to take: it abstains rather than block, as it did on SAFE',
    remedy: 'Nothing needed: it stays out of loans it does not have to take.',
  },
];
