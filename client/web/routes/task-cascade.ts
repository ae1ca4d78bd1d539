// A district passes its task on from its task page: the form read into a cascade request (the
// same schema the workflow validates with), the workflow's refusal put under the right field,
// and the section of the page that shows the form or the sub-directive it started.
import { vietnamCalendar } from '../../../domain/calendar';
import { CascadeRequestSchema, type CascadeRequest } from '../../../domain/commands';
import { formatDate, formatDateTime, type Lang } from '../../../domain/format';
import { addDays, localDateOf } from '../../../domain/local-date';
import { DocumentNumberSchema } from '../../../domain/schemas';
import { CASCADE_WORDS, type CascadeModel, type CascadeValues } from '../views/task-cascade';
import { cascadeCompletionOf } from '../../../db/directives';
import type { FieldErrors } from '../views/task-forms';
import type { TaskRow } from '../../../db/read-model';
import { closedUnitCodes } from '../../../db/unit-admin';
import type { WebDeps } from '../deps';
import { list, parseDay } from './task-actions';

const MESSAGES = {
  vi: {
    number: 'Hãy nhập số, ký hiệu văn bản, ví dụ 45/KH-UBND.',
    title: 'Hãy nhập trích yếu.',
    date: 'Hãy chọn một ngày có thật.',
    past: 'Ngày này đã qua; hãy chọn một ngày sau hôm nay.',
    after: (d: string) => `Hạn của đơn vị cấp dưới không được sau hạn của huyện (${d}).`,
    units: 'Hãy chọn ít nhất một đơn vị trực thuộc.',
    used: 'Số văn bản này đã được dùng cho một văn bản khác.',
    already: 'Nhiệm vụ đã được giao tiếp trước đó.',
    closed: 'Nhiệm vụ đã kết thúc hoặc đã bị hủy.',
    other: 'Không thực hiện được yêu cầu; xin thử lại.',
  },
  en: {
    number: 'Enter the number and symbol, e.g. 45/KH-UBND.',
    title: 'Enter the subject.',
    date: 'Choose a real date.',
    past: 'That day has passed; choose a day after today.',
    after: (d: string) => `The units' deadline cannot be after the district's own (${d}).`,
    units: 'Choose at least one subordinate unit.',
    used: 'That number is already used by another document.',
    already: 'The task was already passed on.',
    closed: 'The task is closed or was cancelled.',
    other: 'The request could not be carried out; try again.',
  },
};

type Body = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The units a district may pass its task to: those whose parent it is in the directory. */
export async function subUnitsOf(deps: WebDeps, unit: string) {
  // A unit closed or merged away in a reorganisation takes no new task.
  const closed = await closedUnitCodes(deps.pool);
  return (await deps.readModel.units()).filter((u) => u.parent === unit && !closed.has(u.code));
}

/** Whether the page offers the form: a task marked for cascading, not yet passed on, still open. */
export const canCascade = (row: TaskRow): boolean => {
  const { spec, state } = row.snapshot;
  return spec.cascade && !state.cascade && ['open', 'returned', 'submitted'].includes(state.phase);
};

function defaults(row: TaskRow): CascadeValues {
  const { deadline } = row.snapshot.state;
  const early = vietnamCalendar().workingDaysBefore(deadline, 2);
  return {
    number: '',
    title: row.snapshot.spec.title,
    deadline: early > localDateOf(Date.now()) ? early : deadline,
    units: [],
  };
}

export interface CascadeForm {
  values: CascadeValues;
  errors: FieldErrors;
  request?: CascadeRequest;
}

export function readCascade(
  body: Body,
  o: { row: TaskRow; lang: Lang; by: string; issuer: string; allowed: Set<string> },
): CascadeForm {
  const t = MESSAGES[o.lang];
  const { spec, state } = o.row.snapshot;
  const values: CascadeValues = {
    number: str(body['cascade.number']),
    title: str(body['cascade.title']),
    deadline: str(body['cascade.deadline']),
    units: list(body['cascade.units']).map(str).filter(Boolean),
  };
  const errors: FieldErrors = {};
  if (!DocumentNumberSchema.safeParse(values.number).success) errors.number = t.number;
  if (!values.title) errors.title = t.title;
  const day = parseDay(values.deadline);
  if (!day) errors.deadline = t.date;
  else if (day <= localDateOf(Date.now())) errors.deadline = t.past;
  else if (day > state.deadline) errors.deadline = t.after(formatDate(state.deadline, o.lang));
  const units = values.units.filter((u) => o.allowed.has(u));
  if (!units.length || units.length !== values.units.length) errors.units = t.units;
  if (Object.keys(errors).length) return { values, errors };
  const parsed = CascadeRequestSchema.safeParse({
    number: values.number,
    title: values.title,
    issuer: o.issuer,
    by: o.by,
    tasks: units.map((unit) => ({
      unit,
      role: 'lead',
      title: values.title,
      body: spec.body,
      deadline: { date: day },
      indicators: spec.indicators,
      completion: spec.completion,
    })),
  });
  return parsed.success ? { values, errors, request: parsed.data } : { values, errors: { form: t.other } };
}

/** The workflow's refusal ("number: …", "tasks.0.deadline: …") under the form's fields. */
export function cascadeRefusal(r: { code: string; message: string }, lang: Lang, row: TaskRow): FieldErrors {
  const t = MESSAGES[lang];
  if (r.code === 'TASK_CLOSED') return { form: t.closed };
  if (r.code === 'CONFLICT') return /already passed on/.test(r.message) ? { form: t.already } : { number: t.used };
  if (/^tasks\.\d+\.deadline:/.test(r.message))
    return { deadline: t.after(formatDate(row.snapshot.state.deadline, lang)) };
  if (/^number:/.test(r.message)) return { number: t.number };
  return { form: t.other };
}

/** The cascade part of the page: the form (fresh, or as typed with its errors) or what was started. */
export async function cascadeSection(
  deps: WebDeps,
  row: TaskRow,
  lang: Lang,
  csrf: string,
  form?: Omit<CascadeForm, 'request'>,
): Promise<CascadeModel | undefined> {
  const { state } = row.snapshot;
  const named = async (code: string) => (await deps.readModel.unit(code))?.name ?? code;
  if (state.cascade) {
    const c = state.cascade;
    return {
      lang,
      csrf,
      started: {
        number: c.number,
        at: formatDateTime(c.at, lang),
        by: c.by,
        phase: c.phase,
        units: await Promise.all(c.units.map(named)),
      },
    };
  }
  if (!canCascade(row)) return undefined;
  const units = (await subUnitsOf(deps, row.unit_code)).map((u) => ({ code: u.code, name: u.name }));
  // What closes the district's task is the directive's policy, kept with the directive.
  const closes = (await cascadeCompletionOf(deps.pool, row.directive_number)) ?? 'sub-directive';
  return {
    lang,
    csrf,
    form: {
      units,
      values: form?.values ?? defaults(row),
      errors: form?.errors ?? {},
      minDate: addDays(localDateOf(Date.now()), 1),
      maxDate: state.deadline,
      closesWith: CASCADE_WORDS[lang].closes[closes] ?? '',
    },
  };
}
