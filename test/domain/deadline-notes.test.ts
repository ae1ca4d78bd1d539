import { createVietnamCalendar } from '../../domain/calendar';
import { shippedAnnouncements } from '../../domain/shipped-announcements';
import { deadlineNotes, describeNote, hasPast } from '../../domain/deadline-notes';
import { planContext, planTasks } from '../../domain/plan';
import { DEFAULT_CHASE_POLICY, TaskSpecSchema } from '../../domain/schemas';

const cal = createVietnamCalendar(shippedAnnouncements());
const specs = [
  { unit: 'NB-STTTT', title: 'Tết', deadline: { date: '2027-02-08' } },
  { unit: 'NB-CATINH', title: 'Quốc khánh', deadline: { date: '2026-09-02' } },
  { unit: 'NB-STP', title: 'Chủ nhật', deadline: { date: '2026-12-13' } },
  { unit: 'NB-STC', title: 'Đếm ngày', deadline: { workingDays: 10 } },
].map((t) => TaskSpecSchema.parse(t));
const planned = planTasks(planContext('1/UBND', specs, DEFAULT_CHASE_POLICY, cal), specs, '2026-12-04', '');
const notes = deadlineNotes(planned, (u) => specs.findIndex((s) => s.unit === u), '2026-12-04', cal);

test('a date on a day off says which day off and where the deadline moves', () => {
  const said = notes.filter((n) => n.kind === 'day_off').map((n) => describeNote(n, 'vi'));
  expect(said[0]).toMatch(/^08\/02\/2027 là ngày nghỉ Tết Nguyên đán: hạn chuyển sang \d\d\/02\/2027$/);
  expect(said[1]).toBe('02/09/2026 là ngày nghỉ Quốc khánh: hạn chuyển sang 03/09/2026');
  expect(said[2]).toBe('13/12/2026 là Chủ nhật: hạn chuyển sang 14/12/2026');
  expect(
    describeNote(
      notes.find((n) => n.kind === 'day_off' && n.unit === 'NB-STP')!,
      'en',
    ),
  ).toBe('13 December 2026 is a Sunday: the deadline moves to 14 December 2026');
});

test('a deadline already past is named, with its task; one in a year not yet announced is provisional', () => {
  expect(hasPast(notes)).toBe(true);
  const past = notes.filter((n) => n.kind === 'past');
  expect(past.map((n) => [n.task, n.unit])).toEqual([[1, 'NB-CATINH']]);
  expect(describeNote(past[0], 'vi')).toBe('thời hạn 03/09/2026 đã qua (hôm nay là 04/12/2026)');
  const provisional = notes.filter((n) => n.kind === 'provisional');
  expect(provisional.map((n) => n.unit)).toEqual(['NB-STTTT']);
  expect(describeNote(provisional[0], 'vi')).toMatch(/là dự kiến: lịch nghỉ năm 2027 chưa được công bố$/);
  // Working days never land on a day off, and are never past.
  expect(notes.filter((n) => n.unit === 'NB-STC')).toEqual([]);
});
