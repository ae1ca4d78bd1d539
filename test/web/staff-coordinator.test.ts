// The coordinator's pages on the real stack (Temporal dev server, PostgreSQL, SMTP sink): each
// action is a Temporal update whose answer the page shows; the consolidated report sums accepted
// indicators; `reindex` rebuilds a dropped read model from the workflows, identical.
import JSZip from 'jszip';
import { randomUUID } from 'node:crypto';
import { DirectiveSchema } from '../../domain/schemas';
import { launchDirective } from '../../client/temporal';
import { createReadModel } from '../../db/read-model';
import { createDocumentStore } from '../../db/directive-documents';
import { reindex } from '../../db/reindex';
import {
  directiveStatusQuery,
  requestExtensionUpdate,
  submitReportUpdate,
  taskStateQuery,
} from '../../workflows/messages';
import { vietnamCalendar } from '../../domain/calendar';
import { formatDateShortVi, localDateAt } from '../../domain/format';
import { startTestStack, type TestStack } from '../helpers/stack';
import { eventually } from '../helpers/wait';
import { csvLines, logInCoordinator, postForm } from '../helpers/staff';

const NUMBER = '88/UBND-VP9';
const id = (unit: string) => `task:${NUMBER}:${unit}`;
let t: TestStack;
let cookie: string;

beforeAll(async () => {
  t = await startTestStack();
  cookie = await logInCoordinator(t.app, t.stack.pool);
  const directive = DirectiveSchema.parse({
    number: NUMBER,
    title: 'Triển khai Đề án truyền thông về quyền con người',
    issuer: 'UBND tỉnh Ninh Bình',
    issuedOn: '2026-11-02',
    tasks: [
      {
        unit: 'NB-STTTT',
        title: 'Tuyên truyền trên báo chí',
        deadline: { workingDays: 10 },
        indicators: [
          { code: 'articles', name: 'Tin, bài', unit: 'bài' },
          { code: 'leaflets', name: 'Tờ gấp', unit: 'tờ' },
        ],
      },
      {
        unit: 'NB-CATINH',
        title: 'Cung cấp thông tin cho báo chí',
        deadline: { workingDays: 10 },
        indicators: [{ code: 'articles', name: 'Tin, bài', unit: 'bài' }],
      },
      { unit: 'NB-SLDTBXH', title: 'Phối hợp cung cấp dữ liệu', deadline: { workingDays: 10 } },
    ],
  });
  await launchDirective(t.client, t.config, directive, t.stack.pool);
  await eventually(
    'three tasks assigned',
    async () =>
      (await createReadModel(t.stack.pool).tasksOfDirective(NUMBER)).filter((r) => r.state !== 'assigning').length ===
      3,
    60_000,
  );
}, 240_000);
afterAll(async () => {
  await t?.stop();
}, 60_000);

const submit = (unit: string, indicators: Record<string, number>) =>
  t.client.workflow.getHandle(id(unit)).executeUpdate(submitReportUpdate, {
    args: [
      {
        text: `Báo cáo của ${unit}`,
        indicators,
        attachments: [],
        submittedBy: 'Văn thư',
        submissionId: randomUUID(),
      },
    ],
  });
const taskPage = (unit: string) => `/nhiem-vu?id=${encodeURIComponent(id(unit))}`;

test('the directive list and the task matrix show every unit with its status, deadline and report state', async () => {
  const receipt = await submit('NB-STTTT', { articles: 218, leaflets: 20_000 });
  await eventually(
    'the report in the read model',
    async () => (await t.stack.pool.query(`SELECT 1 FROM reports WHERE receipt = $1`, [receipt.receipt])).rowCount,
  );
  const list = await t.app.inject({ url: '/van-ban', headers: { cookie } });
  expect(list.statusCode).toBe(200);
  expect(list.body).toMatch(
    new RegExp(
      `${NUMBER}</a></td>\\s*<td>Triển khai Đề án truyền thông về quyền con người</td>\\s*<td>Đang thực hiện</td>\\s*<td class="num">3</td>`,
    ),
  );
  const matrix = await t.app.inject({ url: `/van-ban/ma-tran?so=${encodeURIComponent(NUMBER)}`, headers: { cookie } });
  expect(matrix.statusCode).toBe(200);
  for (const name of ['Sở Thông tin và Truyền thông', 'Công an tỉnh', 'Sở Lao động - Thương binh và Xã hội'])
    expect(matrix.body).toContain(name);
  expect(matrix.body).toContain(`${receipt.receipt}: Đang chờ xem xét`);
});

test('accepting a report is an update the workflow answers, shown on the page and in the read model', async () => {
  const view = await t.client.workflow.getHandle(id('NB-STTTT')).query(taskStateQuery);
  const receipt = view.state.reports[0].receipt;
  const res = await postForm(t.app, cookie, taskPage('NB-STTTT'), '/nhiem-vu/duyet', {
    id: id('NB-STTTT'),
    receipt,
    decision: 'accept',
    comment: '',
  });
  expect(res.statusCode).toBe(303);
  expect(res.headers.location).toBe(`${taskPage('NB-STTTT')}&ok=accepted`);
  const after = await t.client.workflow.getHandle(id('NB-STTTT')).query(taskStateQuery);
  expect(after.state.phase).toBe('done');
  expect(after.state.reports[0]).toMatchObject({
    review: 'accepted',
    reviewedBy: 'Chuyên viên Văn phòng <vanphong@ubnd.ninhbinh.example.vn>',
  });
  const shown = await t.app.inject({ url: res.headers.location as string, headers: { cookie } });
  expect(shown.body).toContain('Đã chấp nhận báo cáo.');
  await eventually(
    'the task done in the read model',
    async () =>
      (await t.stack.pool.query(`SELECT state FROM tasks WHERE workflow_id = $1`, [id('NB-STTTT')])).rows[0].state ===
      'done',
  );
  expect(
    (await t.stack.pool.query(`SELECT actor, action FROM audit WHERE subject = $1`, [id('NB-STTTT')])).rows,
  ).toEqual([{ actor: 'vanphong@ubnd.ninhbinh.example.vn', action: 'review.accept' }]);

  // The accepted task closes (its follow-ups done): reviewing it again is refused, and the page says why.
  expect(await t.client.workflow.getHandle(id('NB-STTTT')).result()).toMatchObject({ outcome: 'done', receipt });
  const again = await postForm(t.app, cookie, taskPage('NB-STTTT'), '/nhiem-vu/duyet', {
    id: id('NB-STTTT'),
    receipt,
    decision: 'return',
    comment: 'Bổ sung số liệu',
  });
  expect(again.statusCode).toBe(409);
  expect(again.body).toContain(`${id('NB-STTTT')} đã kết thúc: không thể thay đổi gì thêm`);
});

test('returning a report needs a comment; with one the unit is mailed and may send again', async () => {
  const { receipt } = await submit('NB-CATINH', { articles: 4 });
  await eventually(
    'the report in the read model',
    async () => (await t.stack.pool.query(`SELECT 1 FROM reports WHERE receipt = $1`, [receipt])).rowCount,
  );
  const bare = await postForm(t.app, cookie, taskPage('NB-CATINH'), '/nhiem-vu/duyet', {
    id: id('NB-CATINH'),
    receipt,
    decision: 'return',
    comment: ' ',
  });
  expect(bare.statusCode).toBe(422);
  expect(bare.body).toContain('comment: hãy ghi rõ nội dung đơn vị cần hoàn thiện');
  expect((await t.client.workflow.getHandle(id('NB-CATINH')).query(taskStateQuery)).state.phase).toBe('submitted');

  const res = await postForm(t.app, cookie, taskPage('NB-CATINH'), '/nhiem-vu/duyet', {
    id: id('NB-CATINH'),
    receipt,
    decision: 'return',
    comment: 'Đề nghị bổ sung số lượt cung cấp thông tin',
  });
  expect(res.statusCode).toBe(303);
  const view = await t.client.workflow.getHandle(id('NB-CATINH')).query(taskStateQuery);
  expect(view.state.phase).toBe('returned');
  await eventually(
    'the return mail at the sink',
    async () =>
      (
        await t.stack.pool.query(
          `SELECT body_text FROM mailbox WHERE rcpt_to @> ARRAY['vanthu@congan.ninhbinh.example.vn'] AND body_text LIKE '%Đề nghị bổ sung số lượt%'`,
        )
      ).rowCount,
  );

  const second = await submit('NB-CATINH', { articles: 7 });
  await eventually(
    'the second report in the read model',
    async () => (await t.stack.pool.query(`SELECT 1 FROM reports WHERE receipt = $1`, [second.receipt])).rowCount,
  );
  expect(
    (
      await postForm(t.app, cookie, taskPage('NB-CATINH'), '/nhiem-vu/duyet', {
        id: id('NB-CATINH'),
        receipt: second.receipt,
        decision: 'accept',
      })
    ).statusCode,
  ).toBe(303);
});

test('an extension request is decided from the task page and moves the deadline', async () => {
  const handle = t.client.workflow.getHandle(id('NB-SLDTBXH'));
  const before = await handle.query(taskStateQuery);
  const until = vietnamCalendar().workingDaysAfter(before.state.deadline, 5);
  await handle.executeUpdate(requestExtensionUpdate, {
    args: [{ until, reason: 'Chờ số liệu của các huyện', by: 'Văn thư Sở LĐTBXH' }],
  });
  await eventually(
    'the request in the read model',
    async () =>
      (await t.stack.pool.query(`SELECT extension_pending FROM tasks WHERE workflow_id = $1`, [id('NB-SLDTBXH')]))
        .rows[0].extension_pending,
  );
  const page = await t.app.inject({ url: taskPage('NB-SLDTBXH'), headers: { cookie } });
  expect(page.body).toContain('Chờ số liệu của các huyện');
  const past = await postForm(t.app, cookie, taskPage('NB-SLDTBXH'), '/nhiem-vu/gia-han', {
    id: id('NB-SLDTBXH'),
    decision: 'approve',
    deadline: '2020-01-02',
  });
  expect(past.statusCode).toBe(422);
  expect(past.body).toContain('deadline: ngày này phải sau hôm nay');
  const res = await postForm(t.app, cookie, taskPage('NB-SLDTBXH'), '/nhiem-vu/gia-han', {
    id: id('NB-SLDTBXH'),
    decision: 'approve',
    deadline: until,
  });
  expect(res.statusCode).toBe(303);
  const after = await handle.query(taskStateQuery);
  expect(after.state.deadline).toBe(until);
  expect(after.state.extensions).toMatchObject([{ decided: 'approved', deadline: until }]);
});

test('amending names the field the workflow refused, and a valid move reaches the task', async () => {
  const matrix = `/van-ban/ma-tran?so=${encodeURIComponent(NUMBER)}`;
  const unknown = await postForm(t.app, cookie, matrix, '/van-ban/dieu-chinh', {
    so: NUMBER,
    kind: 'remove',
    unit: 'NB-STP',
  });
  expect(unknown.statusCode).toBe(404);
  expect(unknown.body).toContain('unit: đơn vị NB-STP không có nhiệm vụ trong văn bản này');
  const bad = await postForm(t.app, cookie, matrix, '/van-ban/dieu-chinh', {
    so: NUMBER,
    kind: 'move',
    unit: 'NB-SLDTBXH',
    deadline: '31/12/2026',
    reason: 'Chờ số liệu',
  });
  expect(bad.statusCode).toBe(422);
  expect(bad.body).toContain('deadline: cần một ngày có thật');
  const target = vietnamCalendar().workingDaysAfter(localDateAt(Date.now()), 30);
  const res = await postForm(t.app, cookie, matrix, '/van-ban/dieu-chinh', {
    so: NUMBER,
    kind: 'move',
    unit: 'NB-SLDTBXH',
    deadline: target,
    reason: 'Chờ số liệu cả năm',
  });
  expect(res.statusCode).toBe(303);
  // The page shows the workflow's answer: the deadline in force, on a working day.
  expect(res.headers.location).toBe(`${matrix}&ok=moved&han=${target}&dv=NB-SLDTBXH`);
  const shown = await t.app.inject({ url: res.headers.location as string, headers: { cookie } });
  expect(shown.body).toContain(`Đã đổi hạn; đơn vị được báo qua thư. Thời hạn: ${formatDateShortVi(target)}.`);
  await eventually(
    'the moved deadline',
    async () => (await t.client.workflow.getHandle(id('NB-SLDTBXH')).query(taskStateQuery)).state.deadline === target,
  );
});

test('the consolidated report sums accepted indicator values as a page, CSV and DOCX', async () => {
  await eventually(
    'both reports accepted in the read model',
    async () =>
      (
        await t.stack.pool.query(
          `SELECT count(*)::int AS n FROM reports r JOIN tasks t ON t.workflow_id = r.task_workflow_id WHERE t.directive_number = $1 AND r.review = 'accepted'`,
          [NUMBER],
        )
      ).rows[0].n === 2,
  );
  const so = encodeURIComponent(NUMBER);
  const page = await t.app.inject({ url: `/van-ban/tong-hop?so=${so}`, headers: { cookie } });
  expect(page.statusCode).toBe(200);
  // 218 + 7 articles (the returned report's 4 is not counted), 20,000 leaflets.
  expect(page.body).toMatch(/data-code="articles"><td>Tin, bài \(bài\)<\/td><td class="num">225<\/td>/);
  expect(page.body).toMatch(/data-code="leaflets"><td>Tờ gấp \(tờ\)<\/td><td class="num">20\.000<\/td>/);
  const csv = await t.app.inject({ url: `/van-ban/tong-hop.csv?so=${so}`, headers: { cookie } });
  expect(csvLines(csv.body)).toEqual([
    'Mã đơn vị,Tên đơn vị,Đã báo cáo,"Tin, bài (bài)",Tờ gấp (tờ)',
    'NB-CATINH,Công an tỉnh (Ninh Bình),có,7,',
    'NB-STTTT,Sở Thông tin và Truyền thông (Ninh Bình),có,218,20000',
    'NB-SLDTBXH,Sở Lao động - Thương binh và Xã hội (Ninh Bình),chưa báo cáo,,',
    'Tổng cộng,,,225,20000',
  ]);
  const docx = await t.app.inject({ url: `/van-ban/tong-hop.docx?so=${so}`, headers: { cookie } });
  const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
  expect(xml).toContain('BÁO CÁO');
  expect(xml).toContain('Tin, bài: 225 bài');
  expect(xml).toContain('Tờ gấp: 20.000 tờ');
  const api = await t.app.inject({ url: `/api/v1/directives/consolidated?so=${so}`, headers: { cookie } });
  expect(api.json().indicators).toEqual([
    { code: 'articles', name: 'Tin, bài', unit: 'bài', total: 225 },
    { code: 'leaflets', name: 'Tờ gấp', unit: 'tờ', total: 20000 },
  ]);
});

test('cancelling the directive stops its open tasks', async () => {
  const matrix = `/van-ban/ma-tran?so=${encodeURIComponent(NUMBER)}`;
  const none = await postForm(t.app, cookie, matrix, '/van-ban/huy', { so: NUMBER, reason: '' });
  expect(none.statusCode).toBe(422);
  expect(none.body).toContain('reason: hãy nêu lý do');
  const res = await postForm(t.app, cookie, matrix, '/van-ban/huy', {
    so: NUMBER,
    reason: 'Đã thay bằng văn bản khác',
  });
  expect(res.statusCode).toBe(303);
  expect(res.headers.location).toBe(`${matrix}&ok=cancelled&so-luong=1`); // one task was still open
  await eventually(
    'the directive cancelled',
    async () =>
      (await t.client.workflow.getHandle(`directive:${NUMBER}`).query(directiveStatusQuery)).phase === 'cancelled',
    60_000,
  );
  await eventually(
    'the open task cancelled in the read model',
    async () =>
      (await t.stack.pool.query(`SELECT state FROM tasks WHERE workflow_id = $1`, [id('NB-SLDTBXH')])).rows[0].state ===
      'cancelled',
    60_000,
  );
  await eventually(
    'the directive cancelled in the read model',
    async () =>
      (await t.stack.pool.query(`SELECT state FROM directives WHERE number = $1`, [NUMBER])).rows[0].state ===
      'cancelled',
    60_000,
  );
}, 90_000);

test('reindex rebuilds a dropped read model from Temporal, identical', async () => {
  // updatesThisRun counts messages in a workflow run, not business state; updated_at and
  // closed_at are the times of the writes; a directive's version is not told by its query.
  const read = async () => ({
    directives: (
      await t.stack.pool.query(
        `SELECT number, workflow_id, title, issuer, issued_on, spec, state, launched_at FROM directives ORDER BY number`,
      )
    ).rows,
    tasks: (
      await t.stack.pool
        .query(`SELECT workflow_id, directive_number, unit_code, cycle, role, title, deadline, original_deadline, state, submitted_at, done_at,
      escalation_level, last_chase_at, extension_pending, snapshot #- '{state,updatesThisRun}' AS snapshot, version FROM tasks ORDER BY workflow_id`)
    ).rows,
    reports: (await t.stack.pool.query(`SELECT * FROM reports ORDER BY receipt`)).rows,
    tally: (
      await t.stack.pool.query(
        `SELECT kind, deadline, sum(n)::int AS n FROM task_tally GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2`,
      )
    ).rows,
  });
  const before = await read();
  expect(before.tasks).toHaveLength(3);
  await t.stack.pool.query('DELETE FROM reports; DELETE FROM escalations; TRUNCATE tasks; DELETE FROM directives');
  expect((await read()).tasks).toEqual([]);
  const result = await reindex(t.client, createReadModel(t.stack.pool), createDocumentStore(t.stack.pool));
  expect(result).toEqual({ directives: 1, tasks: 3, failed: [] });
  expect(await read()).toEqual(before);
}, 60_000);
