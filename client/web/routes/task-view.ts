// From the read model to the words on the department's page: the task, its status on the
// Vietnamese working calendar, the mail the unit was sent, the reports and what the office said.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { vietnamCalendar } from '../../../domain/calendar';
import { addDays, localDateOf } from '../../../domain/local-date';
import { STATUS_LABELS } from '../../../domain/status';
import { formatDate, formatDateTime, formatNumber, workingDaysPhrase, type Lang } from '../../../domain/format';
import type { LinkGrant } from '../../../db/links';
import { indicatorLines } from '../views/reports';
import type { TaskRow } from '../../../db/read-model';
import { statusOf } from '../../../workflows/task-state';
import { mailSentTo } from '../../../db/outbox';
import type { FieldErrors, FormValues } from '../views/task-forms';
import { taskPageView } from '../views/task-page';
import { keepToken, type StoredAttachment } from './attachments';
import { linkBinding, linkRefused } from './link-guard';
import { emptyValues } from './task-actions';
import { cascadeSection, type CascadeForm } from './task-cascade';
import type { WebDeps } from '../deps';

const WORDS = {
  vi: {
    lead: 'chủ trì',
    support: 'phối hợp',
    provisional: 'dự kiến, chờ công bố lịch nghỉ',
    pending: 'Đang chờ xem xét',
    accepted: 'Đã chấp nhận',
    returned: 'Trả lại để hoàn thiện',
    approved: 'đồng ý, thời hạn mới',
    rejected: 'không đồng ý',
    receipt: (r: string, at: string) =>
      `Đã nhận báo cáo. Số tiếp nhận: ${r} (lúc ${at}). Thư xác nhận sẽ được gửi đến hộp thư của đơn vị trong giây lát.`,
    ack: 'Đã ghi nhận: đơn vị đã nhận nhiệm vụ.',
    cascade: (n: string) => `Đã giao tiếp cho đơn vị cấp dưới bằng văn bản ${n}; hệ thống gửi thư đến từng đơn vị.`,
    ext: (d: string) => `Đã gửi đề nghị gia hạn đến ${d}. Văn phòng sẽ trả lời qua thư.`,
    kinds: {
      assignment: 'Giao nhiệm vụ',
      reminder: 'Nhắc hạn',
      escalation: 'Đôn đốc',
      receipt: 'Xác nhận đã nhận báo cáo',
      returned: 'Trả lại báo cáo',
      extension_decision: 'Trả lời đề nghị gia hạn',
      cancellation: 'Hủy nhiệm vụ',
      new_link: 'Liên kết mới',
      digest: 'Thư tổng hợp',
    } as Record<string, string>,
  },
  en: {
    lead: 'lead',
    support: 'support',
    provisional: 'provisional until the days off are announced',
    pending: 'Awaiting review',
    accepted: 'Accepted',
    returned: 'Returned for revision',
    approved: 'approved, new deadline',
    rejected: 'refused',
    receipt: (r: string, at: string) =>
      `Report received. Receipt number: ${r} (at ${at}). A confirmation is on its way to the unit's mailbox.`,
    ack: 'Noted: the unit has received the task.',
    cascade: (n: string) => `Passed on to the subordinate units as ${n}; each of them is mailed its task.`,
    ext: (d: string) => `Extension until ${d} requested. The office will answer by email.`,
    kinds: {
      assignment: 'Assignment',
      reminder: 'Reminder',
      escalation: 'Escalation',
      receipt: 'Receipt',
      returned: 'Report returned',
      extension_decision: 'Extension decision',
      cancellation: 'Cancellation',
      new_link: 'New link',
      digest: 'Digest',
    } as Record<string, string>,
  },
};

/** The task a checked link opens; a link whose task is not (or no longer) known is refused like any other. */
export async function linkedTask(deps: WebDeps, req: FastifyRequest): Promise<{ grant: LinkGrant; row: TaskRow }> {
  const grant = req.linkGrant;
  const row = grant ? await deps.readModel.task(grant.taskWorkflowId) : undefined;
  if (!grant || !row) throw linkRefused(req, deps.config.DEFAULT_LANG);
  return { grant, row };
}

export const formatBytes = (n: number, lang: Lang): string =>
  n >= 1_048_576
    ? `${formatNumber(Math.round(n / 104_857.6) / 10, lang)} MB`
    : `${formatNumber(Math.max(1, Math.round(n / 1024)), lang)} KB`;

/** What the forms show: fresh on a GET, as typed (with the refusal) after a POST. */
export interface FormState {
  values?: FormValues;
  errors?: FieldErrors;
  attachments?: StoredAttachment[];
  /** The district's form to pass the task on, as typed. */
  cascade?: Omit<CascadeForm, 'request'>;
}

export interface PageContext {
  deps: WebDeps;
  req: FastifyRequest;
  reply: FastifyReply;
  lang: Lang;
  grant: LinkGrant;
  row: TaskRow;
  /** The web app's secret, which signs the files a refused form carries along. */
  secret: string;
}

export async function sendTaskPage(
  c: PageContext,
  status: number,
  form: FormState = {},
  notice?: (row: TaskRow) => string | undefined,
): Promise<FastifyReply> {
  const { deps, lang, row } = c;
  const w = WORDS[lang];
  const { spec, state, directive } = row.snapshot;
  const cal = vietnamCalendar();
  const now = Date.now();
  const status_ = statusOf(state, now, cal);
  const chasing = state.phase === 'open' || state.phase === 'returned';
  const unitName = async (code: string) => (await deps.readModel.unit(code))?.name ?? code;
  const named = new Map(spec.indicators.map((i) => [i.code, i]));
  const sent = await mailSentTo(deps.pool, row.workflow_id, c.grant.recipient);
  const token = (c.req.params as { token: string }).token;
  const last = state.reports.at(-1);
  const csrf = c.reply.generateCsrf({ userInfo: linkBinding(c.req) });
  const forms = {
    lang,
    csrf,
    acknowledge: state.acknowledgedAt === undefined && chasing && state.reports.length === 0,
    report:
      chasing && spec.completion === 'report'
        ? {
            resubmit: state.phase === 'returned',
            returnedComment: state.phase === 'returned' ? last?.reviewComment : undefined,
            indicators: spec.indicators.map((i) => ({
              code: i.code,
              name: i.name,
              unit: i.unit,
              target: i.target === undefined ? undefined : formatNumber(i.target, lang),
            })),
          }
        : undefined,
    extension: chasing && !state.extension,
    minDate: addDays(localDateOf(now), 1),
    maxMb: formatNumber(deps.config.ATTACHMENT_MAX_MB, lang),
    values: form.values ?? emptyValues(spec.indicators),
    errors: form.errors ?? {},
    kept: (form.attachments ?? []).map((a) => ({
      token: keepToken(c.secret, linkBinding(c.req), a),
      name: a.name,
      size: formatBytes(a.bytes, lang),
    })),
  };
  const page = taskPageView({
    lang,
    notice: notice?.(row),
    directive,
    title: spec.title,
    body: spec.body || undefined,
    unitName: await unitName(row.unit_code),
    role: spec.role === 'lead' ? w.lead : w.support,
    supportsName: spec.supports ? await unitName(spec.supports) : undefined,
    deadline: formatDate(state.deadline, lang) + (cal.isProvisional(state.deadline) ? ` (${w.provisional})` : ''),
    left: chasing ? workingDaysPhrase(cal.workingDaysBetween(localDateOf(now), state.deadline), lang) : undefined,
    status: status_,
    statusLabel: STATUS_LABELS[status_][lang],
    acknowledgedAt: state.acknowledgedAt === undefined ? undefined : formatDateTime(state.acknowledgedAt, lang),
    indicators: spec.indicators.map((i) => ({
      name: i.name,
      unit: i.unit,
      target: i.target === undefined ? undefined : formatNumber(i.target, lang),
    })),
    pendingExtension: state.extension
      ? { until: formatDate(state.extension.requested, lang), reason: state.extension.reason }
      : undefined,
    extensions: state.extensions.map((e) => ({
      requested: formatDate(e.requested, lang),
      decided: e.decided === 'approved' ? `${w.approved} ${formatDate(e.deadline, lang)}` : w.rejected,
      deadline: formatDate(e.deadline, lang),
      comment: e.comment,
    })),
    sent: sent.map((m) => ({
      at: formatDateTime(m.sentAt.getTime(), lang),
      kind: w.kinds[m.purpose] ?? m.purpose,
      subject: m.subject,
    })),
    reports: [...state.reports].reverse().map((r) => ({
      receipt: r.receipt,
      at: formatDateTime(r.submittedAt, lang),
      review: w[r.review],
      reviewClass: r.review === 'accepted' ? 'done_on_time' : r.review === 'returned' ? 'overdue' : 'pending_review',
      text: r.text,
      by: r.submittedBy,
      comment: r.reviewComment,
      indicators: Object.entries(r.indicators).map(([code, v]) => ({
        name: named.get(code)?.name ?? code,
        value: formatNumber(v, lang),
        unit: named.get(code)?.unit ?? '',
      })),
      attachments: r.attachments.map((a) => ({
        name: a.name,
        size: formatBytes(a.bytes, lang),
        href: `${token}/tep/${a.sha256}`,
      })),
    })),
    // A lead unit (chủ trì) builds its report on its support units' input: it reads all they sent.
    supportReports: await Promise.all(
      (await deps.readModel.supportTasksOf(row.directive_number, row.unit_code, row.cycle))
        .flatMap((t) => t.snapshot.state.reports.map((r) => ({ unit: t.unit_code, spec: t.snapshot.spec, ...r })))
        .map(async (r) => ({
          unitName: await unitName(r.unit),
          receipt: r.receipt,
          at: formatDateTime(r.submittedAt, lang),
          by: r.submittedBy,
          text: r.text,
          review: w[r.review],
          indicators: indicatorLines(r.indicators, r.spec.indicators, lang),
          attachments: r.attachments.map((a) => ({
            name: a.name,
            size: formatBytes(a.bytes, lang),
            href: `${token}/tep/${a.sha256}`,
          })),
        })),
    ),
    forms,
    cascade: await cascadeSection(deps, row, lang, csrf, form.cascade),
  });
  return c.reply.status(status).header('cache-control', 'no-store').view('public/task', page);
}

/** The line at the top after a post/redirect/get: shown only when the task bears it out. */
export function noticeFor(lang: Lang, query: { receipt?: string; done?: string }) {
  const w = WORDS[lang];
  return (row: TaskRow): string | undefined => {
    const { state } = row.snapshot;
    const report = query.receipt ? state.reports.find((r) => r.receipt === query.receipt) : undefined;
    if (report) return w.receipt(report.receipt, formatDateTime(report.submittedAt, lang));
    if (query.done === 'ack' && state.acknowledgedAt !== undefined) return w.ack;
    if (query.done === 'ext' && state.extension) return w.ext(formatDate(state.extension.requested, lang));
    if (query.done === 'cascade' && state.cascade) return w.cascade(state.cascade.number);
    return undefined;
  };
}
