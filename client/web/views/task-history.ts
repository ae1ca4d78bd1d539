// A task's full history, oldest first, read from the task's snapshot in the read model: the
// assignment, acknowledgement, every reminder and escalation, reports and their review,
// extension requests and decisions, completion.
import { formatDateShortVi, formatDate, formatDateTime, type Lang } from '../../../domain/format';
import type { TaskRecord } from '../../../db/read-model';

export interface HistoryEvent {
  at: number;
  when: string;
  what: string;
}

export const TARGETS = {
  vi: { head: 'thủ trưởng đơn vị', supervisor: 'lãnh đạo phụ trách', steering: 'Ban Chỉ đạo' },
  en: { head: 'head of unit', supervisor: 'supervising leader', steering: 'steering committee' },
};
const REVIEW = {
  vi: { pending: 'chờ xem xét', accepted: 'đã chấp nhận', returned: 'trả lại để hoàn thiện' },
  en: { pending: 'waiting for review', accepted: 'accepted', returned: 'returned for revision' },
};

export function taskHistory(r: TaskRecord, lang: Lang): HistoryEvent[] {
  const s = r.state;
  const day = (d: string) => (lang === 'vi' ? formatDateShortVi(d) : formatDate(d, 'en'));
  const vi = lang === 'vi';
  const events: { at: number; what: string }[] = [];
  if (s.assignedAt !== undefined)
    events.push({
      at: s.assignedAt,
      what: vi ? `Giao nhiệm vụ, thời hạn ${day(s.originalDeadline)}` : `Task assigned, due ${day(s.originalDeadline)}`,
    });
  if (s.acknowledgedAt)
    events.push({
      at: s.acknowledgedAt,
      what: vi
        ? `Đơn vị xác nhận đã nhận (${s.acknowledgedBy ?? ''})`
        : `Acknowledged by the unit (${s.acknowledgedBy ?? ''})`,
    });
  for (const c of s.chases) {
    const target = c.target ? (TARGETS[lang][c.target as keyof (typeof TARGETS)['vi']] ?? c.target) : '';
    events.push({
      at: c.at,
      what:
        c.kind === 'reminder'
          ? vi
            ? `Nhắc hạn (thời hạn ${day(c.deadline)})`
            : `Reminder (due ${day(c.deadline)})`
          : vi
            ? `Báo cáo vượt cấp ${c.level}: ${target}`
            : `Escalation level ${c.level}: ${target}`,
    });
  }
  for (const rep of s.reports) {
    const review =
      REVIEW[lang][rep.review] +
      (rep.reviewComment ? ` — “${rep.reviewComment}”` : '') +
      (rep.reviewedBy ? ` (${rep.reviewedBy})` : '');
    events.push({
      at: rep.submittedAt,
      what: vi
        ? `Nộp báo cáo số ${rep.receipt} (${rep.submittedBy}): ${review}`
        : `Report ${rep.receipt} submitted (${rep.submittedBy}): ${review}`,
    });
  }
  for (const e of s.extensions) {
    events.push({
      at: e.at,
      what: vi
        ? `Gia hạn đến ${day(e.requested)}: ${e.decided === 'approved' ? `chấp thuận, hạn mới ${day(e.deadline)}` : 'không chấp thuận'}${e.comment ? ` — “${e.comment}”` : ''}`
        : `Extension to ${day(e.requested)}: ${e.decided === 'approved' ? `approved, new deadline ${day(e.deadline)}` : 'refused'}${e.comment ? ` — “${e.comment}”` : ''}`,
    });
  }
  // An approved extension is told above; the office moving the deadline and a corrected calendar here.
  for (const c of s.deadlineChanges ?? []) {
    if (c.why === 'extension') continue;
    const why = c.reason ? ` — “${c.reason}”` : '';
    events.push({
      at: c.at,
      what:
        c.why === 'moved'
          ? vi
            ? `Văn phòng đổi hạn từ ${day(c.from)} sang ${day(c.to)}${why}`
            : `The office moved the deadline from ${day(c.from)} to ${day(c.to)}${why}`
          : vi
            ? `Lịch nghỉ được công bố: hạn chuyển từ ${day(c.from)} sang ${day(c.to)}`
            : `Days off announced: the deadline moved from ${day(c.from)} to ${day(c.to)}`,
    });
  }
  if (s.extension)
    events.push({
      at: s.extension.at,
      what: vi
        ? `Xin gia hạn đến ${day(s.extension.requested)} (${s.extension.by}): ${s.extension.reason}`
        : `Extension to ${day(s.extension.requested)} requested (${s.extension.by}): ${s.extension.reason}`,
    });
  if (s.doneAt && s.phase === 'done') events.push({ at: s.doneAt, what: vi ? 'Hoàn thành' : 'Done' });
  if (s.phase === 'cancelled') events.push({ at: Number.MAX_SAFE_INTEGER, what: vi ? 'Đã hủy' : 'Cancelled' });
  return events
    .sort((a, b) => a.at - b.at)
    .map((e) => ({ ...e, when: e.at === Number.MAX_SAFE_INTEGER ? '' : formatDateTime(e.at, lang) }));
}
