// ESLint for the web app's JavaScript (browser ES modules, no build step) and its node tests.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['target/', 'node_modules/'] },
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-unused-vars': ['error', { caughtErrors: 'none' }],
      'no-shadow': 'error',
    },
  },
  {
    files: ['src/main/resources/static/app/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    // the widget is a classic script on other sites' pages (a module would need CORS)
    files: ['src/main/resources/web/widget.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
  {
    files: ['src/test/js/**/*.js', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
];
