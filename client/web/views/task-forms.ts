// The model and words of the department's forms (partials/task-forms.eta): acknowledge, report
// (or resubmit a returned one), ask for an extension.
import type { Lang } from '../../../domain/format';

/** What the person typed, as typed, so a form with an error comes back whole. */
export interface FormValues {
  submissionId: string;
  text: string;
  submittedBy: string;
  indicators: Record<string, string>;
  until: string;
  reason: string;
}

/** Field name (text, submittedBy, ind.CODE, attachments, until, reason) → message; `form` for the whole form. */
export type FieldErrors = Record<string, string>;

export interface TaskFormsModel {
  lang: Lang;
  csrf: string;
  acknowledge: boolean;
  report?: {
    resubmit: boolean;
    returnedComment?: string;
    indicators: { code: string; name: string; unit: string; target?: string }[];
  };
  extension: boolean;
  minDate: string;
  maxMb: string;
  values: FormValues;
  errors: FieldErrors;
  kept: { token: string; name: string; size: string }[];
}

export const FORM_WORDS = {
  vi: {
    ackTitle: 'Xác nhận đã nhận nhiệm vụ',
    ackHint: 'Cho văn phòng biết đơn vị đã nhận và đang triển khai nhiệm vụ.',
    ack: 'Xác nhận đã nhận',
    reportTitle: 'Gửi báo cáo',
    resubmitTitle: 'Gửi lại báo cáo đã hoàn thiện',
    returned: 'Văn phòng đã trả lại báo cáo với ý kiến',
    text: 'Nội dung báo cáo',
    numberHint: 'nhập số, ví dụ 20.000 hoặc 12,5',
    target: 'chỉ tiêu',
    files: 'Tệp đính kèm',
    filesHint: 'mỗi tệp tối đa',
    kept: 'Đã nhận các tệp',
    by: 'Người báo cáo (họ tên, chức vụ)',
    send: 'Gửi báo cáo',
    resend: 'Gửi lại báo cáo',
    extTitle: 'Đề nghị gia hạn',
    until: 'Gia hạn đến ngày',
    reason: 'Lý do',
    ask: 'Gửi đề nghị gia hạn',
  },
  en: {
    ackTitle: 'Acknowledge the task',
    ackHint: 'Tell the office the unit has received the task and is working on it.',
    ack: 'Acknowledge',
    reportTitle: 'Send the report',
    resubmitTitle: 'Send the revised report',
    returned: 'The office returned the report with this comment',
    text: 'Report',
    numberHint: 'a number, e.g. 20,000 or 12.5',
    target: 'target',
    files: 'Attachments',
    filesHint: 'each file at most',
    kept: 'Files already received',
    by: 'Reported by (name, position)',
    send: 'Send the report',
    resend: 'Send the revised report',
    extTitle: 'Ask for an extension',
    until: 'Extend until',
    reason: 'Reason',
    ask: 'Ask for the extension',
  },
} as const;
