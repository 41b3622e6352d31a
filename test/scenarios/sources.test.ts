import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { scenarios } from '../../src/scenarios';
import { ALLOWED_PUBLISHERS, allowedPublisher, hostOf } from '../../src/scenarios/publishers';

// Every source a player can open in a debrief is a primary document or a major outlet, never an
// aggregator or a mirror (src/scenarios/publishers.ts). The ending shows a scenario's sources only
// through its history items (dom/ending.ts), so every source must be cited by one. That every
// cited id names a source is already refused by validateScenario (schema.ts, "History and
// sources"), which every-scenario.test.ts runs on every registered scenario.

const all = Object.values(scenarios);

describe('sources shown in the debriefs', () => {
  it('come from allowed publishers only', () => {
    const offenders = all.flatMap((s) =>
      s.sources
        .filter((src) => allowedPublisher(src.url) === null)
        .map((src) => `${s.id} ${src.id}: ${hostOf(src.url) ?? 'not a web address'} (${src.url})`),
    );
    expect(offenders, offenders.join('\n')).toEqual([]);
  });

  it('are https addresses, so the ending shows them as links', () => {
    const offenders = all.flatMap((s) =>
      s.sources.filter((src) => !src.url.startsWith('https://')).map((src) => `${s.id} ${src.id}`),
    );
    expect(offenders).toEqual([]);
  });

  it('are each cited by at least one history item', () => {
    const offenders = all.flatMap((s) => {
      const cited = new Set(s.history.items.flatMap((item) => item.sources));
      return s.sources.filter((src) => !cited.has(src.id)).map((src) => `${s.id} ${src.id}`);
    });
    expect(offenders, offenders.join('\n')).toEqual([]);
  });

  it('have one address per source within a scenario', () => {
    const offenders = all.flatMap((s) => {
      const seen = new Map<string, string>();
      return s.sources.flatMap((src) => {
        const first = seen.get(src.url);
        seen.set(src.url, src.id);
        return first ? [`${s.id} ${src.id} repeats ${first}`] : [];
      });
    });
    expect(offenders).toEqual([]);
  });
});

describe('other web addresses in the product', () => {
  // Addresses in src/ that are not scenario sources, each with why a player never sees it.
  const NOT_SHOWN: Record<string, string> = {
    'http://www.w3.org/2000/svg': 'the SVG namespace (dom/h.ts), never displayed',
  };

  it('are only scenario sources, or listed here as never shown', () => {
    const SRC = fileURLToPath(new URL('../../src', import.meta.url));
    const sourceUrls = new Set(all.flatMap((s) => s.sources.map((src) => src.url)));
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|css|html|json)$/.test(entry.name))
          readFileSync(full, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              for (const [url] of line.matchAll(/https?:\/\/[^\s'"`<>)]+/g))
                if (!sourceUrls.has(url) && !(url in NOT_SHOWN))
                  found.push(`${path.relative(SRC, full)}:${i + 1} ${url}`);
            });
      }
    };
    walk(SRC);
    expect(found, found.join('\n')).toEqual([]);
  });
});

describe('the allow-list', () => {
  it('matches a host or a subdomain, never a look-alike', () => {
    expect(allowedPublisher('https://www.theguardian.com/world/2025/dec/12/x')).toBe(
      'theguardian.com',
    );
    expect(allowedPublisher('https://oeil.europarl.europa.eu/oeil/en/x')).toBe(
      'europarl.europa.eu',
    );
    expect(allowedPublisher('https://www.pravda.com.ua/eng/news/x')).toBe('pravda.com.ua');
    expect(allowedPublisher('https://news-pravda.com/world/x')).toBeNull();
    expect(allowedPublisher('https://eu.news-pravda.com/x')).toBeNull();
    expect(allowedPublisher('https://notreuters.com/x')).toBeNull();
    expect(allowedPublisher('https://particlenews.pages.dev/story/x')).toBeNull();
    expect(allowedPublisher('not an address')).toBeNull();
  });

  it('holds lower-case host names without duplicates', () => {
    for (const p of ALLOWED_PUBLISHERS) expect(p).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(new Set(ALLOWED_PUBLISHERS).size).toBe(ALLOWED_PUBLISHERS.length);
  });
});
