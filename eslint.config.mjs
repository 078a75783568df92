import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Apps Script services: only the gas adapters (and the entry points) may call them. */
const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp',
  'DriveApp',
  'Drive',
  'DocumentApp',
  'Docs',
  'LockService',
  'PropertiesService',
  'HtmlService',
  'Utilities',
  'Session',
  'CacheService',
  'ScriptApp',
  'UrlFetchApp',
  'MailApp',
  'GmailApp',
  'CalendarApp',
  'ContentService',
  'Browser',
];

/**
 * The server's layers point one way: domain ← sheets ← gas ← usecases ← src/main.ts. An import
 * specifier naming one of `folders` (`../gas/context`, `../../usecases/x`) breaks that direction.
 * Folder names are unique under src/, so the specifier alone tells where it leads.
 */
function mayNotImport(folders, why) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `(^|/)(${folders.join('|')})(/|$)`,
            caseSensitive: true,
            message: why,
          },
        ],
      },
    ],
  };
}

/**
 * The sidebar runs in the browser and talks to the server only through the typed API: from a file
 * `depth` folders below src/sidebar/, any specifier leaving src/sidebar/ must be api/contract.
 */
function sidebarAtDepth(depth) {
  const up = String.raw`\.\./`.repeat(depth + 1);
  return {
    files: [`src/sidebar/${'*/'.repeat(depth)}*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^${up}(?!api/contract$)`,
              caseSensitive: true,
              message:
                'The sidebar imports only its own files and src/api/contract (what it needs from the domain, the contract re-exports).',
            },
          ],
        },
      ],
    },
  };
}

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
  // ——— Layers (README, « Architecture »); test/eslint.config.test.ts proves each rule bites. ———
  {
    // Pure rules: no Apps Script, no sheet layout, no wire format.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...APPS_SCRIPT_GLOBALS],
      ...mayNotImport(
        ['api', 'sheets', 'gas', 'usecases', 'sidebar', 'main'],
        'The domain is pure: it imports only the domain (move the type or rule into src/domain/).',
      ),
    },
  },
  {
    // The workbook's layout and records: pure too, and below the Apps Script adapters.
    files: ['src/sheets/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...APPS_SCRIPT_GLOBALS],
      ...mayNotImport(
        ['api', 'gas', 'usecases', 'sidebar', 'main'],
        'src/sheets/ imports only the domain and itself.',
      ),
    },
  },
  {
    files: ['src/gas/**/*.ts'],
    rules: mayNotImport(
      ['usecases', 'sidebar', 'main'],
      'The Apps Script adapters (src/gas/) may not import use cases or entry points.',
    ),
  },
  {
    // Use cases reach Apps Script only through src/gas/ (Context and the small adapters).
    files: ['src/usecases/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...APPS_SCRIPT_GLOBALS],
      'no-restricted-properties': [
        'error',
        {
          property: 'ss',
          message: 'Use cases reach the spreadsheet through an adapter in src/gas/.',
        },
        {
          property: 'sheetRef',
          message: 'Use cases reach the sheet through an adapter in src/gas/.',
        },
      ],
      ...mayNotImport(
        ['sidebar', 'main'],
        'Use cases may not import the sidebar or the entry points.',
      ),
    },
  },
  {
    // The wire types, shared with the browser: they may lean on domain types and constants only.
    files: ['src/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^(?!\.\./domain/)`,
              caseSensitive: true,
              message: 'src/api/contract.ts imports only from src/domain/ (types and constants).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main.ts'],
    rules: mayNotImport(['sidebar'], 'The server never imports the sidebar.'),
  },
  ...[0, 1, 2, 3].map(sidebarAtDepth),
);
