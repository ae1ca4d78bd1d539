// The scorecard as an annex (phụ lục) to a report on the performance of assigned tasks, in the
// administrative layout (Nghị định 30/2020/NĐ-CP): the annex heading, its title, the report it
// goes with, the table of units by rank, and how the score was worked out. Also the CSV columns.
import type { AdminDocument } from './admin-document';
import { formatDateVi, formatNumber, type Lang } from './format';
import type { LocalDate } from './schemas';
import type { ScorePeriod } from './scorecard-period';
import type { ScorecardPolicy } from './scorecard-policy';
import type { UnitScore } from './scorecard';

const pct = (share: number | null, lang: Lang) =>
  share === null ? '—' : `${formatNumber(Math.round(share * 1000) / 10, lang)}%`;
const num = (n: number | null, lang: Lang) => (n === null ? '—' : formatNumber(n, lang));

/** The formula in words, as the page and the annex state it. */
export function formulaText(p: ScorecardPolicy, lang: Lang): string[] {
  const n = (x: number) => formatNumber(x, lang);
  if (lang === 'en')
    return [
      `Score (out of 100) = ${n(p.weights.progress)} × progress + ${n(p.weights.quality)} × quality${p.extensions.perGranted ? ` − ${n(p.extensions.perGranted)} per extension granted` : ''}.`,
      `Progress: the mean over the tasks due in the period and judged of ${n(p.progress.onTime)} for one done on time, ${n(p.progress.late)} for one done late${p.progress.latePerWorkingDay ? ` less ${n(p.progress.latePerWorkingDay)} per working day late (at least ${n(p.progress.lateFloor)})` : ''}, ${n(p.progress.overdue)} for one overdue; a task in progress or whose report awaits review is not judged yet.`,
      `Quality: the mean over the tasks done of 1 less ${n(p.quality.perReturn)} per report returned for revision.`,
      ...(p.supportExcuse
        ? [
            'A lead task late because a support unit was late has its deadline moved by as many working days as the latest support unit was late past its own deadline.',
          ]
        : []),
    ];
  return [
    `Điểm (thang 100) = ${n(p.weights.progress)} × tiến độ + ${n(p.weights.quality)} × chất lượng${p.extensions.perGranted ? ` − ${n(p.extensions.perGranted)} điểm mỗi lần được gia hạn` : ''}.`,
    `Tiến độ: bình quân trên các nhiệm vụ đến hạn trong kỳ đã đánh giá được, nhiệm vụ hoàn thành đúng hạn tính ${n(p.progress.onTime)}, hoàn thành quá hạn tính ${n(p.progress.late)}${p.progress.latePerWorkingDay ? ` trừ ${n(p.progress.latePerWorkingDay)} mỗi ngày làm việc chậm (không dưới ${n(p.progress.lateFloor)})` : ''}, quá hạn chưa hoàn thành tính ${n(p.progress.overdue)}; nhiệm vụ đang thực hiện hoặc báo cáo đang chờ xem xét chưa đánh giá.`,
    `Chất lượng: bình quân trên các nhiệm vụ đã hoàn thành, mỗi lần báo cáo bị trả lại để hoàn thiện trừ ${n(p.quality.perReturn)}.`,
    ...(p.supportExcuse
      ? [
          'Nhiệm vụ chủ trì chậm do đơn vị phối hợp chậm được lùi hạn bằng số ngày làm việc mà đơn vị phối hợp chậm nhất đã chậm so với hạn của mình.',
        ]
      : []),
  ];
}

export const SCORECARD_HEADER = {
  vi: [
    'Xếp hạng',
    'Đơn vị',
    'Nhiệm vụ đến hạn',
    'Đúng hạn',
    'Quá hạn đã hoàn thành',
    'Đang thực hiện trong hạn',
    'Chờ xem xét',
    'Quá hạn chưa hoàn thành',
    'Bị trả lại',
    'Xin gia hạn / được gia hạn',
    'Số ngày chậm bình quân',
    'Điểm',
    'Xếp loại',
  ],
  en: [
    'Rank',
    'Unit',
    'Tasks due',
    'On time',
    'Done late',
    'In progress',
    'Awaiting review',
    'Overdue',
    'Returned',
    'Extensions asked / granted',
    'Mean working days late',
    'Score',
    'Grade',
  ],
};

export function scorecardRow(s: UnitScore, lang: Lang): string[] {
  return [
    s.rank === undefined ? '—' : String(s.rank),
    s.unitName,
    String(s.due),
    String(s.onTime),
    String(s.late),
    String(s.inProgress),
    String(s.pendingReview),
    String(s.overdue),
    String(s.returned),
    `${s.extensionsAsked} / ${s.extensionsGranted}`,
    num(s.avgDaysLate, lang),
    num(s.score, lang),
    s.grade?.[lang] ?? '—',
  ];
}

/** CSV columns: plain numbers a spreadsheet reads, whatever the page's language. */
export const SCORECARD_CSV_HEADER = [
  'rank',
  'unit_code',
  'unit_name',
  'due',
  'on_time',
  'done_late',
  'in_progress',
  'pending_review',
  'overdue',
  'excused_by_support',
  'returned',
  'extensions_asked',
  'extensions_granted',
  'avg_working_days_late',
  'progress_pct',
  'quality_pct',
  'score',
  'grade',
  'merged_units',
];

export function scorecardCsvRow(s: UnitScore): (string | number)[] {
  const share = (x: number | null) => (x === null ? '' : Math.round(x * 1000) / 10);
  return [
    s.rank ?? '',
    s.unit,
    s.unitName,
    s.due,
    s.onTime,
    s.late,
    s.inProgress,
    s.pendingReview,
    s.overdue,
    s.excused,
    s.returned,
    s.extensionsAsked,
    s.extensionsGranted,
    s.avgDaysLate ?? '',
    share(s.progress),
    share(s.quality),
    s.score ?? '',
    s.grade?.vi ?? '',
    s.merged.join(';'),
  ];
}

export interface AnnexInput {
  period: ScorePeriod;
  scores: UnitScore[];
  policy: ScorecardPolicy;
  /** The report the annex goes with, e.g. "Báo cáo số 45/BC-UBND"; and its issuer. */
  report?: string;
  issuer: string;
  date: LocalDate;
}

export function scorecardAnnex(a: AnnexInput): AdminDocument {
  const of = a.report
    ? `(Kèm theo ${a.report} ngày ${formatDateVi(a.date).replace(/^ngày /, '')} của ${a.issuer})`
    : `(Số liệu đến ${formatDateVi(a.date)}, ${a.issuer})`;
  return {
    issuer: { name: a.issuer },
    numberLine: '',
    placeDate: '',
    title: [
      'KẾT QUẢ THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO VÀ XẾP HẠNG CÁC CƠ QUAN, ĐƠN VỊ',
      a.period.label.vi.toLocaleUpperCase('vi'),
    ],
    recipients: [],
    body: [],
    table: { header: SCORECARD_HEADER.vi, rows: a.scores.map((s) => scorecardRow(s, 'vi')) },
    closing: [],
    copyTo: [],
    signature: { title: '', name: '' },
    annex: { heading: 'Phụ lục', of, notes: ['Ghi chú:', ...formulaText(a.policy, 'vi')] },
    landscape: true,
  };
}

export { pct as sharePercent };
