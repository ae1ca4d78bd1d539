// `npm run test:reliability`: every reliability and security test at the counts, one file
// at a time (each starts its own processes and injects its own fault). Same transforms and the
// same PostgreSQL run cluster as the integration project of the main jest.config.js, which runs a
// quick subset of these files at small counts.
const path = require('node:path');
const base = require('../../jest.config.js');

const root = path.resolve(__dirname, '..', '..');
const integration = base.projects.find((p) => p.displayName === 'integration');

// The full counts; a count variable given on the command line still wins (see parts.ts).
process.env.RELIABILITY_FULL ??= '1';

module.exports = {
  rootDir: root,
  projects: [
    {
      ...integration,
      rootDir: root,
      displayName: 'reliability',
      testMatch: ['<rootDir>/test/reliability/**/*.test.ts'],
    },
  ],
};
