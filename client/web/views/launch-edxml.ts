// The launch draft's card for a directive received as an edXML package: who sent it, which
// document it is, the file whose text gave the tasks, the files not read and why, and what was kept.
import type { Lang } from '../../../domain/format';
import type { CarriedPackage } from '../routes/launch-edxml';
import { fill } from './launch';

export const EDXML_WORDS = {
  vi: {
    heading: 'Nhận qua trục liên thông văn bản quốc gia (gói tin edXML)',
    sender: 'Nơi gửi',
    document: 'Mã văn bản',
    code: 'Số, ký hiệu trong gói tin',
    textFrom: 'Nhiệm vụ đọc từ tệp',
    noText: 'Không đọc được nội dung tệp nào: mỗi nơi nhận một nhiệm vụ, lấy trích yếu làm tên',
    unread: 'Tệp không đọc',
    kept: 'Đã lưu {n} tệp đính kèm của gói tin',
    answers: 'Khi giao, tiến độ từng nhiệm vụ được báo lại nơi gửi bằng gói tin trạng thái (03, 05, 06).',
    tooLarge: (f: string, mb: number) => `${f}: gói tin lớn hơn ${mb} MB.`,
    refused: (f: string, why: string) => `${f}: không nhận gói tin edXML này — ${why}`,
  },
  en: {
    heading: 'Received over the national document exchange (edXML package)',
    sender: 'Sender',
    document: 'Document id',
    code: 'Number and symbol in the package',
    textFrom: 'Tasks read from the file',
    noText: "No file's text was read: one task per recipient, titled with the subject",
    unread: 'Files not read',
    kept: 'Kept {n} files of the package',
    answers: "Once launched, each task's progress goes back to the sender as status packages (03, 05, 06).",
    tooLarge: (f: string, mb: number) => `${f}: the package is larger than ${mb} MB.`,
    refused: (f: string, why: string) => `${f}: this edXML package is refused — ${why}`,
  },
};

/** The importer's reasons (client/edxml) said in Vietnamese; a reason it does not know stays as written. */
const UNREAD_VI: [RegExp, string][] = [
  [/^(.*) \(([^)]*)\) is not a text, \.docx or \.pdf file$/, '$1 ($2): không phải tệp văn bản, .docx hay .pdf'],
  [/^(.*) has no text layer \(a scan\?\)$/, '$1: không có lớp chữ (bản quét?)'],
  [/^(.*) has no text$/, '$1: không có nội dung chữ'],
  [/^(.*) could not be read \((.*)\)$/, '$1: không đọc được ($2)'],
  [/^(.*) is not a dispatch the importer can read \((.*)\)$/s, '$1: không phải công văn đọc được ($2)'],
];

export function unreadText(reason: string, lang: Lang): string {
  if (lang === 'en') return reason;
  const rule = UNREAD_VI.find(([re]) => re.test(reason));
  return rule ? reason.replace(rule[0], rule[1]) : reason;
}

export interface EdxmlCardView {
  words: (typeof EDXML_WORDS)['vi'];
  sender: string;
  documentId: string;
  code: string;
  textFrom?: string;
  unread: string[];
  kept: string;
}

export function edxmlCard(p: CarriedPackage, lang: Lang): EdxmlCardView {
  const words = EDXML_WORDS[lang];
  return {
    words,
    sender: `${p.origin.from.organName} (${p.origin.from.organId})`,
    documentId: p.origin.documentId,
    code: p.origin.code,
    ...(p.textFrom ? { textFrom: p.textFrom } : {}),
    unread: p.unread.map((u) => unreadText(u, lang)),
    kept: fill(words.kept, { n: p.kept.length }),
  };
}
