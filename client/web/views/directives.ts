// What the coordinator's pages show (staff/directives.eta, staff/matrix.eta, staff/task.eta):
// their words, and the read model's rows put in the page's language.
import { STATUS_LABELS, type TaskStatus } from '../../../domain/status';
import { revisionDue } from '../../../domain/chase';
import type { WorkingCalendar } from '../../../domain/calendar';
import type { ChasePolicy } from '../../../domain/schemas';
import { formatDate, formatDateShortVi, formatDateTime, type Lang } from '../../../domain/format';
import type { DirectiveProgress } from '../../../db/directive-progress';
import type { DirectiveHeader } from '../../../db/directives';
import type { TaskRow } from '../../../db/read-model';
import type { User } from '../../../db/users';
import { taskHistory } from './task-history';
import { reportsShown, reviewWords } from './reports';
import { DIR_WORDS } from './directive-words';

/** A day in a table: 10/12/2026, or 10 December 2026. */
export const day = (d: string, lang: Lang) => (lang === 'vi' ? formatDateShortVi(d) : formatDate(d, 'en'));

/**
 * A deadline as a reader must take it: "dự kiến" (provisional) when its year's days off are not
 * announced yet, since the announcement may still move it.
 */
export const dueDay = (d: string, lang: Lang, calendar: WorkingCalendar) =>
  day(d, lang) + (calendar.isProvisional(d) ? (lang === 'vi' ? ' (dự kiến)' : ' (provisional)') : '');

export { DIR_WORDS };

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
