// Phrases every Vietnamese email shares: the addressee line, the directive and deadline facts,
// the closing and the footer about the personal link.
import { formatDateVi, workingDaysPhrase } from '../../format';
import { subjectLine, type Block, type EmailContent, type Fact } from '../content';
import type { DirectiveRef, TaskRef, UnitRef } from '../schemas';

export const CLOSING = 'Trân trọng.';
const NO_REPLY =
  'Thư được gửi tự động từ hệ thống theo dõi, đôn đốc thực hiện nhiệm vụ; vui lòng không trả lời thư này.';

export function footer(holder: string): string[] {
  return [
    `Đường liên kết trong thư này được cấp riêng cho ${holder}; đề nghị không chuyển tiếp thư này cho cơ quan, cá nhân khác.`,
    NO_REPLY,
  ];
}

export const to = (name: string): string => `Kính gửi: ${name}`;
export const pursuant = (d: DirectiveRef): string => `Thực hiện Văn bản số ${d.number} của ${d.issuer}`;
/** A date with the working days left; "dự kiến" when its year's days off are not announced yet. */
export const due = (date: string, workingDaysLeft: number, provisional = false): string =>
  `${formatDateVi(date)} (${workingDaysPhrase(workingDaysLeft, 'vi')}${provisional ? '; dự kiến, chờ công bố lịch nghỉ' : ''})`;

export const directiveFacts = (d: DirectiveRef): Fact[] => [
  { label: 'Văn bản', value: `Số ${d.number} của ${d.issuer}` },
  { label: 'Trích yếu', value: d.title },
];
export const deadlineFact = (t: TaskRef): Fact => ({
  label: 'Hạn hoàn thành',
  value: due(t.deadline, t.workingDaysLeft, t.provisional),
});
export const taskFacts = (t: TaskRef): Fact[] => [{ label: 'Nhiệm vụ', value: t.title }, deadlineFact(t)];

/** The skeleton shared by the messages about one task of one unit. */
export function unitEmail(
  m: { unit: UnitRef; directive: DirectiveRef },
  parts: { subject: string; heading: string; blocks: Block[] },
): EmailContent {
  return {
    lang: 'vi',
    subject: subjectLine(m.directive.number, parts.subject),
    heading: parts.heading,
    addressee: to(m.unit.name),
    blocks: parts.blocks,
    closing: CLOSING,
    footer: footer(m.unit.name),
  };
}
