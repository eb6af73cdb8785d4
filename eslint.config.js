import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import compat from 'eslint-plugin-compat';
import svelteConfig from './svelte.config.js';

/** Stages may only import leftwards in the pipeline (see README, Architecture). */
const layer = (allowed, banned) => ({
  files: [`src/${allowed}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...banned.map((b) => ({ regex: `^(\\.\\./)+${b}(/|$)`, message: `${allowed} must not import ${b}` })),
          { group: ['svelte', 'svelte/*'], message: 'pure modules never import svelte' },
        ],
      },
    ],
  },
});

export default ts.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'test-results/', 'playwright-report/', 'public/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // User data is never rendered as HTML.
      'svelte/no-at-html-tags': 'error',
      // It flags short-lived Sets and URLSearchParams built inside a derivation or a function;
      // our state holds immutable values ($state.raw) that are replaced, never mutated in place.
      'svelte/prefer-svelte-reactivity': 'off',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'never render data as HTML' },
        { property: 'outerHTML', message: 'never render data as HTML' },
        { property: 'insertAdjacentHTML', message: 'never render data as HTML' },
      ],
    },
  },
  {
    // The supported floor is package.json's browserslist (Chromium 86): an API newer than that
    // fails here. eslint-plugin-compat sees globals and static methods (structuredClone,
    // Object.hasOwn); instance methods it cannot type are listed by name below.
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ...compat.configs['flat/recommended'],
    rules: {
      ...compat.configs['flat/recommended'].rules,
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'never render data as HTML' },
        { property: 'outerHTML', message: 'never render data as HTML' },
        { property: 'insertAdjacentHTML', message: 'never render data as HTML' },
        ...['at', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'toSpliced', 'hasOwn', 'groupBy'].map((property) => ({
          property,
          message: `${property} is newer than Chromium 86 (the supported floor): write it out`,
        })),
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } },
  },
  layer('domain', ['ingest', 'store', 'analysis', 'charts', 'export', 'app', 'ui']),
  layer('ingest', ['store', 'analysis', 'charts', 'export', 'app', 'ui']),
  layer('store', ['ingest', 'analysis', 'charts', 'export', 'app', 'ui']),
  layer('analysis', ['ingest', 'store', 'charts', 'export', 'app', 'ui']),
  layer('regions', ['ingest', 'store', 'analysis', 'charts', 'export', 'app', 'ui']),
  layer('ledger', ['store', 'analysis', 'charts', 'export', 'app', 'ui']),
  layer('reports', ['store', 'analysis', 'charts', 'export', 'app', 'ui']),
  {
    ...layer('charts', ['ingest', 'store', 'export', 'app', 'ui']),
  },
  layer('export', ['ingest', 'store', 'app', 'ui']),
  // The view models every destination renders (docs/views.md): pure, between charts and renderers.
  layer('views', ['ingest', 'store', 'export', 'app', 'ui', 'standalone']),
  {
    // A saved page or embed draws on its own: no database, no app state, no Svelte. It shares
    // with the app only the pure stages, the app's pure helpers (not its .svelte.ts state) and
    // the lists of ECharts parts to register.
    files: ['src/standalone/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...['ingest', 'store'].map((b) => ({ regex: `^(\\.\\./)+${b}(/|$)`, message: `standalone must not import ${b}` })),
            { regex: '^(\\.\\./)+app/.*\\.svelte$', message: 'standalone must not import app state' },
            { regex: '^(\\.\\./)+ui/(?!chart/echarts-parts)', message: 'standalone shares only the ECharts parts lists with ui' },
            { group: ['svelte', 'svelte/*'], message: 'a saved page carries no svelte' },
          ],
        },
      ],
    },
  },
);
