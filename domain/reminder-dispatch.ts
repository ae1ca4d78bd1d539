// The formal reminder dispatch (công văn đôn đốc): the office writes to the units that let a
// directive's deadline pass, names each overdue task, and sets a last date to report.
import { issuerHeading, placeDateLine, placeOf, type AdminDocument } from './admin-document';
import { formatDateShortVi, formatDateVi } from './format';
import type { LocalDate } from './schemas';

export interface OverdueTaskLine {
  unitCode: string;
  unitName: string;
  title: string;
  deadline: LocalDate;
  workingDaysOverdue: number;
}

export interface ReminderDispatchInput {
  /** Number and symbol of this dispatch, e.g. "45/UBND-VP9". */
  number: string;
  date: LocalDate;
  directive: { number: string; title: string; issuer: string; issuedOn: LocalDate };
  overdue: OverdueTaskLine[];
  /** The new last day to report, usually a few working days after the dispatch. */
  reportBy: LocalDate;
  signer: { name: string; title: string };
}

/** The recipients, each unit once, in the order of their first overdue task. */
export function recipientsOf(lines: readonly OverdueTaskLine[]): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const l of lines) if (!seen.has(l.unitCode)) seen.set(l.unitCode, l.unitName);
  return [...seen].map(([code, name]) => ({ code, name }));
}

export function reminderDispatch(input: ReminderDispatchInput): AdminDocument {
  if (input.overdue.length === 0) throw new RangeError('overdue: a reminder dispatch needs at least one overdue task');
  const d = input.directive;
  const issuer = d.issuer;
  const units = recipientsOf(input.overdue);
  // A signer's title such as "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" is written on two lines.
  const [authority, title] = input.signer.title.includes('/')
    ? input.signer.title.split('/').map((s) => s.trim())
    : [undefined, input.signer.title.trim()];
  return {
    issuer: { name: issuerHeading(issuer) },
    numberLine: `Số: ${input.number}`,
    placeDate: placeDateLine(placeOf(issuer), input.date),
    subject: `V/v đôn đốc thực hiện nhiệm vụ được giao tại Văn bản số ${d.number}`,
    recipients: units.map((u) => u.name),
    body: [
      `Thực hiện Văn bản số ${d.number} ${formatDateVi(d.issuedOn)} của ${issuer} về việc ${lowerFirst(d.title)}, đến ${formatDateVi(input.date)}, các cơ quan, đơn vị sau chưa hoàn thành nhiệm vụ được giao đúng thời hạn:`,
    ],
    table: {
      header: ['STT', 'Cơ quan, đơn vị', 'Nhiệm vụ', 'Thời hạn', 'Số ngày làm việc quá hạn'],
      rows: input.overdue.map((l, i) => [
        String(i + 1),
        l.unitName,
        l.title,
        formatDateShortVi(l.deadline),
        String(l.workingDaysOverdue),
      ]),
    },
    closing: [
      `Để bảo đảm tiến độ thực hiện, ${issuer} đề nghị Thủ trưởng các cơ quan, đơn vị nêu trên khẩn trương hoàn thành nhiệm vụ được giao, báo cáo kết quả trước ${formatDateVi(input.reportBy)}.`,
      `Quá thời hạn trên, các cơ quan, đơn vị chưa báo cáo sẽ được tổng hợp, báo cáo cấp có thẩm quyền xem xét, xử lý trách nhiệm theo quy định./.`,
    ],
    copyTo: ['- Như trên;', `- Lãnh đạo ${issuer};`, '- Lưu: VT.'],
    signature: { authority, title: title.toLocaleUpperCase('vi'), name: input.signer.name },
  };
}

const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
