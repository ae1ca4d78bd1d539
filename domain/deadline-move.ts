// What the office must know before a deadline moves, the same on the web and in the CLI: a day
// already past is refused (the workflow refuses it too), and a move earlier shortens the time a
// unit was given, so it must be confirmed on purpose.
import type { LocalDate } from './local-date';
import { formatDate, type Lang } from './format';

export type MoveCheck =
  { ok: true; earlier: boolean } | { ok: false; field: 'deadline' | 'confirm'; why: 'past' | 'earlier' };

export interface MoveFacts {
  /** The task's deadline in force; unknown when the task has not started yet. */
  current?: LocalDate;
  requested: LocalDate;
  today: LocalDate;
  /** The office said it means to shorten the deadline. */
  confirmEarlier: boolean;
}

export function checkMove(f: MoveFacts): MoveCheck {
  if (f.requested < f.today) return { ok: false, field: 'deadline', why: 'past' };
  const earlier = f.current !== undefined && f.requested < f.current;
  if (earlier && !f.confirmEarlier) return { ok: false, field: 'confirm', why: 'earlier' };
  return { ok: true, earlier };
}

/** The refusal as a sentence naming the field, in the reader's language. */
export function moveRefusal(check: Extract<MoveCheck, { ok: false }>, f: MoveFacts, lang: Lang): string {
  const d = (x: LocalDate) => formatDate(x, lang);
  if (check.why === 'past')
    return lang === 'vi'
      ? `deadline: ngày ${d(f.requested)} đã qua; hạn mới phải từ hôm nay (${d(f.today)}) trở đi.`
      : `deadline: ${d(f.requested)} has passed; the new deadline must be today (${d(f.today)}) or later.`;
  return lang === 'vi'
    ? `confirm: hạn mới ${d(f.requested)} sớm hơn thời hạn hiện tại ${d(f.current!)}; đánh dấu xác nhận rút ngắn thời hạn rồi gửi lại.`
    : `confirm: ${d(f.requested)} is earlier than the current deadline ${d(f.current!)}; tick the confirmation to shorten it, then send again.`;
}
