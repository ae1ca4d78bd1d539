// `dondoc amend` and `dondoc cancel`: changes to a running directive, sent as Temporal updates.
// The workflow's validator has the last word; its refusal ("unit: … has no task") is printed as is.
import type { Config } from '../../config';
import { AmendRequestSchema, CancelDirectiveSchema, type AmendRequest } from '../../domain/commands';
import { IndicatorSchema, type DeadlineSpec, type Indicator } from '../../domain/schemas';
import { createReadModel } from '../../db/read-model';
import { checkMove, moveRefusal } from '../../domain/deadline-move';
import { formatDateShortVi, localDateAt, type Lang } from '../../domain/format';
import { amendUpdate, cancelDirectiveUpdate, directiveWorkflowId } from '../../workflows/messages';
import {
  explainWorkflowError,
  langOption,
  printJson,
  UsageError,
  withReadModelPool,
  withTemporal,
  type CliIo,
} from './io';
import type { z } from 'zod';

export interface AmendOptions {
  unit?: string;
  reason?: string;
  /** move: the office means to shorten the deadline. */
  confirmEarlier?: boolean;
  lang?: string;
  title?: string;
  body?: string;
  deadline?: string;
  role?: string;
  supports?: string;
  indicator?: string[];
  by?: string;
  json?: boolean;
}

/** Who asked, as the audit trail and the workflow history record it. */
export const defaultActor = () => `dondoc CLI${process.env.USER ? ` (${process.env.USER})` : ''}`;

/** "2025-03-20" is a date; "10" is ten working days. */
export const deadlineOption = (value: string): DeadlineSpec =>
  /^\d+$/.test(value.trim()) ? { workingDays: Number(value) } : { date: value.trim() };

/** "articles:Tin, bài đã đăng:bài" or with a target, "articles:Tin, bài:bài:20". */
export function indicatorOption(value: string): Indicator {
  const [code, name, unit, target, ...rest] = value.split(':').map((s) => s.trim());
  const parsed = IndicatorSchema.safeParse({ code, name, unit, ...(target ? { target: Number(target) } : {}) });
  if (rest.length || !parsed.success) {
    const why =
      rest.length || !name || !unit
        ? 'expected CODE:label:unit, e.g. articles:Tin, bài:bài'
        : parsed.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new UsageError(`--indicator "${value}": ${why}`);
  }
  return parsed.data;
}

/** A schema issue named by the option that carries the field. */
export function optionIssue(error: z.ZodError, options: Record<string, string>): UsageError {
  const issue = error.issues[0];
  const path = issue.path.join('.');
  const option = Object.entries(options).find(([field]) => path === field || path.startsWith(`${field}.`))?.[1];
  return new UsageError(`${option ?? path}: ${issue.message}`);
}

const AMEND_OPTIONS = {
  'task.unit': '--unit',
  'task.title': '--title',
  'task.deadline': '--deadline',
  'task.role': '--role',
  'task.supports': '--supports',
  'task.body': '--body',
  unit: '--unit',
  deadline: '--deadline',
  reason: '--reason',
  by: '--by',
};

function amendRequest(action: string, o: AmendOptions): AmendRequest {
  const need = (option: keyof AmendOptions, why: string) => {
    if (o[option] === undefined) throw new UsageError(`--${option}: required ${why}`);
  };
  const by = o.by ?? defaultActor();
  let raw: unknown;
  if (action === 'add') {
    need('unit', 'to add a task');
    need('title', 'to add a task');
    need('deadline', 'to add a task (a date YYYY-MM-DD or a number of working days)');
    const task = {
      unit: o.unit,
      title: o.title,
      body: o.body,
      role: o.role,
      supports: o.supports,
      deadline: deadlineOption(o.deadline!),
      indicators: (o.indicator ?? []).map(indicatorOption),
    };
    raw = { kind: 'add', by, task: Object.fromEntries(Object.entries(task).filter(([, v]) => v !== undefined)) };
  } else if (action === 'remove') {
    need('unit', 'to remove a task');
    raw = { kind: 'remove', by, unit: o.unit, reason: o.reason };
  } else if (action === 'move') {
    need('unit', 'to move a deadline');
    need('deadline', 'to move a deadline (the new date, YYYY-MM-DD)');
    need('reason', 'to move a deadline (the unit is told why)');
    raw = { kind: 'move', by, unit: o.unit, deadline: o.deadline, reason: o.reason };
  } else throw new UsageError(`amend: unknown change "${action}"; use add, remove or move`);
  const parsed = AmendRequestSchema.safeParse(raw);
  if (!parsed.success) throw optionIssue(parsed.error, AMEND_OPTIONS);
  return parsed.data;
}

export async function amendCommand(
  io: CliIo,
  config: Config,
  number: string,
  action: string,
  o: AmendOptions,
): Promise<void> {
  const req = amendRequest(action, o);
  const lang = langOption(o.lang, config);
  if (req.kind === 'add') {
    const known = await withReadModelPool(config, (pool) => createReadModel(pool).unit(req.task.unit));
    if (!known)
      throw new UsageError(`--unit: no unit ${req.task.unit} in the directory (add it with dondoc units import)`);
  }
  if (req.kind === 'move') {
    // The same checks as the web matrix: no day already past, a move earlier only on purpose.
    const rows = await withReadModelPool(config, (pool) => createReadModel(pool).tasksOfDirective(number));
    const facts = {
      current: rows.filter((r) => r.unit_code === req.unit).at(-1)?.deadline,
      requested: req.deadline,
      today: localDateAt(Date.now()),
      confirmEarlier: o.confirmEarlier === true,
    };
    const check = checkMove(facts);
    if (!check.ok)
      throw new UsageError(
        moveRefusal(check, facts, lang).replace(/^(deadline|confirm):/, (_m, f: string) =>
          f === 'deadline' ? '--deadline:' : '--confirm-earlier:',
        ),
      );
  }
  const result = await withTemporal(config, (client) =>
    client.workflow
      .getHandle(directiveWorkflowId(number))
      .executeUpdate(amendUpdate, { args: [req] })
      .catch((err) => explainWorkflowError(err, number, client)),
  );
  if (o.json) return printJson(io, { number, ...result });
  io.out(`${AMEND_SAID[lang][result.applied](result.unit, number, result.deadline ?? '')}\n`);
}

const AMEND_SAID: Record<Lang, Record<AmendRequest['kind'], (unit: string, n: string, d: string) => string>> = {
  vi: {
    add: (u, n, d) =>
      `Đã thêm nhiệm vụ cho ${u} vào văn bản ${n}, thời hạn ${formatDateShortVi(d)}; thư giao nhiệm vụ đang được gửi.`,
    remove: (u, n) => `Đã bỏ nhiệm vụ của ${u} khỏi văn bản ${n}; đơn vị được báo qua thư.`,
    move: (u, n, d) => `Đã đổi hạn của ${u} trong văn bản ${n} sang ${formatDateShortVi(d)}; đơn vị được báo qua thư.`,
  },
  en: {
    add: (u, n, d) => `Added a task for ${u} to ${n}, due ${d}.`,
    remove: (u, n) => `Removed the task of ${u} from ${n}.`,
    move: (u, n, d) => `Moved the deadline of ${u} in ${n} to ${d}.`,
  },
};

export async function cancelCommand(
  io: CliIo,
  config: Config,
  number: string,
  o: { reason?: string; by?: string; json?: boolean; lang?: string },
): Promise<void> {
  const req = { by: o.by ?? defaultActor(), reason: o.reason ?? '' };
  const parsed = CancelDirectiveSchema.safeParse(req);
  if (!parsed.success) throw optionIssue(parsed.error, { reason: '--reason', by: '--by' });
  const result = await withTemporal(config, (client) =>
    client.workflow
      .getHandle(directiveWorkflowId(number))
      .executeUpdate(cancelDirectiveUpdate, { args: [req] })
      .catch((err) => explainWorkflowError(err, number, client)),
  );
  if (o.json) return printJson(io, { number, ...result });
  const n = result.cancelling;
  io.out(
    langOption(o.lang, config) === 'vi'
      ? `Đang hủy văn bản ${number}: ${n} nhiệm vụ đang mở sẽ được dừng.\n`
      : `Cancelling ${number}: ${n} open task${n === 1 ? '' : 's'} will be closed.\n`,
  );
}
