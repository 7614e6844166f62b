// ESLint: JavaScript's recommended rules and React's rules of hooks on every source file.
// TypeScript 7 (the project's compiler) has no JavaScript API, so typescript-eslint cannot parse with it;
// Babel's TypeScript preset parses the syntax instead, and `tsc` (noUnusedLocals, strict) keeps the type
// rules. The React Compiler's extra rules (refs read during render and the like) are not enabled: the
// canvases read refs in render on purpose.
import js from '@eslint/js';
import babelParser from '@babel/eslint-parser';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const typescript = {
  babelrc: false,
  configFile: false,
  presets: [['@babel/preset-typescript', { isTSX: true, allExtensions: true }]],
};

export default [
  { ignores: ['dist/', 'public/', 'node_modules/', 'test-results/', 'playwright-report/', 'src/core/wasm/*.wasm.ts'] },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: babelParser, parserOptions: { requireConfigFile: false, babelOptions: typescript } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // The compiler checks these with the types: undefined names, unused locals, overloads.
      'no-undef': 'off',
      'no-unused-vars': 'off',
      'no-redeclare': 'off',
    },
  },
  {
    // Playwright's fixtures call `use`, which is not React's hook.
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Node scripts; the functions they hand to a page (page.evaluate) run in the browser.
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
];
