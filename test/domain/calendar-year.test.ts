import { yearSchedule } from '../../domain/calendar-year';
import { shippedAnnouncements } from '../../domain/shipped-announcements';

describe("a year's schedule, as `dondoc calendar show` prints it", () => {
  it('lists an announced year by break, with the notice behind each and the make-up days', () => {
    const s = yearSchedule(shippedAnnouncements(), 2026);
    expect(s.provisional).toBe(false);
    expect(s.announcements.map((a) => a.notice?.number)).toEqual(['12729/VPCP-KGVX', '9441/TB-BNV', '9441/TB-BNV']);
    expect(s.breaks).toEqual([
      { from: '2026-01-01', to: '2026-01-04', name: 'Tết Dương lịch', workingDaysOff: 2, notice: '12729/VPCP-KGVX' },
      { from: '2026-02-14', to: '2026-02-22', name: 'Tết Nguyên đán', workingDaysOff: 5, notice: '9441/TB-BNV' },
      { from: '2026-04-26', to: '2026-04-27', name: 'Giỗ Tổ Hùng Vương', workingDaysOff: 1 },
      { from: '2026-04-30', to: '2026-05-01', name: 'Ngày Chiến thắng, Ngày Quốc tế Lao động', workingDaysOff: 2 },
      { from: '2026-08-29', to: '2026-09-02', name: 'Quốc khánh', workingDaysOff: 3, notice: '9441/TB-BNV' },
      { from: '2026-11-24', to: '2026-11-24', name: 'Ngày Văn hóa Việt Nam', workingDaysOff: 1 },
    ]);
    expect(s.makeUpDays).toEqual(['2026-01-10', '2026-08-22']);
  });

  it('marks a year with no announcement provisional and works it out by the Labour Code', () => {
    const s = yearSchedule(shippedAnnouncements(), 2027);
    expect(s.provisional).toBe(true);
    expect(s.announcements).toEqual([]);
    expect(s.breaks.find((b) => b.name === 'Tết Nguyên đán')).toEqual({
      from: '2027-02-04',
      to: '2027-02-10',
      name: 'Tết Nguyên đán',
      workingDaysOff: 5,
    });
    expect(s.breaks.reduce((n, b) => n + b.workingDaysOff, 0)).toBe(12);
    expect(s.makeUpDays).toEqual([]);
  });
});
