import { checkMove, moveRefusal } from '../../domain/deadline-move';

const today = '2026-12-07';

test('a later day passes; an earlier one needs confirming; a past one is refused whatever is confirmed', () => {
  expect(checkMove({ current: '2026-12-20', requested: '2026-12-28', today, confirmEarlier: false })).toEqual({
    ok: true,
    earlier: false,
  });
  const earlier = { current: '2026-12-20', requested: '2026-12-15', today, confirmEarlier: false };
  const refused = checkMove(earlier);
  expect(refused).toEqual({ ok: false, field: 'confirm', why: 'earlier' });
  expect(moveRefusal(refused as never, earlier, 'vi')).toBe(
    'confirm: hạn mới ngày 15 tháng 12 năm 2026 sớm hơn thời hạn hiện tại ngày 20 tháng 12 năm 2026; đánh dấu xác nhận rút ngắn thời hạn rồi gửi lại.',
  );
  expect(checkMove({ ...earlier, confirmEarlier: true })).toEqual({ ok: true, earlier: true });
  const past = { current: '2026-12-20', requested: '2026-12-04', today, confirmEarlier: true };
  expect(checkMove(past)).toEqual({ ok: false, field: 'deadline', why: 'past' });
  expect(moveRefusal(checkMove(past) as never, past, 'en')).toBe(
    'deadline: 4 December 2026 has passed; the new deadline must be today (7 December 2026) or later.',
  );
  // Today itself is still a day to report by; a task not yet started has no deadline to shorten.
  expect(checkMove({ requested: today, today, confirmEarlier: false })).toEqual({ ok: true, earlier: false });
});
