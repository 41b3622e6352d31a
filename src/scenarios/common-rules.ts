import type { Nudge, OfferEffect, TableEffect } from '../engine';

// Rules the three scenarios share, as data: who reacts to G7 coordination, legal work, tabling
// and some promises. A scenario may use them, change them or leave them out.

/** Tokyo and the G7 partners that act with the EU warm to a joint G7 line. */
export const G7_NUDGES = (partners: readonly string[]): Nudge[] =>
  partners.map((actor) => ({ actor, amount: actor === 'japan' ? 8 : 5, cause: 'G7 coordination' }));

/** A sounder legal basis calms the ECB and Italy. */
export const LEGAL_WORK_NUDGES: Nudge[] = [
  { actor: 'ecb', amount: 6, cause: 'legal work' },
  { actor: 'italy', amount: 3, cause: 'a more solid legal basis' },
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
