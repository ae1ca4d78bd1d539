import {
  formatDate,
  formatDateEn,
  formatDateShortVi,
  formatDateTime,
  formatDateVi,
  formatNumber,
  formatNumberVi,
  localDateAt,
  workingDaysPhrase,
} from '../../domain/format';

describe('formatDateVi writes the date line of an administrative document (Nghị định 30/2020/NĐ-CP)', () => {
  test.each([
    ['2022-12-21', 'ngày 21 tháng 12 năm 2022'],
    ['2023-01-05', 'ngày 05 tháng 01 năm 2023'],
    ['2023-02-09', 'ngày 09 tháng 02 năm 2023'],
    ['2024-02-29', 'ngày 29 tháng 02 năm 2024'],
    ['2023-03-05', 'ngày 05 tháng 3 năm 2023'],
    ['2023-05-05', 'ngày 05 tháng 5 năm 2023'],
    ['2022-09-14', 'ngày 14 tháng 9 năm 2022'],
    ['2023-10-01', 'ngày 01 tháng 10 năm 2023'],
    ['2023-11-30', 'ngày 30 tháng 11 năm 2023'],
  ])('%s → %s', (date, expected) => {
    expect(formatDateVi(date)).toBe(expected);
  });

  test.each(['2023-02-29', '2023-13-01', '2023-00-10', '2023-04-31', '21/12/2022', '2022-12-1', ''])(
    'refuses %j, which is not a calendar date',
    (bad) => {
      expect(() => formatDateVi(bad)).toThrow(RangeError);
    },
  );
});

describe('short and English dates', () => {
  test.each([
    ['2022-12-21', '21/12/2022', '21 December 2022'],
    ['2023-01-05', '05/01/2023', '5 January 2023'],
    ['2023-05-05', '05/05/2023', '5 May 2023'],
    ['2024-02-29', '29/02/2024', '29 February 2024'],
    ['2025-02-07', '07/02/2025', '7 February 2025'],
  ])('%s → %s and %s', (date, short, english) => {
    expect(formatDateShortVi(date)).toBe(short);
    expect(formatDateEn(date)).toBe(english);
  });

  test.each([
    ['vi', 'ngày 07 tháng 02 năm 2025'],
    ['en', '7 February 2025'],
  ] as const)('formatDate in %s', (lang, expected) => {
    expect(formatDate('2025-02-07', lang)).toBe(expected);
  });
});

describe('formatNumber groups thousands the way each language does', () => {
  test.each([
    [0, '0', '0'],
    [7, '7', '7'],
    [999, '999', '999'],
    [1000, '1.000', '1,000'],
    [2805, '2.805', '2,805'],
    [20000, '20.000', '20,000'],
    [1234567, '1.234.567', '1,234,567'],
    [12.5, '12,5', '12.5'],
    [1234.56, '1.234,56', '1,234.56'],
    [0.1 + 0.2, '0,3', '0.3'],
    [2 / 3, '0,667', '0.667'],
    [-1500, '-1.500', '-1,500'],
    [-0, '0', '0'],
    [-0.0001, '0', '0'],
  ])('%p → %s (vi), %s (en)', (n, vi, en) => {
    expect(formatNumber(n, 'vi')).toBe(vi);
    expect(formatNumberVi(n)).toBe(vi);
    expect(formatNumber(n, 'en')).toBe(en);
  });

  test.each([NaN, Infinity, -Infinity, 1e21])('refuses %p rather than print it', (n) => {
    expect(() => formatNumberVi(n)).toThrow(RangeError);
  });
});

describe('formatDateTime writes an instant in Vietnam time, UTC+7', () => {
  test.each([
    [Date.UTC(2022, 11, 21, 7, 5), '14:05 ngày 21/12/2022', '14:05, 21 December 2022 (UTC+7)', '2022-12-21'],
    [Date.UTC(2022, 11, 31, 17, 30), '00:30 ngày 01/01/2023', '00:30, 1 January 2023 (UTC+7)', '2023-01-01'],
    [Date.UTC(2023, 0, 4, 16, 59), '23:59 ngày 04/01/2023', '23:59, 4 January 2023 (UTC+7)', '2023-01-04'],
    [Date.UTC(2024, 1, 28, 17, 0), '00:00 ngày 29/02/2024', '00:00, 29 February 2024 (UTC+7)', '2024-02-29'],
  ])('%p → %s / %s', (ms, vi, en, day) => {
    expect(formatDateTime(ms, 'vi')).toBe(vi);
    expect(formatDateTime(ms, 'en')).toBe(en);
    expect(localDateAt(ms)).toBe(day);
  });

  test('does not depend on the time zone of the machine', () => {
    const saved = process.env.TZ;
    const ms = Date.UTC(2022, 11, 31, 17, 30);
    try {
      process.env.TZ = 'America/Los_Angeles';
      const far = formatDateTime(ms, 'vi');
      process.env.TZ = 'Asia/Tokyo';
      expect(formatDateTime(ms, 'vi')).toBe(far);
      expect(far).toBe('00:30 ngày 01/01/2023');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  test.each([NaN, Infinity])('refuses %p', (ms) => {
    expect(() => formatDateTime(ms, 'en')).toThrow(RangeError);
  });
});

describe('workingDaysPhrase says how far the deadline is', () => {
  test.each([
    [3, 'còn 3 ngày làm việc', '3 working days left'],
    [1, 'còn 1 ngày làm việc', '1 working day left'],
    [0, 'hạn chót là hôm nay', 'due today'],
    [-1, 'quá hạn 1 ngày làm việc', '1 working day overdue'],
    [-2, 'quá hạn 2 ngày làm việc', '2 working days overdue'],
    [-12, 'quá hạn 12 ngày làm việc', '12 working days overdue'],
  ])('%p → "%s" / "%s"', (n, vi, en) => {
    expect(workingDaysPhrase(n, 'vi')).toBe(vi);
    expect(workingDaysPhrase(n, 'en')).toBe(en);
  });

  test.each([1.5, NaN])('refuses a count of %p', (n) => {
    expect(() => workingDaysPhrase(n, 'vi')).toThrow(RangeError);
  });
});
