// Vietnamese wording of the notices about a task's outcome and its deadline: the report accepted,
// and a deadline moved (by the office, or because the days off were announced or corrected).
import { formatDateShortVi, formatDateVi } from '../../format';
import { action, clip, facts, paragraph, quote, type EmailContent, type EmailCopy } from '../content';
import type { EmailOf } from '../schemas';
import { directiveFacts, due, unitEmail } from './common';

function accepted(m: EmailOf<'accepted'>): EmailContent {
  return unitEmail(m, {
    subject: `Báo cáo số ${m.receiptNumber} đã được chấp nhận: ${clip(m.task.title)}`,
    heading: 'THÔNG BÁO CHẤP NHẬN BÁO CÁO',
    blocks: [
      paragraph(
        `Báo cáo số ${m.receiptNumber} của Quý cơ quan về nhiệm vụ dưới đây đã được chấp nhận; nhiệm vụ được ghi nhận hoàn thành ${m.onTime ? 'đúng hạn' : 'quá hạn'}.`,
      ),
      ...quote('Ý kiến', m.comment),
      facts(
        ...directiveFacts(m.directive),
        { label: 'Nhiệm vụ', value: m.task.title },
        { label: 'Hạn hoàn thành', value: formatDateVi(m.task.deadline) },
      ),
      action('Xem nhiệm vụ', m.link),
    ],
  });
}

function deadlineMoved(m: EmailOf<'deadline_moved'>): EmailContent {
  const later = m.task.deadline > m.previousDeadline;
  const why =
    m.why === 'calendar'
      ? 'do lịch nghỉ lễ, Tết được công bố hoặc điều chỉnh'
      : `theo quyết định của ${m.directive.issuer}`;
  return unitEmail(m, {
    subject: `Điều chỉnh hạn đến ${formatDateShortVi(m.task.deadline)}: ${clip(m.task.title)}`,
    heading: 'THÔNG BÁO ĐIỀU CHỈNH THỜI HẠN',
    blocks: [
      paragraph(
        `Thời hạn hoàn thành nhiệm vụ dưới đây được ${later ? 'lùi' : 'đưa sớm'} từ ${formatDateVi(m.previousDeadline)} sang ${formatDateVi(m.task.deadline)}, ${why}.`,
      ),
      ...quote('Lý do', m.why === 'moved' ? m.reason : undefined),
      facts(
        ...directiveFacts(m.directive),
        { label: 'Nhiệm vụ', value: m.task.title },
        { label: 'Hạn trước đây', value: formatDateVi(m.previousDeadline) },
        { label: 'Hạn mới', value: due(m.task.deadline, m.task.workingDaysLeft, m.task.provisional) },
      ),
      paragraph('Đề nghị Quý cơ quan thực hiện và gửi báo cáo theo thời hạn mới qua đường liên kết dưới đây.'),
      action('Mở trang nhiệm vụ', m.link),
    ],
  });
}

export const viDeadline: Pick<EmailCopy, 'accepted' | 'deadline_moved'> = {
  accepted,
  deadline_moved: deadlineMoved,
};
