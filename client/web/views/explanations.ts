// Requests for explanation as the supervisor's pages show them: a badge on a board or monthly
// overview row ("đã giải trình" with the text, or still awaited), the section of the task page,
// and the form that asks for one (staff/explanation-ask.eta).
import { deadlineInstant } from '../../../domain/calendar';
import { formatDate, formatDateTime, type Lang } from '../../../domain/format';
import type { ExplanationRow } from '../../../db/explanations';
import { askerName } from './explanation-page';

export const EXPLAIN_WORDS = {
  vi: {
    ask: 'Yêu cầu giải trình',
    askTitle: 'Yêu cầu đơn vị giải trình',
    askHint:
      'Đơn vị nhận thư có đường liên kết riêng để gửi giải trình; được nhắc trước hạn một ngày làm việc và báo thủ trưởng đơn vị sau hạn một ngày làm việc.',
    question: 'Nội dung yêu cầu giải trình',
    questionDefault: 'Đề nghị đơn vị giải trình lý do chưa hoàn thành nhiệm vụ đúng hạn và nêu thời điểm hoàn thành.',
    deadline: 'Hạn giải trình',
    deadlineHint: 'mặc định 2 ngày làm việc',
    send: 'Gửi yêu cầu giải trình',
    section: 'Giải trình',
    asked: 'Yêu cầu lúc',
    by: 'người yêu cầu',
    due: 'hạn',
    explained: 'Đã giải trình',
    awaited: 'Chờ giải trình',
    late: 'Quá hạn giải trình',
    sending: 'Đang gửi yêu cầu',
    cancelled: 'Đã hủy',
    files: 'Tài liệu',
    sent: (d: string) => `Đã gửi yêu cầu giải trình; hạn giải trình: ${d}.`,
    task: 'Nhiệm vụ',
    unit: 'Đơn vị',
    status: 'Tình trạng',
    back: 'Quay lại',
  },
  en: {
    ask: 'Ask for an explanation',
    askTitle: 'Ask the unit to explain',
    askHint:
      'The unit receives a mail with its own link to answer; it is reminded one working day before the deadline and its head is told one working day after.',
    question: 'What is to be explained',
    questionDefault: 'Please explain why the task was not done by its deadline, and say when it will be.',
    deadline: 'Explanation due',
    deadlineHint: 'two working days by default',
    send: 'Send the request',
    section: 'Explanations',
    asked: 'Asked at',
    by: 'by',
    due: 'due',
    explained: 'Explained',
    awaited: 'Explanation awaited',
    late: 'Explanation overdue',
    sending: 'Being sent',
    cancelled: 'Withdrawn',
    files: 'Documents',
    sent: (d: string) => `The request for explanation was sent; it is due on ${d}.`,
    task: 'Task',
    unit: 'Unit',
    status: 'Status',
    back: 'Back',
  },
};

export type ExplanationState = 'explained' | 'awaited' | 'late' | 'sending' | 'cancelled';

/** Where a request stands, in the legend's colours: explained green, awaited blue, late red. */
export function explanationState(r: ExplanationRow, now: number): ExplanationState {
  if (r.state === 'done') return 'explained';
  if (r.state === 'cancelled') return 'cancelled';
  if (r.state === 'assigning') return 'sending';
  return now > deadlineInstant(r.deadline) ? 'late' : 'awaited';
}

const STATE_CLASS: Record<ExplanationState, string> = {
  explained: 'done_on_time',
  awaited: 'not_due',
  late: 'overdue',
  sending: 'assigning',
  cancelled: 'cancelled',
};

export interface ExplanationItem {
  id: string;
  state: ExplanationState;
  cls: string;
  label: string;
  askedBy: string;
  asked: string;
  question: string;
  due: string;
  answer?: { text: string; at: string; files: { name: string; href: string }[] };
}

export function explanationItem(r: ExplanationRow, lang: Lang, now: number): ExplanationItem {
  const w = EXPLAIN_WORDS[lang];
  const state = explanationState(r, now);
  const answer = r.snapshot.state.reports.at(-1);
  return {
    id: r.workflow_id,
    state,
    cls: STATE_CLASS[state],
    label: w[state],
    askedBy: askerName(r.asked_by),
    asked: r.asked_at ? formatDateTime(r.asked_at.getTime(), lang) : '—',
    question: r.question,
    due: formatDate(r.deadline, lang),
    answer: answer && {
      text: answer.text,
      at: formatDateTime(answer.submittedAt, lang),
      files: answer.attachments.map((a) => ({
        name: a.name,
        href: `/giai-trinh/tep?id=${encodeURIComponent(r.workflow_id)}&sha256=${a.sha256}`,
      })),
    },
  };
}

/** The latest request about each task, for a row of the board or the monthly overview. */
export function latestExplanations(
  about: ReadonlyMap<string, ExplanationRow[]>,
  lang: Lang,
  now: number,
): Map<string, ExplanationItem> {
  return new Map([...about].map(([task, rows]) => [task, explanationItem(rows.at(-1)!, lang, now)]));
}

/** What partials/explanations.eta reads on the task page. */
export function explanationSection(
  rows: ExplanationRow[],
  o: { lang: Lang; now: number; taskId: string; canAsk: boolean; sent?: string },
) {
  const w = EXPLAIN_WORDS[o.lang];
  return {
    w,
    items: rows.map((r) => explanationItem(r, o.lang, o.now)),
    askHref: o.canAsk ? `/giai-trinh/moi?id=${encodeURIComponent(o.taskId)}` : undefined,
    notice: o.sent && /^\d{4}-\d{2}-\d{2}$/.test(o.sent) ? w.sent(formatDate(o.sent, o.lang)) : undefined,
  };
}
