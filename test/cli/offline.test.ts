// The commands that need no running dondoc: a dry run of each example directive, the import of
// the two example dispatches, and the errors a person can make, each one sentence and exit code 2.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { localDateOf, vietnamCalendar } from '../../domain/calendar';
import { DirectiveSchema } from '../../domain/schemas';
import { formatDate, formatDateShortVi, formatDateTime } from '../../domain/format';
import { parseDirectiveFile } from '../../domain/directive-file';
import { dryRun, type DryRun } from '../../client/cli/dry-run';
import { dondoc, json } from './run';

const root = path.join(__dirname, '../..');
const example = (name: string) => path.join(root, 'examples', name);
const fixture = (name: string) => path.join(root, 'test/fixtures/dispatches', name);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dondoc-cli-'));
const cal = vietnamCalendar();
/** 08:00 in Vietnam on a day, as the ISO instant the dry run prints. */
const at8 = (day: string) => new Date(`${day}T01:00:00.000Z`).toISOString();

describe('launch --dry-run', () => {
  it("prints each Ninh Bình unit's deadline counted in working days from today, and its chase", async () => {
    const file = parseDirectiveFile(readFileSync(example('ninh-binh-524.yaml'), 'utf8'));
    const plan = json<DryRun>(await dondoc(['launch', example('ninh-binh-524.yaml'), '--dry-run', '--json']));
    const today = localDateOf(Date.now());
    expect(plan.tasks.map((t) => t.unit)).toEqual(file.tasks.map((t) => t.unit));
    const due = Object.fromEntries(plan.tasks.map((t) => [t.unit, t.deadline]));
    for (const spec of file.tasks) {
      const task = plan.tasks.find((t) => t.unit === spec.unit)!;
      expect(cal.isWorkingDay(task.deadline)).toBe(true);
      // A lead task's "N ngày làm việc" count from today; a support task is due 2 working days before its lead.
      if (spec.role === 'support') expect(cal.workingDaysBetween(task.deadline, due[spec.supports!])).toBe(2);
      else
        expect(cal.workingDaysBetween(today, task.deadline)).toBe(
          (spec.deadline as { workingDays: number }).workingDays,
        );
      // Three reminders before or on the day, then the three rungs of the ladder and the weekly chase, all at 08:00.
      expect(task.chase.map((c) => c.what)).toEqual([
        'reminder T-3',
        'reminder T-1',
        'reminder T-0',
        'escalation L1 → head',
        'escalation L2 → supervisor',
        'escalation L3 → steering',
        'weekly chase → steering, until done',
      ]);
      expect(task.chase[2].at).toBe(at8(task.deadline));
      expect(task.chase[3].at).toBe(at8(cal.workingDaysAfter(task.deadline, 1)));
    }
    // Printed in the coordinator's language (DEFAULT_LANG, or --lang), times in Vietnam time.
    const text = await dondoc(['launch', example('ninh-binh-524.yaml'), '--dry-run', '--lang', 'en']);
    expect(text.code).toBe(0);
    const t3 = Date.parse(at8(cal.workingDaysBefore(due['NB-CATINH'], 3)));
    expect(text.out).toContain(
      `NB-CATINH (support of NB-STTTT) due ${formatDate(due['NB-CATINH'], 'en')}\n    ${formatDateTime(t3, 'en')}  reminder T-3\n`,
    );
    const vi = await dondoc(['launch', example('ninh-binh-524.yaml'), '--dry-run']);
    expect(vi.out).toContain(
      `NB-CATINH (phối hợp với NB-STTTT) hạn ${formatDateShortVi(due['NB-CATINH'])}\n    ${formatDateTime(t3, 'vi')}  nhắc hạn T-3\n`,
    );
    expect(vi.out).not.toMatch(/T\d\d:\d\d:\d\d|Z\b/); // never a UTC instant
  });

  it('works over Tết: five working days after Friday 24/1/2025 end on 7/2/2025, and a reminder already past is left out', () => {
    const directive = DirectiveSchema.parse({
      number: '3/UBND-VX',
      title: 'Thử',
      issuer: 'UBND tỉnh Ninh Bình',
      issuedOn: '2025-01-24',
      tasks: [
        { unit: 'NB-STTTT', title: 'Chủ trì', deadline: { workingDays: 5 } },
        { unit: 'NB-CATINH', role: 'support', supports: 'NB-STTTT', title: 'Phối hợp', deadline: { workingDays: 5 } },
      ],
    });
    const plan = dryRun(directive, Date.parse('2025-01-24T10:00:00+07:00'));
    expect(plan.tasks.map((t) => [t.unit, t.deadline, t.chase.map((c) => `${c.at.slice(0, 10)} ${c.what}`)])).toEqual([
      [
        'NB-STTTT',
        '2025-02-07',
        [
          '2025-02-04 reminder T-3',
          '2025-02-06 reminder T-1',
          '2025-02-07 reminder T-0',
          '2025-02-10 escalation L1 → head',
          '2025-02-12 escalation L2 → supervisor',
          '2025-02-18 escalation L3 → steering',
          '2025-02-25 weekly chase → steering, until done',
        ],
      ],
      // Its T-3 reminder fell at 08:00 on the launch day itself, before the launch.
      [
        'NB-CATINH',
        '2025-02-05',
        [
          '2025-02-04 reminder T-1',
          '2025-02-05 reminder T-0',
          '2025-02-06 escalation L1 → head',
          '2025-02-10 escalation L2 → supervisor',
          '2025-02-14 escalation L3 → steering',
          '2025-02-21 weekly chase → steering, until done',
        ],
      ],
    ]);
  });

  it("prints the Kon Tum example's 34 units with the three deadlines the office chose", async () => {
    const plan = json<DryRun>(await dondoc(['launch', example('kon-tum-sttt.yaml'), '--dry-run', '--json']));
    const today = localDateOf(Date.now());
    const days = plan.tasks.map((t) => cal.workingDaysBetween(today, t.deadline));
    expect(plan.tasks).toHaveLength(34);
    expect([
      days.filter((d) => d === 20).length,
      days.filter((d) => d === 15).length,
      days.filter((d) => d === 10).length,
    ]).toEqual([6, 18, 10]);
    const units = YAML.parse(readFileSync(example('units.yaml'), 'utf8')).units.map((u: { code: string }) => u.code);
    expect(plan.tasks.filter((t) => !units.includes(t.unit))).toEqual([]);
  });

  it("lists the 24 quarterly cycles of 2023-2028 with the NĐ 09/2019 cut-off, and the next quarter's tasks", async () => {
    const directive = parseDirectiveFile(readFileSync(example('quarterly-2023-2028.yaml'), 'utf8'));
    const plan = dryRun(directive, Date.parse('2026-03-05T10:00:00+07:00'));
    expect(plan.cycles).toHaveLength(24);
    // 18/3/2023 is a Saturday: the first report is due on Monday 20/3.
    expect(plan.cycles![0]).toEqual({
      key: '2023-Q1',
      label: 'Quý I/2023',
      from: '2022-12-15',
      to: '2023-03-14',
      due: '2023-03-20',
    });
    expect(plan.cycles![23]).toEqual({
      key: '2028-Q4',
      label: 'Quý IV/2028',
      from: '2028-09-15',
      to: '2028-12-14',
      due: '2028-12-18',
    });
    expect(plan.nextCycle).toBe('2026-Q1');
    expect(new Set(plan.tasks.map((t) => `${t.cycle} ${t.deadline}`))).toEqual(new Set(['2026-Q1 2026-03-18']));
    expect(plan.tasks).toHaveLength(14);

    const now = json<DryRun>(await dondoc(['launch', example('quarterly-2023-2028.yaml'), '--dry-run', '--json']));
    const next = now.cycles!.find((c) => c.key === now.nextCycle)!;
    expect(next.due >= localDateOf(Date.now())).toBe(true);
    expect(now.tasks.every((t) => t.deadline === next.due && t.cycle === next.key)).toBe(true);
    const text = await dondoc(['launch', example('quarterly-2023-2028.yaml'), '--dry-run', '--lang', 'en']);
    expect(text.out).toContain(
      '24 reporting cycles:\n  2023-Q1   Quý I/2023             data 15 December 2022 … 14 March 2023  due 20 March 2023\n',
    );
  });
});

describe('launch: deadlines never accepted silently', () => {
  const file = path.join(tmp, 'han.yaml');
  beforeAll(() =>
    writeFileSync(
      file,
      [
        'number: 77/UBND-VP9',
        'title: Thử hạn',
        'issuer: UBND tỉnh Ninh Bình',
        'issuedOn: 2026-11-02',
        'tasks:',
        '  - unit: NB-STTTT',
        '    title: Hạn vào Chủ nhật',
        '    deadline: { date: 2027-12-12 }',
        '  - unit: NB-CATINH',
        '    title: Hạn đã qua',
        '    deadline: { date: 2026-01-05 }',
        '',
      ].join('\n'),
    ),
  );

  it('the dry run says what moved and why, what has passed and what is provisional, naming each task', async () => {
    const run = await dondoc(['launch', file, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('! Nhiệm vụ thứ 1 (NB-STTTT): 12/12/2027 là Chủ nhật: hạn chuyển sang 13/12/2027\n');
    expect(run.out).toContain(
      '! Nhiệm vụ thứ 1 (NB-STTTT): thời hạn 13/12/2027 là dự kiến: lịch nghỉ năm 2027 chưa được công bố\n',
    );
    expect(run.out).toMatch(
      /! Nhiệm vụ thứ 2 \(NB-CATINH\): thời hạn 05\/01\/2026 đã qua \(hôm nay là \d\d\/\d\d\/\d{4}\)\n/,
    );
    expect(run.out).toContain('NB-STTTT (chủ trì) hạn 13/12/2027 (dự kiến)\n');
    const plan = json<DryRun>(await dondoc(['launch', file, '--dry-run', '--json']));
    expect(plan.notes.map((n) => [n.kind, n.unit])).toEqual([
      ['day_off', 'NB-STTTT'],
      ['provisional', 'NB-STTTT'],
      ['past', 'NB-CATINH'],
    ]);
  });

  it('a launch with a past deadline is refused with the line of that task, unless --allow-past', async () => {
    const run = await dondoc(['launch', file], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(
      new RegExp(
        `^${file.replace(/[.]/g, '\\.')}:11: tasks\\.1\\.deadline: Nhiệm vụ thứ 2 \\(NB-CATINH\\): thời hạn 05/01/2026 đã qua .*; thêm --allow-past để vẫn giao\\n$`,
      ),
    );
  });
});

describe('import', () => {
  const reviewed = (name: string) => readFileSync(fixture(name.replace(/\.txt$/, '.draft.yaml')), 'utf8');

  it.each(['ninh-binh-cv-524-UBND-VP9.txt', 'kon-tum-sttt-dispatch.txt'])(
    'drafts %s as the reviewed file and counts its questions',
    async (name) => {
      const out = path.join(tmp, name.replace('.txt', '.yaml'));
      const run = await dondoc(['import', fixture(name), '-o', out]);
      expect(run).toMatchObject({ code: 0, err: '' });
      expect(readFileSync(out, 'utf8')).toBe(reviewed(name));
      const draft = YAML.parse(reviewed(name));
      const units = new Set(draft.tasks.map((t: { unit: string }) => t.unit).filter((u: string) => u !== '?')).size;
      expect(run.out).toBe(
        `Wrote ${out}: ${draft.number}, ${draft.tasks.length} tasks for ${units} units, ${draft.legalBases.length} legal ${draft.legalBases.length === 1 ? 'basis' : 'bases'}; ${draft.questions.length} questions left to answer (each marked "# ?").\n`,
      );
    },
  );

  it('a draft is refused by launch until its questions are answered, then it launches', async () => {
    const out = path.join(tmp, 'kt.draft.yaml');
    expect((await dondoc(['import', fixture('kon-tum-sttt-dispatch.txt'), '-o', out])).code).toBe(0);
    const refused = await dondoc(['launch', out, '--dry-run']);
    expect(refused.code).toBe(2);
    const numberLine =
      readFileSync(out, 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('number:')) + 1;
    expect(refused.err.split('\n')[0]).toBe(`${out}:${numberLine}: number: expected number/symbol, e.g. 524/UBND-VP9`);
    expect(refused.err).not.toMatch(/\n\s+at /);

    const answered = YAML.parse(readFileSync(out, 'utf8'));
    Object.assign(answered, { number: '215/STTTT-TTBCXB', issuedOn: '2024-05-20' });
    // The portals section 1 names are not in the directory: the office adds the provincial portal's task.
    answered.tasks.push({ unit: 'KT-CONGTTDT', title: 'Tuyên truyền về quyền con người trên Cổng thông tin điện tử' });
    for (const t of answered.tasks) t.deadline = { workingDays: 10 };
    writeFileSync(out, YAML.stringify(answered));
    const plan = json<DryRun>(await dondoc(['launch', out, '--dry-run', '--json']));
    expect(plan.tasks.map((t) => t.unit)).toContain('KT-CONGTTDT');
    expect(plan.tasks).toHaveLength(answered.tasks.length);
  });

  it('never overwrites a draft being answered, unless told to; the same draft again changes nothing', async () => {
    const out = path.join(tmp, 'nb.draft.yaml');
    expect((await dondoc(['import', fixture('ninh-binh-cv-524-UBND-VP9.txt'), '-o', out])).code).toBe(0);
    expect((await dondoc(['import', fixture('ninh-binh-cv-524-UBND-VP9.txt'), '-o', out])).code).toBe(0);
    writeFileSync(out, readFileSync(out, 'utf8').replace('YYYY-MM-DD', '2023-01-31'));
    const refused = await dondoc(['import', fixture('ninh-binh-cv-524-UBND-VP9.txt'), '-o', out]);
    expect(refused).toEqual({
      code: 2,
      out: '',
      err: `${out} already exists; pass --force to replace it, or -o another file\n`,
    });
    expect(readFileSync(out, 'utf8')).toContain('2023-01-31');
    expect((await dondoc(['import', fixture('ninh-binh-cv-524-UBND-VP9.txt'), '-o', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(reviewed('ninh-binh-cv-524-UBND-VP9.txt'));
  });

  it('writes the draft to standard output with -o -, and a JSON summary with --json', async () => {
    const piped = await dondoc(['import', fixture('kon-tum-sttt-dispatch.txt'), '-o', '-']);
    expect(piped.out).toBe(reviewed('kon-tum-sttt-dispatch.txt'));
    expect(piped.err).toMatch(/^Drafted \?\/STTTT-TTBCXB, 33 tasks for 33 units, 4 legal bases; \d+ questions left/);
    const summary = json(await dondoc(['import', fixture('kon-tum-sttt-dispatch.txt'), '-o', '-', '--json']));
    expect(summary.questions).toEqual(YAML.parse(reviewed('kon-tum-sttt-dispatch.txt')).questions);
    expect(summary.legalBases).toEqual(['05/BCĐNQ', '1531/BTTTT-TTĐN', '1297/KH-UBND', '1079/QĐ-TTg']);
  });
});

describe('every mistake is one sentence and exit code 2', () => {
  const notDispatch = path.join(tmp, 'note.txt');
  const badDirective = path.join(tmp, 'bad.yaml');
  writeFileSync(notDispatch, '\nHôm nay trời đẹp.\n1. Đi chợ\n');
  writeFileSync(badDirective, 'number: 1/UBND\ntitle: Thử\nissuer: UBND\nissuedOn: 2024-03-05\ntasks: []\n');

  it.each<[string, string[], NodeJS.ProcessEnv, string]>([
    [
      'a file that is not there',
      ['launch', '/nonexistent/d.yaml', '--dry-run'],
      {},
      'cannot read /nonexistent/d.yaml: no such file\n',
    ],
    ['a folder for a file', ['launch', '/tmp', '--dry-run'], {}, 'cannot read /tmp: it is a folder\n'],
    [
      'a directive file with no task',
      ['launch', badDirective, '--dry-run'],
      {},
      `${badDirective}:5: tasks: Too small: expected array to have >=1 items\n`,
    ],
    [
      'a text that is not a dispatch',
      ['import', notDispatch, '-o', '-'],
      {},
      `${notDispatch}:2: not a dispatch: found no "Số:" line, no "V/v" subject, no "Kính gửi", no "… ban hành Công văn số …" sentence and no task given to a unit\n`,
    ],
    [
      'a unit directory that is not one',
      ['import', fixture('kon-tum-sttt-dispatch.txt'), '--units', badDirective],
      {},
      `${badDirective}:1: units: Invalid input: expected array, received undefined\n`,
    ],
    [
      'an escalation level that is not one',
      ['overdue', '--level', 'high'],
      {},
      '--level: expected an escalation level from 1 to 9 (1 the unit\'s head, 2 the supervisor, 3 the steering committee), got "high"\n',
    ],
    [
      'an unknown change',
      ['amend', '524/UBND-VP9', 'rename', '--unit', 'NB-STP'],
      {},
      'amend: unknown change "rename"; use add, remove or move\n',
    ],
    [
      'a task added without a deadline',
      ['amend', '524/UBND-VP9', 'add', '--unit', 'NB-SNV', '--title', 'Rà soát'],
      {},
      '--deadline: required to add a task (a date YYYY-MM-DD or a number of working days)\n',
    ],
    [
      'an impossible date',
      ['amend', '524/UBND-VP9', 'move', '--unit', 'NB-STP', '--deadline', '2025-02-30', '--reason', 'Chờ số liệu'],
      {},
      '--deadline: not a real calendar date\n',
    ],
    [
      'a bad indicator',
      [
        'amend',
        '524/UBND-VP9',
        'add',
        '--unit',
        'NB-SNV',
        '--title',
        'Rà soát',
        '--deadline',
        '5',
        '--indicator',
        'articles',
      ],
      {},
      '--indicator "articles": expected CODE:label:unit, e.g. articles:Tin, bài:bài\n',
    ],
    [
      'an ad hoc report due too late',
      ['report', 'request', '--units', 'NB-STP', '--title', 'Số liệu', '--within', '40'],
      {},
      '--within: an ad hoc report is due within 1 to 15 working days, got "40"\n',
    ],
    [
      'a unit code twice',
      ['report', 'request', '--units', 'NB-STP,NB-STP', '--title', 'Số liệu', '--within', '3'],
      {},
      '--units: NB-STP is listed twice\n',
    ],
    [
      'a bad request number',
      ['report', 'request', '--units', 'NB-STP', '--title', 'Số liệu', '--within', '3', '--number', 'DX-1'],
      {},
      '--number: expected number/symbol, e.g. 12/UBND-VP, got "DX-1"\n',
    ],
    [
      'a cancel with an empty reason',
      ['cancel', '524/UBND-VP9', '--reason', ' '],
      {},
      '--reason: Too small: expected string to have >=1 characters\n',
    ],
    [
      'a bad setting',
      ['status', '524/UBND-VP9'],
      { WEB_PORT: 'abc' },
      'dondoc: bad setting WEB_PORT: Invalid input: expected number, received NaN (got "abc")\n',
    ],
    [
      'the web app outside the embedded stack without a secret of its own',
      ['web'],
      { DATABASE_URL: 'postgres://dondoc:x@127.0.0.1:1/dondoc' },
      'dondoc: bad setting LINK_SECRET: dondoc web needs a secret of its own, the same on every web replica: set LINK_SECRET to 32 or more random characters (openssl rand -hex 32)\n',
    ],
    [
      'the web app with the public placeholder as its secret',
      ['web'],
      { LINK_SECRET: 'placeholder-change-me-placeholder-change-me' },
      'dondoc: bad setting LINK_SECRET: this is a placeholder, not a secret: set LINK_SECRET to 32 or more random characters (openssl rand -hex 32)\n',
    ],
    [
      'the web app with a secret anyone could guess',
      ['web'],
      { LINK_SECRET: 'a'.repeat(40) },
      'dondoc: bad setting LINK_SECRET: this is a placeholder, not a secret: set LINK_SECRET to 32 or more random characters (openssl rand -hex 32)\n',
    ],
  ])('%s', async (_, args, env, err) => {
    expect(await dondoc(args, env)).toEqual({ code: 2, out: '', err });
  });

  it('an unknown command or a missing argument is named, with the help after it', async () => {
    const unknown = await dondoc(['lauch', 'x.yaml']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^error: unknown command 'lauch'\n/);
    const missing = await dondoc(['cancel', '524/UBND-VP9']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^error: required option '--reason <text>' not specified\n/);
    const help = await dondoc(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['launch', 'import', 'status', 'overdue', 'amend', 'cancel', 'report', 'units'])
      expect(help.out).toMatch(new RegExp(`\\n  ${command}\\b`));
  });
});
