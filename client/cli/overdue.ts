// `dondoc overdue`: the tasks past their deadline with no report, read from the read model,
// by directive, unit and escalation level: the list an office chases (đôn đốc) from.
import type { Config } from '../../config';
import { localDateOf, vietnamCalendar } from '../../domain/calendar';
import { workingDaysOverdue } from '../../domain/status';
import { createReadModel } from '../../db/read-model';
import { statusOf } from '../../workflows/task-state';
import { formatDateShortVi, type Lang } from '../../domain/format';
import { langOption, printJson, UsageError, withReadModelPool, type CliIo } from './io';

export interface OverdueOptions {
  directive?: string;
  unit?: string;
  level?: string;
  json?: boolean;
  lang?: string;
}

export interface OverdueTask {
  directive: string;
  unit: string;
  unitName: string;
  cycle: string;
  title: string;
  deadline: string;
  workingDaysLate: number;
  escalationLevel: number;
  state: string;
}

const LEVEL_NAMES: Record<Lang, Record<number, string>> = {
  vi: { 1: 'thủ trưởng đơn vị', 2: 'lãnh đạo phụ trách', 3: 'Ban Chỉ đạo' },
  en: { 1: 'head', 2: 'supervisor', 3: 'steering committee' },
};

const SAID = {
  vi: {
    none: (d: string) => `Không có nhiệm vụ quá hạn nào ngày ${formatDateShortVi(d)}.\n`,
    count: (n: number, d: string) => `${n} nhiệm vụ quá hạn ngày ${formatDateShortVi(d)}:\n`,
    line: (t: OverdueTask, level: string) =>
      `  ${t.directive}${t.cycle ? ` ${t.cycle}` : ''}  ${t.unit} ${t.unitName}  hạn ${formatDateShortVi(t.deadline)}, quá ${t.workingDaysLate} ngày làm việc${t.state === 'returned' ? ', đã trả lại để hoàn thiện' : ''}${level ? `  đã báo cáo vượt cấp ${t.escalationLevel} (${level})` : ''}\n`,
  },
  en: {
    none: (d: string) => `No overdue tasks on ${d}.\n`,
    count: (n: number, d: string) => `${n} overdue task${n === 1 ? '' : 's'} on ${d}:\n`,
    line: (t: OverdueTask, level: string) =>
      `  ${t.directive}${t.cycle ? ` ${t.cycle}` : ''}  ${t.unit} ${t.unitName}  due ${t.deadline}, ${t.workingDaysLate} working day${t.workingDaysLate === 1 ? '' : 's'} late${t.state === 'returned' ? ', returned for revision' : ''}${level ? `  escalated L${t.escalationLevel} (${level})` : ''}\n`,
  },
};

export function parseLevel(level: string | undefined): number | undefined {
  if (level === undefined) return undefined;
  const m = /^L?([1-9])$/i.exec(level.trim());
  if (!m)
    throw new UsageError(
      `--level: expected an escalation level from 1 to 9 (1 the unit's head, 2 the supervisor, 3 the steering committee), got "${level}"`,
    );
  return Number(m[1]);
}

export async function overdueCommand(io: CliIo, config: Config, o: OverdueOptions, now = Date.now()): Promise<void> {
  const minEscalationLevel = parseLevel(o.level);
  const calendar = vietnamCalendar();
  const today = localDateOf(now);
  const tasks = await withReadModelPool(config, async (pool) => {
    const readModel = createReadModel(pool);
    if (o.unit && !(await readModel.unit(o.unit))) throw new UsageError(`--unit: no unit ${o.unit} in the directory`);
    if (o.directive && !(await readModel.tasksOfDirective(o.directive)).length)
      throw new UsageError(`--directive: no tasks of directive ${o.directive} in the read model; check the number`);
    const names = new Map((await readModel.units()).map((u) => [u.code, u.name]));
    const rows = await readModel.openTasksDueBy(today, { directive: o.directive, unit: o.unit, minEscalationLevel });
    // The read model narrows by day; the status rule (17:00 on the deadline day) decides.
    return rows
      .filter((r) => statusOf(r.snapshot.state, now, calendar) === 'overdue')
      .map((r): OverdueTask => ({
        directive: r.directive_number,
        unit: r.unit_code,
        unitName: names.get(r.unit_code) ?? r.unit_code,
        cycle: r.cycle,
        title: r.title,
        deadline: r.deadline,
        workingDaysLate: workingDaysOverdue(r.deadline, now, calendar),
        escalationLevel: r.escalation_level,
        state: r.state,
      }));
  });
  if (o.json) return printJson(io, { asOf: today, count: tasks.length, tasks });
  const lang = langOption(o.lang, config);
  const said = SAID[lang];
  if (!tasks.length) return io.out(said.none(today));
  io.out(said.count(tasks.length, today));
  for (const t of tasks) {
    const level = t.escalationLevel ? (LEVEL_NAMES[lang][t.escalationLevel] ?? LEVEL_NAMES[lang][3]) : '';
    io.out(said.line(t, level));
  }
}
