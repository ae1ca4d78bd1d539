// Vietnamese wording of a request for explanation (yêu cầu giải trình) about a task that is
// overdue or was returned: the request, its reminder, its escalation to the unit's head and the
// receipt of the answer. Formal tone of an administrative dispatch.
import { formatDateTime, formatDateVi, workingDaysPhrase } from '../../format';
import type { EscalationTarget } from '../../schemas';
import {
  action,
  clip,
  facts,
  paragraph,
  quote,
  subjectLine,
  type Block,
  type EmailContent,
  type EmailCopy,
  type Fact,
} from '../content';
import type { EmailOf, ExplanationRef, TaskRef } from '../schemas';
import { CLOSING, directiveFacts, due, footer, to, unitEmail } from './common';

const aboutFacts = (e: ExplanationRef, t: TaskRef): Fact[] => [
  { label: 'Nhiệm vụ', value: e.about.title },
  { label: 'Hạn nhiệm vụ', value: formatDateVi(e.about.deadline) },
  { label: 'Tình trạng', value: e.about.status },
  { label: 'Hạn giải trình', value: due(t.deadline, t.workingDaysLeft, t.provisional) },
];

function request(m: EmailOf<'explanation_request'>): EmailContent {
  const e = m.explanation;
  return unitEmail(m, {
    subject: `Yêu cầu giải trình: ${clip(e.about.title)}`,
    heading: 'YÊU CẦU GIẢI TRÌNH',
    blocks: [
      paragraph(
        `Theo dõi việc thực hiện Văn bản số ${m.directive.number} của ${m.directive.issuer}, nhiệm vụ dưới đây giao Quý cơ quan đang ở tình trạng: ${e.about.status.toLocaleLowerCase('vi')}. ${e.askedBy} yêu cầu Quý cơ quan giải trình.`,
      ),
      ...quote('Nội dung cần giải trình', e.question),
      facts(...directiveFacts(m.directive), ...aboutFacts(e, m.task)),
      paragraph(
        `Đề nghị Quý cơ quan gửi nội dung giải trình (kèm tài liệu, nếu có) qua đường liên kết dưới đây chậm nhất ${formatDateVi(m.task.deadline)}.`,
      ),
      action('Gửi giải trình', m.link),
    ],
  });
}

function reminder(m: EmailOf<'explanation_reminder'>): EmailContent {
  const e = m.explanation;
  return unitEmail(m, {
    subject: `Nhắc hạn giải trình: ${clip(e.about.title)} (${workingDaysPhrase(m.task.workingDaysLeft, 'vi')})`,
    heading: 'NHẮC HẠN GIẢI TRÌNH',
    blocks: [
      paragraph(
        `Quý cơ quan chưa gửi nội dung giải trình về nhiệm vụ dưới đây theo yêu cầu của ${e.askedBy}; hạn giải trình là ${formatDateVi(m.task.deadline)}.`,
      ),
      ...quote('Nội dung cần giải trình', e.question),
      facts(...directiveFacts(m.directive), ...aboutFacts(e, m.task)),
      paragraph('Đề nghị Quý cơ quan khẩn trương gửi nội dung giải trình qua đường liên kết dưới đây.'),
      action('Gửi giải trình', m.link),
    ],
  });
}

const ADDRESSEE: Record<EscalationTarget, (m: EmailOf<'explanation_escalation'>) => string> = {
  head: (m) => `Thủ trưởng ${m.unit.name}`,
  supervisor: (m) => `Lãnh đạo ${m.directive.issuer} phụ trách lĩnh vực`,
  steering: () => 'Ban Chỉ đạo',
};

function escalation(m: EmailOf<'explanation_escalation'>): EmailContent {
  const e = m.explanation;
  const overdue = -m.task.workingDaysLeft;
  const blocks: Block[] = [
    paragraph(
      `${m.unit.name} chưa gửi nội dung giải trình về nhiệm vụ dưới đây theo yêu cầu của ${e.askedBy}, đã quá hạn giải trình ${overdue} ngày làm việc.`,
    ),
    ...quote('Nội dung cần giải trình', e.question),
    facts(
      { label: 'Đơn vị', value: `${m.unit.name} (${m.unit.code})` },
      ...directiveFacts(m.directive),
      ...aboutFacts(e, m.task),
    ),
    paragraph('Đề nghị Thủ trưởng cơ quan chỉ đạo gửi nội dung giải trình ngay qua đường liên kết dưới đây.'),
    action('Xem và gửi giải trình', m.link),
  ];
  return {
    lang: 'vi',
    subject: subjectLine(m.directive.number, `Đôn đốc giải trình: ${m.unit.name} quá hạn ${overdue} ngày làm việc`),
    heading: 'ĐÔN ĐỐC GIẢI TRÌNH',
    addressee: to(m.addressee ?? ADDRESSEE[m.to](m)),
    blocks,
    closing: CLOSING,
    footer: footer('người nhận thư này'),
  };
}

function receipt(m: EmailOf<'explanation_receipt'>): EmailContent {
  const e = m.explanation;
  return unitEmail(m, {
    subject: `Đã nhận giải trình số ${m.receiptNumber}: ${clip(e.about.title)}`,
    heading: 'XÁC NHẬN ĐÃ NHẬN GIẢI TRÌNH',
    blocks: [
      paragraph(`Hệ thống đã nhận nội dung giải trình của Quý cơ quan; ${e.askedBy} sẽ xem xét.`),
      facts(
        { label: 'Số tiếp nhận', value: m.receiptNumber },
        { label: 'Thời điểm nhận', value: formatDateTime(m.submittedAt, 'vi') },
        ...directiveFacts(m.directive),
        { label: 'Nhiệm vụ', value: e.about.title },
        { label: 'Hạn giải trình', value: formatDateVi(m.task.deadline) },
      ),
      action('Xem nội dung đã gửi', m.link),
    ],
  });
}

export const viExplanation: Pick<
  EmailCopy,
  'explanation_request' | 'explanation_reminder' | 'explanation_escalation' | 'explanation_receipt'
> = {
  explanation_request: request,
  explanation_reminder: reminder,
  explanation_escalation: escalation,
  explanation_receipt: receipt,
};
