// What one directive can carry between the runs of its workflow: the launch refuses more.
import { CARRY_LIMIT_BYTES, carriedBytes, LaunchableDirectiveSchema } from '../../domain/carried';
import { FileError, parseDirectiveFile } from '../../domain/directive-file';
import { reportingCycles } from '../../domain/periods';
import { DirectiveSchema, type Directive } from '../../domain/schemas';
import type { DirectiveState, TaskProgress } from '../../workflows/types';
import { taskWorkflowId } from '../../workflows/messages';

const INDICATORS = [
  { code: 'articles', name: 'Tin, bài đã đăng', unit: 'tin, bài' },
  { code: 'conferences', name: 'Hội nghị đã tổ chức', unit: 'hội nghị' },
  { code: 'people', name: 'Lượt người được tuyên truyền', unit: 'lượt người' },
];

/** A directive to `units` communes; `brief` tasks have a one-line body and one indicator. */
function directive(units: number, schedule?: Directive['schedule'], brief = false): Directive {
  return DirectiveSchema.parse({
    number: '1079/KH-UBND',
    title: 'Triển khai Chương trình truyền thông về quyền con người giai đoạn 2023 - 2028',
    issuer: 'Ủy ban nhân dân tỉnh Ninh Bình',
    issuedOn: '2023-01-16',
    ...(schedule ? { schedule } : {}),
    tasks: Array.from({ length: units }, (_, i) => ({
      unit: `NB-XA-${String(i + 1).padStart(5, '0')}`,
      title: 'Tuyên truyền trên hệ thống thông tin cơ sở',
      body: brief
        ? 'Chủ trì tổ chức tuyên truyền; báo cáo kết quả.'
        : 'Tổ chức tuyên truyền về quyền con người trên loa truyền thanh và trang thông tin điện tử của xã; báo cáo số tin, bài, hội nghị và lượt người được tuyên truyền.',
      deadline: { workingDays: 10 },
      indicators: brief ? INDICATORS.slice(0, 1) : INDICATORS,
    })),
  });
}

const QUARTERLY: Directive['schedule'] = {
  kind: 'periodic',
  period: 'quarterly',
  dueDay: 18,
  from: '2023-01-16',
  until: '2028-12-31',
};
const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;

/** The state a directive holds at its last run: every task of every cycle done, with its sums. */
function fullState(d: Directive): DirectiveState {
  const cycles = reportingCycles(d.schedule).map((c) => c.key);
  const tasks: Record<string, TaskProgress> = {};
  for (const cycle of cycles.length ? cycles : ['']) {
    for (const t of d.tasks) {
      const workflowId = taskWorkflowId(d.number, t.unit, cycle);
      tasks[workflowId] = {
        workflowId,
        unit: t.unit,
        cycle,
        phase: 'done',
        deadline: '2028-12-18',
        escalationLevel: 3,
        doneAt: 1_860_000_000_000,
        onTime: false,
        indicators: { articles: 1_250, conferences: 48, people: 125_000 },
      };
    }
  }
  return {
    phase: 'running',
    launchedAt: 1_673_800_000_000,
    queue: [],
    tasks,
    nextCycle: cycles.length,
    version: 123_456,
  };
}

describe('the estimate of what a directive carries', () => {
  it.each([
    ['a one-off directive to 50 communes', directive(50)],
    ['a one-off directive to 2,000 units', directive(2_000, undefined, true)],
    ['a one-off directive to 1,000 units with long tasks', directive(1_000)],
    ['a six-year quarterly plan for 14 units', directive(14, QUARTERLY)],
    ['a six-year quarterly plan for 150 units', directive(150, QUARTERLY)],
  ])('is never below what the workflow really carries: %s', (_, d) => {
    const real = bytes({ directive: d, state: fullState(d) });
    expect(carriedBytes(d)).toBeGreaterThanOrEqual(real);
    // … and not so far above that it refuses what would fit.
    expect(carriedBytes(d)).toBeLessThan(real * 1.25);
  });
});

describe('the launch', () => {
  it('takes a 2,000-unit directive of one-line tasks and a quarterly plan for 150 units', () => {
    expect(LaunchableDirectiveSchema.safeParse(directive(2_000, undefined, true)).success).toBe(true);
    expect(LaunchableDirectiveSchema.safeParse(directive(150, QUARTERLY)).success).toBe(true);
  });

  it('refuses 5,000 units at the tasks line, and the split it proposes is taken', () => {
    const d = directive(5_000);
    const text = JSON.stringify(d, null, 1);
    let message = '';
    try {
      parseDirectiveFile(text, 'd.json');
    } catch (e) {
      expect(e).toBeInstanceOf(FileError);
      message = (e as Error).message;
    }
    const line = text.split('\n').findIndex((l) => l.startsWith(' "tasks"')) + 1;
    const m = new RegExp(
      `^d\\.json:${line}: tasks: 5000 tasks are more than one directive can carry \\(about (\\d\\.\\d) MB of 1\\.5 MB\\); split it into directives of at most (\\d+) tasks$`,
    ).exec(message);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeCloseTo(carriedBytes(d) / 1e6, 1);
    const most = Number(m![2]);
    expect(LaunchableDirectiveSchema.safeParse({ ...d, tasks: d.tasks.slice(0, most) }).success).toBe(true);
    expect(carriedBytes({ ...d, tasks: d.tasks.slice(0, most + 200) })).toBeGreaterThan(CARRY_LIMIT_BYTES);
  });

  it('counts the cycles of a periodic plan: 600 units over 24 quarters are too many', () => {
    const result = LaunchableDirectiveSchema.safeParse(directive(600, QUARTERLY));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message.replace(/ \(.*\)/, '')])).toEqual([
      [
        'tasks',
        `600 tasks over ${reportingCycles(QUARTERLY).length} cycles are more than one directive can carry; split it into directives of at most ${Math.floor((600 * CARRY_LIMIT_BYTES) / carriedBytes(directive(600, QUARTERLY)))} tasks`,
      ],
    ]);
  });
});
