// The glossary shown one click or key away in every scenario: short, plain explanations for a
// 15-year-old, written for this game (the terms follow the research sheet's glossary).

export interface GlossaryEntry {
  term: string;
  text: string;
}

export const glossary: readonly GlossaryEntry[] = [
  {
    term: 'Immobilised assets',
    text: 'Money or bonds that may not be moved or used. The owner still owns them; they are just locked. This is what happened to Russia’s central-bank reserves in 2022.',
  },
  {
    term: 'Confiscation (seizure)',
    text: 'Taking ownership away from the owner for good. Most EU governments and the European Central Bank say doing this to another country’s central bank would break international law.',
  },
  {
    term: 'State immunity',
    text: 'The rule that one country’s courts cannot judge another country or take its property. Central-bank reserves are especially well protected by it.',
  },
  {
    term: 'Countermeasures',
    text: 'Steps a country harmed by another may take to make it stop and repair the damage, even if they would normally be unlawful. They are meant to be temporary. Supporters of the loan lean on this idea.',
  },
  {
    term: 'Reparations',
    text: 'Compensation a country must pay for damage it caused unlawfully. The damage in Ukraine is estimated at over USD 480 bn.',
  },
  {
    term: 'Euroclear',
    text: 'A company in Brussels that keeps track of who owns which bonds and settles trades between banks. Most of Russia’s blocked reserves sit there, now mostly as cash.',
  },
  {
    term: 'Cash balances',
    text: 'The cash that piled up at Euroclear as Russia’s blocked bonds matured. It is the raw material of the Reparations Loan.',
  },
  {
    term: 'Windfall profits',
    text: 'The interest Euroclear earns by reinvesting the blocked cash. The EU says this is not Russian property and already sends most of it to Ukraine.',
  },
  {
    term: 'ERA loans',
    text: 'The G7’s USD 50 bn of loans to Ukraine (2024–27), paid back from future windfall profits rather than by Ukraine.',
  },
  {
    term: 'Reparations Loan',
    text: 'The Commission’s 2025 plan: borrow the cash balances from Euroclear, lend them to Ukraine, and let Ukraine repay only if Russia pays reparations.',
  },
  {
    term: 'Guarantee',
    text: 'A promise by governments to pay if something goes wrong. Belgium wanted guarantees without an upper limit (uncapped), binding and immediate; France and Italy would only sign capped ones.',
  },
  {
    term: 'Liquidity mechanism',
    text: 'A way to get cash at once if a claim falls due. The European Central Bank refused to be that source, because central banks may not fund governments.',
  },
  {
    term: 'Budget headroom',
    text: 'The gap between what the EU budget actually spends and the most it is allowed to ask of its members. It can back EU borrowing; changing it needs every government to agree.',
  },
  {
    term: 'Joint EU borrowing',
    text: 'The European Commission raising money on the markets in the EU’s name, as it did for the COVID recovery and for the EUR 90 bn Ukraine loan.',
  },
  {
    term: 'Article 122',
    text: 'An emergency clause of the EU treaties that lets governments act by qualified majority. It was used in December 2025 to lock the Russian assets for as long as needed.',
  },
  {
    term: 'Qualified majority',
    text: 'A Council vote that passes with at least 15 of the 27 member states, together holding at least 65% of the EU’s population.',
  },
  {
    term: 'Unanimity and veto',
    text: 'Every government must agree; any single one can block by voting no. Abstaining does not block.',
  },
  {
    term: 'Enhanced cooperation',
    text: 'A procedure that lets at least nine willing member states go ahead with EU tools when others will not. It needs the European Parliament’s consent. 24 states used it for the EUR 90 bn loan.',
  },
  {
    term: 'European Council',
    text: 'The summit of the EU’s presidents and prime ministers. Its December and March meetings are the main chances to decide.',
  },
  {
    term: 'Bilateral investment treaty',
    text: 'A treaty protecting one country’s investors in another. Belgium feared Russia could use a 1989 treaty to sue it.',
  },
  {
    term: 'IMF financing assurances',
    text: 'Before lending, the International Monetary Fund must be sure that others will cover the rest of a country’s funding gap. An EU decision counts.',
  },
  {
    term: 'G7',
    text: 'Seven large economies that coordinate closely: the United States, Japan, Germany, France, Italy, the United Kingdom and Canada (the EU also takes part).',
  },
  {
    term: 'Benchmarks and audits',
    text: 'Conditions tied to a loan: targets the borrower must reach before each payment (benchmarks), and independent checks that the money went where it should (audits). They build trust with lenders but can slow the money down.',
  },
  {
    term: 'Trust fund',
    text: 'A pot of money run by an outside body, such as the World Bank, which pays it out under agreed rules. Several countries can put money in and share the supervision.',
  },
  {
    term: 'REPO Act',
    text: 'A US law from 2024 that lets the President seize the Russian central-bank money held in the United States, about USD 5 bn. It has not been used.',
  },
  {
    term: 'SAFE',
    text: 'Security Action for Europe: up to EUR 150 bn that the EU borrows on the markets and lends to member states buying weapons together, mostly from European makers. Adopted in May 2025 by qualified majority; it is defence money, not a use of the Russian assets.',
  },
  {
    term: 'Reserve currency',
    text: 'A currency that central banks around the world keep their savings in, such as the US dollar and the euro. Some fear that taking Russia’s reserves would make other countries less willing to keep savings in euros.',
  },
];
