// The model and words of the district's part of its task page (partials/task-cascade.eta): pass
// the task on to its own units (a sub-directive), or, once passed on, where that one stands.
import type { Lang } from '../../../domain/format';

export interface CascadeValues {
  number: string;
  title: string;
  deadline: string;
  units: string[];
}

export interface CascadeModel {
  lang: Lang;
  csrf: string;
  /** The form, while the task can still be passed on. */
  form?: {
    units: { code: string; name: string }[];
    values: CascadeValues;
    errors: Record<string, string>;
    minDate: string;
    maxDate: string;
    closesWith: string;
  };
  /** The sub-directive, once started. */
  started?: { number: string; at: string; by: string; units: string[]; phase: string };
}

export const CASCADE_WORDS = {
  vi: {
    title: 'Giao tiếp cho đơn vị cấp dưới',
    hint: 'Huyện giao nhiệm vụ này cho các xã, phường, cơ quan trực thuộc bằng một văn bản của huyện; hệ thống gửi thư và đôn đốc từng đơn vị.',
    number: 'Số, ký hiệu văn bản của huyện (ví dụ 45/KH-UBND)',
    docTitle: 'Trích yếu',
    deadline: 'Hạn báo cáo của đơn vị cấp dưới',
    units: 'Đơn vị được giao',
    send: 'Giao nhiệm vụ',
    none: 'Chưa có đơn vị trực thuộc nào trong danh bạ; hãy đề nghị văn phòng bổ sung.',
    started: 'Đã giao tiếp cho đơn vị cấp dưới',
    at: 'lúc',
    by: 'người giao',
    phases: { running: 'đang thực hiện', done: 'đã hoàn thành', cancelled: 'đã hủy' } as Record<string, string>,
    closes: {
      'sub-directive': 'Nhiệm vụ của huyện hoàn thành khi tất cả đơn vị cấp dưới hoàn thành.',
      report: 'Huyện vẫn cần gửi báo cáo của mình để hoàn thành nhiệm vụ.',
    } as Record<string, string>,
  },
  en: {
    title: 'Pass on to subordinate units',
    hint: 'The district passes this task to its communes, wards and offices with a document of its own; dondoc mails and chases each of them.',
    number: "Number and symbol of the district's document (e.g. 45/KH-UBND)",
    docTitle: 'Subject',
    deadline: 'Report deadline for the units',
    units: 'Units',
    send: 'Pass the task on',
    none: 'No subordinate unit is in the directory yet; ask the office to add them.',
    started: 'Passed on to subordinate units',
    at: 'at',
    by: 'by',
    phases: { running: 'in progress', done: 'done', cancelled: 'cancelled' } as Record<string, string>,
    closes: {
      'sub-directive': "The district's task is done when every subordinate unit is done.",
      report: 'The district still sends its own report to close the task.',
    } as Record<string, string>,
  },
} as const;
