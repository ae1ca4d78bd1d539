// The consolidated report of a directive: indicator values of accepted reports summed across
// units and reporting cycles, the figures a provincial year-end report gives (articles published,
// leaflets printed, conferences held, people reached).
import { issuerHeading, placeDateLine, placeOf, type AdminDocument } from './admin-document';
import { formatDateVi, formatNumberVi } from './format';
import type { Indicator, LocalDate, TaskSpec } from './schemas';

export interface IndicatorReport {
  unit: string;
  unitName: string;
  cycle: string;
  values: Record<string, number>;
}

export interface Consolidated {
  indicators: (Pick<Indicator, 'code' | 'name' | 'unit'> & { total: number; target?: number })[];
  /** Units with an accepted report: their values, a 0 reported as 0. */
  byUnit: { unit: string; unitName: string; values: Record<string, number> }[];
  /** Units with a task and no accepted report yet: not a 0, a gap. */
  notReported: { unit: string; unitName: string }[];
  byCycle: { cycle: string; values: Record<string, number> }[];
  reports: number;
}

/** Every indicator the directive's tasks ask for, each code once; targets of the same code add up. */
export function indicatorsOf(tasks: readonly Pick<TaskSpec, 'indicators'>[]): Consolidated['indicators'] {
  const out = new Map<string, Consolidated['indicators'][number]>();
  for (const t of tasks) {
    for (const i of t.indicators) {
      const known = out.get(i.code);
      if (!known) out.set(i.code, { code: i.code, name: i.name, unit: i.unit, total: 0, target: i.target });
      else if (i.target !== undefined) known.target = (known.target ?? 0) + i.target;
    }
  }
  return [...out.values()];
}

const add = (into: Record<string, number>, values: Record<string, number>, codes: Set<string>) => {
  for (const [code, v] of Object.entries(values)) if (codes.has(code)) into[code] = (into[code] ?? 0) + v;
};

export function consolidate(
  tasks: readonly Pick<TaskSpec, 'indicators'>[],
  reports: readonly IndicatorReport[],
  /** The units that have a task to report on (not cancelled), with their names. */
  expected: readonly { unit: string; unitName: string }[] = [],
): Consolidated {
  const indicators = indicatorsOf(tasks);
  const codes = new Set(indicators.map((i) => i.code));
  const units = new Map<string, Consolidated['byUnit'][number]>();
  const cycles = new Map<string, Consolidated['byCycle'][number]>();
  const totals: Record<string, number> = {};
  for (const r of reports) {
    const u = units.get(r.unit) ?? { unit: r.unit, unitName: r.unitName, values: {} };
    units.set(r.unit, u);
    add(u.values, r.values, codes);
    const c = cycles.get(r.cycle) ?? { cycle: r.cycle, values: {} };
    cycles.set(r.cycle, c);
    add(c.values, r.values, codes);
    add(totals, r.values, codes);
  }
  return {
    indicators: indicators.map((i) => ({ ...i, total: totals[i.code] ?? 0 })),
    byUnit: [...units.values()].sort((a, b) => a.unit.localeCompare(b.unit)),
    notReported: expected.filter((e) => !units.has(e.unit)).sort((a, b) => a.unit.localeCompare(b.unit)),
    byCycle: [...cycles.values()].sort((a, b) => a.cycle.localeCompare(b.cycle)),
    reports: reports.length,
  };
}

export interface ConsolidatedDocInput {
  directive: { number: string; title: string; issuer: string; issuedOn: LocalDate };
  date: LocalDate;
  result: Consolidated;
}

/** The consolidated report as an administrative report (báo cáo): totals, then one row per unit. */
export function consolidatedDocument(input: ConsolidatedDocInput): AdminDocument {
  const { directive: d, result } = input;
  const total = result.indicators.map(
    (i) =>
      `${i.name}: ${formatNumberVi(i.total)} ${i.unit}${i.target !== undefined ? ` (chỉ tiêu ${formatNumberVi(i.target)})` : ''}`,
  );
  return {
    issuer: { name: issuerHeading(d.issuer) },
    numberLine: 'Số:      /BC',
    placeDate: placeDateLine(placeOf(d.issuer), input.date),
    title: ['BÁO CÁO', `Kết quả thực hiện Văn bản số ${d.number} ${formatDateVi(d.issuedOn)}`],
    recipients: [],
    body: [
      `Tổng hợp từ ${result.reports} báo cáo đã được chấp nhận của các cơ quan, đơn vị về việc ${d.title.charAt(0).toLocaleLowerCase('vi')}${d.title.slice(1)}:`,
      ...total.map((t) => `- ${t};`),
      // A unit that has not reported is named, not counted as a 0.
      ...(result.notReported.length
        ? [
            `Các cơ quan, đơn vị chưa báo cáo (${result.notReported.length}): ${result.notReported.map((u) => u.unitName).join('; ')}.`,
          ]
        : []),
    ],
    table: {
      header: ['STT', 'Cơ quan, đơn vị', ...result.indicators.map((i) => `${i.name} (${i.unit})`)],
      rows: [
        ...result.byUnit.map((u, n) => [
          String(n + 1),
          u.unitName,
          ...result.indicators.map((i) => (i.code in u.values ? formatNumberVi(u.values[i.code]) : '—')),
        ]),
        ...result.notReported.map((u, n) => [
          String(result.byUnit.length + n + 1),
          u.unitName,
          ...result.indicators.map(() => 'Chưa báo cáo'),
        ]),
        ['', 'Tổng cộng', ...result.indicators.map((i) => formatNumberVi(i.total))],
      ],
    },
    closing: [],
    copyTo: [`- Lãnh đạo ${d.issuer};`, '- Lưu: VT.'],
    signature: { title: 'NGƯỜI TỔNG HỢP', name: '' },
  };
}
