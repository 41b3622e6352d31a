import type { Source } from '../engine';

// Sources cited by more than one scenario's debrief: one record each, so a correction reaches
// every scenario that cites it.

export const SRC_S33: Source = {
  id: 'S33',
  title: 'Politico',
  url: 'https://www.politico.eu/article/japan-eu-frozen-russian-assets-ukraine-loan-g7',
  date: '8 Dec 2025',
};

export const SRC_GUARDIAN_2025_12_12: Source = {
  id: 'guardian-2025-12-12',
  title: 'The Guardian',
  url: 'https://www.theguardian.com/world/2025/dec/12/eu-to-freeze-210bn-in-russian-assets-indefinitely',
  date: '12 Dec 2025',
};

export const SRC_KI_2025_12_15: Source = {
  id: 'ki-2025-12-15',
  title: 'Kyiv Independent',
  url: 'https://kyivindependent.com/russias-central-bank-seeks-229-billion-in-damages-from-euroclear',
  date: '15 Dec 2025',
};

export const SRC_S20: Source = {
  id: 'S20',
  title: 'EEAS (European Council text EUCO 26/25 extract)',
  url: 'https://www.eeas.europa.eu/delegations/ukraine/european-council-18-december-2025-ukraine_en',
  date: '18 Dec 2025',
};

export const SRC_INDEP_2025_12_19: Source = {
  id: 'indep-2025-12-19',
  title: 'The Independent (live report)',
  url: 'https://www.independent.co.uk/news/world/europe/ukraine-russia-war-trump-putin-zelensky-eu-peace-deal-latest-b2887498.html',
  date: '19 Dec 2025',
};

export const SRC_EP_2026_01_21: Source = {
  id: 'ep-2026-01-21',
  title: 'European Parliament, Legislative Observatory',
  url: 'https://oeil.europarl.europa.eu/oeil/en/document-summary?id=1884435',
  date: '21 Jan 2026',
};

export const SRC_S126: Source = {
  id: 'S126',
  title: 'BTA',
  url: 'https://www.bta.bg/en/news/world/1057592-council-of-eu-takes-another-step-to-secure-loan-for-ukraine',
  date: '4 Feb 2026',
};

export const SRC_S128: Source = {
  id: 'S128',
  title: 'Kyiv Independent',
  url: 'https://kyivindependent.com/hungary-blocks-eus-90-billion-euro-loan-to-ukraine-demanding-russian-oil-ahead-of-war-anniversary/',
  date: '20 Feb 2026',
};

export const SRC_S23: Source = {
  id: 'S23',
  title: 'Belga News Agency',
  url: 'https://www.belganewsagency.eu/eu-formally-approves-90bn-ukraine-loan-and-20th-russia-sanctions-package',
  date: '23 Apr 2026',
};
