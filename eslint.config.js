// @ts-check
// Lint enforces the layering table of ../shared/ARCHITECTURE.md: each folder may import only
// what its row allows. test/layering.test.ts checks that these rules really fire.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

/** @param {string[]} groups @param {string} message */
const forbid = (groups, message) => ({ group: groups, message });

// Built-ins by exact name (a pattern like "domain" would also match "../domain/alert.js").
const nodeMessage = 'runs outside Node: no Node built-ins here.';
const nodeBuiltinPaths = builtinModules
  .filter((m) => !m.startsWith('_'))
  .map((name) => ({ name, message: nodeMessage }));
const noNode = forbid(['node:*'], nodeMessage);
const noElectron = forbid(['electron', 'electron/*'], 'no Electron here.');
const noReact = forbid(['react', 'react-dom', 'react/*', 'react-dom/*'], 'no React here.');
const noWs = forbid(['ws'], 'no ws here: use the transport interfaces of shared/.');
const noEngine = forbid(
  ['**/engine', '**/engine/**'],
  'the engine is reached over the wire, not imported.',
);
const noMain = forbid(['**/main/**'], 'main/ is the Electron main process.');
const noRenderer = forbid(['**/renderer/**'], 'renderer/ runs in the DOM.');
const noPreload = forbid(['**/preload/**'], 'preload/ is only the bridge.');
const noElectronMainSide = forbid(
  ['electron/main', 'electron/utility'],
  "preload runs in the renderer: only Electron's renderer-side modules (contextBridge, ipcRenderer).",
);
const electronThroughSeam = forbid(
  ['electron', 'electron/*'],
  'import Electron through main/platform/electronApi.ts: the one seam unit tests mock.',
);
const noElectronSeam = forbid(
  ['**/platform/electronApi*'],
  'the launcher runs in plain Node, before any Electron exists.',
);
const outsideShared = forbid(
  [
    '../engine/**',
    '../../engine/**',
    '../main/**',
    '../../main/**',
    '../renderer/**',
    '../../renderer/**',
    '../preload/**',
    '../../preload/**',
    '../../../engine/**',
    '../../../main/**',
    '../../../renderer/**',
  ],
  'shared/ imports nothing of the project outside shared/.',
);

/** @param {...{group: string[], message: string}} patterns */
const restrict = (...patterns) => ({
  'no-restricted-imports': [
    'error',
    { patterns, paths: patterns.includes(noNode) ? nodeBuiltinPaths : [] },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.tsbuild/**',
      'coverage/**',
      'data/**',
      '.bench/**',
      'release/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      noNode,
      noElectron,
      noReact,
      noWs,
      outsideShared,
      noEngine,
      noMain,
      noRenderer,
      noPreload,
    ),
  },
  {
    files: ['engine/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(noElectron, noReact, noMain, noRenderer, noPreload),
  },
  {
    files: ['main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(noReact, noRenderer, noPreload, electronThroughSeam),
  },
  {
    files: ['main/platform/**/*.ts'],
    rules: restrict(noReact, noRenderer, noPreload),
  },
  {
    // `npm start` decides whether Electron can run at all: plain Node only.
    files: ['main/launcher/**/*.ts'],
    rules: restrict(noReact, noRenderer, noPreload, noElectron, noElectronSeam),
  },
  {
    files: ['preload/**/*.ts'],
    rules: restrict(noNode, noReact, noEngine, noMain, noRenderer, noWs, noElectronMainSide),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    rules: restrict(noNode, noElectron, noEngine, noMain, noPreload, noWs),
  },
  {
    // The rules of hooks, and the React Compiler's checks of purity and memoization.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts', '*.config.*'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read JSON answers whose shape is exactly what they assert; typing each one twice
      // (schema and test) adds nothing.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
