// Three projects: pure domain code, workflows on the time-skipping server, and the real stack.
// A few dependencies ship only ES modules; they are compiled like our own code.
const transform = {
  '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }],
  '^.+/node_modules/cookie/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  // @fastify/cookie loads `cookie` with import(); compiled, that becomes a require jest can follow.
  '^.+/node_modules/@fastify/cookie/.+\\.js$': [
    '@swc/jest',
    { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
  ],
  // unpdf loads its PDF.js build (unpdf/pdfjs, mapped below) with import(); compiled, that becomes a require jest can follow.
  '^.+/node_modules/unpdf/dist/.+\\.(c|m)?js$': [
    '@swc/jest',
    { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};
const common = {
  transform,
  transformIgnorePatterns: ['/node_modules/(?!(cookie|@fastify/cookie|unpdf)/)'],
  moduleNameMapper: { '^unpdf/pdfjs$': '<rootDir>/node_modules/unpdf/dist/pdfjs.mjs' },
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/domain/**/*.test.ts'] },
    {
      ...common,
      displayName: 'workflow',
      setupFilesAfterEnv: ['<rootDir>/test/helpers/workflow-timeout.ts'],
      testMatch: ['<rootDir>/test/workflows/**/*.test.ts'],
      globalSetup: '<rootDir>/test/helpers/workflow-global-setup.ts',
    },
    {
      ...common,
      displayName: 'integration',
      setupFilesAfterEnv: ['<rootDir>/test/helpers/integration-timeout.ts'],
      testMatch: [
        '<rootDir>/test/integration/**/*.test.ts',
        '<rootDir>/test/web/**/*.test.ts',
        '<rootDir>/test/cli/**/*.test.ts',
        // The quick subset of the reliability suite, at small counts (npm run test:reliability runs it all).
        ...['worker-kill', 'replay', 'bad-input', 'asvs', 'local-access', 'staff-exposure', 'link-security'].map(
          (name) => `<rootDir>/test/reliability/${name}.test.ts`,
        ),
      ],
      globalSetup: '<rootDir>/test/helpers/integration-global-setup.ts',
      globalTeardown: '<rootDir>/test/helpers/integration-global-teardown.ts',
    },
  ],
};
