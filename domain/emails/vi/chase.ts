// Vietnamese wording of the chase (đôn đốc): reminders before the deadline, escalations up the
// ladder after it, and the daily digest of tasks due soon.
import { formatDateShortVi, formatDateVi, workingDaysPhrase } from '../../format';
import type { EscalationTarget } from '../../schemas';
import {
  action,
  byUrgency,
  clip,
  facts,
  paragraph,
  subjectLine,
  type Block,
  type EmailContent,
  type EmailCopy,
} from '../content';
import type { EmailOf, TaskRef } from '../schemas';
import { CLOSING, deadlineFact, directiveFacts, footer, pursuant, taskFacts, to, unitEmail } from './common';

function dueSentence(t: TaskRef): string {
  const n = t.workingDaysLeft;
  if (n > 0) return `Nhiệm vụ còn ${n} ngày làm việc nữa là đến hạn hoàn thành (${formatDateVi(t.deadline)}).`;
  if (n === 0) return `Hôm nay, ${formatDateVi(t.deadline)}, là hạn chót hoàn thành nhiệm vụ.`;
  return `Nhiệm vụ đã quá hạn ${-n} ngày làm việc (hạn hoàn thành ${formatDateVi(t.deadline)}).`;
}

function reminder(m: EmailOf<'reminder'>): EmailContent {
  return unitEmail(m, {
    subject: `Nhắc hạn: ${clip(m.task.title)} (${workingDaysPhrase(m.task.workingDaysLeft, 'vi')})`,
    heading: 'NHẮC HẠN THỰC HIỆN NHIỆM VỤ',
    blocks: [
      paragraph(`${pursuant(m.directive)}, Quý cơ quan được giao thực hiện nhiệm vụ dưới đây. ${dueSentence(m.task)}`),
      facts(...directiveFacts(m.directive), ...taskFacts(m.task)),
      paragraph('Đề nghị Quý cơ quan khẩn trương hoàn thành và gửi báo cáo qua đường liên kết dưới đây.'),
      action('Gửi báo cáo', m.link),
    ],
  });
}

const ESCALATION_ADDRESSEE: Record<EscalationTarget, (m: EmailOf<'escalation'>) => string> = {
  head: (m) => `Thủ trưởng ${m.unit.name}`,
  supervisor: (m) => `Lãnh đạo ${m.directive.issuer} phụ trách lĩnh vực`,
  steering: () => 'Ban Chỉ đạo',
};

const ESCALATION_ASK: Record<EscalationTarget, (unit: string) => string> = {
  head: () =>
    'Đề nghị Thủ trưởng cơ quan xem tình hình thực hiện qua đường liên kết dưới đây và chỉ đạo hoàn thành nhiệm vụ ngay.',
  supervisor: (unit) => `Kính báo cáo Lãnh đạo xem xét, chỉ đạo ${unit} khẩn trương hoàn thành nhiệm vụ.`,
  steering: (unit) => `Kính báo cáo Ban Chỉ đạo xem xét, chỉ đạo ${unit} khẩn trương hoàn thành nhiệm vụ.`,
};

function escalation(m: EmailOf<'escalation'>): EmailContent {
  const overdue = -m.task.workingDaysLeft;
  const stage = m.weekly ? 'Đôn đốc hằng tuần' : `Đôn đốc cấp ${m.level}`;
  const blocks: Block[] = [
    paragraph(
      `Theo dõi việc thực hiện Văn bản số ${m.directive.number} của ${m.directive.issuer}, đến nay ${m.unit.name} chưa hoàn thành nhiệm vụ dưới đây, đã quá hạn ${overdue} ngày làm việc.`,
    ),
    facts(
      { label: 'Đơn vị chậm hạn', value: `${m.unit.name} (${m.unit.code})` },
      ...directiveFacts(m.directive),
      ...taskFacts(m.task),
      { label: 'Mức đôn đốc', value: m.weekly ? 'Hằng tuần, sau các cấp đôn đốc' : `Cấp ${m.level}` },
    ),
    paragraph(ESCALATION_ASK[m.to](m.unit.name)),
    action('Xem tình hình thực hiện', m.link),
  ];
  if (m.weekly)
    blocks.push(paragraph('Thư này được gửi hằng tuần cho đến khi nhiệm vụ được hoàn thành hoặc được hủy.'));
  return {
    lang: 'vi',
    subject: subjectLine(m.directive.number, `${stage}: ${m.unit.name} quá hạn ${overdue} ngày làm việc`),
    heading: 'ĐÔN ĐỐC NHIỆM VỤ QUÁ HẠN',
    addressee: to(m.addressee ?? ESCALATION_ADDRESSEE[m.to](m)),
    blocks,
    closing: CLOSING,
    footer: footer('người nhận thư này'),
  };
}

function digest(m: EmailOf<'digest'>): EmailContent {
  const items = byUrgency(m.items);
  return {
    lang: 'vi',
    subject: subjectLine(
      items.map((i) => i.directive.number),
      `Nhiệm vụ sắp đến hạn ngày ${formatDateShortVi(m.date)} (${items.length} nhiệm vụ)`,
    ),
    heading: 'TỔNG HỢP NHIỆM VỤ SẮP ĐẾN HẠN',
    addressee: to(m.unit.name),
    blocks: [
      paragraph(
        `Tính đến ${formatDateVi(m.date)}, Quý cơ quan có ${items.length} nhiệm vụ sắp đến hạn dưới đây. Đề nghị Quý cơ quan khẩn trương hoàn thành và gửi báo cáo qua đường liên kết của từng nhiệm vụ.`,
      ),
      ...items.map((i): Block => ({
        type: 'item',
        title: i.task.title,
        facts: [
          { label: 'Văn bản', value: `Số ${i.directive.number} của ${i.directive.issuer}` },
          deadlineFact(i.task),
        ],
        action: { label: 'Mở nhiệm vụ', url: i.link },
      })),
    ],
    closing: CLOSING,
    footer: footer(m.unit.name),
  };
}

export const viChase: Pick<EmailCopy, 'reminder' | 'escalation' | 'digest'> = { reminder, escalation, digest };
