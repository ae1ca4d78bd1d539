// dondoc on Temporal's full server (frontend, history, matching and worker services) with
// PostgreSQL for persistence and visibility: what the dev server would hide. Runs under
// `npm run test:server` only.
import { DirectiveSchema } from '../../domain/schemas';
import { launchDirective } from '../../client/temporal';
import { directiveStatusQuery } from '../../workflows/messages';
import { startTestStack, type TestStack } from '../helpers/stack';
import { eventually } from '../helpers/wait';

let t: TestStack;
beforeAll(async () => {
  if (!process.env.DONDOC_TEST_TEMPORAL_ADDRESS)
    throw new Error('run these tests with `npm run test:server`, which starts the full Temporal server');
  t = await startTestStack();
}, 180_000);
afterAll(async () => {
  await t?.stop();
}, 60_000);

test('the server is the full server of the pinned version, on PostgreSQL for persistence and visibility', async () => {
  const info = await t.client.connection.workflowService.getClusterInfo({});
  expect(info.serverVersion).toBe('1.29.1');
  expect(info.persistenceStore).toBe('postgres12');
  expect(info.visibilityStore).toBe('postgres12');
  expect(info.historyShardCount).toBe(4);
  expect(t.config.TEMPORAL_NAMESPACE).toMatch(/^dondoc-test-/);
});

test("a directive runs on it, and its workflows can be listed by dondoc's search attributes", async () => {
  const directive = DirectiveSchema.parse({
    number: '45/KH-UBND',
    title: 'Kế hoạch tuyên truyền pháp luật năm 2027',
    issuer: 'UBND tỉnh Kon Tum',
    issuedOn: '2026-11-20',
    tasks: [
      { unit: 'NB-STTTT', title: 'Đăng tin trên cổng thông tin', deadline: { workingDays: 12 } },
      { unit: 'NB-STP', title: 'Tổ chức hội nghị phổ biến pháp luật', deadline: { workingDays: 12 } },
    ],
  });
  expect(await launchDirective(t.client, t.config, directive, t.stack.pool)).toEqual({
    launched: true,
    workflowId: 'directive:45/KH-UBND',
  });
  const mails = await eventually(
    'two assignment mails',
    async () => {
      const { rows } = await t.stack.pool.query(`SELECT rcpt_to FROM mailbox WHERE subject LIKE '[45/KH-UBND]%'`);
      return rows.length === 2 ? rows : undefined;
    },
    60_000,
  );
  expect(mails).toHaveLength(2);
  const view = await t.client.workflow.getHandle('directive:45/KH-UBND').query(directiveStatusQuery);
  expect(view.total).toBe(2);
  // Advanced visibility on PostgreSQL: a list filtered by a custom search attribute.
  const listed = await eventually(
    "the directive's workflows in visibility",
    async () => {
      const ids: string[] = [];
      for await (const w of t.client.workflow.list({ query: `DondocDirective = '45/KH-UBND'` })) ids.push(w.workflowId);
      return ids.length >= 3 ? ids : undefined;
    },
    30_000,
  );
  expect(listed.sort()).toEqual(['directive:45/KH-UBND', 'task:45/KH-UBND:NB-STP', 'task:45/KH-UBND:NB-STTTT']);
}, 120_000);
