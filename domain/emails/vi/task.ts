// Vietnamese wording of the messages along one task's life: assigned, received, returned,
// extended or not, cancelled, new link. Formal tone of an administrative dispatch.
import { formatDateShortVi, formatDateTime, formatDateVi, formatNumberVi } from '../../format';
import { action, clip, facts, paragraph, quote, type Block, type EmailContent, type EmailCopy } from '../content';
import type { EmailOf } from '../schemas';
import { deadlineFact, directiveFacts, due, pursuant, taskFacts, unitEmail } from './common';

function assignment(m: EmailOf<'assignment'>): EmailContent {
  const role = m.role === 'lead' ? 'chủ trì' : `phối hợp với ${m.supports?.name ?? 'đơn vị chủ trì'}`;
  const indicators = m.indicators ?? [];
  const withTargets = indicators.some((i) => i.target !== undefined);
  const ask =
    m.completion === 'acknowledgement'
      ? 'Đề nghị Quý cơ quan xác nhận đã nhận nhiệm vụ qua đường liên kết dưới đây'
      : `Đề nghị Quý cơ quan triển khai thực hiện và gửi báo cáo kết quả${indicators.length ? ' (kèm số liệu các chỉ tiêu)' : ''} qua đường liên kết dưới đây`;
  const blocks: Block[] = [
    paragraph(`${pursuant(m.directive)}, Quý cơ quan được giao ${role} thực hiện nhiệm vụ sau:`),
    facts(
      ...directiveFacts(m.directive),
      { label: 'Nhiệm vụ', value: m.task.title },
      {
        label: 'Vai trò',
        value: m.role === 'lead' ? 'Chủ trì' : `Phối hợp (đơn vị chủ trì: ${m.supports?.name ?? 'chưa xác định'})`,
      },
      deadlineFact(m.task),
    ),
    ...quote('Nội dung nhiệm vụ', m.task.body),
  ];
  if (indicators.length > 0) {
    blocks.push({
      type: 'table',
      caption: 'Các chỉ tiêu cần báo cáo',
      headers: ['Chỉ tiêu', 'Đơn vị tính', ...(withTargets ? ['Chỉ tiêu giao'] : [])],
      rows: indicators.map((i) => [
        i.name,
        i.unit,
        ...(withTargets ? [i.target === undefined ? '—' : formatNumberVi(i.target)] : []),
      ]),
    });
  }
  blocks.push(
    paragraph(`${ask} chậm nhất ${formatDateVi(m.task.deadline)}.`),
    action('Mở trang nhiệm vụ', m.link),
    paragraph('Trường hợp có khó khăn, vướng mắc, Quý cơ quan có thể đề nghị gia hạn qua cùng đường liên kết.'),
  );
  return unitEmail(m, { subject: `Giao nhiệm vụ: ${clip(m.task.title)}`, heading: 'THÔNG BÁO GIAO NHIỆM VỤ', blocks });
}

function receipt(m: EmailOf<'receipt'>): EmailContent {
  const values = m.indicators ?? [];
  const blocks: Block[] = [
    paragraph('Hệ thống đã nhận báo cáo của Quý cơ quan về nhiệm vụ dưới đây.'),
    facts(
      { label: 'Số tiếp nhận', value: m.receiptNumber },
      { label: 'Thời điểm nhận', value: formatDateTime(m.submittedAt, 'vi') },
      ...(m.submittedBy ? [{ label: 'Người gửi', value: m.submittedBy }] : []),
      ...directiveFacts(m.directive),
      { label: 'Nhiệm vụ', value: m.task.title },
      { label: 'Hạn hoàn thành', value: formatDateVi(m.task.deadline) },
    ),
  ];
  if (values.length > 0) {
    blocks.push({
      type: 'table',
      caption: 'Số liệu các chỉ tiêu đã báo cáo',
      headers: ['Chỉ tiêu', 'Giá trị', 'Đơn vị tính'],
      rows: values.map((v) => [v.name, formatNumberVi(v.value), v.unit]),
    });
  }
  blocks.push(
    ...quote('Tệp đính kèm', (m.attachments ?? []).join('\n')),
    paragraph('Báo cáo sẽ được xem xét; trường hợp cần bổ sung, hoàn thiện, Quý cơ quan sẽ nhận được thông báo.'),
    action('Xem báo cáo đã gửi', m.link),
  );
  return unitEmail(m, {
    subject: `Đã nhận báo cáo số ${m.receiptNumber}: ${clip(m.task.title)}`,
    heading: 'XÁC NHẬN ĐÃ NHẬN BÁO CÁO',
    blocks,
  });
}

function returned(m: EmailOf<'returned'>): EmailContent {
  return unitEmail(m, {
    subject: `Đề nghị hoàn thiện báo cáo: ${clip(m.task.title)}`,
    heading: 'ĐỀ NGHỊ BỔ SUNG, HOÀN THIỆN BÁO CÁO',
    blocks: [
      paragraph('Báo cáo của Quý cơ quan về nhiệm vụ dưới đây cần được bổ sung, hoàn thiện theo ý kiến sau:'),
      ...quote(m.reviewer ? `Ý kiến của ${m.reviewer}` : 'Ý kiến của cơ quan theo dõi', m.comment),
      facts(
        ...directiveFacts(m.directive),
        { label: 'Nhiệm vụ', value: m.task.title },
        { label: 'Hạn gửi lại', value: due(m.newDeadline, m.newWorkingDaysLeft) },
      ),
      paragraph(
        `Đề nghị Quý cơ quan bổ sung, hoàn thiện và gửi lại báo cáo qua đường liên kết dưới đây chậm nhất ${formatDateVi(m.newDeadline)}.`,
      ),
      action('Hoàn thiện báo cáo', m.link),
    ],
  });
}

function extensionDecision(m: EmailOf<'extension_decision'>): EmailContent {
  if (m.decision === 'approved') {
    return unitEmail(m, {
      subject: `Đồng ý gia hạn đến ${formatDateShortVi(m.newDeadline)}: ${clip(m.task.title)}`,
      heading: 'THÔNG BÁO GIA HẠN THỰC HIỆN NHIỆM VỤ',
      blocks: [
        paragraph(
          `Đề nghị gia hạn của Quý cơ quan đối với nhiệm vụ dưới đây đã được chấp thuận. Hạn hoàn thành mới là ${formatDateVi(m.newDeadline)}.`,
        ),
        ...quote('Ý kiến', m.comment),
        facts(
          ...directiveFacts(m.directive),
          { label: 'Nhiệm vụ', value: m.task.title },
          { label: 'Hạn trước đây', value: formatDateVi(m.task.deadline) },
          { label: 'Hạn mới', value: due(m.newDeadline, m.newWorkingDaysLeft) },
        ),
        action('Mở trang nhiệm vụ', m.link),
      ],
    });
  }
  return unitEmail(m, {
    subject: `Không chấp thuận gia hạn: ${clip(m.task.title)}`,
    heading: 'THÔNG BÁO VỀ ĐỀ NGHỊ GIA HẠN',
    blocks: [
      paragraph(
        `Đề nghị gia hạn của Quý cơ quan đối với nhiệm vụ dưới đây không được chấp thuận; hạn hoàn thành giữ nguyên là ${formatDateVi(m.task.deadline)}.`,
      ),
      ...quote('Lý do', m.reason),
      facts(...directiveFacts(m.directive), ...taskFacts(m.task)),
      paragraph('Đề nghị Quý cơ quan khẩn trương hoàn thành và gửi báo cáo đúng hạn qua đường liên kết dưới đây.'),
      action('Gửi báo cáo', m.link),
    ],
  });
}

function cancellation(m: EmailOf<'cancellation'>): EmailContent {
  return unitEmail(m, {
    subject: `Dừng thực hiện nhiệm vụ: ${clip(m.task.title)}`,
    heading: 'THÔNG BÁO DỪNG THỰC HIỆN NHIỆM VỤ',
    blocks: [
      paragraph(
        `${m.directive.issuer} thông báo dừng thực hiện nhiệm vụ dưới đây thuộc Văn bản số ${m.directive.number}. Quý cơ quan không cần gửi báo cáo đối với nhiệm vụ này.`,
      ),
      ...quote('Lý do', m.reason),
      facts(
        ...directiveFacts(m.directive),
        { label: 'Nhiệm vụ', value: m.task.title },
        { label: 'Hạn hoàn thành trước đây', value: formatDateVi(m.task.deadline) },
      ),
      action('Xem nhiệm vụ', m.link),
    ],
  });
}

function newLink(m: EmailOf<'new_link'>): EmailContent {
  const validity =
    m.expiresAt === undefined ? '' : ` Đường liên kết có hiệu lực đến ${formatDateTime(m.expiresAt, 'vi')}.`;
  return unitEmail(m, {
    subject: `Đường liên kết mới: ${clip(m.task.title)}`,
    heading: 'CẤP ĐƯỜNG LIÊN KẾT MỚI',
    blocks: [
      paragraph(
        `Theo đề nghị của Quý cơ quan, hệ thống gửi đường liên kết mới để truy cập nhiệm vụ dưới đây.${validity}`,
      ),
      facts(...directiveFacts(m.directive), ...taskFacts(m.task)),
      action('Mở trang nhiệm vụ', m.link),
      paragraph('Nếu Quý cơ quan không đề nghị cấp đường liên kết mới, xin vui lòng bỏ qua thư này.'),
    ],
  });
}

export const viTask: Pick<
  EmailCopy,
  'assignment' | 'receipt' | 'returned' | 'extension_decision' | 'cancellation' | 'new_link'
> = {
  assignment,
  receipt,
  returned,
  extension_decision: extensionDecision,
  cancellation,
  new_link: newLink,
};
