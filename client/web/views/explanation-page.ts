// What a unit sees behind the link of a request for explanation (public/explanation.eta): who
// asks, what, about which task, by when; the form to answer (text and files), or the answer sent.
import { STATUS_LABELS, type TaskStatus } from '../../../domain/status';
import { formatDate, formatDateTime, workingDaysPhrase, type Lang } from '../../../domain/format';
import type { ExplanationRow } from '../../../db/explanations';
import type { TaskRow } from '../../../db/read-model';
import type { FieldErrors, FormValues } from './task-forms';

export const EXPLANATION_WORDS = {
  vi: {
    other: 'English',
    otherLang: 'en',
    heading: 'Yêu cầu giải trình',
    askedBy: 'Người yêu cầu',
    question: 'Nội dung cần giải trình',
    about: 'Nhiệm vụ cần giải trình',
    directive: 'Văn bản',
    taskDeadline: 'Hạn nhiệm vụ',
    taskStatus: 'Tình trạng nhiệm vụ',
    due: 'Hạn giải trình',
    status: 'Tình trạng',
    formTitle: 'Gửi giải trình',
    text: 'Nội dung giải trình',
    textMissing: 'Hãy nhập nội dung giải trình.',
    files: 'Tài liệu kèm theo',
    filesHint: 'mỗi tệp tối đa',
    kept: 'Đã nhận các tệp',
    by: 'Người giải trình (họ tên, chức vụ)',
    send: 'Gửi giải trình',
    answered: 'Đã giải trình',
    receipt: 'Số tiếp nhận',
    at: 'lúc',
    received: (r: string, at: string) => `Đã nhận giải trình. Số tiếp nhận: ${r} (lúc ${at}).`,
    open: 'Chưa giải trình',
    cancelled: 'Yêu cầu đã được hủy',
    lostLink: 'Mất thư hoặc liên kết hết hạn? Đề nghị cấp liên kết mới',
  },
  en: {
    other: 'Tiếng Việt',
    otherLang: 'vi',
    heading: 'Request for explanation',
    askedBy: 'Asked by',
    question: 'What is to be explained',
    about: 'The task concerned',
    directive: 'Directive',
    taskDeadline: 'Task deadline',
    taskStatus: 'Task status',
    due: 'Explanation due',
    status: 'Status',
    formTitle: 'Send the explanation',
    text: 'Explanation',
    textMissing: 'Write the explanation.',
    files: 'Documents',
    filesHint: 'each file at most',
    kept: 'Files already received',
    by: 'Explained by (name, position)',
    send: 'Send the explanation',
    answered: 'Explained',
    receipt: 'Receipt number',
    at: 'at',
    received: (r: string, at: string) => `Explanation received. Receipt number: ${r} (at ${at}).`,
    open: 'Not yet explained',
    cancelled: 'The request was withdrawn',
    lostLink: 'Lost the email, or the link expired? Ask for a new link',
  },
};

/** "Name <address>" as the workflow records a staff member: the name is what a unit reads. */
export const askerName = (actor: string): string => actor.replace(/\s*<[^>]*>\s*$/, '').trim() || actor;

export interface ExplanationForm {
  values: FormValues;
  errors: FieldErrors;
  kept: { token: string; name: string; size: string }[];
}

export interface ExplanationPageInput {
  lang: Lang;
  csrf: string;
  row: ExplanationRow;
  about?: TaskRow;
  aboutStatus?: TaskStatus;
  unitName: string;
  now: number;
  workingDaysLeft: number;
  maxMb: string;
  form: ExplanationForm;
  notice?: string;
  /** The answer's files, as links behind this page's own token. */
  fileHref: (sha256: string) => string;
  formatBytes: (n: number) => string;
}

export function explanationPageView(p: ExplanationPageInput) {
  const w = EXPLANATION_WORDS[p.lang];
  const { row } = p;
  const state = row.snapshot.state;
  const answer = state.reports.at(-1);
  const open = row.state === 'open' || row.state === 'returned';
  return {
    lang: p.lang,
    w,
    notice: p.notice,
    csrf: p.csrf,
    title: row.snapshot.spec.title,
    unitName: p.unitName,
    askedBy: askerName(row.asked_by),
    question: row.question,
    directive: row.snapshot.directive,
    about: p.about && {
      title: p.about.title,
      deadline: formatDate(p.about.deadline, p.lang),
      status: p.aboutStatus,
      statusLabel: p.aboutStatus ? STATUS_LABELS[p.aboutStatus][p.lang] : '',
    },
    due: formatDate(state.deadline, p.lang),
    left: open ? workingDaysPhrase(p.workingDaysLeft, p.lang) : undefined,
    status: row.state === 'done' ? 'done_on_time' : row.state === 'cancelled' ? 'cancelled' : 'due_soon',
    statusLabel: row.state === 'done' ? w.answered : row.state === 'cancelled' ? w.cancelled : w.open,
    form: open ? { ...p.form, maxMb: p.maxMb } : undefined,
    answer: answer && {
      receipt: answer.receipt,
      at: formatDateTime(answer.submittedAt, p.lang),
      by: answer.submittedBy,
      text: answer.text,
      files: answer.attachments.map((a) => ({
        name: a.name,
        size: p.formatBytes(a.bytes),
        href: p.fileHref(a.sha256),
      })),
    },
  };
}
