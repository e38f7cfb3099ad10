// Flat config. Type-aware rules make floating promises lint errors (STYLE.md §10); the boundary
// rules keep Electron in the thin shell and Node out of the contract and the renderer (§1).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronShell = [
  'src-main/index.ts',
  'src-main/window.ts',
  'src-main/ipc.ts',
  'src-main/menu.ts',
  'src-main/dialogs.ts',
  'src-main/preload/**',
];

/**
 * The renderer's import rule: no Node or Electron, and from src-main only the contract plus the
 * modules named in `allowed` (paths under src-main/, each with its folder re-allowed).
 */
function rendererImports(message, allowed = []) {
  const folders = [...new Set(allowed.map(path => path.split('/')[0]))];
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['node:*', 'electron'], message: 'The renderer runs in a sandboxed page.' },
          {
            group: [
              '**/src-main/**',
              '!**/src-main/contract',
              '!**/src-main/contract/**',
              ...folders.map(folder => `!**/src-main/${folder}`),
              ...allowed.map(path => `!**/src-main/${path}`),
            ],
            message,
          },
        ],
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Security checklist: untrusted text never reaches the system browser or a shell, and
      // nothing is evaluated from strings (the CSP forbids it in the page; this covers main).
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='openExternal']",
          message: 'Readout never hands URLs to the system browser (SECURITY.md).',
        },
        {
          selector: "MemberExpression[property.name='openPath']",
          message: 'Readout never opens files with the system handler (SECURITY.md).',
        },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'off',
      '@typescript-eslint/no-implied-eval': 'error',
    },
  },
  {
    // Tests name the forbidden calls to prove they are never made.
    files: ['**/*.test.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: electronShell,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only the Electron shell files import electron.' }],
        },
      ],
    },
  },
  {
    files: ['src-main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'electron'],
              message: 'The contract is runtime-neutral.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...rendererImports('The renderer may only use the runtime-neutral contract from src-main.'),
    },
  },
  {
    // Renderer tests may also use the seeded PRNG main's tests use (pure code), so random cases
    // replay the same everywhere instead of each test file carrying its own copy.
    files: ['src-renderer/**/*.test.{ts,tsx}'],
    rules: rendererImports(
      'Renderer tests use only the contract and the seeded PRNG from src-main.',
      ['testing/prng'],
    ),
  },
  {
    // Sync tests drive the page's bridge through main's forwarder and the test team server in one
    // process, to prove the whole transport path; the bridge's own modules stay restricted.
    files: [
      'src-renderer/sync/**/*.test.ts',
      'src-renderer/sync/testing.ts',
      'src-renderer/features/team/**/*.test.{ts,tsx}',
    ],
    rules: rendererImports(
      'Sync tests use only the contract, the forwarder, team setup and the test helpers.',
      [
        'sync/forward',
        'sync/team-setup',
        'testing/couch-context',
        'testing/prng',
        'testing/team-main',
      ],
    ),
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node },
  },
);
