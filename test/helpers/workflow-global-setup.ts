// Bundles the workflow code once for every workflow test file, and checks the test server is there.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { BUNDLE_PATH, testServerPath } from './temporal';
import { SHARED_WORKFLOW_MODULES } from '../../worker/worker';

export default async function setup(): Promise<void> {
  if (!existsSync(testServerPath())) {
    throw new Error(
      `The time-skipping test server is missing at ${testServerPath()}: run \`npm run tools -- --test\` (or \`npm test\`, which does it).`,
    );
  }
  const { code } = await bundleWorkflowCode({
    workflowsPath: path.resolve(__dirname, '..', '..', 'workflows'),
    preloadModules: SHARED_WORKFLOW_MODULES,
    logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} },
  });
  mkdirSync(path.dirname(BUNDLE_PATH), { recursive: true });
  writeFileSync(BUNDLE_PATH, code);
}
