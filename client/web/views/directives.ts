// What the coordinator's pages show (staff/directives.eta, staff/matrix.eta, staff/task.eta):
// their words, and the read model's rows put in the page's language.
import { STATUS_LABELS, type TaskStatus } from '../../../domain/status';
import { revisionDue } from '../../../domain/chase';
import type { WorkingCalendar } from '../../../domain/calendar';
import type { ChasePolicy } from '../../../domain/schemas';
import { formatDate, formatDateShortVi, formatDateTime, type Lang } from '../../../domain/format';
import type { DirectiveProgress } from '../../../db/board-queries';
import type { DirectiveHeader } from '../../../db/directives';
import type { TaskRow } from '../../../db/read-model';
import type { User } from '../../../db/users';
import { taskHistory } from './task-history';
import { reportsShown, reviewWords } from './reports';

/** A day in a table: 10/12/2026, or 10 December 2026. */
export const day = (d: string, lang: Lang) => (lang === 'vi' ? formatDateShortVi(d) : formatDate(d, 'en'));

/**
 * A deadline as a reader must take it: "dự kiến" (provisional) when its year's days off are not
 * announced yet, since the announcement may still move it.
 */
export const dueDay = (d: string, lang: Lang, calendar: WorkingCalendar) =>
  day(d, lang) + (calendar.isProvisional(d) ? (lang === 'vi' ? ' (dự kiến)' : ' (provisional)') : '');

export const DIR_WORDS = {
  vi: {
    directives: 'Văn bản đang theo dõi',
    number: 'Số, ký hiệu',
    title: 'Trích yếu',
    state: 'Tình trạng',
    tasks: 'Nhiệm vụ',
    done: 'Đã xong',
    overdue: 'Quá hạn',
    review: 'Chờ duyệt',
    progress: 'Tiến độ',
    none: 'Chưa có văn bản nào.',
    unit: 'Đơn vị',
    status: 'Tình trạng',
    deadline: 'Thời hạn',
    lastChase: 'Nhắc gần nhất',
    level: 'Cấp đôn đốc',
    report: 'Báo cáo',
    consolidated: 'Báo cáo tổng hợp',
    amend: 'Điều chỉnh',
    move: 'Đổi hạn',
    remove: 'Bỏ nhiệm vụ của đơn vị',
    add: 'Thêm đơn vị',
    taskTitle: 'Nhiệm vụ',
    moveReason: 'Lý do đổi hạn (gửi cho đơn vị)',
    confirmEarlier: 'Tôi xác nhận rút ngắn thời hạn (hạn mới sớm hơn hạn hiện tại)',
    newDeadline: 'Hạn mới',
    apply: 'Thực hiện',
    cancel: 'Hủy văn bản',
    reason: 'Lý do',
    noReport: 'chưa có',
    history: 'Diễn biến',
    reviewTitle: 'Xem xét báo cáo',
    accept: 'Chấp nhận',
    return: 'Trả lại để hoàn thiện',
    comment: 'Ý kiến',
    extTitle: 'Đề nghị gia hạn',
    approve: 'Chấp thuận',
    reject: 'Không chấp thuận',
    indicators: 'Chỉ tiêu',
    text: 'Nội dung',
    matrix: 'Ma trận nhiệm vụ',
    states: { running: 'Đang thực hiện', cancelling: 'Đang hủy', done: 'Đã hoàn thành', cancelled: 'Đã hủy' } as Record<
      string,
      string
    >,
    reports: 'Các báo cáo đơn vị đã gửi',
    noReports: 'Đơn vị chưa gửi báo cáo nào.',
    sentAt: 'Gửi lúc',
    by: 'Người báo cáo',
    attachments: 'Tệp đính kèm',
    reviewComment: 'Ý kiến của văn phòng',
    ifReturned: (d: string) => `Nếu trả lại hôm nay, đơn vị phải gửi lại báo cáo trước 17 giờ ngày ${d}.`,
    revisionDue: 'Hạn gửi lại báo cáo',
    ok: {
      accepted: 'Đã chấp nhận báo cáo.',
      returned: 'Đã trả lại báo cáo; đơn vị được báo qua thư.',
      returnedUntil: 'Đã trả lại báo cáo; đơn vị được báo qua thư. Hạn gửi lại',
      approved: 'Đã chấp thuận gia hạn.',
      rejected: 'Đã từ chối gia hạn; đơn vị được báo qua thư.',
      moved: 'Đã đổi hạn; đơn vị được báo qua thư.',
      removed: 'Đã bỏ nhiệm vụ của đơn vị; đơn vị được báo qua thư.',
      added: 'Đã thêm nhiệm vụ; thư giao nhiệm vụ đang được gửi đến đơn vị.',
      cancelled: 'Đã hủy văn bản; các nhiệm vụ đang được dừng.',
      launched: 'Đã giao việc: thư giao nhiệm vụ đang được gửi đến các đơn vị',
      already: 'Văn bản này đã giao trước đó; không giao lại.',
    } as Record<string, string>,
  },
  en: {
    directives: 'Directives followed',
    number: 'Number',
    title: 'Title',
    state: 'State',
    tasks: 'Tasks',
    done: 'Done',
    overdue: 'Overdue',
    review: 'To review',
    progress: 'Progress',
    none: 'No directive yet.',
    unit: 'Unit',
    status: 'Status',
    deadline: 'Deadline',
    lastChase: 'Last reminder',
    level: 'Escalation',
    report: 'Report',
    consolidated: 'Consolidated report',
    amend: 'Amend',
    move: 'Move the deadline',
    remove: "Remove the unit's task",
    add: 'Add a unit',
    taskTitle: 'Task',
    moveReason: 'Why the deadline moves (sent to the unit)',
    confirmEarlier: 'I confirm shortening the deadline (the new one is earlier)',
    newDeadline: 'New deadline',
    apply: 'Apply',
    cancel: 'Cancel the directive',
    reason: 'Reason',
    noReport: 'none',
    history: 'History',
    reviewTitle: 'Review the report',
    accept: 'Accept',
    return: 'Return for revision',
    comment: 'Comment',
    extTitle: 'Extension request',
    approve: 'Approve',
    reject: 'Refuse',
    indicators: 'Indicators',
    text: 'Text',
    matrix: 'Task matrix',
    states: { running: 'Running', cancelling: 'Cancelling', done: 'Done', cancelled: 'Cancelled' } as Record<
      string,
      string
    >,
    reports: 'Reports the unit sent',
    noReports: 'The unit has sent no report yet.',
    sentAt: 'Sent',
    by: 'Reported by',
    attachments: 'Attachments',
    reviewComment: "The office's comment",
    ifReturned: (d: string) => `Returned today, the report must come back by 17:00 on ${d}.`,
    revisionDue: 'Revised report due',
    ok: {
      accepted: 'Report accepted.',
      returned: 'Report returned; the unit was told by mail.',
      returnedUntil: 'Report returned; the unit was told by mail. Revised report due',
      approved: 'Extension approved.',
      rejected: 'Extension refused; the unit was told by mail.',
      moved: 'Deadline moved; the unit was told by mail.',
      removed: "The unit's task was removed; the unit was told by mail.",
      added: 'Task added; the assignment mail is on its way to the unit.',
      cancelled: 'Directive cancelled; its tasks are being stopped.',
      launched: 'Launched: the assignment mail is on its way to each unit',
      already: 'This directive was launched before; it was not launched again.',
    } as Record<string, string>,
  },
};

export const directivesView = (rows: DirectiveProgress[], lang: Lang) => ({
  t: DIR_WORDS[lang],
  rows: rows.map((r) => ({ ...r, pct: r.tasks ? Math.round((r.done / r.tasks) * 100) : 0 })),
});

/** What an action did or why it was refused, shown above the page. */
export interface Outcome {
  notice?: string;
  error?: string;
}

export interface MatrixFigures {
  d: DirectiveHeader;
  tasks: TaskRow[];
  /** Tasks of the directive whose workflow has not written its row yet: being assigned (đang giao). */
  planned: { unit: string; deadline?: string }[];
  names: ReadonlyMap<string, string>;
  /** The unit directory, for adding a unit. */
  units: { code: string; name: string }[];
  statusOf: (r: TaskRow) => TaskStatus;
  calendar: WorkingCalendar;
  today: string;
  /** What a refused form had, shown again. */
  form?: Record<string, string>;
}

/** What staff/matrix.eta reads: a row per task, each unit's latest report and chase, and the amend forms. */
export function matrixView(m: MatrixFigures, lang: Lang, csrf: string, o: Outcome) {
  const t = DIR_WORDS[lang];
  const name = (code: string) => m.names.get(code) ?? code;
  const rows = m.tasks.map((r) => {
    const status = m.statusOf(r);
    const last = r.snapshot.state.reports.at(-1);
    const chase = r.snapshot.state.chases.at(-1);
    return {
      id: r.workflow_id,
      unit: r.unit_code,
      unitName: name(r.unit_code),
      cycle: r.cycle,
      status: status,
      statusLabel: STATUS_LABELS[status][lang],
      deadline: dueDay(r.deadline, lang, m.calendar),
      level: r.escalation_level,
      report: last ? `${last.receipt}: ${reviewWords(last.review, lang)}` : t.noReport,
      lastChase: chase ? formatDateTime(chase.at, lang) : '—',
    };
  });
  const planned = m.planned.map((p) => ({
    id: undefined,
    unit: p.unit,
    unitName: name(p.unit),
    cycle: '',
    status: 'assigning',
    statusLabel: STATUS_LABELS.assigning[lang],
    deadline: p.deadline ? dueDay(p.deadline, lang, m.calendar) : '—',
    level: 0,
    report: t.noReport,
    lastChase: '—',
  }));
  const tasks = [...rows, ...planned].sort((a, b) => a.unit.localeCompare(b.unit) || a.cycle.localeCompare(b.cycle));
  const inDirective = new Set(tasks.map((r) => r.unit));
  return {
    t,
    d: m.d,
    csrf,
    ...o,
    today: m.today,
    form: m.form ?? {},
    tasks,
    // A unit once in the directive is chosen from the rows; any other unit of the directory can be added.
    amendable: [...inDirective].map((code) => ({ code, name: name(code) })),
    addable: m.units.filter((u) => !inDirective.has(u.code)),
  };
}

export interface StaffTaskFigures {
  row: TaskRow;
  unitName: string;
  status: TaskStatus;
  user: User;
  /** The directive's chase policy: its revision window dates a returned report. */
  policy: ChasePolicy;
  calendar: WorkingCalendar;
  today: string;
}

/** What staff/task.eta reads: the task, its pending report and extension request, and its history. */
export function staffTaskView(f: StaffTaskFigures, lang: Lang, csrf: string, o: Outcome & { comment?: string }) {
  const task = f.row.snapshot;
  const t = DIR_WORDS[lang];
  const pending = task.state.reports.find((r) => r.review === 'pending');
  const ext = task.state.extension;
  const file = (sha: string) => `/nhiem-vu/tep?id=${encodeURIComponent(task.workflowId)}&sha=${sha}`;
  const reports = reportsShown(task.state.reports, task.spec.indicators, lang, file);
  // What a return would ask of the unit, said before the coordinator confirms it.
  const ifReturned = revisionDue(f.today, task.state.deadline, f.policy, f.calendar);
  return {
    t: DIR_WORDS[lang],
    task,
    csrf,
    notice: o.notice,
    error: o.error,
    comment: o.comment ?? '',
    title: task.spec.title,
    unitName: f.unitName,
    status: f.status,
    statusLabel: STATUS_LABELS[f.status][lang],
    deadline: dueDay(task.state.deadline, lang, f.calendar),
    revisionDue:
      task.state.phase === 'returned' && task.state.revisionDue
        ? dueDay(task.state.revisionDue, lang, f.calendar)
        : undefined,
    ifReturned: t.ifReturned(dueDay(ifReturned, lang, f.calendar)),
    reports,
    // A supervisor reads; the office acts.
    canAct: f.user.role !== 'supervisor',
    back:
      f.user.role === 'supervisor' ? '/giam-sat' : `/van-ban/ma-tran?so=${encodeURIComponent(f.row.directive_number)}`,
    pending: pending && reports.find((r) => r.receipt === pending.receipt),
    extension: ext && `${day(ext.requested, lang)} — ${ext.reason} (${ext.by})`,
    history: taskHistory(task, lang),
  };
}
