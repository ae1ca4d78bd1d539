// What the scorecard page (staff/scorecard.eta) shows: the units of a period by rank, their
// figures, the chart of outcomes by unit, and the formula in force; and the chart's script.
import { formatNumber, type Lang } from '../../../domain/format';
import { addDays } from '../../../domain/local-date';
import type { UnitScore } from '../../../domain/scorecard';
import { formulaText, SCORECARD_HEADER, scorecardRow, sharePercent } from '../../../domain/scorecard-annex';
import { scorePeriod, type ScorePeriod } from '../../../domain/scorecard-period';
import type { ScorecardPolicy } from '../../../domain/scorecard-policy';
import { CHART_COLOURS } from './status-colours';
import { queryOf } from './staff';

export const SCORE_WORDS = {
  vi: {
    title: 'Xếp hạng thực hiện nhiệm vụ của các cơ quan, đơn vị',
    period: 'Kỳ',
    kind: 'Khối',
    all: 'Tất cả',
    kinds: {
      department: 'Sở, ban, ngành',
      district: 'Cấp huyện (trước 1/7/2025)',
      commune: 'Xã, phường',
      press: 'Cơ quan báo chí',
      office: 'Văn phòng',
      other: 'Khác',
    } as Record<string, string>,
    show: 'Xem',
    units: 'Đơn vị được xếp hạng',
    average: 'Điểm bình quân',
    best: 'Dẫn đầu',
    chart: 'Kết quả theo đơn vị',
    scoreChart: 'Điểm theo đơn vị',
    formula: 'Cách tính điểm',
    policy: 'Sửa cách tính điểm',
    csv: 'Tải CSV',
    docx: 'Tải phụ lục (DOCX)',
    report: 'Kèm theo báo cáo số',
    issuer: 'Cơ quan',
    none: 'Không có nhiệm vụ nào đến hạn trong kỳ này.',
    merged: 'gồm cả đơn vị đã sáp nhập',
    excused: 'miễn trừ do đơn vị phối hợp chậm',
    progress: 'Tiến độ',
    quality: 'Chất lượng',
    setBy: 'Cách tính do',
    setAt: 'đặt lúc',
    byDefault: 'Cách tính mặc định (Nghị định 335/2025/NĐ-CP; thang xếp loại 90 / 75 / 50 điểm).',
    series: {
      onTime: 'Đúng hạn',
      late: 'Quá hạn đã hoàn thành',
      inProgress: 'Đang thực hiện trong hạn',
      pendingReview: 'Chờ xem xét',
      overdue: 'Quá hạn chưa hoàn thành',
    },
  },
  en: {
    title: 'Units ranked by their handling of assigned tasks',
    period: 'Period',
    kind: 'Group',
    all: 'All',
    kinds: {
      department: 'Departments',
      district: 'Districts (before 1/7/2025)',
      commune: 'Communes and wards',
      press: 'Press',
      office: 'Offices',
      other: 'Other',
    } as Record<string, string>,
    show: 'Show',
    units: 'Units ranked',
    average: 'Mean score',
    best: 'First',
    chart: 'Outcomes by unit',
    scoreChart: 'Score by unit',
    formula: 'How the score is worked out',
    policy: 'Change the scoring',
    csv: 'Download CSV',
    docx: 'Download the annex (DOCX)',
    report: 'With report No.',
    issuer: 'Issuing body',
    none: 'No task falls due in this period.',
    merged: 'including merged units',
    excused: 'excused for a late support unit',
    progress: 'Progress',
    quality: 'Quality',
    setBy: 'Scoring set by',
    setAt: 'at',
    byDefault: 'Default scoring (Decree 335/2025/ND-CP; grades at 90 / 75 / 50 points).',
    series: {
      onTime: 'On time',
      late: 'Done late',
      inProgress: 'In progress',
      pendingReview: 'Awaiting review',
      overdue: 'Overdue',
    },
  },
};

/** The periods offered: the last twelve months, this year's and last year's quarters, and the two years. */
export function periodChoices(today: string, lang: Lang): { key: string; label: string }[] {
  const months: ScorePeriod[] = [];
  for (let d = `${today.slice(0, 7)}-01`, i = 0; i < 12; i++, d = `${addDays(d, -1).slice(0, 7)}-01`)
    months.push(scorePeriod(d.slice(0, 7)));
  const year = Number(today.slice(0, 4));
  const quarters = [year, year - 1].flatMap((y) => [4, 3, 2, 1].map((q) => scorePeriod(`${y}-Q${q}`)));
  const years = [year, year - 1].map((y) => scorePeriod(String(y)));
  return [...months, ...quarters.filter((q) => q.first <= today), ...years].map((p) => ({
    key: p.key,
    label: p.label[lang],
  }));
}

export interface ScorecardFigures {
  period: ScorePeriod;
  kind?: string;
  scores: UnitScore[];
  policy: ScorecardPolicy;
  policySetBy?: string;
  policySetAt?: string;
  choices: { key: string; label: string }[];
  kinds: string[];
  isAdmin: boolean;
}

const SERIES = ['onTime', 'late', 'inProgress', 'pendingReview', 'overdue'] as const;
const SERIES_COLOUR: Record<(typeof SERIES)[number], string> = {
  onTime: CHART_COLOURS.done_on_time,
  late: CHART_COLOURS.done_late,
  inProgress: CHART_COLOURS.in_progress,
  pendingReview: CHART_COLOURS.pending_review,
  overdue: CHART_COLOURS.overdue,
};

export function scorecardView(f: ScorecardFigures, lang: Lang) {
  const t = SCORE_WORDS[lang];
  const ranked = f.scores.filter((s) => s.score !== null);
  const keep = { ky: f.period.key, khoi: f.kind };
  const chart = {
    labels: f.scores.map((s) => s.unitName),
    series: SERIES.map((key) => ({
      key,
      label: t.series[key],
      colour: SERIES_COLOUR[key],
      values: f.scores.map((s) => s[key]),
    })),
    scores: { label: t.scoreChart, values: f.scores.map((s) => s.score ?? 0), colour: CHART_COLOURS.in_progress },
  };
  return {
    t,
    period: f.period.key,
    periodLabel: f.period.label[lang],
    kind: f.kind ?? '',
    choices: f.choices,
    kinds: f.kinds.map((k) => ({ key: k, label: t.kinds[k] ?? k })),
    header: SCORECARD_HEADER[lang],
    rows: f.scores.map((s) => ({
      unit: s.unit,
      cells: scorecardRow(s, lang),
      rank: s.rank,
      merged: s.merged,
      excused: s.excused,
      progress: sharePercent(s.progress, lang),
      quality: sharePercent(s.quality, lang),
      gradeClass:
        s.score === null ? 'not_started' : s.score >= 90 ? 'done_on_time' : s.score >= 50 ? 'in_progress' : 'overdue',
    })),
    count: ranked.length,
    average: ranked.length
      ? formatNumber(Math.round((ranked.reduce((a, s) => a + s.score!, 0) / ranked.length) * 10) / 10, lang)
      : '—',
    best: ranked[0]?.unitName ?? '—',
    formula: formulaText(f.policy, lang),
    policyNote: f.policySetBy ? `${t.setBy} ${f.policySetBy} ${t.setAt} ${f.policySetAt}.` : t.byDefault,
    isAdmin: f.isAdmin,
    query: queryOf(keep),
    // Inside a script element: a "<" could close it.
    chartJson: JSON.stringify(chart).replace(/</g, '\\u003c'),
    chartHeight: Math.max(160, 28 * f.scores.length + 60),
  };
}

/** Served at /assets/scorecard-charts.js: draws the charts from #chart-data with Chart.js. */
export const SCORECARD_CHARTS_JS = `(function () {
  var el = document.getElementById('chart-data');
  if (!el || typeof Chart === 'undefined') return;
  var data = JSON.parse(el.textContent);
  var outcomes = document.getElementById('chart-outcomes');
  if (outcomes) {
    new Chart(outcomes, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: data.series.map(function (s) {
          return { label: s.label, data: s.values, backgroundColor: s.colour, stack: 'tasks' };
        }),
      },
      options: { indexAxis: 'y', animation: false, maintainAspectRatio: false, scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } },
    });
  }
  var scores = document.getElementById('chart-scores');
  if (scores) {
    new Chart(scores, {
      type: 'bar',
      data: { labels: data.labels, datasets: [{ label: data.scores.label, data: data.scores.values, backgroundColor: data.scores.colour }] },
      options: { indexAxis: 'y', animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { x: { min: 0, max: 100 } } },
    });
  }
  document.body.setAttribute('data-charts', 'drawn');
})();
`;
