import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { scenarios } from '../../src/scenarios';

// The engine names no actor, route or scenario: what belongs to a scenario is data. This reads
// every source file of src/engine and fails on any quoted word that is the id of an actor, a
// route or a scenario of a registered scenario.

const ENGINE = fileURLToPath(new URL('../../src/engine', import.meta.url));

const ids = new Map<string, string>();
for (const s of Object.values(scenarios)) {
  ids.set(s.id, 'scenario');
  for (const a of s.actors) ids.set(a.id, `actor of ${s.id}`);
  for (const r of s.routes) ids.set(r.id, `route of ${s.id}`);
}

/** Every quoted word in a source text (ids are lower-case words with digits and hyphens). */
function quotedWords(source: string): { word: string; line: number }[] {
  const out: { word: string; line: number }[] = [];
  source.split('\n').forEach((text, i) => {
    for (const m of text.matchAll(/(['"`])([a-z][a-z0-9-]*)\1/g))
      out.push({ word: m[2]!, line: i + 1 });
  });
  return out;
}

describe('the engine is generic', () => {
  it('names no actor, route or scenario of any registered scenario', () => {
    const found: string[] = [];
    const files = readdirSync(ENGINE).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(path.join(ENGINE, file), 'utf8');
      for (const { word, line } of quotedWords(source)) {
        const what = ids.get(word);
        if (what) found.push(`src/engine/${file}:${line} '${word}' (${what})`);
      }
    }
    expect(found).toEqual([]);
  });

  it('decides nothing by reading the words of a log entry or a blocker (the whole of src/)', () => {
    const SRC = fileURLToPath(new URL('../../src', import.meta.url));
    const reading =
      /\.(text|reason|wouldChange|wouldMove)\.(includes|startsWith|endsWith|match|indexOf|search)\(|blockers\.(includes|indexOf)\(/;
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts'))
          readFileSync(full, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (reading.test(line))
                found.push(`${path.relative(SRC, full)}:${i + 1}: ${line.trim()}`);
            });
      }
    };
    walk(SRC);
    expect(found).toEqual([]);
    // The pattern does catch what it looks for.
    expect(reading.test("if (e.text.startsWith('You sound out'))")).toBe(true);
    expect(reading.test("b.blockers.includes('European Parliament consent')")).toBe(true);
  });

  it('would find one: the check reads quoted ids', () => {
    expect(quotedWords('const a = \'belgium\'; nudge(d, "ecb", 6)').map((q) => q.word)).toEqual([
      'belgium',
      'ecb',
    ]);
    expect(ids.get('belgium')).toMatch(/^actor/);
    expect(ids.get('reparations')).toMatch(/^route/);
  });
});
