// Who may be cited in a debrief ("What actually happened"): primary documents and major outlets,
// never aggregators, mirrors or reposts (design file facts.md, "Review notes"). A source's address
// is allowed when its host is one of these names or a subdomain of one (www.theguardian.com,
// oeil.europarl.europa.eu). test/scenarios/sources.test.ts checks every source of every scenario.
// A copy found on another site is not the original: find the original, or cite another allowed
// source for the same claim, or drop the claim.

export const ALLOWED_PUBLISHERS: readonly string[] = Object.freeze([
  // EU institutions: Council and European Council, Commission, Parliament, the EU's laws, its
  // diplomatic service (which republishes European Council texts).
  'consilium.europa.eu',
  'commission.europa.eu',
  'ec.europa.eu',
  'europarl.europa.eu',
  'eur-lex.europa.eu',
  'eeas.europa.eu',
  // International financial institutions.
  'imf.org',
  // National governments and parliaments (G7 statements are published by the presidency's government).
  'gov.uk',
  'parliament.uk',
  'canada.ca',
  'pm.gc.ca',
  'mofa.go.jp',
  'mof.go.jp',
  'whitehouse.gov',
  'treasury.gov',
  'congress.gov',
  'loc.gov',
  'bundesregierung.de',
  'elysee.fr',
  'premier.be',
  'governo.it',
  // News agencies: the international wires and national agencies of record (Belga and its peers).
  'reuters.com',
  'apnews.com',
  'bloomberg.com',
  'belganewsagency.eu',
  'ansa.it',
  'bta.bg',
  // European and international outlets.
  'politico.eu',
  'politico.com',
  'ft.com',
  'euronews.com',
  'dw.com',
  'rferl.org',
  // National papers of record and public broadcasters.
  'bbc.com',
  'bbc.co.uk',
  'theguardian.com',
  'thetimes.com',
  'thetimes.co.uk',
  'independent.co.uk',
  'the-independent.com',
  'lemonde.fr',
  'wsj.com',
  'nytimes.com',
  'nikkei.com',
  'japantimes.co.jp',
  // Ukraine's leading independent newspapers.
  'kyivindependent.com',
  'pravda.com.ua',
]);

/** The host of an address, or null when it is not an http(s) address. */
export function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** The allowed publisher an address belongs to (its host or a parent domain), or null. */
export function allowedPublisher(url: string): string | null {
  const host = hostOf(url);
  if (host === null) return null;
  return ALLOWED_PUBLISHERS.find((p) => host === p || host.endsWith(`.${p}`)) ?? null;
}
