// The reporting a dispatch asks for beyond its deadlines:
// - PERIODIC  "báo cáo định kỳ 6 tháng (trước ngày 10/6) và hằng năm (trước ngày 10/12)",
//             "trước ngày 25/06 đối với báo cáo 06 tháng; trước ngày 28/11 đối với báo cáo năm":
//             the cycles as written, and a schedule of one period under Decree 09/2019's cut-off
//             (data to the 14th of the period's last month; a due day of 1-14 falls in the month after).
// - AD HOC    "báo cáo đột xuất".
// - DATA      "số liệu tính từ ngày 01/01/2024 đến ngày 30/9/2024": the period the figures cover.
import type { Period, ReportingSchedule } from '../schemas';
import { isPeriodic, reportingCue, type Clause } from './cues';
import { say } from './questions';
import { DATE, dateFromGroups, stripBullet } from './text';
import { PLACEHOLDER, type AskedQuestion, type ReportCycle } from './types';

const PERIOD_WORDS: Array<[Period, RegExp]> = [
  ['half-yearly', /(?:0?6|sau) thang(?: dau nam| cuoi nam)?/g],
  ['quarterly', /hang quy|moi quy|theo quy|bao cao quy/g],
  ['yearly', /hang nam|moi nam|ca nam|cuoi nam|bao cao (?:0?1 )?nam/g],
  ['monthly', /hang thang|moi thang|bao cao thang/g],
];
const DUE = /(?:truoc|cham nhat(?: la)?|han)\s+(?:ngay\s+)?(\d{1,2})(?:\s*[/.-]\s*(\d{1,2}))?(?![\d])/g;
const DATA_PERIOD = new RegExp(
  String.raw`so lieu[^;.]{0,40}?tu\s+(?:ngay\s+)?(?:${DATE})\s+den\s+(?:het\s+)?(?:ngay\s+)?(?:${DATE})`,
);
const LAST_MONTH: Record<Period, number[]> = {
  monthly: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  quarterly: [3, 6, 9, 12],
  'half-yearly': [6, 12],
  yearly: [12],
};
const ORDER: Period[] = ['monthly', 'quarterly', 'half-yearly', 'yearly'];
const NAMES: Record<Period, { vi: string; en: string }> = {
  monthly: { vi: 'báo cáo tháng', en: 'monthly reports' },
  quarterly: { vi: 'báo cáo quý', en: 'quarterly reports' },
  'half-yearly': { vi: 'báo cáo 6 tháng', en: 'half-yearly reports' },
  yearly: { vi: 'báo cáo năm', en: 'yearly reports' },
};

export interface ScheduleReading {
  schedule: ReportingSchedule;
  adHoc: boolean;
  cycles: ReportCycle[];
  dataPeriod?: { from: string; to: string };
  questions: AskedQuestion[];
}

/** Each due date of a reporting clause, paired with the period word nearest before it (or after it). */
export function reportCycles(clauses: Clause[]): ReportCycle[] {
  const cycles: ReportCycle[] = [];
  for (const c of clauses) {
    const words = PERIOD_WORDS.flatMap(([period, re]) =>
      [...c.folded.matchAll(re)].map((m) => ({ period, at: m.index })),
    );
    if (!words.length || !/bao cao/.test(c.folded)) continue;
    for (const due of c.folded.matchAll(DUE)) {
      const before = words.filter((w) => w.at < due.index).sort((a, b) => b.at - a.at)[0];
      const after = words.filter((w) => w.at > due.index).sort((a, b) => a.at - b.at)[0];
      const word = before ?? after;
      if (!word) continue;
      cycles.push({ period: word.period, day: Number(due[1]), ...(due[2] ? { month: Number(due[2]) } : {}) });
    }
  }
  return [...new Map(cycles.map((c) => [`${c.period}:${c.day}:${c.month ?? ''}`, c])).values()];
}

// "không thực hiện báo cáo hàng tháng và hàng quý": a period the text rules out is no period.
const NEGATED = /khong (?:thuc hien |phai |can )?(?:bao cao )?[^,;.()]{0,40}/g;
const blankNegations = (c: Clause): Clause => ({
  ...c,
  folded: c.folded.replace(NEGATED, (m) => ' '.repeat(m.length)),
});

export function readSchedule(all: Clause[], issuedOn: string, until?: number): ScheduleReading {
  const clauses = all.map(blankNegations);
  const cue = reportingCue(clauses);
  const reporting = clauses.filter((c) => isPeriodic(c) || /doi voi bao cao|bao cao (?:0?6|sau) thang/.test(c.folded));
  const cycles = reportCycles(reporting);
  const dataPeriod = readDataPeriod(clauses);
  const once = { kind: 'once' as const };
  const base = { adHoc: cue.adHoc, cycles, ...(dataPeriod ? { dataPeriod } : {}) };
  if (!cue.periodic.length && !cycles.length) return { schedule: once, ...base, questions: [] };

  // The shortest period the text sets carries the schedule; a longer one (the year's) is its last cycle.
  const periods = [...new Set([...cycles.map((c) => c.period), ...(cue.period ? [cue.period] : [])])];
  const period = ORDER.find((p) => periods.includes(p));
  const cycle = cycles.find((c) => c.period === period);
  const dueDay = cycle?.day ?? cue.dueDays.find((d) => d >= 1 && d <= 28);
  const questions: AskedQuestion[] = [];
  const first = (cue.periodic[0] ?? reporting[0]) as Clause | undefined;
  const line = first?.line ? { line: first.line } : {};
  const missing = [
    ...(period
      ? []
      : [['kỳ báo cáo (tháng, quý, 6 tháng, năm)', 'the period (monthly, quarterly, half-yearly, yearly)']]),
    ...(dueDay && dueDay <= 28
      ? []
      : [
          cue.dueDays.length
            ? ['ngày đến hạn từ 1 đến 28', 'a due day from 1 to 28']
            : ['ngày nộp báo cáo', 'the day reports are due'],
        ]),
    ...(/^\d{4}/.test(issuedOn) ? [] : [['ngày bắt đầu (ngày ban hành)', 'the start (the issue date)']]),
    ...(until ? [] : [['năm cuối ("đến năm …")', 'the last year ("đến năm …")']]),
  ];
  const quote = stripBullet((first?.text ?? '').trim());
  // The period and the due day known, only the start or the end missing: the schedule is kept, with
  // placeholders a person must replace.
  if (missing.length && period && dueDay && dueDay <= 28) {
    questions.push({
      path: 'schedule',
      ...say('schedule.dates', {
        quote,
        missingVi: missing.map((m) => m[0]).join(', '),
        missingEn: missing.map((m) => m[1]).join(', '),
      }),
      ...line,
    });
    const from = /^\d{4}/.test(issuedOn) ? issuedOn : PLACEHOLDER.date;
    return {
      schedule: { kind: 'periodic', period, dueDay, from, until: until ? `${until}-12-31` : PLACEHOLDER.date },
      ...base,
      questions,
    };
  }
  if (missing.length) {
    questions.push({
      path: 'schedule',
      ...say('schedule.incomplete', {
        quote,
        missingVi: missing.map((m) => m[0]).join(', '),
        missingEn: missing.map((m) => m[1]).join(', '),
      }),
      ...line,
    });
    return { schedule: once, ...base, questions };
  }
  if (periods.length > 1 && cycle)
    questions.push({
      path: 'schedule',
      ...say('schedule.cycles', {
        cyclesVi: periods.map((p) => NAMES[p].vi).join(', '),
        cyclesEn: periods.map((p) => NAMES[p].en).join(', '),
        chosenVi: NAMES[period!].vi,
        chosenEn: NAMES[period!].en,
        day: cycle.day,
      }),
      ...line,
    });
  // A due day written in the period's last month before the 14th comes before Decree 09's cut-off.
  if (cycle?.month && cycle.day <= 14 && LAST_MONTH[period!].includes(cycle.month))
    questions.push({
      path: 'schedule',
      ...say('schedule.beforeCutoff', { raw: `${cycle.day}/${cycle.month}` }),
      ...line,
    });
  return {
    schedule: { kind: 'periodic', period: period!, dueDay: dueDay!, from: issuedOn, until: `${until}-12-31` },
    ...base,
    questions,
  };
}

function readDataPeriod(clauses: Clause[]): { from: string; to: string } | undefined {
  for (const c of clauses) {
    const m = DATA_PERIOD.exec(c.folded);
    if (!m) continue;
    const from = dateFromGroups(m.slice(1, 7), m[0]);
    const to = dateFromGroups(m.slice(7, 13), m[0]);
    if ('iso' in from && 'iso' in to) return { from: from.iso, to: to.iso };
  }
  return undefined;
}
