import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.workbench/', 'src/domain/data/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Domain code must stay pure: no Apps Script global may leak into it.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        'SpreadsheetApp',
        'DriveApp',
        'DocumentApp',
        'Docs',
        'LockService',
        'PropertiesService',
        'HtmlService',
        'Utilities',
        'Session',
        'CacheService',
        'ScriptApp',
      ],
    },
  },
);
