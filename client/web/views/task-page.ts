// The department's task page (public/task.eta): what was asked, by when, where it stands, what
// was sent to the unit, and the reports so far. The forms sit between the task and its history.
import type { Lang } from '../../../domain/format';
import { FORM_WORDS, type TaskFormsModel } from './task-forms';
import { CASCADE_WORDS, type CascadeModel } from './task-cascade';

export interface TaskPageModel {
  lang: Lang;
  notice?: string;
  directive: { number: string; title: string; issuer: string };
  title: string;
  body?: string;
  unitName: string;
  role: string;
  supportsName?: string;
  deadline: string;
  left?: string;
  status: string;
  statusLabel: string;
  acknowledgedAt?: string;
  indicators: { name: string; unit: string; target?: string }[];
  pendingExtension?: { until: string; reason: string };
  extensions: { requested: string; decided: string; deadline: string; comment?: string }[];
  sent: { at: string; kind: string; subject: string }[];
  reports: {
    receipt: string;
    at: string;
    review: string;
    reviewClass: string;
    text: string;
    by: string;
    indicators: { name: string; value: string; unit: string }[];
    attachments: { name: string; size: string; href: string }[];
    comment?: string;
  }[];
  supportReports: {
    unitName: string;
    receipt: string;
    at: string;
    by: string;
    text: string;
    review: string;
    indicators: string[];
    attachments: { name: string; size: string; href: string }[];
  }[];
  forms: TaskFormsModel;
  /** A district's task: the form to pass it on, or the sub-directive it started. */
  cascade?: CascadeModel;
}

export const PAGE_WORDS = {
  vi: {
    other: 'English',
    otherLang: 'en',
    directive: 'Văn bản',
    unit: 'Đơn vị',
    supports: 'Phối hợp với đơn vị chủ trì',
    deadline: 'Thời hạn',
    status: 'Tình trạng',
    acknowledged: 'Đã xác nhận nhận nhiệm vụ lúc',
    indicators: 'Chỉ tiêu cần báo cáo',
    target: 'chỉ tiêu',
    pending: 'Đề nghị gia hạn đang chờ quyết định: đến',
    extensions: 'Gia hạn',
    sent: 'Thư đã gửi cho đơn vị',
    when: 'Thời gian',
    kind: 'Loại thư',
    subject: 'Tiêu đề',
    noMail: 'Chưa có thư nào.',
    reports: 'Báo cáo đã gửi',
    noReports: 'Chưa có báo cáo.',
    receipt: 'Số tiếp nhận',
    by: 'Người gửi',
    files: 'Tệp đính kèm',
    comment: 'Ý kiến của văn phòng',
    support: 'Báo cáo của các đơn vị phối hợp',
    lostLink: 'Mất thư hoặc liên kết hết hạn? Đề nghị cấp liên kết mới',
  },
  en: {
    other: 'Tiếng Việt',
    otherLang: 'vi',
    directive: 'Directive',
    unit: 'Unit',
    supports: 'Supporting the lead unit',
    deadline: 'Deadline',
    status: 'Status',
    acknowledged: 'Receipt of the task acknowledged at',
    indicators: 'Indicators to report',
    target: 'target',
    pending: 'Extension request awaiting a decision: until',
    extensions: 'Extensions',
    sent: 'Messages sent to the unit',
    when: 'When',
    kind: 'Kind',
    subject: 'Subject',
    noMail: 'No message yet.',
    reports: 'Reports sent',
    noReports: 'No report yet.',
    receipt: 'Receipt number',
    by: 'Sent by',
    files: 'Attachments',
    comment: 'Comment from the office',
    support: 'Reports from supporting units',
    lostLink: 'Lost the email, or the link expired? Ask for a new link',
  },
} as const;

/** What public/task.eta reads: the page's model and the words of its page, forms and cascade section. */
export const taskPageView = (m: TaskPageModel) => ({
  m,
  w: PAGE_WORDS[m.lang],
  formWords: FORM_WORDS[m.lang],
  cascadeWords: CASCADE_WORDS[m.lang],
});
