// The reminders P3's baselines send: rendered as dondoc's mailer would send them, to distinct
// mailboxes at the sink. Used by the bench and by the bare worker processes alike.
import { renderEmail } from '../domain/emails';
import { localDateOf } from '../domain/calendar';

export interface MailSetting {
  publicUrl: string;
  from: string;
}

export interface BenchMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  textEncoding: 'base64';
}

/** N rendered reminders whose subjects start with `tag`. */
export function reminderMails(s: MailSetting, n: number, tag: string): BenchMail[] {
  const today = localDateOf(Date.now());
  return Array.from({ length: n }, (_, i) => {
    const m = renderEmail(
      {
        kind: 'reminder',
        unit: { code: `B${i}`, name: `Đơn vị thử B${i}` },
        directive: {
          number: '39/BENCH-P3',
          title: 'Đôn đốc báo cáo nhanh (đo hiệu năng)',
          issuer: 'UBND tỉnh Ninh Bình',
        },
        task: { title: `Báo cáo nhanh tình hình triển khai của B${i}`, deadline: today, workingDaysLeft: 0 },
        link: `${s.publicUrl}/t/${'x'.repeat(43)}`,
      },
      'vi',
    );
    return {
      from: s.from,
      to: `vanthu@b${i}.bench.example.vn`,
      subject: `${tag}${m.subject}`,
      text: m.text,
      html: m.html,
      textEncoding: 'base64',
    };
  });
}
