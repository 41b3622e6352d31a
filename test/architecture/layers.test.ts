import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Proves the layer/determinism rules in eslint.config.js actually bite.
 * lintText() with a virtual filePath: the probe files never exist on disk.
 */
describe('eslint architecture rules', () => {
  let eslint: ESLint;

  beforeAll(() => {
    eslint = new ESLint({ cwd: ROOT });
  });

  async function lint(filePath: string, code: string) {
    const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
    if (!result) throw new Error(`no lint result for ${filePath}`);
    // A null ruleId means a parse error or "file ignored" - never a real rule hit.
    const fatal = result.messages.filter((m) => m.ruleId === null);
    expect(fatal, `fatal messages for ${filePath}`).toEqual([]);
    return result.messages;
  }

  const violations: Array<[label: string, ruleId: string, filePath: string, code: string]> = [
    [
      'engine imports phaser',
      'no-restricted-imports',
      'src/engine/__probe__.ts',
      "import Phaser from 'phaser';\nexport const p = Phaser;\n",
    ],
    [
      'engine imports the ui layer',
      'no-restricted-imports',
      'src/engine/__probe__.ts',
      "import { TableScene } from '../ui/table.scene';\nexport const t = TableScene;\n",
    ],
    [
      'engine (nested) imports the ui layer',
      'no-restricted-imports',
      'src/engine/rules/__probe__.ts',
      "export { TableScene } from '../../ui/table.scene';\n",
    ],
    [
      'engine imports a node builtin',
      'no-restricted-imports',
      'src/engine/__probe__.ts',
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
    ],
    [
      'engine uses Math.random()',
      'no-restricted-properties',
      'src/engine/__probe__.ts',
      'export const roll = (): number => Math.random();\n',
    ],
    [
      'engine uses Math.pow()',
      'no-restricted-properties',
      'src/engine/__probe__.ts',
      'export const sq = (x: number): number => Math.pow(x, 2);\n',
    ],
    [
      'actors use Date.now()',
      'no-restricted-properties',
      'src/actors/__probe__.ts',
      'export const stamp = (): number => Date.now();\n',
    ],
    [
      'actors import scenarios',
      'no-restricted-imports',
      'src/actors/__probe__.ts',
      "import { base } from '../scenarios/base';\nexport const b = base;\n",
    ],
    [
      'sim uses new Date()',
      'no-restricted-syntax',
      'src/sim/__probe__.ts',
      'export const when = (): string => new Date().toISOString();\n',
    ],
    [
      'share uses setTimeout',
      'no-restricted-globals',
      'src/share/__probe__.ts',
      'export const later = (f: () => void): void => void setTimeout(f, 1);\n',
    ],
    [
      'scenarios touch window',
      'no-restricted-globals',
      'src/scenarios/__probe__.ts',
      'export const w = (): unknown => window.location;\n',
    ],
    [
      'ui imports the dom layer',
      'no-restricted-imports',
      'src/ui/__probe__.ts',
      "import { x } from '../dom/x';\nexport const y = x;\n",
    ],
    [
      'scenarios import xstate',
      'no-restricted-imports',
      'src/scenarios/__probe__.ts',
      "import { createMachine } from 'xstate';\nexport const m = createMachine;\n",
    ],
    [
      'app imports phaser',
      'no-restricted-imports',
      'src/app/__probe__.ts',
      "import Phaser from 'phaser';\nexport const p = Phaser;\n",
    ],
    [
      "dom imports Phaser's sources (the phaser-src/ alias)",
      'no-restricted-imports',
      'src/dom/__probe__.ts',
      "import core from 'phaser-src/phaser-core.js';\nexport const p = core;\n",
    ],
    [
      'engine imports an unlisted package',
      'no-restricted-imports',
      'src/engine/__probe__.ts',
      "import _ from 'lodash';\nexport const l = _;\n",
    ],
  ];

  it.each(violations)('%s -> %s', async (_label, ruleId, filePath, code) => {
    const messages = await lint(filePath, code);
    const hits = messages.filter((m) => m.ruleId === ruleId && m.severity === 2);
    expect(hits.length, JSON.stringify(messages, null, 2)).toBeGreaterThan(0);
    // Every restriction explains itself.
    for (const hit of hits) expect(hit.message.length).toBeGreaterThan(40);
  });

  const clean: Array<[label: string, filePath: string, code: string]> = [
    [
      'engine imports immer',
      'src/engine/__probe__.ts',
      "import { produce } from 'immer';\n\nexport const bump = (s: { n: number }) =>\n  produce(s, (d) => {\n    d.n += 1;\n  });\n",
    ],
    [
      'sim imports node builtins and engine',
      'src/sim/__probe__.ts',
      "import { writeFileSync } from 'node:fs';\nimport { step } from '../engine/step';\n\nexport const run = () => writeFileSync('out', String(step));\n",
    ],
    [
      'the sim command (src/cli.ts) may time itself with performance.now()',
      'src/cli.ts',
      'export const elapsed = (t0: number): number => performance.now() - t0;\n',
    ],
    [
      'ui imports phaser and app',
      'src/ui/__probe__.ts',
      "import Phaser from 'phaser';\nimport { game } from '../app/game';\n\nexport const both = [Phaser, game];\n",
    ],
    [
      "ui imports Phaser's sources (src/ui/phaser-lite.ts)",
      'src/ui/__probe__.ts',
      "import core from 'phaser-src/phaser-core.js';\n\nexport const p = core;\n",
    ],
    [
      'tests may import anything',
      'test/__probe__.test.ts',
      "import Phaser from 'phaser';\nimport { x } from '../src/ui/x';\n\nexport const t = [Phaser, x, Math.random(), Date.now()];\n",
    ],
  ];

  it.each(clean)('%s -> no errors', async (_label, filePath, code) => {
    const messages = await lint(filePath, code);
    expect(messages).toEqual([]);
  });
});

/** Cheap belt-and-braces text scan, independent of the lint config. */
describe('deterministic layers contain no wall-clock or Math.random calls', () => {
  const LAYERS = ['engine', 'actors', 'scenarios', 'sim', 'share'];
  const BANNED = ['Math.random', 'Date.now'];

  function tsFiles(dir: string, visited: Set<string>): string[] {
    visited.add(relative(ROOT, dir).split('\\').join('/'));
    return readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return tsFiles(full, visited);
      return /\.[cm]?tsx?$/.test(name) ? [full] : [];
    });
  }

  it('scans every existing layer folder', () => {
    // Empty folders are not tracked by git, so a layer may legitimately be absent.
    const existing = LAYERS.filter((l) => existsSync(join(ROOT, 'src', l)));
    const visited = new Set<string>();
    const offenders: string[] = [];

    for (const layer of existing) {
      for (const file of tsFiles(join(ROOT, 'src', layer), visited)) {
        const text = readFileSync(file, 'utf8');
        for (const banned of BANNED) {
          if (text.includes(banned)) offenders.push(`${relative(ROOT, file)}: ${banned}`);
        }
      }
    }

    for (const layer of existing) expect(visited).toContain(`src/${layer}`);
    expect(offenders).toEqual([]);
  });
});
