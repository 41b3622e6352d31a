// @ts-check
import { builtinModules } from 'node:module';

import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Architecture layers (folders under src/). A layer may import only what is listed.
 * test/** may import anything. Enforced below with `no-restricted-imports`.
 *
 *   engine     immer, xstate, pure-rand, @noble/hashes, valibot
 *   actors     engine, xstate, immer
 *   scenarios  engine (types + validation helpers), valibot
 *   sim        engine, actors, scenarios, node:* builtins
 *   share      engine, actors, scenarios, @noble/hashes
 *   app        engine, actors, scenarios, share, sim (the coach looks ahead with the search
 *              player and the scenarios' strategies)
 *   ui         app, engine, scenarios, phaser (and phaser-src/, Phaser's own sources: an alias)
 *   dom        app, engine, share, scenarios, lean-qr (QR codes of links and result codes)
 *   classroom  app, engine, share, scenarios, dom (its element helpers, shared words, QR codes),
 *              sim (the balance harness, for the teacher's win-rate check in a worker),
 *              zxing-wasm (reading result QR codes with the camera)
 *   offline    nothing (it registers the service worker that build/offline-plugin.ts writes)
 */
/** @typedef {{ layers: string[]; packages: string[]; node?: boolean; why: string }} LayerSpec */

/** @type {Record<string, LayerSpec>} */
const LAYERS = {
  engine: {
    layers: [],
    packages: ['immer', 'xstate', 'pure-rand', '@noble/hashes', 'valibot'],
    why: 'the engine is the pure, deterministic core; it depends on nothing above it',
  },
  actors: {
    layers: ['engine'],
    packages: ['xstate', 'immer'],
    why: 'actors drive the engine and must stay headless and deterministic',
  },
  scenarios: {
    layers: ['engine'],
    packages: ['valibot'],
    why: 'scenarios are plain data validated against engine types',
  },
  sim: {
    layers: ['engine', 'actors', 'scenarios'],
    packages: [],
    node: true,
    why: 'the headless simulator runs engine + actors + scenarios without any UI',
  },
  share: {
    layers: ['engine', 'actors', 'scenarios'],
    packages: ['@noble/hashes'],
    why: 'share codes must encode/decode identically in the browser and in the sim',
  },
  app: {
    // sim: the coach (app/coach.ts) is the search player's advice, played out with the
    // scenarios' strategies (src/sim without its Node-only command-line parts).
    layers: ['engine', 'actors', 'scenarios', 'share', 'sim'],
    packages: [],
    why: 'app is the UI-agnostic facade; renderers sit on top of it, not under it',
  },
  ui: {
    layers: ['app', 'engine', 'scenarios'],
    // phaser-src/ is vite.config.ts's alias for Phaser's sources (src/ui/phaser-lite.ts).
    packages: ['phaser', 'phaser-src'],
    why: 'the Phaser UI talks to the game through app',
  },
  dom: {
    layers: ['app', 'engine', 'share', 'scenarios'],
    // lean-qr: the QR codes of result codes (the ending, "Hand in now") and of the class link.
    packages: ['lean-qr'],
    why: 'the DOM shell talks to the game through app and must not pull in Phaser',
  },
  classroom: {
    // sim: the teacher's win-rate check plays a tuned scenario with the balance harness
    // (src/sim/run.ts and policies.ts with the strategies and tactics.ts they import, which use
    // no Node builtins) in a worker.
    layers: ['app', 'engine', 'share', 'scenarios', 'dom', 'sim'],
    // QR codes come from src/dom/qr.ts (one helper for the whole page), not from lean-qr here;
    // zxing-wasm is the QR reader of the teacher's scanner (scan.ts), loaded only when it scans.
    packages: ['zxing-wasm'],
    why: 'classroom tools talk to the game through app and must not pull in Phaser',
  },
  offline: {
    layers: [],
    packages: [],
    why: 'the service worker registration stands alone; only main.ts calls it',
  },
};

const LAYER_NAMES = Object.keys(LAYERS);
/** Packages that get a dedicated message; anything else bare falls under the catch-all. */
const KNOWN_PACKAGES = [
  'phaser',
  'phaser-src',
  'xstate',
  'immer',
  'pure-rand',
  '@noble/hashes',
  'valibot',
  'zxing-wasm',
];

const escapeRe = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** `name` or `name/sub/path`, as a regex alternation. */
const pkgAlt = (/** @type {string[]} */ names) => `(?:${names.map(escapeRe).join('|')})(?:/|$)`;

const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_'));
const NODE_BUILTIN_RE = `^(?:node:|${pkgAlt(NODE_BUILTINS)})`;

/** @param {string} layer */
function importPatterns(layer) {
  const spec = LAYERS[layer];
  if (!spec) throw new Error(`unknown layer ${layer}`);
  const allowedLayers = [layer, ...spec.layers];
  const allowed = `${layer} may import src/{${allowedLayers.join(',')}}${
    spec.packages.length ? ` and ${spec.packages.join(', ')}` : ''
  }${spec.node ? ' and node:* builtins' : ''}`;
  const patterns = [];

  // Other src layers, reached by a relative path that climbs out of this folder
  // ('../ui/x', '../../ui', './../ui/x') or via an explicit 'src/ui/...' path.
  for (const other of LAYER_NAMES) {
    if (allowedLayers.includes(other)) continue;
    patterns.push({
      regex: `^(?:\\./)?(?:(?:\\.\\./)+|(?:\\.\\./)*src/)${other}(?:/|$)`,
      message: `src/${layer} must not import src/${other}: ${spec.why} (${allowed}).`,
    });
  }

  // Known packages this layer is not allowed to use.
  for (const pkg of KNOWN_PACKAGES) {
    if (spec.packages.includes(pkg)) continue;
    const reason =
      pkg === 'phaser' || pkg === 'phaser-src'
        ? 'Phaser is the renderer; only src/ui may touch it'
        : `${pkg} is not part of this layer's dependency budget`;
    patterns.push({
      regex: `^${pkgAlt([pkg])}`,
      message: `src/${layer} must not import '${pkg}': ${reason}.`,
    });
  }

  // Node builtins: only the headless sim may use them (the rest runs in the browser).
  if (!spec.node) {
    patterns.push({
      regex: NODE_BUILTIN_RE,
      message: `src/${layer} must not import Node builtins: it runs in the browser (only src/sim may).`,
    });
  }

  // Catch-all for any other bare package specifier.
  patterns.push({
    regex: `^(?![./])(?!${pkgAlt([...KNOWN_PACKAGES, ...spec.packages])})(?!node:)(?!${pkgAlt(NODE_BUILTINS)})`,
    message: `src/${layer} must not import unlisted packages (${allowed}); extend the layer table in eslint.config.js deliberately.`,
  });

  return patterns;
}

/** @type {import('eslint').Linter.Config[]} */
const layerConfigs = LAYER_NAMES.map((layer) => ({
  name: `frozen-assets/layer/${layer}`,
  files: [`src/${layer}/**/*.{ts,tsx,mts,cts,js,mjs}`],
  rules: {
    'no-restricted-imports': ['error', { patterns: importPatterns(layer) }],
  },
}));

/* ---- Determinism: engine, actors, scenarios, sim, share ---- */

const DETERMINISTIC_LAYERS = ['engine', 'actors', 'scenarios', 'sim', 'share'];
const RNG = 'engine must stay deterministic: draw from the game RNG in GameState';
const CLOCK =
  'engine must stay deterministic: time is the game turn/tick in GameState, never the wall clock';
const FLOAT =
  'result is implementation-approximated and can differ between JS engines, breaking replays; use integer/fixed-point arithmetic';
const DOM =
  'this layer is headless (it also runs in node via src/sim); reach the browser through src/app';

const restrictedProperties = [
  { object: 'Math', property: 'random', message: RNG },
  { object: 'Date', property: 'now', message: CLOCK },
  { object: 'performance', property: 'now', message: CLOCK },
  { object: 'Math', property: 'pow', message: FLOAT },
  { object: 'Math', property: 'exp', message: FLOAT },
  { object: 'Math', property: 'log', message: FLOAT },
];

const restrictedGlobals = [
  { name: 'Date', message: CLOCK },
  { name: 'setTimeout', message: CLOCK },
  { name: 'setInterval', message: CLOCK },
  { name: 'performance', message: CLOCK },
  { name: 'window', message: DOM },
  { name: 'document', message: DOM },
  { name: 'navigator', message: DOM },
  { name: 'localStorage', message: DOM },
];

const withoutPerformance = {
  properties: restrictedProperties.filter((p) => p.object !== 'performance'),
  globals: restrictedGlobals.filter((g) => g.name !== 'performance'),
};

export default defineConfig([
  globalIgnores([
    'dist/',
    'node_modules/',
    'coverage/',
    'test-results/',
    '.build/',
    '.vite/',
    'bench/tmp/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    name: 'frozen-assets/base',
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      // With verbatimModuleSyntax, `import { type A } from 'x'` keeps a bare `import 'x'`.
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // Agree with tsc's noUnusedParameters convention: a leading _ marks "intentionally unused".
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },

  // Browser code.
  {
    name: 'frozen-assets/browser-globals',
    files: ['src/**'],
    languageOptions: { globals: globals.browser },
  },

  // Node code: root config files, sim CLI, tests, benchmarks.
  {
    name: 'frozen-assets/node-globals',
    files: ['*.{js,mjs,cjs,ts}', 'src/sim/**', 'test/**', 'bench/**'],
    languageOptions: { globals: globals.node },
  },

  ...layerConfigs,

  {
    name: 'frozen-assets/determinism',
    files: DETERMINISTIC_LAYERS.map((l) => `src/${l}/**`),
    rules: {
      'no-restricted-properties': ['error', ...restrictedProperties],
      'no-restricted-globals': ['error', { globals: restrictedGlobals, checkGlobalObject: true }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: CLOCK },
      ],
    },
  },

  // The Node composition root (the sim command) measures games per second with
  // performance.now() and hands the clock to the harness; it never feeds game state.
  {
    name: 'frozen-assets/cli-timing',
    files: ['src/cli.ts'],
    rules: {
      'no-restricted-properties': ['error', ...withoutPerformance.properties],
      'no-restricted-globals': [
        'error',
        { globals: withoutPerformance.globals, checkGlobalObject: true },
      ],
    },
  },
]);
