// A draft checked before it is previewed or launched: the same zod schema as a directive file,
// the unit directory, and, for a launch, every question of the importer answered. Each complaint
// is said in the page's language at the field it is about.
import type { Lang } from '../../../domain/format';
import { DirectiveSchema, type Directive } from '../../../domain/schemas';
import { fieldOf, isOpen, type Draft, type FieldErrors } from './launch-draft';
import { parseDay } from './task-actions';

const MESSAGES = {
  vi: {
    required: 'Không được để trống.',
    number: 'Số, ký hiệu viết như 524/UBND-VP9.',
    date: 'Hãy chọn một ngày có thật.',
    days: 'Số ngày làm việc là số nguyên từ 1 đến 365.',
    unit: 'Hãy chọn đơn vị.',
    unknown: (c: string) => `Không có đơn vị ${c} trong danh mục đơn vị.`,
    twice: (c: string) => `Đơn vị ${c} đã có một nhiệm vụ khác trong văn bản này.`,
    supports: 'Nhiệm vụ phối hợp phải chọn đơn vị chủ trì, là đơn vị có nhiệm vụ trong văn bản này.',
    indicatorLine: (n: number) =>
      `dòng ${n}: cần "mã | tên | đơn vị tính", thêm "| chỉ tiêu" nếu có và "| thập phân" cho số không nguyên`,
    line: 'dòng',
    json: 'không đọc được',
    noTask: 'Văn bản cần ít nhất một nhiệm vụ.',
    open: 'Câu hỏi này chưa được trả lời: sửa giá trị, hoặc đánh dấu "giữ nguyên".',
  },
  en: {
    required: 'This cannot be empty.',
    number: 'Write the number and symbol like 524/UBND-VP9.',
    date: 'Choose a real date.',
    days: 'Working days are a whole number from 1 to 365.',
    unit: 'Choose a unit.',
    unknown: (c: string) => `There is no unit ${c} in the unit directory.`,
    twice: (c: string) => `Unit ${c} already has another task in this directive.`,
    supports: 'A support task names its lead unit, one with a task in this directive.',
    indicatorLine: (n: number) =>
      `line ${n}: expected "code | name | unit", and "| target" if there is one, "| decimal" for a number not whole`,
    line: 'line',
    json: 'cannot be read',
    noTask: 'A directive needs at least one task.',
    open: 'This question is not answered: change the value, or tick "keep as it is".',
  },
};

/** The words a person may write for an indicator's type: a count (whole number) or a decimal. */
const TYPES: Record<string, 'count' | 'decimal'> = {
  count: 'count',
  'số nguyên': 'count',
  đếm: 'count',
  decimal: 'decimal',
  'thập phân': 'decimal',
  'số thập phân': 'decimal',
};

/** "code | name | unit", then a target and a type (count, decimal; số nguyên, thập phân) if there are. */
function indicatorsOf(textValue: string, lang: Lang): { value: unknown[]; error?: string } {
  const lines = textValue
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const value: unknown[] = [];
  for (const [n, l] of lines.entries()) {
    const [code, name, unit, ...more] = l.split('|').map((s) => s.trim());
    const type = more.map((m) => TYPES[m.toLowerCase()]).find(Boolean);
    const rest = more.filter((m) => m && !TYPES[m.toLowerCase()]);
    const target = rest.shift();
    if (!code || !name || !unit || rest.length || more.length > 2)
      return { value, error: MESSAGES[lang].indicatorLine(n + 1) };
    value.push({
      code,
      name,
      unit,
      ...(target ? { target: Number(target.replace(',', '.')) } : {}),
      ...(type ? { type } : {}),
    });
  }
  return { value };
}

/**
 * The directive a draft describes, checked as a directive file is, and against the unit
 * directory; or the errors by field. Open questions are errors only when launching.
 */
export function toDirective(
  d: Draft,
  o: { units: ReadonlySet<string>; lang: Lang; launching: boolean },
): { directive?: Directive; errors: FieldErrors } {
  const t = MESSAGES[o.lang];
  const errors: FieldErrors = {};
  const json = (field: 'schedule' | 'policy') => {
    if (!d[field].trim()) return undefined;
    try {
      return JSON.parse(d[field]) as unknown;
    } catch {
      errors[field] = t.json;
      return undefined;
    }
  };
  const tasks = d.tasks.map((task, i) => {
    const indicators = indicatorsOf(task.indicators, o.lang);
    if (indicators.error) errors[`t.${i}.indicators`] = indicators.error;
    if (task.kind === 'days' && !/^\d{1,3}$/.test(task.days.trim())) errors[`t.${i}.deadline`] = t.days;
    return {
      unit: task.unit,
      role: task.role,
      ...(task.role === 'support' ? { supports: task.supports } : {}),
      title: task.title,
      body: task.body,
      deadline: task.kind === 'days' ? { workingDays: Number(task.days) } : { date: parseDay(task.date) ?? task.date },
      indicators: indicators.value,
      ...(task.completion ? { completion: task.completion } : {}),
      cascade: task.cascade === '1',
    };
  });
  const input = {
    number: d.number.trim(),
    title: d.title,
    issuer: d.issuer,
    issuedOn: parseDay(d.issuedOn) ?? d.issuedOn,
    legalBases: d.legalBases
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    ...(d.confidentiality ? { confidentiality: d.confidentiality } : {}),
    schedule: json('schedule'),
    policy: json('policy'),
    tasks,
  };
  const parsed = DirectiveSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path.join('.'));
      // An indicator's complaint names its line of the field: tasks.0.indicators.1.code is line 2.
      const line =
        issue.path[2] === 'indicators' && typeof issue.path[3] === 'number' ? `${t.line} ${issue.path[3] + 1}: ` : '';
      errors[field] ??= line + say(d, field, issue.message, o.lang);
    }
  }
  d.tasks.forEach((task, i) => {
    if (/^[A-Z0-9][A-Z0-9_-]{1,39}$/.test(task.unit) && !o.units.has(task.unit))
      errors[`t.${i}.unit`] ??= t.unknown(task.unit);
  });
  if (o.launching) for (const q of d.questions) if (isOpen(d, q)) errors[q.field] ??= t.open;
  return Object.keys(errors).length || !parsed.success ? { errors } : { directive: parsed.data, errors };
}

/** A schema's complaint in the page's words, for the fields a person fills in. */
function say(d: Draft, field: string, zodMessage: string, lang: Lang): string {
  const t = MESSAGES[lang];
  const row = /^t\.(\d+)\.(\w+)$/.exec(field);
  const task = row ? d.tasks[Number(row[1])] : undefined;
  switch (row ? row[2] : field) {
    case 'number':
      return t.number;
    case 'title':
    case 'issuer':
      return t.required;
    case 'issuedOn':
      return t.date;
    case 'tasks':
      return t.noTask;
    case 'deadline':
      return task?.kind === 'days' ? t.days : t.date;
    case 'unit':
      return !task?.unit || task.unit === '?' ? t.unit : /two tasks/.test(zodMessage) ? t.twice(task.unit) : zodMessage;
    case 'supports':
      return t.supports;
    default:
      return zodMessage;
  }
}
