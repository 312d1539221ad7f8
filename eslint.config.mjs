// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The one-way dependency direction of ../shared/STYLE.md, as lint errors:
 * contracts, config -> observability -> article -> renderers, entitlements, persistence, kafka -> apps.
 * A lib may import only the libs listed here, and only through their index (`@depeche/<lib>`).
 */
const allowedLibImports = {
  contracts: [],
  config: [],
  // contracts: invalid admin input (AdminInputError) is a 400 problem in every app.
  observability: ['config', 'contracts'],
  article: ['contracts'],
  renderers: ['article', 'contracts'],
  entitlements: ['article', 'contracts'],
  persistence: ['article', 'contracts', 'config', 'observability'],
  kafka: ['contracts', 'config', 'observability'],
  testing: [
    'contracts',
    'config',
    'observability',
    'article',
    'renderers',
    'entitlements',
    'persistence',
    'kafka',
  ],
};
const allLibs = Object.keys(allowedLibImports);
const testFiles = ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts'];

/** Patterns every file obeys: no deep imports into a lib, no reaching into another lib or app by path. */
const everywhere = [
  { group: ['@depeche/*/*'], message: 'Import a lib only through its index: @depeche/<lib>.' },
  {
    group: ['**/libs/**', '**/apps/**'],
    message: 'Reach other libs through @depeche/<lib>; an app never imports another app.',
  },
];

function restrictTo(allowed, extra = []) {
  const forbidden = allLibs.filter((lib) => !allowed.includes(lib));
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...everywhere,
          ...extra,
          ...(forbidden.length
            ? [
                {
                  group: forbidden.map((lib) => `@depeche/${lib}`),
                  message: 'This import goes against the dependency direction of STYLE.md.',
                },
              ]
            : []),
        ],
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist.next/**',
      'node_modules/**',
      '.cache/**',
      'coverage/**',
      'test-artifacts/**',
      '**/*.cjs',
      '**/*.mjs',
      'jest.config.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  ...allLibs.map((lib) => ({
    files: [`libs/${lib}/**/*.ts`],
    rules: restrictTo(allowedLibImports[lib]),
  })),
  {
    files: ['apps/**/*.ts'],
    ignores: testFiles,
    rules: restrictTo(allLibs.filter((lib) => lib !== 'testing')),
  },
  {
    // Tests may use @depeche/testing and reach an app's config to check it, but still no deep lib imports.
    files: testFiles,
    rules: {
      'no-restricted-imports': ['error', { patterns: [everywhere[0]] }],
      '@typescript-eslint/unbound-method': 'off',
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'No focused tests.' },
        { object: 'it', property: 'skip', message: 'No skipped tests.' },
        { object: 'describe', property: 'only', message: 'No focused tests.' },
        { object: 'describe', property: 'skip', message: 'No skipped tests.' },
        { object: 'test', property: 'only', message: 'No focused tests.' },
        { object: 'test', property: 'skip', message: 'No skipped tests.' },
      ],
    },
  },
);
