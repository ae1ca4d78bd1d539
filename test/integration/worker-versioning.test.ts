// Worker Versioning on the dev server: a task started on build v1 stays on v1 while v2 takes new
// work, and moves to v2 at its next continue-as-new, with nothing lost on the way.
import { loadConfig } from '../../config';
import { launchDirective } from '../../client/temporal';
import { DirectiveSchema } from '../../domain/schemas';
import { acknowledgeUpdate, taskStateQuery, taskWorkflowId } from '../../workflows/messages';
import { createDondocWorker } from '../../worker/worker';
import { deploymentStatus, moveRunsToCurrent } from '../../worker/deployment';
import { startTestStack, workflowBundle, type TestStack } from '../helpers/stack';
import { eventually } from '../helpers/wait';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ WORKER_BUILD_ID: 'test-v1', WORKER_DEPLOYMENT_NAME: 'dondoc-test' });
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

const directive = (number: string, unit: string) =>
  DirectiveSchema.parse({
    number,
    title: 'Báo cáo kết quả tuyên truyền',
    issuer: 'UBND tỉnh Ninh Bình',
    issuedOn: '2026-12-01',
    tasks: [{ unit, title: 'Báo cáo kết quả', deadline: { workingDays: 20 } }],
  });

/** The build a workflow's current run is pinned to. */
const buildOf = async (workflowId: string) => {
  const info = (await t.client.workflow.getHandle(workflowId).describe()).raw.workflowExecutionInfo;
  return info?.versioningInfo?.deploymentVersion?.buildId ?? info?.versioningInfo?.deployment?.buildId;
};

test('a task started on v1 stays there while v2 takes new work, and continues as new when moved (onto v2 from server 1.30)', async () => {
  await t.stack.pool.query(
    `INSERT INTO units (code, name, kind, emails) VALUES ('NB-STTTT', 'Sở TT&TT', 'department', '{a@x.vn}'), ('NB-STP', 'Sở Tư pháp', 'department', '{b@x.vn}') ON CONFLICT DO NOTHING`,
  );
  await launchDirective(t.client, t.config, directive('31/KH-UBND', 'NB-STTTT'), t.stack.pool);
  const first = taskWorkflowId('31/KH-UBND', 'NB-STTTT');
  await eventually('the first task assigned on v1', async () => (await buildOf(first)) === 'test-v1', 60_000);

  // A new build of the workers comes up and takes the new work.
  const v2 = await createDondocWorker({
    config: loadConfig({
      ...process.env,
      ...configEnv(t),
      WORKER_BUILD_ID: 'test-v2',
      WORKER_DEPLOYMENT_NAME: 'dondoc-test',
    }),
    temporalAddress: t.stack.temporalAddress,
    pool: t.stack.pool,
    smtpUrl: t.stack.smtpUrl,
    ...workflowBundle(),
  });
  const running = v2.worker.run();
  try {
    await v2.takeNewWork('always');
    expect((await deploymentStatus(t.client, 'dondoc-test')).current).toBe('test-v2');

    await launchDirective(t.client, t.config, directive('32/KH-UBND', 'NB-STP'), t.stack.pool);
    const second = taskWorkflowId('32/KH-UBND', 'NB-STP');
    await eventually('the new task on v2', async () => (await buildOf(second)) === 'test-v2', 60_000);
    expect(await buildOf(first)).toBe('test-v1');

    // v1 still serves the run it started: the first task's unit acknowledges, v1 takes the update.
    const handle = t.client.workflow.getHandle(first);
    const before = await handle.query(taskStateQuery);
    await handle.executeUpdate(acknowledgeUpdate, { args: [{ by: 'Văn thư Sở TT&TT' }] });
    expect(await buildOf(first)).toBe('test-v1');
    // The operator moves runs on older builds (`dondoc deployment current`): each continues as new.
    const moved = await moveRunsToCurrent(t.client, { deploymentName: 'dondoc-test', buildId: 'test-v2' });
    expect(moved).toBe(2); // the first task and its directive
    await eventually('the first task continued as new', async () => (await runsOf(first)) >= 2, 60_000);
    // A server that knows upgrade-on-continue-as-new (1.30 and later) starts the new run on v2; an
    // older one keeps it on v1, which then drains when the run closes.
    const upgrades = await supportsUpgradeOnContinueAsNew();
    await eventually(
      `the first task on ${upgrades ? 'v2' : 'v1'}`,
      async () => {
        return (await buildOf(first)) === (upgrades ? 'test-v2' : 'test-v1');
      },
      60_000,
    );
    const after = await handle.query(taskStateQuery);
    expect(after.state).toMatchObject({
      assignedAt: before.state.assignedAt,
      deadline: before.state.deadline,
      acknowledgedBy: 'Văn thư Sở TT&TT',
    });
    // One assignment each, nothing sent twice across the move.
    const { rows } = await t.stack.pool.query(
      `SELECT task_workflow_id, count(*)::int AS n FROM outbox WHERE purpose = 'assignment' GROUP BY 1 ORDER BY 1`,
    );
    expect(rows).toEqual([
      { task_workflow_id: first, n: 1 },
      { task_workflow_id: second, n: 1 },
    ]);
  } finally {
    v2.worker.shutdown();
    await running.catch(() => undefined);
    await v2.close();
  }
}, 300_000);

/** Runs of a workflow so far, following continue-as-new. */
async function runsOf(workflowId: string): Promise<number> {
  let n = 0;
  for await (const _ of t.client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) n += 1;
  return n;
}

/** Upgrade-on-continue-as-new came with Temporal server 1.30. */
async function supportsUpgradeOnContinueAsNew(): Promise<boolean> {
  const { serverVersion } = await t.client.workflowService.getSystemInfo({});
  const [major, minor] = (serverVersion ?? '0.0').split('.').map(Number);
  return major > 1 || (major === 1 && minor >= 30);
}

/** The settings the stack runs on, as environment variables. */
function configEnv(s: TestStack): Record<string, string> {
  return {
    DATABASE_URL: s.stack.databaseUrl,
    TEMPORAL_ADDRESS: s.stack.temporalAddress,
    TEMPORAL_NAMESPACE: s.config.TEMPORAL_NAMESPACE,
    DATA_DIR: s.config.DATA_DIR,
    SMTP_URL: s.stack.smtpUrl,
  };
}
