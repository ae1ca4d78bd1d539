// `npm run test:server`: the integration tests, and the tests that need the full Temporal server,
// against the Temporal server on PostgreSQL that scripts/temporal-server.mjs starts (it sets
// DONDOC_TEST_TEMPORAL_ADDRESS and DONDOC_TEST_DATABASE_URL). Same transforms and setup as the
// integration project of the main jest.config.js.
const path = require('node:path');
const base = require('../../jest.config.js');

const root = path.resolve(__dirname, '..', '..');
const integration = base.projects.find((p) => p.displayName === 'integration');

module.exports = {
  rootDir: root,
  projects: [
    {
      ...integration,
      rootDir: root,
      displayName: 'server',
      testMatch: [...integration.testMatch, '<rootDir>/test/server/**/*.test.ts'],
    },
  ],
};
