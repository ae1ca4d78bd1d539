// dondoc's days off, year by year, against an independent source: the python `holidays` library,
// which cites the Labour Code and each year's notices. Every day where the two disagree is either
// a mistake to fix or listed below with the notice that explains it.
// Regenerate the fixture with `npm run calendar:fixture`.
import fixture from '../fixtures/calendar/python-holidays-vn.json';
import { addDays, isWeekend, vietnamCalendar, type LocalDate } from '../../domain/calendar';

interface Difference {
  /** Weekdays dondoc counts as off and the library as working, and the other way round. */
  offOnlyInDondoc?: LocalDate[];
  offOnlyInLibrary?: LocalDate[];
  /** Weekend days dondoc counts as worked (làm bù) and the library does not. */
  workedOnlyInDondoc?: LocalDate[];
  because: string;
}

/** The library lists public holidays; a swap decided for public offices only is not one of them. */
const EXPLAINED: Record<number, Difference> = {
  2026: {
    offOnlyInDondoc: ['2026-01-02'],
    workedOnlyInDondoc: ['2026-01-10'],
    because:
      'Công văn 12729/VPCP-KGVX ngày 25/12/2025 gives public offices Friday 2/1/2026 off, worked on Saturday 10/1/2026',
  },
};

const cal = vietnamCalendar();

function daysOf(year: number): LocalDate[] {
  const days: LocalDate[] = [];
  for (let d = `${year}-01-01`; d.startsWith(`${year}`); d = addDays(d, 1)) days.push(d);
  return days;
}

const minus = (a: LocalDate[], b: LocalDate[]) => a.filter((d) => !b.includes(d));

describe(`days off against python holidays ${fixture.version}`, () => {
  it('is the pinned version of the library', () => {
    expect(fixture.version).toBe('0.109');
    expect(fixture.years.map((y) => y.year)).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
  });

  it.each(fixture.years.map((y) => [y.year, y] as const))('%d', (year, library) => {
    const days = daysOf(year);
    const dondocOff = days.filter((d) => !isWeekend(d) && !cal.isWorkingDay(d));
    const libraryOff = library.daysOff.map((h) => h.date).filter((d) => !isWeekend(d));
    const dondocWorked = days.filter((d) => isWeekend(d) && cal.isWorkingDay(d));
    const found: Omit<Difference, 'because'> = {
      offOnlyInDondoc: minus(dondocOff, libraryOff),
      offOnlyInLibrary: minus([...new Set(libraryOff)], dondocOff),
      workedOnlyInDondoc: minus(dondocWorked, library.makeUpDays),
    };
    const explained = EXPLAINED[year];
    expect(found).toEqual({
      offOnlyInDondoc: explained?.offOnlyInDondoc ?? [],
      offOnlyInLibrary: explained?.offOnlyInLibrary ?? [],
      workedOnlyInDondoc: explained?.workedOnlyInDondoc ?? [],
    });
    // A make-up Saturday the library knows is worked in dondoc too.
    for (const d of library.makeUpDays) expect([d, cal.isWorkingDay(d)]).toEqual([d, true]);
  });
});
