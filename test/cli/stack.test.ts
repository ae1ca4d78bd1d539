// The CLI against the real embedded stack: launching the examples mails every unit, and overdue,
// amend, cancel, ad hoc report requests and unit imports are checked by reading Temporal, the
// read model and the SMTP sink back.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import YAML from 'yaml';
import { localDateOf, vietnamCalendar } from '../../domain/calendar';
import { formatDate, formatDateShortVi } from '../../domain/format';
import {
  directiveKey,
  directiveStatusQuery,
  directiveWorkflowId,
  taskStateQuery,
  taskWorkflowId,
} from '../../workflows/messages';
import { startTestStack, type TestStack } from '../helpers/stack';
import { eventually } from '../helpers/wait';
import { dondoc, json } from './run';

const root = path.join(__dirname, '../..');
const example = (name: string) => path.join(root, 'examples', name);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dondoc-cli-stack-'));
const cal = vietnamCalendar();
const directory: { code: string; emails: string[] }[] = YAML.parse(readFileSync(example('units.yaml'), 'utf8')).units;
const emailOf = (code: string) => directory.find((u) => u.code === code)!.emails[0];

let t: TestStack;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  t = await startTestStack();
  env = {
    TEMPORAL_ADDRESS: t.stack.temporalAddress,
    TEMPORAL_NAMESPACE: t.config.TEMPORAL_NAMESPACE,
    DATABASE_URL: t.config.DATABASE_URL,
    TEMPORAL_TASK_QUEUE: t.config.TEMPORAL_TASK_QUEUE,
    DATA_DIR: t.config.DATA_DIR,
    LOG_LEVEL: 'warn',
  };
}, 180_000);
afterAll(async () => {
  await t?.stop();
}, 60_000);

const run = (...args: string[]) => dondoc(args, env);
const status = (number: string) => t.client.workflow.getHandle(directiveWorkflowId(number)).query(directiveStatusQuery);
const taskRows = async (number: string) =>
  (
    await t.stack.pool.query(
      'SELECT unit_code, state, deadline FROM tasks WHERE directive_number = $1 ORDER BY unit_code',
      [number],
    )
  ).rows;

/**
 * Every unit of the directive got its assignment: sent from the outbox, received by the SMTP sink
 * under the number the directive shows (a sub-directive's own, not its key).
 */
async function assignmentMails(number: string, units: string[], shown = number) {
  const sent = await eventually(
    `${units.length} assignment mails of ${number}`,
    async () => {
      const { rows } = await t.stack.pool.query(
        `SELECT recipients[1] AS rcpt FROM outbox WHERE directive_number = $1 AND purpose = 'assignment' AND status = 'sent'`,
        [number],
      );
      return rows.length >= units.length ? rows.map((r) => r.rcpt).sort() : undefined;
    },
    120_000,
  );
  expect(sent).toEqual(units.map(emailOf).sort());
  const received = await t.stack.pool.query(`SELECT rcpt_to[1] AS rcpt FROM mailbox WHERE subject LIKE $1`, [
    `[${shown}]%`,
  ]);
  expect(received.rows.map((r) => r.rcpt).sort()).toEqual(units.map(emailOf).sort());
}

describe('launch', () => {
  it.each([
    ['ninh-binh-524.yaml', '524/UBND-VP9'],
    ['kon-tum-sttt.yaml', '215/STTTT-TTBCXB'],
  ])(
    'dondoc launch examples/%s mails every unit its assignment, and a second launch starts nothing',
    async (name, number) => {
      const units: string[] = YAML.parse(readFileSync(example(name), 'utf8')).tasks.map(
        (task: { unit: string }) => task.unit,
      );
      expect(await run('launch', example(name))).toEqual({
        code: 0,
        out: `Đã giao văn bản ${number}: ${units.length} nhiệm vụ (directive:${number}).\n`,
        err: '',
      });
      await assignmentMails(number, units);
      expect(await run('launch', example(name), '--lang', 'en')).toEqual({
        code: 0,
        out: `${number} was already launched (directive:${number}); nothing started.\n`,
        err: '',
      });
      const view = json(await run('status', number, '--json'));
      expect([view.total, view.tasks.map((x: { unit: string }) => x.unit).sort()]).toEqual([
        units.length,
        [...units].sort(),
      ]);
    },
    180_000,
  );

  it('shows a progress bar on a terminal while the tasks start', async () => {
    const file = path.join(tmp, 'bar.yaml');
    writeFileSync(file, readFileSync(example('ninh-binh-524.yaml'), 'utf8').replace('524/UBND-VP9', '525/UBND-VP9'));
    const terminal = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
    let drawn = '';
    terminal.on('data', (chunk) => (drawn += chunk.toString()));
    const launched = await dondoc(['launch', file], env, terminal);
    expect(launched.code).toBe(0);
    expect(drawn).toContain('Starting tasks [');
    expect(drawn).toContain('5/5');
  }, 120_000);

  it('names a directive that was never launched', async () => {
    expect(await run('status', '404/UBND-VP9')).toEqual({
      code: 2,
      out: '',
      err: 'no running directive 404/UBND-VP9; check the number (dondoc status 404/UBND-VP9) or launch it first\n',
    });
  });
});

describe('amend', () => {
  const N = '524/UBND-VP9';
  beforeAll(async () => {
    await run('launch', example('ninh-binh-524.yaml'));
    await eventually(
      'the tasks of 524 in the read model',
      async () => (await taskRows(N)).filter((r) => r.state !== 'assigning').length === 5,
    );
  }, 60_000);

  it('adds a task that is started and mailed, and refuses to add it twice', async () => {
    const added = await run(
      'amend',
      N,
      'add',
      '--unit',
      'NB-SNV',
      '--title',
      'Rà soát đội ngũ làm công tác nhân quyền',
      '--deadline',
      '10',
      '--indicator',
      'people:Cán bộ được tập huấn:người',
    );
    const due = cal.workingDaysAfter(localDateOf(Date.now()), 10);
    // A coordinator's command answers in DEFAULT_LANG (Vietnamese unless set), or --lang.
    expect(added).toEqual({
      code: 0,
      out: `Đã thêm nhiệm vụ cho NB-SNV vào văn bản ${N}, thời hạn ${formatDateShortVi(due)}; thư giao nhiệm vụ đang được gửi.\n`,
      err: '',
    });
    const task = await eventually('the new task', () =>
      t.client.workflow.getHandle(taskWorkflowId(N, 'NB-SNV')).query(taskStateQuery),
    );
    expect([task.spec.title, task.spec.indicators, task.state.deadline]).toEqual([
      'Rà soát đội ngũ làm công tác nhân quyền',
      [{ code: 'people', name: 'Cán bộ được tập huấn', unit: 'người' }],
      due,
    ]);
    await eventually(
      'its assignment mail',
      async () =>
        (
          await t.stack.pool.query(`SELECT 1 FROM mailbox WHERE rcpt_to @> ARRAY[$1] AND subject LIKE $2`, [
            emailOf('NB-SNV'),
            `[${N}]%`,
          ])
        ).rowCount === 1,
    );
    expect(await run('amend', N, 'add', '--unit', 'NB-SNV', '--title', 'Lại', '--deadline', '5')).toEqual({
      code: 2,
      out: '',
      err: `${N}: task.unit: NB-SNV already has a task in this directive\n`,
    });
    expect(await run('amend', N, 'add', '--unit', 'NB-SOYTE', '--title', 'Y tế', '--deadline', '5')).toEqual({
      code: 2,
      out: '',
      err: '--unit: no unit NB-SOYTE in the directory (add it with dondoc units import)\n',
    });
  }, 60_000);

  it('moves a deadline to the next working day on or after the date, never into the past', async () => {
    const asked = cal.workingDaysAfter(localDateOf(Date.now()), 30);
    expect(await run('amend', N, 'move', '--unit', 'NB-STP', '--deadline', asked)).toEqual({
      code: 2,
      out: '',
      err: '--reason: required to move a deadline (the unit is told why)\n',
    });
    const moved = await run(
      'amend',
      N,
      'move',
      '--unit',
      'NB-STP',
      '--deadline',
      asked,
      '--reason',
      'Chờ số liệu',
      '--json',
    );
    expect(json(moved)).toEqual({ number: N, applied: 'move', unit: 'NB-STP', deadline: asked });
    await eventually(
      'the moved deadline in the task',
      async () =>
        (await t.client.workflow.getHandle(taskWorkflowId(N, 'NB-STP')).query(taskStateQuery)).state.deadline === asked,
    );
    await eventually(
      'the moved deadline in the read model',
      async () => (await taskRows(N)).find((r) => r.unit_code === 'NB-STP')?.deadline === asked,
    );
    expect(
      await run(
        'amend',
        N,
        'move',
        '--unit',
        'NB-STP',
        '--deadline',
        '2024-01-05',
        '--reason',
        'x y z',
        '--lang',
        'en',
      ),
    ).toEqual({
      code: 2,
      out: '',
      err: `--deadline: 5 January 2024 has passed; the new deadline must be today (${formatDate(localDateOf(Date.now()), 'en')}) or later.\n`,
    });
    // Earlier than the deadline in force: only when said on purpose.
    const earlier = cal.workingDaysBefore(asked, 3);
    const refused = await run('amend', N, 'move', '--unit', 'NB-STP', '--deadline', earlier, '--reason', 'Sớm hơn');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^--confirm-earlier: hạn mới .* sớm hơn thời hạn hiện tại/);
    expect(
      await run('amend', N, 'move', '--unit', 'NB-STP', '--deadline', asked, '--reason', 'Giữ nguyên', '--lang', 'en'),
    ).toEqual({ code: 0, out: `Moved the deadline of NB-STP in ${N} to ${asked}.\n`, err: '' });
    expect(await run('amend', N, 'move', '--unit', 'NB-SKHDT', '--deadline', asked, '--reason', 'Chờ số liệu')).toEqual(
      {
        code: 2,
        out: '',
        err: `${N}: unit: NB-SKHDT has no task in this directive\n`,
      },
    );
  }, 60_000);

  it('removes a task: its workflow is cancelled and the read model says so', async () => {
    expect(await run('amend', N, 'remove', '--unit', 'NB-BAONB')).toEqual({
      code: 0,
      out: `Đã bỏ nhiệm vụ của NB-BAONB khỏi văn bản ${N}; đơn vị được báo qua thư.\n`,
      err: '',
    });
    await eventually(
      'NB-BAONB cancelled',
      async () => (await taskRows(N)).find((r) => r.unit_code === 'NB-BAONB')?.state === 'cancelled',
    );
    await eventually('the directive counting it cancelled', async () => (await status(N)).cancelled === 1);
  }, 60_000);
});

describe('cascade', () => {
  const N = '524/UBND-VP9';
  it('passes the district task of Hoa Lư to two of its communes, each mailed; refuses a unit not under it, a unit with none under it, and passing it on twice', async () => {
    await eventually('the Hoa Lư task in the read model', async () =>
      (await taskRows(N)).some((r) => r.unit_code === 'NB-UBND-HOALU'),
    );
    const passed = await run(
      'cascade',
      N,
      '--unit',
      'NB-UBND-HOALU',
      '--number',
      '46/KH-UBND',
      '--deadline',
      '5',
      '--units',
      'NB-HL-NINHHAI,NB-HL-NINHXUAN',
    );
    expect(passed).toEqual({
      code: 0,
      out: `Passed the task of NB-UBND-HOALU in ${N} on as 46/KH-UBND: 2 units (NB-HL-NINHHAI, NB-HL-NINHXUAN).\n`,
      err: '',
    });
    // The district's sub-directive is keyed under its task: its number cannot clash with the province's.
    const subKey = directiveKey('46/KH-UBND', taskWorkflowId(N, 'NB-UBND-HOALU'));
    await assignmentMails(subKey, ['NB-HL-NINHHAI', 'NB-HL-NINHXUAN'], '46/KH-UBND');
    expect((await taskRows(subKey)).map((x) => x.deadline)).toEqual(
      [0, 1].map(() => cal.workingDaysAfter(localDateOf(Date.now()), 5)),
    );
    expect(
      await run(
        'cascade',
        N,
        '--unit',
        'NB-UBND-HOALU',
        '--number',
        '47/KH-UBND',
        '--deadline',
        '5',
        '--units',
        'NB-STTTT',
      ),
    ).toEqual({ code: 2, out: '', err: '--units: NB-STTTT is not a unit under NB-UBND-HOALU in the directory\n' });
    expect(await run('cascade', N, '--unit', 'NB-STTTT', '--number', '47/KH-UBND', '--deadline', '5')).toEqual({
      code: 2,
      out: '',
      err: '--units: NB-STTTT has no units under it in the directory (add them with dondoc units import)\n',
    });
    expect(await run('cascade', N, '--unit', 'NB-UBND-HOALU', '--number', '47/KH-UBND', '--deadline', '5')).toEqual({
      code: 2,
      out: '',
      err: `${N}: number: the task was already passed on as 46/KH-UBND\n`,
    });
  }, 120_000);
});

describe('overdue and cancel', () => {
  const N = '9/UBND-VX';
  const file = path.join(tmp, 'late.yaml');
  beforeAll(async () => {
    const future = cal.workingDaysAfter(localDateOf(Date.now()), 20);
    writeFileSync(
      file,
      [
        `number: ${N}`,
        'title: Báo cáo kết quả năm 2023',
        'issuer: UBND tỉnh Ninh Bình',
        'issuedOn: 2023-12-20',
        'tasks:',
        '  - { unit: NB-STC, title: Báo cáo kinh phí, deadline: { date: 2024-01-05 } }',
        '  - { unit: NB-SKHDT, title: Báo cáo kế hoạch, deadline: { date: 2024-01-05 } }',
        `  - { unit: NB-SVHTT, title: Báo cáo văn hóa, deadline: { date: ${future} } }`,
      ].join('\n'),
    );
    // Two deadlines already past: launched only because the office says so.
    const refused = await run('launch', file);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('thêm --allow-past để vẫn giao');
    expect((await run('launch', file, '--allow-past')).code).toBe(0);
    await eventually(
      'three tasks in the read model',
      async () => (await taskRows(N)).filter((r) => r.state !== 'assigning').length === 3,
    );
  }, 60_000);

  it('lists the two tasks past their deadline, by directive and by unit, with how late they are', async () => {
    const late = cal.workingDaysBetween('2024-01-05', localDateOf(Date.now()));
    const all = json(await run('overdue', '--directive', N, '--json'));
    expect(
      all.tasks.map((x: { unit: string; deadline: string; workingDaysLate: number; unitName: string }) => [
        x.unit,
        x.unitName,
        x.deadline,
        x.workingDaysLate,
      ]),
    ).toEqual([
      ['NB-SKHDT', 'Sở Kế hoạch và Đầu tư', '2024-01-05', late],
      ['NB-STC', 'Sở Tài chính', '2024-01-05', late],
    ]);
    expect(
      json(await run('overdue', '--unit', 'NB-STC', '--json')).tasks.map((x: { directive: string }) => x.directive),
    ).toEqual([N]);
    // Nothing of it has been escalated yet: the ladder's steps lay before the launch.
    expect(json(await run('overdue', '--directive', N, '--level', 'L1', '--json')).count).toBe(0);
    const text = await run('overdue', '--directive', N, '--lang', 'en');
    expect(text.out).toBe(
      `2 overdue tasks on ${localDateOf(Date.now())}:\n  ${N}  NB-SKHDT Sở Kế hoạch và Đầu tư  due 2024-01-05, ${late} working days late\n  ${N}  NB-STC Sở Tài chính  due 2024-01-05, ${late} working days late\n`,
    );
    // In DEFAULT_LANG (Vietnamese unless set), dates as Vietnamese write them.
    expect((await run('overdue', '--directive', N)).out).toBe(
      `2 nhiệm vụ quá hạn ngày ${formatDateShortVi(localDateOf(Date.now()))}:\n  ${N}  NB-SKHDT Sở Kế hoạch và Đầu tư  hạn 05/01/2024, quá ${late} ngày làm việc\n  ${N}  NB-STC Sở Tài chính  hạn 05/01/2024, quá ${late} ngày làm việc\n`,
    );
    expect(await run('overdue', '--unit', 'NB-NOPE')).toEqual({
      code: 2,
      out: '',
      err: '--unit: no unit NB-NOPE in the directory\n',
    });
    expect(await run('overdue', '--directive', '1/NOPE')).toEqual({
      code: 2,
      out: '',
      err: '--directive: no tasks of directive 1/NOPE in the read model; check the number\n',
    });
  });

  it('cancels the directive, closes every open task, and refuses a second cancel', async () => {
    expect(await run('cancel', N, '--reason', 'Số liệu đã được tổng hợp từ nguồn khác')).toEqual({
      code: 0,
      out: `Đang hủy văn bản ${N}: 3 nhiệm vụ đang mở sẽ được dừng.\n`,
      err: '',
    });
    await eventually('the directive cancelled', async () => (await status(N)).phase === 'cancelled');
    await eventually('every task cancelled in the read model', async () =>
      (await taskRows(N)).every((r) => r.state === 'cancelled'),
    );
    expect((await run('overdue', '--directive', N)).out).toBe(
      `Không có nhiệm vụ quá hạn nào ngày ${formatDateShortVi(localDateOf(Date.now()))}.\n`,
    );
    // Once the directive has closed, nothing can change it.
    expect(await t.client.workflow.getHandle(directiveWorkflowId(N)).result()).toMatchObject({
      phase: 'cancelled',
      cancelled: 3,
    });
    expect(await run('cancel', N, '--reason', 'Lần nữa')).toEqual({
      code: 2,
      out: '',
      err: `${N} is cancelled already; nothing can change it\n`,
    });
    expect(await run('amend', N, 'remove', '--unit', 'NB-STC')).toEqual({
      code: 2,
      out: '',
      err: `${N} is cancelled already; nothing can change it\n`,
    });
  }, 60_000);
});

describe('report request', () => {
  it('asks two units for an ad hoc report numbered for the day, once, and mails them', async () => {
    const today = localDateOf(Date.now());
    const number = `1/DX-${today.replace(/-/g, '')}`;
    const args = [
      'report',
      'request',
      '--units',
      'NB-STP,NB-CATINH',
      '--title',
      'Số liệu về trợ giúp pháp lý',
      '--within',
      '3',
      '--indicator',
      'people:Lượt người được trợ giúp:lượt người',
    ];
    const due = cal.workingDaysAfter(today, 3);
    expect(await run(...args)).toEqual({
      code: 0,
      out: `Requested ad hoc report ${number} from 2 units (NB-STP, NB-CATINH), due ${due}.\n`,
      err: '',
    });
    await assignmentMails(number, ['NB-STP', 'NB-CATINH']);
    const view = JSON.parse((await run('status', number, '--json')).out) as {
      tasks: { unit: string; deadline: string }[];
    };
    expect(view.tasks.map((x) => [x.unit, x.deadline]).sort()).toEqual([
      ['NB-CATINH', due],
      ['NB-STP', due],
    ]);
    const task = await t.client.workflow.getHandle(taskWorkflowId(number, 'NB-STP')).query(taskStateQuery);
    expect([task.directive.issuer, task.spec.indicators]).toEqual([
      'Ủy ban nhân dân tỉnh Ninh Bình',
      [{ code: 'people', name: 'Lượt người được trợ giúp', unit: 'lượt người' }],
    ]);

    expect(await run(...args)).toEqual({
      code: 0,
      out: `${number} already asks this of the same units; nothing started.\n`,
      err: '',
    });
    const other = json(
      await run('report', 'request', '--units', 'NB-STP', '--title', 'Số vụ việc', '--within', '2', '--json'),
    );
    expect([other.number, other.launched, other.due]).toEqual([
      `2/DX-${today.replace(/-/g, '')}`,
      true,
      cal.workingDaysAfter(today, 2),
    ]);
    expect(await run('report', 'request', '--units', 'NB-STP,KT-STP', '--title', 'Hai tỉnh', '--within', '2')).toEqual({
      code: 2,
      out: '',
      err: '--issuer: the units come under NB-UBND and KT-UBND; name the issuer\n',
    });
    expect(await run('report', 'request', '--units', 'NB-XYZ', '--title', 'Không có', '--within', '2')).toEqual({
      code: 2,
      out: '',
      err: '--units: no unit NB-XYZ in the directory\n',
    });
  }, 120_000);
});

describe('units import', () => {
  const count = async () => (await t.stack.pool.query('SELECT count(*)::int AS n FROM units')).rows[0].n as number;

  it('imports a CSV whose parents are already stored, twice without change, and refuses a bad one whole', async () => {
    const before = await count();
    const good = path.join(tmp, 'communes.csv');
    writeFileSync(
      good,
      'code,name,kind,emails,head_email,parent\nNB-XA-NINHHAI,"Ủy ban nhân dân xã Ninh Hải",commune,ubnd@ninhhai.example.vn,chutich@ninhhai.example.vn,NB-UBND-HOALU\nNB-XA-NINHXUAN,Ủy ban nhân dân xã Ninh Xuân,commune,ubnd@ninhxuan.example.vn,,NB-UBND-HOALU\n',
    );
    expect(await run('units', 'import', good)).toEqual({
      code: 0,
      out: `Imported 2 units and 0 groups from ${good}.\n`,
      err: '',
    });
    expect(await run('units', 'import', good)).toMatchObject({ code: 0 });
    expect(await count()).toBe(before + 2);
    const { rows } = await t.stack.pool.query(
      `SELECT code, kind, parent, head_email FROM units WHERE code LIKE 'NB-XA-%' ORDER BY code`,
    );
    expect(rows).toEqual([
      { code: 'NB-XA-NINHHAI', kind: 'commune', parent: 'NB-UBND-HOALU', head_email: 'chutich@ninhhai.example.vn' },
      { code: 'NB-XA-NINHXUAN', kind: 'commune', parent: 'NB-UBND-HOALU', head_email: null },
    ]);

    const bad = path.join(tmp, 'bad.csv');
    writeFileSync(
      bad,
      'code,name,kind,emails,parent\nNB-XA-NINHVAN,Ủy ban nhân dân xã Ninh Vân,commune,ubnd@ninhvan.example.vn,NB-UBND-HOALU\nNB-XA-NINHHOA,Ủy ban nhân dân xã Ninh Hòa,commune,ubnd@ninhhoa.example.vn,NB-UBND-HOA-LU\n',
    );
    expect(await run('units', 'import', bad)).toEqual({
      code: 2,
      out: '',
      err: `${bad}:3: parent: no unit NB-UBND-HOA-LU in this file or the directory\n`,
    });
    expect(await count()).toBe(before + 2);
  });

  it('draws a progress bar on a terminal for a large directory', async () => {
    const big = path.join(tmp, 'big.csv');
    const rows = Array.from(
      { length: 450 },
      (_, i) => `NB-TEST-${String(i).padStart(3, '0')},Đơn vị thử ${i},other,donvi${i}@test.example.vn,NB-UBND`,
    );
    writeFileSync(big, `code,name,kind,emails,parent\n${rows.join('\n')}\n`);
    const terminal = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
    let drawn = '';
    terminal.on('data', (chunk) => (drawn += chunk.toString()));
    expect(await dondoc(['units', 'import', big], env, terminal)).toEqual({
      code: 0,
      out: `Imported 450 units and 0 groups from ${big}.\n`,
      err: '',
    });
    expect(drawn).toContain('Importing units [');
    expect(drawn).toContain('450/450');
    expect(
      (await t.stack.pool.query(`SELECT count(*)::int AS n FROM units WHERE code LIKE 'NB-TEST-%'`)).rows[0].n,
    ).toBe(450);
  });
});
