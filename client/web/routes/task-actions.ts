// What a department's forms ask of its task: read the form with the same schemas the workflow
// validates with, send it as a Temporal update, and turn a refusal into the field's error in
// the page's language. A refused form loses nothing typed.
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ExtensionRequestSchema } from '../../../domain/commands';
import { formatDate, formatNumber, type Lang } from '../../../domain/format';
import {
  LocalDateSchema,
  ReportSubmissionSchema,
  type Indicator,
  type ReportSubmission,
} from '../../../domain/schemas';
import type { ExtensionRequest } from '../../../domain/commands';
import {
  acknowledgeUpdate,
  requestExtensionUpdate,
  submitReportUpdate,
  taskStateQuery,
} from '../../../workflows/messages';
import type { FieldErrors, FormValues } from '../views/task-forms';
import type { StoredAttachment, Upload } from './attachments';

const MESSAGES = {
  vi: {
    text: 'Hãy nhập nội dung báo cáo.',
    number: 'Hãy nhập một số không âm, ví dụ 20.000 hoặc 12,5 (nhập 0 nếu không có).',
    whole: (name: string) => `"${name}" là số đếm: hãy nhập một số nguyên, ví dụ 12 hoặc 20.000.`,
    notIndicator: 'Đây không phải chỉ tiêu của nhiệm vụ này.',
    tooLarge: (names: string, mb: string) => `Tệp quá lớn (tối đa ${mb} MB mỗi tệp), chưa được nhận: ${names}.`,
    by: 'Tên người báo cáo dài quá 200 ký tự.',
    date: 'Hãy nhập một ngày có thật, dạng ngày/tháng/năm.',
    past: 'Ngày này đã qua; hãy chọn một ngày sau hôm nay.',
    notAfter: (d: string) => `Ngày gia hạn phải sau thời hạn hiện tại (${d}).`,
    reason: 'Hãy nêu lý do đề nghị gia hạn (ít nhất 3 ký tự).',
    stale: 'Biểu mẫu đã cũ; hãy tải lại trang rồi gửi lại.',
    REPORT_NOT_EXPECTED: 'Báo cáo trước đang chờ văn phòng xem xét, hoặc nhiệm vụ đã xong: chưa thể gửi báo cáo mới.',
    TASK_CLOSED: 'Nhiệm vụ đã kết thúc hoặc đã bị hủy.',
    EXTENSION_PENDING: 'Đề nghị gia hạn trước đang chờ quyết định.',
    BUSY: 'Hệ thống đang bận, xin thử lại sau ít phút.',
    other: 'Không thực hiện được yêu cầu; xin thử lại.',
  },
  en: {
    text: 'Write the report.',
    number: 'Enter a number of zero or more, e.g. 20,000 or 12.5 (0 if there is none).',
    whole: (name: string) => `"${name}" is a count: enter a whole number, e.g. 12 or 20,000.`,
    notIndicator: 'This is not an indicator of this task.',
    tooLarge: (names: string, mb: string) => `Too large (at most ${mb} MB a file), not received: ${names}.`,
    by: 'The name is longer than 200 characters.',
    date: 'Enter a real date, day/month/year.',
    past: 'That day has passed; choose a day after today.',
    notAfter: (d: string) => `The new date must be after the current deadline (${d}).`,
    reason: 'Give the reason for the extension (at least 3 characters).',
    stale: 'The form is out of date; reload the page and send it again.',
    REPORT_NOT_EXPECTED:
      'An earlier report is waiting for review, or the task is done: a new report cannot be sent now.',
    TASK_CLOSED: 'The task is closed or was cancelled.',
    EXTENSION_PENDING: 'An earlier extension request is waiting for a decision.',
    BUSY: 'The system is busy; try again in a few minutes.',
    other: 'The request could not be carried out; try again.',
  },
};

type Body = Record<string, unknown>;
const str = (v: unknown): string =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
export const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function emptyValues(indicators: Indicator[]): FormValues {
  return {
    submissionId: randomUUID(),
    text: '',
    submittedBy: '',
    indicators: Object.fromEntries(indicators.map((i) => [i.code, ''])),
    until: '',
    reason: '',
  };
}

export function valuesOf(body: Body, indicators: Indicator[]): FormValues {
  const sid = str(body.submissionId);
  return {
    submissionId: /^[A-Za-z0-9-]{8,100}$/.test(sid) ? sid : randomUUID(),
    text: str(body.text),
    submittedBy: str(body.submittedBy),
    indicators: Object.fromEntries(indicators.map((i) => [i.code, str(body[`ind.${i.code}`])])),
    until: str(body.until),
    reason: str(body.reason),
  };
}

/**
 * A number as a person types it: "20.000" or "12,5" in Vietnamese, "20,000" or "12.5" in
 * English; a single "," or "." between digits is read as the decimal mark in either language.
 */
export function parseAmount(raw: string, lang: Lang): number | undefined {
  const s = raw.replace(/\s/g, '');
  const [group, decimal] = lang === 'vi' ? ['.', ','] : [',', '.'];
  const grouped = new RegExp(`^\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`);
  let n: number;
  if (grouped.test(s)) n = Number(s.split(group).join('').replace(decimal, '.'));
  else if (/^\d+([.,]\d+)?$/.test(s)) n = Number(s.replace(',', '.'));
  else return undefined;
  return Number.isFinite(n) ? n : undefined;
}

/** A date from a date picker (2026-12-21) or typed by hand where there is none (21/12/2026). */
export function parseDay(raw: string): string | undefined {
  const s = raw.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = dmy ? `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}` : s;
  return LocalDateSchema.safeParse(iso).success ? iso : undefined;
}

export interface ReportForm {
  values: FormValues;
  attachments: StoredAttachment[];
  errors: FieldErrors;
  submission?: ReportSubmission;
}

export function readReport(
  body: Body,
  o: {
    indicators: Indicator[];
    /** The files of this request; `kept`, those of an earlier try, each checked against its signed token. */
    uploads: Upload[];
    kept: StoredAttachment[];
    by: string;
    lang: Lang;
    maxMb: number;
  },
): ReportForm {
  const t = MESSAGES[o.lang];
  const values = valuesOf(body, o.indicators);
  const errors: FieldErrors = {};
  const indicators: Record<string, number> = {};
  for (const i of o.indicators) {
    const n = parseAmount(values.indicators[i.code] ?? '', o.lang);
    if (n === undefined) errors[`ind.${i.code}`] = t.number;
    // A count (leaflets, people; the default) is whole; a decimal (%, km, billion đồng) need not be.
    else if ((i.type ?? 'count') === 'count' && !Number.isInteger(n)) errors[`ind.${i.code}`] = t.whole(i.name);
    else indicators[i.code] = n;
  }
  const attachments = [...o.kept];
  for (const u of o.uploads) if ('sha256' in u && !attachments.some((a) => a.sha256 === u.sha256)) attachments.push(u);
  const refused = o.uploads.filter((u) => 'tooLarge' in u).map((u) => u.name);
  if (refused.length) errors.attachments = t.tooLarge(refused.join(', '), formatNumber(o.maxMb, o.lang));
  const parsed = ReportSubmissionSchema.safeParse({
    text: values.text,
    indicators,
    attachments,
    submittedBy: values.submittedBy.trim() || o.by,
    submissionId: values.submissionId,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (field === 'text') errors.text = t.text;
      else if (field === 'submittedBy') errors.submittedBy = t.by;
      else errors.form = t.stale;
    }
  }
  return {
    values,
    attachments,
    errors,
    submission: Object.keys(errors).length || !parsed.success ? undefined : parsed.data,
  };
}

export function readExtension(
  body: Body,
  o: { indicators: Indicator[]; today: string; by: string; lang: Lang },
): { values: FormValues; errors: FieldErrors; request?: ExtensionRequest } {
  const t = MESSAGES[o.lang];
  const values = valuesOf(body, o.indicators);
  const errors: FieldErrors = {};
  const until = parseDay(values.until);
  if (!until) errors.until = t.date;
  else if (until <= o.today) errors.until = t.past;
  const parsed = ExtensionRequestSchema.safeParse({ until, reason: values.reason, by: o.by });
  if (!parsed.success && parsed.error.issues.some((i) => i.path[0] === 'reason')) errors.reason = t.reason;
  return { values, errors, request: Object.keys(errors).length || !parsed.success ? undefined : parsed.data };
}

/** A workflow's refusal (its validator's ApplicationFailure), or undefined for any other failure. */
export function refusalOf(err: unknown): { code: string; message: string } | undefined {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure)
    return { code: err.cause.type ?? 'INVALID_INPUT', message: err.cause.message };
  if (err instanceof WorkflowNotFoundError) return { code: 'TASK_CLOSED', message: 'the task has closed' };
  return undefined;
}

/** "field: reason; field: reason" from a refusal, said in the page's language under the right field. */
export function refusalErrors(r: { code: string; message: string }, lang: Lang, deadline: string): FieldErrors {
  const t = MESSAGES[lang];
  if (
    r.code === 'REPORT_NOT_EXPECTED' ||
    r.code === 'TASK_CLOSED' ||
    r.code === 'EXTENSION_PENDING' ||
    r.code === 'BUSY'
  )
    return { form: t[r.code] };
  const errors: FieldErrors = {};
  for (const part of r.message.split('; ')) {
    const field = /^([\w.]+):/.exec(part)?.[1] ?? '';
    if (field === 'until')
      errors.until = r.code === 'INVALID_EXTENSION' ? t.notAfter(formatDate(deadline, lang)) : t.date;
    else if (field.startsWith('indicators.'))
      errors[`ind.${field.slice('indicators.'.length)}`] = r.code === 'INVALID_REPORT' ? t.notIndicator : t.number;
    else if (field === 'text' || field === 'reason' || field === 'submittedBy')
      errors[field] = t[field === 'submittedBy' ? 'by' : field];
    else errors.form = t.other;
  }
  return errors;
}

/** The three updates a department sends, each to its own task's workflow. */
export function taskUpdates(client: Client, taskWorkflowId: string) {
  const handle = client.workflow.getHandle(taskWorkflowId);
  return {
    acknowledge: (by: string) => handle.executeUpdate(acknowledgeUpdate, { args: [{ by }] }),
    submitReport: (s: ReportSubmission) => handle.executeUpdate(submitReportUpdate, { args: [s] }),
    requestExtension: (r: ExtensionRequest) => handle.executeUpdate(requestExtensionUpdate, { args: [r] }),
    state: () => handle.query(taskStateQuery),
  };
}
