import { emailSubjectPrefix, renderEmail, type EmailKind, type EmailMessage, type EmailOf } from '../../domain/emails';
import { LANGS, formatDateEn, formatDateVi, type Lang } from '../../domain/format';

// A task of Ninh Bình's Công văn 524/UBND-VP9, as the Sở Thông tin và Truyền thông would receive it.
const unit = { code: 'STTTT', name: 'Sở Thông tin và Truyền thông' };
const directive = {
  number: '524/UBND-VP9',
  title: 'Triển khai Chương trình truyền thông giai đoạn 2023 - 2028 trên địa bàn tỉnh Ninh Bình',
  issuer: 'UBND tỉnh Ninh Bình',
};
const task = {
  title: 'Tuyên truyền trên báo chí và hệ thống thông tin cơ sở',
  deadline: '2023-01-05',
  workingDaysLeft: 3,
};
const link = 'https://dondoc.ninhbinh.gov.vn/l/9f2c1e7a44b0?t=STTTT&c=1';
const common = { unit, directive, task, link };
const indicators = [
  { code: 'articles', name: 'Số tin, bài đã đăng', unit: 'tin, bài', target: 200 },
  { code: 'leaflets', name: 'Số tờ rơi đã phát hành', unit: 'tờ', target: 20000 },
  { code: 'conferences', name: 'Số hội nghị đã tổ chức', unit: 'hội nghị' },
];
const submittedAt = Date.UTC(2023, 0, 4, 7, 5); // 14:05 on 04/01/2023 in Hà Nội
// A leader asks the department to explain why the task above is overdue, within two working days.
const explained = {
  ...common,
  task: { title: `Giải trình: ${task.title}`, deadline: '2023-01-11', workingDaysLeft: 2 },
};
const explanation = {
  question: 'Đề nghị nêu rõ lý do chậm báo cáo và thời điểm hoàn thành.',
  askedBy: 'Phó Chủ tịch UBND tỉnh Nguyễn Văn An',
  about: { title: task.title, deadline: '2023-01-05', status: 'Quá hạn' },
};

/** Every kind, with its variants; the mapped type makes a forgotten kind a type error. */
const samples: { [K in EmailKind]: EmailOf<K>[] } = {
  assignment: [
    {
      kind: 'assignment',
      ...common,
      task: {
        ...task,
        body: 'Đăng tải tin, bài trên Báo Ninh Bình.\nPhát thanh trên hệ thống loa truyền thanh cơ sở.',
      },
      role: 'lead',
      indicators,
    },
    {
      kind: 'assignment',
      ...common,
      role: 'support',
      supports: { code: 'SVHTT', name: 'Sở Văn hóa và Thể thao' },
      completion: 'acknowledgement',
    },
  ],
  reminder: [3, 1, 0].map((n) => ({ kind: 'reminder' as const, ...common, task: { ...task, workingDaysLeft: n } })),
  escalation: [
    { kind: 'escalation', ...common, task: { ...task, workingDaysLeft: -1 }, level: 1, to: 'head' },
    { kind: 'escalation', ...common, task: { ...task, workingDaysLeft: -3 }, level: 2, to: 'supervisor' },
    {
      kind: 'escalation',
      ...common,
      task: { ...task, workingDaysLeft: -7 },
      level: 3,
      to: 'steering',
      addressee: 'Ban Chỉ đạo Chương trình truyền thông tỉnh',
    },
    { kind: 'escalation', ...common, task: { ...task, workingDaysLeft: -12 }, level: 3, to: 'steering', weekly: true },
  ],
  receipt: [
    {
      kind: 'receipt',
      ...common,
      receiptNumber: 'BC-524-STTTT-0001',
      submittedAt,
      submittedBy: 'Nguyễn Thị Hoa',
      indicators: [
        { name: 'Số tin, bài đã đăng', unit: 'tin, bài', value: 218 },
        { name: 'Số tờ rơi đã phát hành', unit: 'tờ', value: 2805 },
      ],
      attachments: ['bao-cao-ket-qua.pdf'],
    },
    { kind: 'receipt', ...common, receiptNumber: 'BC-524-STTTT-0002', submittedAt },
  ],
  returned: [
    {
      kind: 'returned',
      ...common,
      comment: 'Bổ sung số liệu hội nghị.\nGửi kèm ảnh chụp các tin, bài đã đăng.',
      reviewer: 'Văn phòng UBND tỉnh',
      newDeadline: '2023-01-10',
      newWorkingDaysLeft: 3,
    },
  ],
  extension_decision: [
    {
      kind: 'extension_decision',
      ...common,
      decision: 'approved',
      newDeadline: '2023-02-09',
      newWorkingDaysLeft: 20,
      comment: 'Đồng ý do trùng kỳ nghỉ Tết Nguyên đán.',
    },
    {
      kind: 'extension_decision',
      ...common,
      decision: 'rejected',
      reason: 'Nhiệm vụ cần hoàn thành để tổng hợp báo cáo năm.',
    },
  ],
  accepted: [
    { kind: 'accepted', ...common, receiptNumber: '524/UBND-VP9-NB-STTTT-02', onTime: true },
    { kind: 'accepted', ...common, receiptNumber: '524/UBND-VP9-NB-STTTT-03', onTime: false, comment: 'Đạt yêu cầu.' },
  ],
  deadline_moved: [
    {
      kind: 'deadline_moved',
      ...common,
      task: { ...task, deadline: '2023-01-16', workingDaysLeft: 10 },
      previousDeadline: '2023-01-05',
      why: 'moved',
      reason: 'Chờ kết quả hội nghị sơ kết của Ban Chỉ đạo.',
    },
    {
      kind: 'deadline_moved',
      ...common,
      task: { ...task, deadline: '2027-02-12', workingDaysLeft: 30, provisional: true },
      previousDeadline: '2027-02-11',
      why: 'calendar',
    },
  ],
  cancellation: [
    { kind: 'cancellation', ...common, reason: 'Nội dung đã được lồng ghép vào Kế hoạch 1297/KH-UBND.' },
    { kind: 'cancellation', ...common },
  ],
  digest: [
    {
      kind: 'digest',
      unit,
      date: '2023-01-02',
      items: [
        { directive, task, link },
        {
          directive,
          task: { title: 'Báo cáo kết quả thực hiện quý IV năm 2022', deadline: '2023-01-03', workingDaysLeft: 1 },
          link: 'https://dondoc.ninhbinh.gov.vn/l/a1b2c3d4e5f6',
        },
      ],
    },
  ],
  new_link: [
    { kind: 'new_link', ...common, expiresAt: Date.UTC(2023, 0, 31, 10, 0) },
    { kind: 'new_link', ...common },
  ],
  explanation_request: [{ kind: 'explanation_request', ...explained, explanation }],
  explanation_reminder: [
    { kind: 'explanation_reminder', ...explained, task: { ...explained.task, workingDaysLeft: 1 }, explanation },
  ],
  explanation_escalation: [
    {
      kind: 'explanation_escalation',
      ...explained,
      task: { ...explained.task, workingDaysLeft: -1 },
      explanation,
      level: 1,
      to: 'head',
    },
    {
      kind: 'explanation_escalation',
      ...explained,
      task: { ...explained.task, workingDaysLeft: -2 },
      explanation,
      level: 1,
      to: 'head',
      addressee: 'Lê Văn Minh, người được giao thay Thủ trưởng Sở Thông tin và Truyền thông',
    },
  ],
  explanation_receipt: [
    { kind: 'explanation_receipt', ...explained, explanation, receiptNumber: '524-NB-STTTT-1-01', submittedAt },
  ],
};

const allSamples: EmailMessage[] = Object.values(samples).flat();
const cases = allSamples.flatMap((m, i) => LANGS.map((lang) => [`${m.kind} #${i} (${lang})`, m, lang] as const));

const linksOf = (m: EmailMessage): string[] => (m.kind === 'digest' ? m.items.map((i) => i.link) : [m.link]);
const deadlinesOf = (m: EmailMessage): string[] => {
  if (m.kind === 'digest') return m.items.map((i) => i.task.deadline);
  if (m.kind === 'returned') return [m.newDeadline];
  if (m.kind === 'extension_decision' && m.decision === 'approved') return [m.task.deadline, m.newDeadline];
  return [m.task.deadline];
};
const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe.each(cases)('%s', (_name, message, lang) => {
  const email = renderEmail(message, lang);

  test('has a one-line subject that starts with the directive number', () => {
    expect(email.subject.startsWith('[524/UBND-VP9] ')).toBe(true);
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  test('carries every link as a button in the HTML and as a raw URL in the text', () => {
    for (const url of linksOf(message)) {
      expect(email.text).toContain(url);
      expect(email.html).toContain(`background-color:#1849a9;">\n<a href="${escapeHtml(url)}"`); // the button's cell
    }
  });

  test('writes the deadlines the way the language does', () => {
    for (const d of deadlinesOf(message))
      expect(email.text).toContain(lang === 'vi' ? formatDateVi(d) : formatDateEn(d));
  });

  test('never prints a missing or broken value', () => {
    for (const part of [email.subject, email.text, email.html])
      expect(part).not.toMatch(/undefined|NaN|\[object Object\]|\bnull\b/);
  });

  test('keeps HTML tags out of the plain text', () => {
    expect(email.text).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(email.text).not.toMatch(/&(amp|lt|gt|quot|#39);/);
  });

  test('is a UTF-8 HTML document in the right language', () => {
    expect(email.html).toMatch(/^<!DOCTYPE html>\n<html lang="(vi|en)">/);
    expect(email.html).toContain(`<html lang="${lang}">`);
    expect(email.html).toContain('<meta charset="UTF-8">');
    expect(email.html).toContain('name="viewport"');
  });

  test('says in the footer that the link is personal and must not be forwarded', () => {
    const warning = lang === 'vi' ? 'đề nghị không chuyển tiếp thư này' : 'please do not forward this email';
    expect(email.text).toContain(warning);
    expect(email.html).toContain(warning);
    const holder =
      message.kind === 'escalation' || message.kind === 'explanation_escalation'
        ? { vi: 'người nhận thư này', en: 'you' }
        : { vi: unit.name, en: unit.name };
    expect(email.text).toContain(
      lang === 'vi' ? `được cấp riêng cho ${holder.vi};` : `was issued to ${holder.en} only;`,
    );
  });

  test('opens with the addressee and closes formally', () => {
    expect(email.text).toMatch(lang === 'vi' ? /\nKính gửi: .+\n/ : /\nTo: .+\n/);
    expect(email.text).toContain(lang === 'vi' ? 'Trân trọng.' : 'Kind regards.');
  });
});

describe('subjects', () => {
  test.each<[string, Lang, EmailMessage, string]>([
    [
      'assignment',
      'vi',
      samples.assignment[0],
      '[524/UBND-VP9] Giao nhiệm vụ: Tuyên truyền trên báo chí và hệ thống thông tin cơ sở',
    ],
    [
      'assignment',
      'en',
      samples.assignment[0],
      '[524/UBND-VP9] New task: Tuyên truyền trên báo chí và hệ thống thông tin cơ sở',
    ],
    [
      'reminder T-3',
      'vi',
      samples.reminder[0],
      '[524/UBND-VP9] Nhắc hạn: Tuyên truyền trên báo chí và hệ thống thông tin cơ sở (còn 3 ngày làm việc)',
    ],
    [
      'reminder T-1',
      'en',
      samples.reminder[1],
      '[524/UBND-VP9] Reminder: Tuyên truyền trên báo chí và hệ thống thông tin cơ sở (1 working day left)',
    ],
    [
      'reminder T',
      'vi',
      samples.reminder[2],
      '[524/UBND-VP9] Nhắc hạn: Tuyên truyền trên báo chí và hệ thống thông tin cơ sở (hạn chót là hôm nay)',
    ],
    [
      'reminder T',
      'en',
      samples.reminder[2],
      '[524/UBND-VP9] Reminder: Tuyên truyền trên báo chí và hệ thống thông tin cơ sở (due today)',
    ],
    [
      'escalation L1',
      'vi',
      samples.escalation[0],
      '[524/UBND-VP9] Đôn đốc cấp 1: Sở Thông tin và Truyền thông quá hạn 1 ngày làm việc',
    ],
    [
      'escalation L2',
      'en',
      samples.escalation[1],
      '[524/UBND-VP9] Escalation level 2: Sở Thông tin và Truyền thông is 3 working days overdue',
    ],
    [
      'weekly chase',
      'vi',
      samples.escalation[3],
      '[524/UBND-VP9] Đôn đốc hằng tuần: Sở Thông tin và Truyền thông quá hạn 12 ngày làm việc',
    ],
    [
      'weekly chase',
      'en',
      samples.escalation[3],
      '[524/UBND-VP9] Weekly chase: Sở Thông tin và Truyền thông is 12 working days overdue',
    ],
    [
      'receipt',
      'vi',
      samples.receipt[0],
      '[524/UBND-VP9] Đã nhận báo cáo số BC-524-STTTT-0001: Tuyên truyền trên báo chí và hệ thống thông tin cơ sở',
    ],
    [
      'receipt',
      'en',
      samples.receipt[0],
      '[524/UBND-VP9] Report received, receipt BC-524-STTTT-0001: Tuyên truyền trên báo chí và hệ thống thông tin cơ sở',
    ],
    [
      'returned',
      'vi',
      samples.returned[0],
      '[524/UBND-VP9] Đề nghị hoàn thiện báo cáo: Tuyên truyền trên báo chí và hệ thống thông tin cơ sở',
    ],
    [
      'returned',
      'en',
      samples.returned[0],
      '[524/UBND-VP9] Report returned for revision: Tuyên truyền trên báo chí và hệ thống thông tin cơ sở',
    ],
    [
      'extension approved',
      'vi',
      samples.extension_decision[0],
      '[524/UBND-VP9] Đồng ý gia hạn đến 09/02/2023: Tuyên truyền trên báo chí và hệ thống thông tin cơ sở',
    ],
    [
      'extension approved',
      'en',
      samples.extension_decision[0],
      '[524/UBND-VP9] Extension approved until 9 February 2023: Tuyên truyền trên báo chí và hệ thống thông tin cơ sở',
    ],
    [
      'extension rejected',
      'vi',
      samples.extension_decision[1],
      '[524/UBND-VP9] Không chấp thuận gia hạn: Tuyên truyền trên báo chí và hệ thống thông tin cơ sở',
    ],
    [
      'extension rejected',
      'en',
      samples.extension_decision[1],
      '[524/UBND-VP9] Extension declined: Tuyên truyền trên báo chí và hệ thống thông tin cơ sở',
    ],
    [
      'cancellation',
      'vi',
      samples.cancellation[0],
      '[524/UBND-VP9] Dừng thực hiện nhiệm vụ: Tuyên truyền trên báo chí và hệ thống thông tin cơ sở',
    ],
    [
      'cancellation',
      'en',
      samples.cancellation[0],
      '[524/UBND-VP9] Task cancelled: Tuyên truyền trên báo chí và hệ thống thông tin cơ sở',
    ],
    ['digest', 'vi', samples.digest[0], '[524/UBND-VP9] Nhiệm vụ sắp đến hạn ngày 02/01/2023 (2 nhiệm vụ)'],
    ['digest', 'en', samples.digest[0], '[524/UBND-VP9] Tasks due soon, 2 January 2023 (2 tasks)'],
    [
      'new link',
      'vi',
      samples.new_link[0],
      '[524/UBND-VP9] Đường liên kết mới: Tuyên truyền trên báo chí và hệ thống thông tin cơ sở',
    ],
    [
      'new link',
      'en',
      samples.new_link[0],
      '[524/UBND-VP9] Your new link: Tuyên truyền trên báo chí và hệ thống thông tin cơ sở',
    ],
  ])('%s (%s)', (_name, lang, message, subject) => {
    expect(renderEmail(message, lang).subject).toBe(subject);
  });

  test('Vietnamese is the default language', () => {
    expect(renderEmail(samples.reminder[0])).toEqual(renderEmail(samples.reminder[0], 'vi'));
  });

  test('a long title is shortened on a word boundary, and line breaks never reach the header', () => {
    const title = `Xây dựng kế hoạch\r\ntuyên truyền ${'về công tác chuyển đổi số '.repeat(8)}`.trim();
    const { subject, text } = renderEmail({ kind: 'reminder', ...common, task: { ...task, title } });
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toMatch(/^\[524\/UBND-VP9\] Nhắc hạn: Xây dựng kế hoạch tuyên truyền .*… \(còn 3 ngày làm việc\)$/);
    expect(subject.length).toBeLessThan(160);
    expect(text).toContain('chuyển đổi số về công tác');
  });

  test.each([
    ['524/UBND-VP9', '[524/UBND-VP9] '],
    [['524/UBND-VP9', '524/UBND-VP9'], '[524/UBND-VP9] '],
    [['524/UBND-VP9', '1297/KH-UBND'], '[524/UBND-VP9, 1297/KH-UBND] '],
    [['1/A', '2/B', '3/C', '4/D'], '[1/A, 2/B, +2] '],
  ])('emailSubjectPrefix(%j) is %j', (numbers, prefix) => {
    expect(emailSubjectPrefix(numbers)).toBe(prefix);
  });
});

describe('what each kind says', () => {
  const vi = (m: EmailMessage): string => renderEmail(m, 'vi').text;
  const en = (m: EmailMessage): string => renderEmail(m, 'en').text;

  test('a request for explanation says who asks, what, about which task and by when, in both languages', () => {
    const m = samples.explanation_request[0];
    expect(renderEmail(m, 'vi').subject).toBe(`[524/UBND-VP9] Yêu cầu giải trình: ${task.title}`);
    const text = vi(m);
    expect(text).toMatch(/^YÊU CẦU GIẢI TRÌNH\n\nKính gửi: Sở Thông tin và Truyền thông\n/);
    expect(text).toContain(
      'nhiệm vụ dưới đây giao Quý cơ quan đang ở tình trạng: quá hạn. Phó Chủ tịch UBND tỉnh Nguyễn Văn An yêu cầu Quý cơ quan giải trình.',
    );
    expect(text).toContain('Nội dung cần giải trình:\n  Đề nghị nêu rõ lý do chậm báo cáo và thời điểm hoàn thành.');
    expect(text).toContain('Hạn nhiệm vụ: ngày 05 tháng 01 năm 2023');
    expect(text).toContain('Hạn giải trình: ngày 11 tháng 01 năm 2023 (còn 2 ngày làm việc)');
    expect(text).toContain(`Gửi giải trình: ${link}`);
    const english = en(m);
    expect(renderEmail(m, 'en').subject).toBe(`[524/UBND-VP9] Request for explanation: ${task.title}`);
    expect(english).toContain('Phó Chủ tịch UBND tỉnh Nguyễn Văn An asks your agency to explain.');
    expect(english).toContain('Explanation due: 11 January 2023 (2 working days left)');
  });

  test('the reminder, escalation and receipt of an explanation read as such, not as a report', () => {
    expect(renderEmail(samples.explanation_reminder[0], 'vi').subject).toBe(
      `[524/UBND-VP9] Nhắc hạn giải trình: ${task.title} (còn 1 ngày làm việc)`,
    );
    expect(vi(samples.explanation_reminder[0])).not.toMatch(/báo cáo qua đường liên kết/);
    const escalation = vi(samples.explanation_escalation[0]);
    expect(renderEmail(samples.explanation_escalation[0], 'vi').subject).toBe(
      '[524/UBND-VP9] Đôn đốc giải trình: Sở Thông tin và Truyền thông quá hạn 1 ngày làm việc',
    );
    expect(escalation).toContain('Kính gửi: Thủ trưởng Sở Thông tin và Truyền thông');
    expect(vi(samples.explanation_escalation[1])).toContain(
      'Kính gửi: Lê Văn Minh, người được giao thay Thủ trưởng Sở Thông tin và Truyền thông',
    );
    expect(en(samples.explanation_escalation[0])).toContain('it is 1 working day overdue');
    const receipt = vi(samples.explanation_receipt[0]);
    expect(receipt).toMatch(/^XÁC NHẬN ĐÃ NHẬN GIẢI TRÌNH/);
    expect(receipt).toContain('Số tiếp nhận: 524-NB-STTTT-1-01');
    expect(en(samples.explanation_receipt[0])).toContain('EXPLANATION RECEIVED');
  });

  test('an assignment to the lead unit gives the role, the task body and the indicators with their units', () => {
    const text = vi(samples.assignment[0]);
    expect(text).toContain('Quý cơ quan được giao chủ trì thực hiện nhiệm vụ sau:');
    expect(text).toContain('Vai trò: Chủ trì');
    expect(text).toContain('Hạn hoàn thành: ngày 05 tháng 01 năm 2023 (còn 3 ngày làm việc)');
    expect(text).toContain(
      '  Đăng tải tin, bài trên Báo Ninh Bình.\n  Phát thanh trên hệ thống loa truyền thanh cơ sở.',
    );
    expect(text).toContain('- Số tờ rơi đã phát hành (Đơn vị tính: tờ; Chỉ tiêu giao: 20.000)');
    expect(text).toContain('- Số hội nghị đã tổ chức (Đơn vị tính: hội nghị; Chỉ tiêu giao: —)');
    expect(text).toContain(
      'Đề nghị Quý cơ quan triển khai thực hiện và gửi báo cáo kết quả (kèm số liệu các chỉ tiêu)',
    );
    expect(en(samples.assignment[0])).toContain('- Số tờ rơi đã phát hành (Unit: tờ; Target: 20,000)');
    expect(renderEmail(samples.assignment[0]).html).toContain(
      '<td style="padding:6px 8px;border:1px solid #d0d5dd;vertical-align:top;text-align:left;">20.000</td>',
    );
  });

  test('an assignment to a supporting unit names the lead unit it supports', () => {
    expect(vi(samples.assignment[1])).toContain(
      'Quý cơ quan được giao phối hợp với Sở Văn hóa và Thể thao thực hiện nhiệm vụ sau:',
    );
    expect(vi(samples.assignment[1])).toContain('Vai trò: Phối hợp (đơn vị chủ trì: Sở Văn hóa và Thể thao)');
    expect(vi(samples.assignment[1])).toContain('xác nhận đã nhận nhiệm vụ');
    expect(en(samples.assignment[1])).toContain('to support Sở Văn hóa và Thể thao in the task below');
  });

  test.each([
    [
      0,
      'Nhiệm vụ còn 3 ngày làm việc nữa là đến hạn hoàn thành (ngày 05 tháng 01 năm 2023).',
      'It is due in 3 working days, on 5 January 2023.',
    ],
    [1, 'Nhiệm vụ còn 1 ngày làm việc nữa là đến hạn hoàn thành', 'It is due in 1 working day, on 5 January 2023.'],
    [
      2,
      'Hôm nay, ngày 05 tháng 01 năm 2023, là hạn chót hoàn thành nhiệm vụ.',
      'Today, 5 January 2023, is its deadline.',
    ],
  ])('reminder #%p words the days left', (i, viSentence, enSentence) => {
    expect(vi(samples.reminder[i])).toContain(viSentence);
    expect(en(samples.reminder[i])).toContain(enSentence);
  });

  test('escalations climb the ladder: the head, then the supervisor, then the steering committee', () => {
    expect(vi(samples.escalation[0])).toContain('Kính gửi: Thủ trưởng Sở Thông tin và Truyền thông\n');
    expect(vi(samples.escalation[1])).toContain('Kính gửi: Lãnh đạo UBND tỉnh Ninh Bình phụ trách lĩnh vực\n');
    expect(vi(samples.escalation[2])).toContain('Kính gửi: Ban Chỉ đạo Chương trình truyền thông tỉnh\n');
    expect(vi(samples.escalation[3])).toContain('Kính gửi: Ban Chỉ đạo\n');
    expect(en(samples.escalation[0])).toContain('To: The head of Sở Thông tin và Truyền thông\n');
    expect(en(samples.escalation[3])).toContain('To: The steering committee\n');
  });

  test('an escalation names the overdue unit, how late it is, the task and the level', () => {
    const text = vi(samples.escalation[1]);
    expect(text).toContain(
      'đến nay Sở Thông tin và Truyền thông chưa hoàn thành nhiệm vụ dưới đây, đã quá hạn 3 ngày làm việc.',
    );
    expect(text).toContain('Đơn vị chậm hạn: Sở Thông tin và Truyền thông (STTTT)');
    expect(text).toContain('Nhiệm vụ: Tuyên truyền trên báo chí và hệ thống thông tin cơ sở');
    expect(text).toContain('Hạn hoàn thành: ngày 05 tháng 01 năm 2023 (quá hạn 3 ngày làm việc)');
    expect(text).toContain('Mức đôn đốc: Cấp 2');
    expect(vi(samples.escalation[3])).toContain('Thư này được gửi hằng tuần');
    expect(en(samples.escalation[1])).toContain(
      'Sở Thông tin và Truyền thông has not yet completed the task below, which is 3 working days overdue.',
    );
  });

  test('a receipt echoes the number, the time in Vietnam and the indicator values', () => {
    const text = vi(samples.receipt[0]);
    expect(text).toContain('Số tiếp nhận: BC-524-STTTT-0001');
    expect(text).toContain('Thời điểm nhận: 14:05 ngày 04/01/2023');
    expect(text).toContain('Người gửi: Nguyễn Thị Hoa');
    expect(text).toContain('- Số tờ rơi đã phát hành (Giá trị: 2.805; Đơn vị tính: tờ)');
    expect(text).toContain('  bao-cao-ket-qua.pdf');
    expect(en(samples.receipt[0])).toContain('Received at: 14:05, 4 January 2023 (UTC+7)');
    expect(en(samples.receipt[0])).toContain('(Value: 2,805; Unit: tờ)');
    expect(vi(samples.receipt[1])).not.toContain('Người gửi');
    expect(vi(samples.receipt[1])).not.toContain('Số liệu các chỉ tiêu');
  });

  test('a returned report quotes the reviewer and gives the new deadline', () => {
    const text = vi(samples.returned[0]);
    expect(text).toContain(
      'Ý kiến của Văn phòng UBND tỉnh:\n  Bổ sung số liệu hội nghị.\n  Gửi kèm ảnh chụp các tin, bài đã đăng.',
    );
    expect(text).toContain('Hạn gửi lại: ngày 10 tháng 01 năm 2023 (còn 3 ngày làm việc)');
    expect(en(samples.returned[0])).toContain('Resubmit by: 10 January 2023 (3 working days left)');
  });

  test('an extension decision gives the new date, or the reason and the unchanged deadline', () => {
    expect(vi(samples.extension_decision[0])).toContain('Hạn mới: ngày 09 tháng 02 năm 2023 (còn 20 ngày làm việc)');
    expect(vi(samples.extension_decision[0])).toContain('Hạn trước đây: ngày 05 tháng 01 năm 2023');
    expect(vi(samples.extension_decision[1])).toContain('hạn hoàn thành giữ nguyên là ngày 05 tháng 01 năm 2023');
    expect(vi(samples.extension_decision[1])).toContain('Lý do:\n  Nhiệm vụ cần hoàn thành để tổng hợp báo cáo năm.');
    expect(en(samples.extension_decision[1])).toContain('the deadline remains 5 January 2023');
  });

  test('an accepted report says the task is done, on time or late', () => {
    expect(vi(samples.accepted[0])).toContain('nhiệm vụ được ghi nhận hoàn thành đúng hạn');
    expect(vi(samples.accepted[1])).toContain('nhiệm vụ được ghi nhận hoàn thành quá hạn');
    expect(vi(samples.accepted[1])).toContain('Ý kiến:\n  Đạt yêu cầu.');
    expect(en(samples.accepted[0])).toContain('recorded as done on time');
  });

  test('a moved deadline gives the old date, the new one and why, later or earlier', () => {
    const later = vi(samples.deadline_moved[0]);
    expect(later).toContain('được lùi từ ngày 05 tháng 01 năm 2023 sang ngày 16 tháng 01 năm 2023');
    expect(later).toContain('Hạn trước đây: ngày 05 tháng 01 năm 2023');
    expect(later).toContain('Lý do:\n  Chờ kết quả hội nghị sơ kết của Ban Chỉ đạo.');
    expect(en(samples.deadline_moved[0])).toContain('moved back from 5 January 2023 to 16 January 2023');
    // A year whose days off are not yet announced: the new date is provisional.
    const calendar = vi(samples.deadline_moved[1]);
    expect(calendar).toContain('do lịch nghỉ lễ, Tết được công bố hoặc điều chỉnh');
    expect(calendar).toContain('dự kiến, chờ công bố lịch nghỉ');
    expect(en(samples.deadline_moved[1])).toContain('provisional until the days off are announced');
  });

  test('a cancellation tells the unit no report is needed, with the reason when there is one', () => {
    expect(vi(samples.cancellation[0])).toContain('Quý cơ quan không cần gửi báo cáo đối với nhiệm vụ này.');
    expect(vi(samples.cancellation[0])).toContain('Lý do:');
    expect(vi(samples.cancellation[1])).not.toContain('Lý do:');
  });

  test('a digest lists the tasks, most urgent first, each with its own link', () => {
    const text = vi(samples.digest[0]);
    const [first, second] = [
      text.indexOf('1. Báo cáo kết quả thực hiện quý IV năm 2022'),
      text.indexOf('2. Tuyên truyền trên báo chí'),
    ];
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(text).toContain(
      'Hạn hoàn thành: ngày 03 tháng 01 năm 2023 (còn 1 ngày làm việc)\n   Mở nhiệm vụ: https://dondoc.ninhbinh.gov.vn/l/a1b2c3d4e5f6',
    );
    expect(text).toContain('Tính đến ngày 02 tháng 01 năm 2023, Quý cơ quan có 2 nhiệm vụ sắp đến hạn dưới đây.');
  });

  test('a digest spanning several directives lists their numbers in the subject', () => {
    const other = { ...directive, number: '1297/KH-UBND' };
    const message: EmailMessage = {
      kind: 'digest',
      unit,
      date: '2023-05-08',
      items: [
        { directive, task, link },
        { directive: other, task: { ...task, workingDaysLeft: 0 }, link },
      ],
    };
    expect(renderEmail(message, 'en').subject).toBe(
      '[1297/KH-UBND, 524/UBND-VP9] Tasks due soon, 8 May 2023 (2 tasks)',
    );
  });

  test('a new link says until when it is valid and what to do if nobody asked for it', () => {
    expect(vi(samples.new_link[0])).toContain('Đường liên kết có hiệu lực đến 17:00 ngày 31/01/2023.');
    expect(vi(samples.new_link[0])).toContain(
      'Nếu Quý cơ quan không đề nghị cấp đường liên kết mới, xin vui lòng bỏ qua thư này.',
    );
    expect(vi(samples.new_link[1])).not.toContain('hiệu lực đến');
  });
});

describe('untrusted data', () => {
  const evil = '<script>alert("x")</script> & <b>đậm</b>';
  const hostile: EmailMessage[] = [
    {
      kind: 'assignment',
      unit: { code: 'STTTT', name: evil },
      directive: { ...directive, title: evil, issuer: evil },
      task: { ...task, title: evil, body: evil },
      link,
      role: 'support',
      supports: { code: 'SVHTT', name: evil },
      indicators: [{ code: 'x', name: evil, unit: evil, target: 1 }],
    },
    {
      kind: 'returned',
      ...common,
      task: { ...task, title: evil },
      comment: evil,
      reviewer: evil,
      newDeadline: '2023-01-10',
      newWorkingDaysLeft: 3,
    },
    {
      kind: 'receipt',
      ...common,
      receiptNumber: evil,
      submittedAt,
      submittedBy: evil,
      indicators: [{ name: evil, unit: evil, value: 1 }],
      attachments: [evil],
    },
    { kind: 'escalation', ...common, task: { ...task, workingDaysLeft: -2 }, level: 1, to: 'head', addressee: evil },
    {
      kind: 'digest',
      unit,
      date: '2023-01-02',
      items: [{ directive: { ...directive, issuer: evil }, task: { ...task, title: evil }, link }],
    },
  ];

  test.each(hostile.flatMap((m) => LANGS.map((lang) => [m.kind, lang, m] as const)))(
    '%s (%s) escapes every value in the HTML and leaves the text literal',
    (_kind, lang, message) => {
      const { html, text } = renderEmail(message, lang);
      expect(html).not.toContain('<script');
      expect(html).not.toContain('<b>');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;đậm&lt;/b&gt;');
      expect(text).toContain(evil);
    },
  );

  test('a link with quotes cannot break out of its attribute', () => {
    const sneaky = 'https://dondoc.ninhbinh.gov.vn/l/x?a="><script>alert(1)</script>';
    const { html } = renderEmail({ kind: 'new_link', ...common, link: sneaky }, 'vi');
    expect(html).not.toContain('"><script');
    expect(html).toContain(
      'href="https://dondoc.ninhbinh.gov.vn/l/x?a=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"',
    );
  });

  test.each<[string, unknown]>([
    ['a script link', { kind: 'reminder', ...common, link: 'javascript:alert(1)' }],
    ['a relative link', { kind: 'reminder', ...common, link: '/l/abc' }],
    ['a NaN day count', { kind: 'reminder', ...common, task: { ...task, workingDaysLeft: NaN } }],
    ['a missing deadline', { kind: 'reminder', ...common, task: { title: task.title, workingDaysLeft: 1 } }],
    ['an impossible date', { kind: 'reminder', ...common, task: { ...task, deadline: '2023-02-30' } }],
    ['a support task without its lead', { kind: 'assignment', ...common, role: 'support' }],
    ['an escalation before the deadline', { kind: 'escalation', ...common, level: 1, to: 'head' }],
    ['an empty digest', { kind: 'digest', unit, date: '2023-01-02', items: [] }],
    ['an unknown kind', { kind: 'greeting', ...common }],
  ])('refuses %s instead of sending a broken email', (_name, message) => {
    expect(() => renderEmail(message as EmailMessage)).toThrow();
  });
});
