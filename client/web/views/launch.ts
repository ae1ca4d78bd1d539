// The words of the launch page ("Giao nhiệm vụ mới", staff/launch-start.eta and launch-draft.eta)
// and what launching would do ("Xem hạn", partials/launch-preview.eta): each unit's deadline,
// reminders and escalations.
import { describeNote, type DeadlineNote } from '../../../domain/deadline-notes';
import { formatDate, formatDateShortVi, localDateAt, type Lang } from '../../../domain/format';
import { LocalDateSchema } from '../../../domain/schemas';
import type { DryRun } from '../../dry-run';
import { TARGETS } from './task-history';

export const LAUNCH_WORDS = {
  vi: {
    page: 'Giao nhiệm vụ mới',
    intro:
      'Tải lên tệp văn bản chỉ đạo (YAML, JSON), công văn dạng văn bản (.txt) hoặc gói tin edXML nhận qua trục liên thông văn bản (.edxml), hoặc dán nội dung công văn. Hệ thống đọc thành bản nháp để rà soát trước khi giao.',
    upload: 'Tải tệp lên',
    file: 'Tệp .yaml, .yml, .json hoặc .txt (tối đa {kb} KB) hoặc gói tin .edxml (tối đa {mb} MB)',
    read: 'Đọc tệp',
    paste: 'Dán nội dung công văn',
    text: 'Nội dung công văn (từ “Số:” đến hết)',
    readText: 'Đọc công văn',
    draft: 'Bản nháp',
    fromFile: 'Đọc từ tệp',
    fromText: 'Đọc từ nội dung công văn dán vào',
    again: 'Đọc văn bản khác',
    directive: 'Văn bản',
    number: 'Số, ký hiệu',
    title: 'Trích yếu',
    issuer: 'Cơ quan ban hành',
    issuedOn: 'Ngày ban hành',
    legalBases: 'Căn cứ (mỗi dòng một văn bản, ví dụ 1079/QĐ-TTg)',
    schedule: 'Chế độ báo cáo',
    policy: 'Đôn đốc',
    confidentiality: 'Độ mật',
    recipients: 'Kính gửi',
    tasks: 'Nhiệm vụ',
    task: 'Nhiệm vụ',
    unit: 'Đơn vị',
    choose: '— chọn đơn vị —',
    role: 'Vai trò',
    lead: 'Chủ trì',
    support: 'Phối hợp',
    supports: 'Phối hợp với đơn vị chủ trì',
    none: '—',
    taskTitle: 'Tên nhiệm vụ',
    deadline: 'Thời hạn',
    byDate: 'Đến ngày',
    byDays: 'Số ngày làm việc kể từ ngày giao',
    days: 'ngày làm việc',
    indicators: 'Chỉ tiêu (mỗi dòng: mã | tên | đơn vị tính | chỉ tiêu, ví dụ articles | Tin, bài đã đăng | bài | 20)',
    body: 'Nội dung chi tiết',
    remove: 'Bỏ nhiệm vụ này khi gửi',
    questions: 'Câu hỏi cần trả lời trước khi giao',
    openCount: 'còn mở',
    answered: 'đã trả lời',
    keep: 'giữ nguyên giá trị này',
    lineOfFile: 'dòng {n} của tệp',
    lineOfText: 'dòng {n} của công văn',
    fix: 'Chưa thực hiện được; hãy sửa các mục sau:',
    add: 'Thêm nhiệm vụ',
    preview: 'Xem hạn',
    launch: 'Giao việc',
    previewTitle: 'Thời hạn, nhắc hạn và báo cáo vượt cấp nếu giao hôm nay',
    reminders: 'Nhắc hạn',
    escalations: 'Báo cáo vượt cấp',
    level: 'cấp',
    weekly: 'hằng tuần đến khi xong',
    cycles: 'Báo cáo định kỳ: {n} kỳ; các nhiệm vụ dưới đây thuộc kỳ tới, {next}.',
    noCycle: 'Mọi kỳ báo cáo đều đã qua hạn.',
    stillOpen: 'Còn {n} câu hỏi chưa trả lời: cần trả lời trước khi giao việc.',
    sentAt: 'Nhắc hạn và báo cáo vượt cấp được gửi lúc {h}:00 các ngày làm việc.',
    provisional: 'dự kiến',
    allowPast: 'Vẫn giao khi có thời hạn đã qua',
    pastNeedsConfirm: 'đánh dấu "Vẫn giao khi có thời hạn đã qua" để giao với thời hạn này, hoặc sửa thời hạn',
    empty: 'Hãy chọn một tệp hoặc dán nội dung công văn.',
    notUtf8: (f: string) =>
      `${f}: tệp không phải văn bản UTF-8. Hãy lưu lại tệp với bảng mã UTF-8 (Unicode) rồi tải lên lại.`,
    notText: (f: string) => `${f}: đây không phải tệp văn bản.`,
    emptyFile: (f: string) => `${f}: tệp trống.`,
    tooLarge: (f: string, kb: number) => `${f}: tệp lớn hơn ${kb} KB.`,
    kind: (f: string) =>
      `${f}: chỉ nhận tệp .yaml, .yml, .json (văn bản chỉ đạo), .txt (công văn) hoặc .edxml (gói tin liên thông).`,
    noUnits: 'Danh mục đơn vị còn trống: hãy nạp danh mục (dondoc units import) trước khi giao việc.',
  },
  en: {
    page: 'New directive',
    intro:
      "Upload a directive file (YAML, JSON), a dispatch as plain text (.txt) or an edXML package received over the document exchange (.edxml), or paste a dispatch's text. It is read into a draft to review before launching.",
    upload: 'Upload a file',
    file: 'A .yaml, .yml, .json or .txt file (at most {kb} KB) or an .edxml package (at most {mb} MB)',
    read: 'Read the file',
    paste: 'Paste a dispatch',
    text: 'The dispatch\'s text (from "Số:" to the end)',
    readText: 'Read the dispatch',
    draft: 'Draft',
    fromFile: 'Read from the file',
    fromText: 'Read from the pasted dispatch',
    again: 'Read another document',
    directive: 'Directive',
    number: 'Number and symbol',
    title: 'Title',
    issuer: 'Issuer',
    issuedOn: 'Issued on',
    legalBases: 'Legal bases (one a line, e.g. 1079/QĐ-TTg)',
    schedule: 'Reporting schedule',
    policy: 'Chase policy',
    confidentiality: 'Confidentiality',
    recipients: 'Recipients',
    tasks: 'Tasks',
    task: 'Task',
    unit: 'Unit',
    choose: '— choose a unit —',
    role: 'Role',
    lead: 'Lead',
    support: 'Support',
    supports: 'Supports the lead unit',
    none: '—',
    taskTitle: 'Task title',
    deadline: 'Deadline',
    byDate: 'By date',
    byDays: 'Working days from the launch',
    days: 'working days',
    indicators:
      'Indicators (one a line: code | name | unit | target, e.g. articles | Articles published | articles | 20)',
    body: 'Full text',
    remove: 'Drop this task when sending',
    questions: 'Questions to answer before launching',
    openCount: 'open',
    answered: 'answered',
    keep: 'keep this value',
    lineOfFile: 'line {n} of the file',
    lineOfText: 'line {n} of the dispatch',
    fix: 'Not done yet; fix the following:',
    add: 'Add a task',
    preview: 'Preview deadlines',
    launch: 'Launch',
    previewTitle: 'Deadlines, reminders and escalations if launched today',
    reminders: 'Reminders',
    escalations: 'Escalations',
    level: 'level',
    weekly: 'weekly until done',
    cycles: 'Periodic reports: {n} cycles; the tasks below are those of the next cycle, {next}.',
    noCycle: 'Every reporting cycle is already past due.',
    stillOpen: '{n} questions are not answered yet: answer them before launching.',
    sentAt: 'Reminders and escalations go out at {h}:00 on working days.',
    provisional: 'provisional',
    allowPast: 'Launch even with a deadline already past',
    pastNeedsConfirm: 'tick "Launch even with a deadline already past" to launch with it, or change the deadline',
    empty: "Choose a file or paste a dispatch's text.",
    notUtf8: (f: string) =>
      `${f}: the file is not UTF-8 text. Save it with the UTF-8 (Unicode) encoding and upload it again.`,
    notText: (f: string) => `${f}: this is not a text file.`,
    emptyFile: (f: string) => `${f}: the file is empty.`,
    tooLarge: (f: string, kb: number) => `${f}: the file is larger than ${kb} KB.`,
    kind: (f: string) =>
      `${f}: only .yaml, .yml, .json (directive files), .txt (dispatches) or .edxml (exchange packages) are read.`,
    noUnits: 'The unit directory is empty: load it (dondoc units import) before launching.',
  },
};
export type LaunchWords = (typeof LAUNCH_WORDS)['vi'];

/** A day in a table: 10/12/2026, or 10 December 2026. */
const day = (d: string, lang: Lang) => (lang === 'vi' ? formatDateShortVi(d) : formatDate(d, 'en'));

export const fill = (s: string, values: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

export interface PreviewView {
  rows: {
    unit: string;
    unitName: string;
    role: string;
    deadline: string;
    reminders: string[];
    escalations: string[];
  }[];
  cycles?: string;
  sentAt: string;
  stillOpen?: string;
  /** What moved and why, what has passed, what is provisional, each naming its task. */
  notes: { kind: string; text: string }[];
}

/** The dry run in the page's words: deadlines written out in full, chases at their hour. */
/** "Nhiệm vụ 2 (Sở Tư pháp): 13/12/2026 là Chủ nhật: hạn chuyển sang 14/12/2026". */
export function noteText(n: DeadlineNote, names: ReadonlyMap<string, string>, lang: Lang): string {
  return `${LAUNCH_WORDS[lang].task} ${n.task + 1} (${names.get(n.unit) ?? n.unit}): ${describeNote(n, lang)}`;
}

export function previewOf(
  plan: DryRun,
  names: ReadonlyMap<string, string>,
  lang: Lang,
  o: { openQuestions: number; sendHour: number },
): PreviewView {
  const t = LAUNCH_WORDS[lang];
  // Every chase goes out at the policy's hour: the day is what differs.
  const at = (iso: string) => day(localDateAt(Date.parse(iso)), lang);
  const next = plan.cycles?.find((c) => c.key === plan.nextCycle);
  return {
    rows: plan.tasks.map((task) => ({
      unit: task.unit,
      unitName: names.get(task.unit) ?? task.unit,
      role: task.role === 'support' ? `${t.support} — ${names.get(task.supports ?? '') ?? task.supports}` : t.lead,
      deadline: formatDate(task.deadline, lang) + (task.provisional ? ` (${t.provisional})` : ''),
      reminders: task.chase.flatMap((c) => (c.kind === 'reminder' ? [`${at(c.at)} (T-${c.daysBefore})`] : [])),
      escalations: task.chase.flatMap((c) =>
        c.kind === 'escalation'
          ? [`${at(c.at)}: ${c.weekly ? t.weekly : `${t.level} ${c.level}`} — ${TARGETS[lang][c.to]}`]
          : [],
      ),
    })),
    ...(plan.cycles ? { cycles: next ? fill(t.cycles, { n: plan.cycles.length, next: next.label }) : t.noCycle } : {}),
    sentAt: fill(t.sentAt, { h: String(o.sendHour).padStart(2, '0') }),
    notes: plan.notes.map((n) => ({ kind: n.kind, text: noteText(n, names, lang) })),
    ...(o.openQuestions ? { stillOpen: fill(t.stillOpen, { n: o.openQuestions }) } : {}),
  };
}

const PERIODS = {
  vi: { monthly: 'hằng tháng', quarterly: 'hằng quý', 'half-yearly': '6 tháng một lần', yearly: 'hằng năm' },
  en: { monthly: 'monthly', quarterly: 'quarterly', 'half-yearly': 'half-yearly', yearly: 'yearly' },
} as Record<Lang, Record<string, string>>;

/** The reporting schedule in words: "một lần", "định kỳ hằng quý, hạn ngày 18 …". */
export function scheduleText(json: string, lang: Lang): string {
  const when = (d: unknown) => (LocalDateSchema.safeParse(d).success ? day(d as string, lang) : String(d));
  try {
    const s = JSON.parse(json || '{"kind":"once"}') as {
      kind?: string;
      period?: string;
      dueDay?: number;
      from?: string;
      until?: string;
    };
    if (s.kind !== 'periodic') return lang === 'vi' ? 'một lần' : 'once';
    const period = PERIODS[lang][s.period ?? ''] ?? s.period;
    return lang === 'vi'
      ? `định kỳ ${period}, hạn ngày ${s.dueDay} của tháng sau kỳ, từ ${when(s.from)} đến ${when(s.until)}`
      : `${period}, due on day ${s.dueDay} after each period, from ${when(s.from)} to ${when(s.until)}`;
  } catch {
    return json;
  }
}
