import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

// No import cycles among the modules of src/: a module that imports another that imports it
// back (directly, or through an index.ts) runs before what it needs exists. A static walk over
// the text of src/**/*.ts: `import ... from '...'`, `export ... from '...'` and bare
// `import '...'`, relative paths only (packages cannot loop back), `import type` and
// `export type` ignored (they leave no import behind). Dynamic import() is not an edge.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Module path (posix, relative to the root) -> its text. */
type Sources = Map<string, string>;

const STATIC = /^[ \t]*(import|export)\s+(type\s+)?[\w$*{},\s]*?\bfrom\s*['"]([^'"]+)['"]/gm;
const BARE = /^[ \t]*import\s*['"]([^'"]+)['"]/gm;

/** The relative specifiers a module imports at run time, in order of appearance. */
function importsOf(text: string): string[] {
  const found: [number, string][] = [];
  for (const m of text.matchAll(STATIC)) if (!m[2]) found.push([m.index, m[3]!]);
  for (const m of text.matchAll(BARE)) found.push([m.index, m[1]!]);
  return found
    .sort((a, b) => a[0] - b[0])
    .map(([, spec]) => spec)
    .filter((spec) => spec.startsWith('./') || spec.startsWith('../'));
}

/** A relative specifier resolved the way the bundler does: x.ts, x/index.ts, or x itself. */
function resolve(sources: Sources, from: string, spec: string): string | null {
  const base = posix.normalize(posix.join(posix.dirname(from), spec));
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`])
    if (sources.has(candidate)) return candidate;
  return null;
}

/** Each module's imports of other modules among the sources. */
function importGraph(sources: Sources): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, text] of sources) {
    const targets = importsOf(text)
      .map((spec) => resolve(sources, file, spec))
      .filter((t): t is string => t !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * The cycles a depth-first walk finds, one for each edge back to a module still on the walk,
 * each as its path ending where it starts (a -> b -> a). Modules in sorted order: stable output.
 */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const onPath = new Map<string, number>();
  const path: string[] = [];
  const visit = (node: string) => {
    onPath.set(node, path.length);
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const at = onPath.get(next);
      if (at !== undefined) cycles.push([...path.slice(at), next]);
      else if (!done.has(next)) visit(next);
    }
    path.pop();
    onPath.delete(node);
    done.add(node);
  };
  for (const node of [...graph.keys()].sort()) if (!done.has(node)) visit(node);
  return cycles;
}

/** src/**\/*.ts (declaration files aside), by path relative to the root. */
function sourcesUnder(dir: string, out: Sources = new Map()): Sources {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) sourcesUnder(full, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts'))
      out.set(relative(ROOT, full).split('\\').join('/'), readFileSync(full, 'utf8'));
  }
  return out;
}

const show = (cycles: string[][]) => cycles.map((c) => c.join(' -> '));

describe('import cycles', () => {
  it('src/ has none', () => {
    const sources = sourcesUnder(join(ROOT, 'src'));
    const graph = importGraph(sources);
    // The walk sees the whole tree: a module in every layer, and the edges into a layer's index.
    const layers = readdirSync(join(ROOT, 'src')).filter((n) =>
      statSync(join(ROOT, 'src', n)).isDirectory(),
    );
    const seen = new Set([...graph.keys()].map((f) => f.split('/')[1]));
    for (const layer of layers) expect(seen).toContain(layer);
    expect(graph.get('src/app/store.ts')).toContain('src/engine/index.ts');
    expect(graph.get('src/main.ts')).toContain('src/app/store.ts');
    expect(show(findCycles(graph))).toEqual([]);
  });

  const files = (entries: Record<string, string>): Sources => new Map(Object.entries(entries));

  it('reads imports, re-exports and bare imports; skips types, packages and dynamic import()', () => {
    const text = [
      "import { a, type B } from './a';",
      "import type { C } from './c';",
      'import {',
      '  d,',
      '  e,',
      "} from '../d';",
      "import * as v from 'valibot';",
      "import './side.css';",
      "export * from './types';",
      "export { f as g } from './f';",
      "export type { H } from './h';",
      "// import { x } from './commented-out';",
      "const lazy = () => import('./lazy');",
    ].join('\n');
    expect(importsOf(text)).toEqual(['./a', '../d', './side.css', './types', './f']);
  });

  it('finds a cycle through an index.ts and reports its path', () => {
    const graph = importGraph(
      files({
        'src/x/index.ts': "export { two } from './two';\nexport const one = 1;\n",
        'src/x/two.ts': "import { one } from './index';\nexport const two = one + 1;\n",
        'src/y/user.ts': "import { one } from '../x';\nexport const u = one;\n",
      }),
    );
    expect(show(findCycles(graph))).toEqual(['src/x/index.ts -> src/x/two.ts -> src/x/index.ts']);
  });

  it('finds a longer cycle, and none where the way back is `import type`', () => {
    const cyclic = files({
      'src/a.ts': "import { b } from './b';\nexport const a = b;\n",
      'src/b.ts': "import { c } from './c';\nexport const b = c;\n",
      'src/c.ts': "import { a } from './a';\nexport const c = () => a;\n",
    });
    expect(show(findCycles(importGraph(cyclic)))).toEqual([
      'src/a.ts -> src/b.ts -> src/c.ts -> src/a.ts',
    ]);
    const typed = files({
      ...Object.fromEntries(cyclic),
      'src/c.ts': "import type { A } from './a';\nexport const c = (x: A) => x;\n",
    });
    expect(findCycles(importGraph(typed))).toEqual([]);
  });
});
