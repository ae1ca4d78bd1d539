// `npm run test:scale`: directives far wider and longer than the default suite's, on the
// time-skipping server (the workflow project's setup): 20,000 units in one directive, and a
// six-year quarterly plan for 700 units. Each prints its figures; they take tens of minutes.
const path = require('node:path');
const base = require('../../jest.config.js');

const root = path.resolve(__dirname, '..', '..');
// The time-skipping server holds every workflow in its heap: 20,000 at once need more than its 512 MB.
process.env.TEMPORAL_TEST_SERVER_HEAP ??= '4g';
const workflow = base.projects.find((p) => p.displayName === 'workflow');

module.exports = {
  rootDir: root,
  projects: [{ ...workflow, rootDir: root, displayName: 'scale', testMatch: ['<rootDir>/test/scale/**/*.test.ts'] }],
};
