// A district passes its task on from its own task page, on the real stack: the form lists its
// communes from the directory, refuses what cannot be with the field named, starts one
// sub-directive whatever is clicked twice, mails each commune, and the district's task closes
// when the communes are done.
import { vietnamCalendar } from '../../domain/calendar';
import { DirectiveSchema } from '../../domain/schemas';
import { addDays, localDateOf } from '../../domain/local-date';
import { formatDateVi } from '../../domain/format';
import {
  directiveStatusQuery,
  directiveKey,
  directiveWorkflowId,
  reviewReportUpdate,
  submitReportUpdate,
  taskStateQuery,
  taskWorkflowId,
} from '../../workflows/messages';
import { createReadModel } from '../../db/read-model';
import { createUsers } from '../../db/users';
import { login, PASSWORD } from '../helpers/staff';
import { startTestStack, type TestStack } from '../helpers/stack';
import { eventually } from '../helpers/wait';
import { inputValue, launchWithLinks, Visitor } from './department-helpers';

const DISTRICT = 'NB-UBND-HOALU';
const COMMUNES = ['NB-HL-NINHHAI', 'NB-HL-NINHXUAN', 'NB-HL-TRUONGYEN'];
const directive = DirectiveSchema.parse({
  number: '77/UBND-VP9',
  title: 'Truyền thông về quyền con người năm 2027',
  issuer: 'UBND tỉnh Ninh Bình',
  issuedOn: '2026-11-20',
  tasks: [
    {
      unit: DISTRICT,
      title: 'Xây dựng và triển khai kế hoạch của huyện',
      deadline: { workingDays: 15 },
      cascade: true,
      indicators: [{ code: 'sessions', name: 'Buổi tuyên truyền', unit: 'buổi' }],
    },
  ],
});
let t: TestStack;
let url: string;

beforeAll(async () => {
  t = await startTestStack();
  const links = await launchWithLinks(t, directive);
  url = `/t/${links[DISTRICT]}?lang=vi`;
}, 180_000);
afterAll(async () => {
  await t?.stop();
}, 60_000);

const district = () => t.client.workflow.getHandle(taskWorkflowId(directive.number, DISTRICT));

async function opened() {
  const visitor = new Visitor(t.app);
  const page = await visitor.get(url);
  expect(page.statusCode).toBe(200);
  return { visitor, page, csrf: inputValue(page.body, '_csrf') };
}

const fields = (csrf: string, extra: Record<string, string | string[]>) => ({
  _csrf: csrf,
  do: 'cascade',
  'cascade.number': '45/KH-UBND',
  'cascade.title': 'Kế hoạch tuyên truyền của huyện Hoa Lư',
  ...extra,
});

test('the district page offers to pass the task on, listing its own communes and no other unit', async () => {
  const { page } = await opened();
  expect(page.body).toContain('Giao tiếp cho đơn vị cấp dưới');
  for (const name of ['Ủy ban nhân dân xã Ninh Hải', 'Ủy ban nhân dân xã Ninh Xuân', 'Ủy ban nhân dân xã Trường Yên'])
    expect(page.body).toContain(name);
  const offered = [...page.body.matchAll(/name="cascade\.units" value="([^"]+)"/g)].map((m) => m[1]);
  expect(offered.sort()).toEqual(COMMUNES);
  expect(page.body).toContain('Nhiệm vụ của huyện hoàn thành khi tất cả đơn vị cấp dưới hoàn thành.');
});

test("a bad number, a deadline after the district's own, no commune or a unit of another district come back with the field named and nothing started", async () => {
  const { visitor, csrf } = await opened();
  const own = (await district().query(taskStateQuery)).state.deadline;
  const late = vietnamCalendar().workingDaysAfter(own, 2);
  const res = await visitor.post(
    url,
    fields(csrf, { 'cascade.number': 'kế hoạch', 'cascade.deadline': late, 'cascade.units': [] }),
  );
  expect(res.statusCode).toBe(422);
  expect(res.body).toContain('Hãy nhập số, ký hiệu văn bản, ví dụ 45/KH-UBND.');
  expect(res.body).toContain(`Hạn của đơn vị cấp dưới không được sau hạn của huyện (${formatDateVi(own)}).`);
  expect(res.body).toContain('Hãy chọn ít nhất một đơn vị trực thuộc.');
  // What was typed comes back.
  expect(res.body).toContain('value="kế hoạch"');
  const foreign = await visitor.post(
    url,
    fields(inputValue(res.body, '_csrf'), {
      'cascade.deadline': addDays(localDateOf(Date.now()), 7),
      'cascade.units': ['NB-STTTT'],
    }),
  );
  expect(foreign.statusCode).toBe(422);
  expect(foreign.body).toContain('Hãy chọn ít nhất một đơn vị trực thuộc.');
  expect((await district().query(taskStateQuery)).state.cascade).toBeUndefined();
});

test('passing the task to two communes, clicked twice, starts one sub-directive and mails each commune once', async () => {
  const { visitor, csrf } = await opened();
  const deadline = vietnamCalendar().workingDaysAfter(localDateOf(Date.now()), 5);
  const form = fields(csrf, { 'cascade.deadline': deadline, 'cascade.units': [COMMUNES[0], COMMUNES[2]] });
  const [a, b] = await Promise.all([visitor.post(url, form), visitor.post(url, form)]);
  expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
  const after = await visitor.get(`${url}&done=cascade`);
  expect(after.body).toContain('Đã giao tiếp cho đơn vị cấp dưới bằng văn bản 45/KH-UBND');
  expect(after.body).not.toContain('name="cascade.units"');

  const mails = await eventually(
    'two commune mails',
    async () => {
      const { rows } = await t.stack.pool.query(`SELECT rcpt_to FROM mailbox WHERE subject LIKE '[45/KH-UBND]%'`);
      return rows.length >= 2 ? rows : undefined;
    },
    60_000,
  );
  expect(
    mails
      .map((m) => m.rcpt_to)
      .flat()
      .sort(),
  ).toEqual(['vanphong@ninhhai.hoalu.ninhbinh.example.vn', 'vanphong@truongyen.hoalu.ninhbinh.example.vn']);
  // The sub-directive is keyed under the district's task: its number cannot take a provincial one.
  const subKey = directiveKey('45/KH-UBND', district().workflowId);
  expect(await t.client.workflow.getHandle(directiveWorkflowId(subKey)).query(directiveStatusQuery)).toMatchObject({
    number: '45/KH-UBND',
    started: 2,
  });
  const tasks = await t.stack.pool.query(`SELECT unit_code, deadline FROM tasks WHERE directive_number = $1`, [subKey]);
  expect(tasks.rows.map((x) => x.unit_code).sort()).toEqual([COMMUNES[0], COMMUNES[2]]);
  expect(tasks.rows.every((x) => x.deadline === deadline)).toBe(true);
  // The read model knows where the sub-directive hangs in the tree.
  const { rows } = await t.stack.pool.query(
    `SELECT issuer, spec->>'parentTask' AS parent FROM directives WHERE number = $1`,
    [subKey],
  );
  expect(rows).toEqual([{ issuer: 'Ủy ban nhân dân huyện Hoa Lư', parent: district().workflowId }]);
});

test('when both communes are done the district task closes with what they reported', async () => {
  for (const [i, unit] of [COMMUNES[0], COMMUNES[2]].entries()) {
    const task = t.client.workflow.getHandle(taskWorkflowId(directiveKey('45/KH-UBND', district().workflowId), unit));
    const { receipt } = await task.executeUpdate(submitReportUpdate, {
      args: [
        {
          text: 'Đã tổ chức tuyên truyền tại xã.',
          indicators: { sessions: 3 + i },
          attachments: [],
          submittedBy: `Văn phòng ${unit}`,
          submissionId: `commune-${unit}`,
        },
      ],
    });
    await task.executeUpdate(reviewReportUpdate, {
      args: [{ accept: true, receipt, by: 'Văn phòng UBND huyện Hoa Lư' }],
    });
  }
  await eventually(
    'the district task is done',
    async () => (await createReadModel(t.stack.pool).task(district().workflowId))?.state === 'done',
    60_000,
  );
  const row = await createReadModel(t.stack.pool).task(district().workflowId);
  expect(row!.snapshot.state.cascade).toMatchObject({ phase: 'done', indicators: { sessions: 7 } });
  const page = await new Visitor(t.app).get(url);
  expect(page.body).toContain('45/KH-UBND</strong> — đã hoàn thành');
  expect(page.body).not.toContain('name="do" value="cascade"');
});

test("the supervisor's directive tree shows the district's sub-directive under the province's directive", async () => {
  await createUsers(t.stack.pool).add({
    email: 'lanhdao@ubnd.ninhbinh.example.vn',
    name: 'Lãnh đạo UBND tỉnh',
    role: 'supervisor',
    password: PASSWORD,
  });
  const { cookie } = await login(t.app, 'lanhdao@ubnd.ninhbinh.example.vn');
  const page = await t.app.inject({ url: '/giam-sat/cay', headers: { cookie } });
  expect(page.statusCode).toBe(200);
  const rows = [...page.body.matchAll(/<tr data-depth="(\d)"><td[^>]*>(?:↳ )?<strong>([^<]+)<\/strong>/g)].map((m) => [
    Number(m[1]),
    m[2],
  ]);
  expect(rows).toEqual([
    [0, '77/UBND-VP9'],
    [1, '45/KH-UBND'],
  ]);
  expect(page.body).toContain('giao tiếp từ nhiệm vụ của Ủy ban nhân dân huyện Hoa Lư (77/UBND-VP9)');
});
