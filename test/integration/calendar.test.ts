// The announced days off in a real PostgreSQL: `dondoc calendar import` stores a year and says
// which days changed, `dondoc calendar show` tells an announced year from a provisional one, and
// the shipped years are loaded once, never over an import.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createVietnamCalendar } from '../../domain/calendar';
import { importAnnouncements, loadAnnouncements, loadShippedAnnouncements, SHIPPED_BY } from '../../db/calendar';
import { migrate } from '../../db/migrate';
import { createPool, type Pool } from '../../db/pool';
import { shippedAnnouncements } from '../../domain/shipped-announcements';
import type { AnnouncedBreak } from '../../domain/calendar-file';
import { dondoc, json } from '../cli/run';
import { externalTemporalAddress, freshNamespace } from '../helpers/external-temporal';
import { freshDatabase } from '../helpers/stack';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dondoc-calendar-'));
const file = (name: string, text: string) => {
  const f = path.join(tmp, name);
  writeFileSync(f, text);
  return f;
};

/** Tết 2027 as a notice might fix it: 4-14/2, with Saturday 30/1 worked in exchange. */
const TET_2027 = readFileSync(path.join(__dirname, '..', 'fixtures', 'calendar', 'tet-2027.yaml'), 'utf8');

let url: string;
let pool: Pool;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  url = await freshDatabase();
  pool = createPool(url, 4);
  // The run's Temporal, with a namespace of this file's own: an import tells whatever runs there.
  const address = externalTemporalAddress()!;
  env = {
    DATABASE_URL: url,
    LOG_LEVEL: 'warn',
    TEMPORAL_ADDRESS: address,
    TEMPORAL_NAMESPACE: await freshNamespace(address),
  };
}, 60_000);
afterAll(async () => {
  await pool?.end();
});

const run = (...args: string[]) => dondoc(args, env);
/** Nothing runs in this file's namespace: the import tells no task, and says so. */
const TOLD = 'Đã báo lịch mới cho 0 nhiệm vụ đang theo dõi và 0 văn bản; đơn vị nào bị đổi hạn sẽ nhận thư báo.\n';
const stored = async () =>
  (await pool.query('SELECT year, occasions, shipped, imported_by FROM holiday_announcements ORDER BY year, off_from'))
    .rows;

describe('dondoc calendar', () => {
  it('shows an announced year with its notices, the shipped years loaded on first use', async () => {
    const shown = await run('calendar', 'show', '2026');
    expect(shown).toMatchObject({ code: 0, err: '' });
    expect(shown.out).toContain('Năm 2026: đã công bố.');
    expect(shown.out).toContain(
      '9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ (https://vietbao.vn/bo-noi-vu-thong-bao-lich-nghi-tet-nguyen-dan-va-quoc-khanh-nam-2026-568329.html): Tết Nguyên đán; Quốc khánh',
    );
    expect(shown.out).toContain('  T7 14/02/2026 – CN 22/02/2026  Tết Nguyên đán (5 ngày làm việc; 9441/TB-BNV)');
    expect(shown.out).toContain('  T3 24/11/2026  Ngày Văn hóa Việt Nam (1 ngày làm việc; theo Bộ luật Lao động)');
    expect(shown.out).toContain('Ngày làm bù: T7 10/01/2026, T7 22/08/2026');
    expect((await stored()).map((r) => r.year)).toEqual([
      2023, 2023, 2024, 2024, 2024, 2025, 2025, 2025, 2026, 2026, 2026,
    ]);
    expect(new Set((await stored()).map((r) => r.imported_by))).toEqual(new Set([SHIPPED_BY]));
  }, 60_000);

  it('shows a year with no announcement as provisional, in English when asked', async () => {
    const shown = await run('calendar', 'show', '2027', '--lang', 'en');
    expect(shown).toMatchObject({ code: 0, err: '' });
    expect(shown.out).toContain('2027: provisional. No announcement yet');
    expect(shown.out).toContain('  Thu 04/02/2027 – Wed 10/02/2027  Tết Nguyên đán (5 working days; provisional)');
    expect(json(await run('calendar', 'show', '2027', '--json'))).toMatchObject({ year: 2027, provisional: true });
  }, 60_000);

  it('imports a year, says which days changed, and changes nothing the second time', async () => {
    const f = file('2027.yaml', TET_2027);
    expect(await run('calendar', 'import', f, '--by', 'Văn phòng UBND tỉnh')).toEqual({
      code: 0,
      out: `Đã nhập lịch nghỉ năm 2027 từ ${f}.\nThành ngày nghỉ: T5 11/02/2027, T6 12/02/2027\nThành ngày làm việc: T7 30/01/2027\n${TOLD}`,
      err: '',
    });
    expect(await run('calendar', 'import', f)).toEqual({
      code: 0,
      out: `Lịch nghỉ năm 2027 đã đúng như ${f}: không có gì thay đổi.\n${TOLD}`,
      err: '',
    });
    expect((await stored()).filter((r) => r.year === 2027)).toEqual([
      { year: 2027, occasions: ['tet'], shipped: false, imported_by: 'Văn phòng UBND tỉnh' },
    ]);
    const shown = await run('calendar', 'show', '2027');
    expect(shown.out).toContain('Năm 2027: đã công bố.');
    expect(shown.out).toContain('  T5 04/02/2027 – CN 14/02/2027  Tết Nguyên đán (7 ngày làm việc; 1234/TB-BNV)');

    // Moving the break back by a day: English this time, and in JSON.
    const moved = file('2027-moved.yaml', TET_2027.replace('2027-02-14', '2027-02-13'));
    expect(json(await run('calendar', 'import', moved, '--json'))).toEqual({
      years: [2027],
      becameOff: [],
      becameWorking: [],
      told: { tasks: 0, directives: 0 },
    });
    const back = await run('calendar', 'import', f, '--lang', 'en');
    expect(back.out).toBe(
      `Imported the days off of 2027 from ${f}.\nNo working day changed (only the notice or its source).\nTold 0 open tasks and 0 directives; a unit whose deadline moves is mailed.\n`,
    );
  }, 60_000);

  it('refuses a bad file with its line and field, exit code 2, and stores nothing', async () => {
    const before = await stored();
    const bad = file('bad.yaml', TET_2027.replace('makeUpDays: [2027-01-30]', 'makeUpDays: [2027-01-29]'));
    expect(await run('calendar', 'import', bad)).toEqual({
      code: 2,
      out: '',
      err: `${bad}:5: announcements.0.makeUpDays.0: 2027-01-29: a make-up day is a Saturday or Sunday worked in exchange\n`,
    });
    expect(await run('calendar', 'show', '1999')).toEqual({
      code: 2,
      out: '',
      err: 'YEAR: expected a year from 2000 to 2100, got "1999"\n',
    });
    expect(await stored()).toEqual(before);
  }, 60_000);

  it('builds the calendar from what is stored', async () => {
    const calendar = createVietnamCalendar(await loadAnnouncements(pool));
    expect(calendar.isWorkingDay('2027-02-11')).toBe(false);
    expect(calendar.isWorkingDay('2027-01-30')).toBe(true);
    expect(calendar.isProvisional('2027-06-01')).toBe(false);
    expect(calendar.provisionalYears(2026, 2028)).toEqual([2028]);
  });
});

describe('the shipped years', () => {
  it('are loaded once by workers starting together, and never over an import', async () => {
    const db = await freshDatabase();
    await migrate(db);
    const p = createPool(db, 6);
    try {
      const loads = await Promise.all([1, 2, 3].map(() => loadShippedAnnouncements(p)));
      expect(loads.map((l) => l.years).sort((a, b) => b.length - a.length)).toEqual([[2023, 2024, 2025, 2026], [], []]);
      expect(await loadAnnouncements(p)).toEqual(shippedAnnouncements());

      // Someone imports a correction of 2026; a newer release shipping another 2026 leaves it alone.
      const ours = shippedAnnouncements() as AnnouncedBreak[];
      const corrected = ours.map((a) =>
        a.year === 2026 && a.occasions.includes('tet') ? { ...a, off: { from: '2026-02-14', to: '2026-02-23' } } : a,
      );
      expect(
        await importAnnouncements(
          p,
          corrected.filter((a) => a.year === 2026),
          'văn thư',
        ),
      ).toEqual({
        years: [2026],
        becameOff: ['2026-02-23'],
        becameWorking: [],
      });
      const newer = ours.map((a) =>
        a.year === 2026 || a.year === 2025 ? { ...a, notice: { ...a.notice, source: 'https://example.org/x' } } : a,
      );
      expect(await loadShippedAnnouncements(p, newer)).toEqual({ years: [2025], becameOff: [], becameWorking: [] });
      const now = await loadAnnouncements(p);
      expect(now.filter((a) => a.year === 2026)).toEqual(corrected.filter((a) => a.year === 2026));
      expect(now.filter((a) => a.year === 2025).map((a) => a.notice.source)).toEqual([
        'https://example.org/x',
        'https://example.org/x',
        'https://example.org/x',
      ]);
    } finally {
      await p.end();
    }
  }, 60_000);
});
