// What the supervisor's board (staff/board.eta) and monthly overview (staff/month.eta) show: their
// words, and the figures of the read model put in the page's language.
import { BUCKETS, overdueShare, totalOf, type BoardCounts, type Month } from '../../../domain/board';
import { BOARD_BUCKET_LABELS, STATUS_LABELS } from '../../../domain/status';
import { formatDate, formatDateShortVi, formatDateTime, formatNumber, type Lang } from '../../../domain/format';
import type { OverdueItem, UnitMonthRow, WeekRow } from '../../../db/board-queries';
import type { BoardQuery } from '../routes/staff-schemas';
import { queryOf } from './staff';
import { EXPLAIN_WORDS, type ExplanationItem } from './explanations';

/** Rows of the overdue list on one page. */
export const BOARD_PAGE = 50;

export const BOARD_WORDS = {
  vi: {
    title: 'Bảng theo dõi nhiệm vụ quá hạn',
    total: 'Tổng số nhiệm vụ',
    share: 'Tỷ lệ quá hạn',
    filter: 'Lọc',
    all: 'Tất cả',
    directive: 'Văn bản',
    unit: 'Đơn vị',
    level: 'Cấp đôn đốc',
    days: 'Quá hạn từ (ngày làm việc)',
    title_: 'Nhiệm vụ',
    deadline: 'Hạn',
    daysOverdue: 'Số ngày làm việc quá hạn',
    lastChase: 'Đôn đốc gần nhất',
    state: 'Tình trạng',
    none: 'Không có nhiệm vụ quá hạn nào khớp bộ lọc.',
    list: 'Nhiệm vụ quá hạn và đã báo cáo vượt cấp',
    shown: 'Hiển thị',
    of: 'trên',
    more: 'hơn',
    prev: '« Trang trước',
    next: 'Trang sau »',
    csv: 'Tải CSV',
    consolidated: 'Báo cáo tổng hợp của văn bản',
    byUnit: 'Quá hạn theo đơn vị',
    trend: 'Xu hướng theo tuần (theo tuần đến hạn)',
    week: 'Tuần',
    dispatch: 'Gửi công văn đôn đốc',
    dispatchHint: 'Tạo công văn đôn đốc (DOCX) gửi các đơn vị có nhiệm vụ quá hạn của văn bản đã chọn và gửi kèm thư.',
    number: 'Số công văn',
    signer: 'Người ký',
    signerTitle: 'Chức vụ người ký',
    send: 'Tạo và gửi',
    download: 'Chỉ tải về',
    pickDirective: 'Chọn một văn bản ở bộ lọc để gửi công văn đôn đốc.',
    levels: ['Chưa báo cáo vượt cấp', 'Cấp 1: thủ trưởng đơn vị', 'Cấp 2: lãnh đạo phụ trách', 'Cấp 3: Ban Chỉ đạo'],
  },
  en: {
    title: 'Overdue task board',
    total: 'Tasks in total',
    share: 'Overdue share',
    filter: 'Filter',
    all: 'All',
    directive: 'Directive',
    unit: 'Unit',
    level: 'Escalation level',
    days: 'At least (working days overdue)',
    title_: 'Task',
    deadline: 'Deadline',
    daysOverdue: 'Working days overdue',
    lastChase: 'Last chase',
    state: 'State',
    none: 'No overdue task matches the filter.',
    list: 'Overdue and escalated tasks',
    shown: 'Showing',
    of: 'of',
    more: 'more than',
    prev: '« Previous',
    next: 'Next »',
    csv: 'Download CSV',
    consolidated: "The directive's consolidated report",
    byUnit: 'Overdue by unit',
    trend: 'Weekly trend (by week due)',
    week: 'Week',
    dispatch: 'Send a formal reminder',
    dispatchHint:
      'Makes a reminder dispatch (DOCX) to the units with overdue tasks of the chosen directive and mails it to them.',
    number: 'Dispatch number',
    signer: 'Signed by',
    signerTitle: "Signer's title",
    send: 'Make and send',
    download: 'Download only',
    pickDirective: 'Choose a directive in the filter to send a formal reminder.',
    levels: ['Not escalated', 'Level 1: head of unit', 'Level 2: supervising leader', 'Level 3: steering committee'],
  },
};

export const MONTH_WORDS = {
  vi: {
    title: 'Tổng hợp tình hình thực hiện nhiệm vụ tháng',
    month: 'Tháng',
    show: 'Xem',
    unit: 'Đơn vị',
    total: 'Tổng số',
    onTime: 'Đã hoàn thành đúng hạn',
    late: 'Đã hoàn thành quá hạn',
    inProgress: 'Đang thực hiện trong hạn',
    pending: 'trong đó: đang chờ xem xét',
    overdue: 'Quá hạn chưa hoàn thành',
    share: 'Tỷ lệ quá hạn',
    change: 'So với tháng trước',
    sum: 'Tổng cộng',
    items: 'Các nhiệm vụ quá hạn',
    none: 'Không có nhiệm vụ quá hạn.',
    asOf: 'Số liệu tính đến',
    points: 'điểm %',
  },
  en: {
    title: 'Monthly overview of task performance',
    month: 'Month',
    show: 'Show',
    unit: 'Unit',
    total: 'Total',
    onTime: 'Done on time',
    late: 'Done late',
    inProgress: 'In progress, on time',
    pending: 'of which awaiting review',
    overdue: 'Overdue, not done',
    share: 'Overdue share',
    change: 'Change from last month',
    sum: 'Total',
    items: 'Overdue tasks',
    none: 'No overdue task.',
    asOf: 'Figures as of',
    points: 'points',
  },
};

export const bucketList = (c: BoardCounts, lang: Lang) =>
  BUCKETS.map((key) => ({ key, n: c[key], label: BOARD_BUCKET_LABELS[key][lang] }));

/** The reports waiting for the office's review: counted in progress by the official board, shown apart. */
export const pendingTile = (c: BoardCounts, lang: Lang) => ({
  n: c.pending_review,
  label: STATUS_LABELS.pending_review[lang],
});

const describeItem = (i: OverdueItem, lang: Lang, explained?: ReadonlyMap<string, ExplanationItem>) => ({
  ...i,
  deadlineText: lang === 'vi' ? formatDateShortVi(i.deadline) : formatDate(i.deadline, 'en'),
  lastChase: i.lastChaseAt ? formatDateTime(i.lastChaseAt.getTime(), lang) : '—',
  // The request for explanation about it, or the link to ask for one (partials/explanation-badge.eta).
  explanation: {
    x: explained?.get(i.workflowId),
    ask: { href: `/giai-trinh/moi?id=${encodeURIComponent(i.workflowId)}`, label: EXPLAIN_WORDS[lang].ask },
  },
});

export interface BoardFigures {
  counts: BoardCounts;
  list: { items: OverdueItem[]; total: number; capped: boolean };
  byUnit: { unitName: string; n: number }[];
  trend: WeekRow[];
  directives: { number: string; title: string }[];
  units: { code: string; name: string }[];
  /** The latest request for explanation about each listed task that has one. */
  explanations?: ReadonlyMap<string, ExplanationItem>;
}

/** What staff/board.eta reads: the figures, the filter as given, and the links that keep it. */
export function boardView(q: BoardQuery, f: BoardFigures, lang: Lang, csrf: string) {
  const t = BOARD_WORDS[lang];
  const page = q.page ?? 1;
  const keep = { directive: q.directive, unit: q.unit, level: q.level, days: q.days };
  const chart = {
    units: { label: t.byUnit, labels: f.byUnit.map((u) => u.unitName), values: f.byUnit.map((u) => u.n) },
    trend: {
      labels: f.trend.map((w) => formatDateShortVi(w.week).slice(0, 5)),
      series: BUCKETS.map((key) => ({
        key,
        label: BOARD_BUCKET_LABELS[key][lang],
        values: f.trend.map((w) => w[key]),
      })),
    },
  };
  return {
    t,
    f: keep,
    csrf,
    buckets: bucketList(f.counts, lang),
    pending: pendingTile(f.counts, lang),
    share: `${formatNumber(overdueShare(f.counts), lang)}%`,
    total: totalOf(f.counts),
    directives: f.directives,
    units: f.units,
    items: f.list.items.map((i) => describeItem(i, lang, f.explanations)),
    count: f.list.total,
    capped: f.list.capped,
    query: queryOf(keep),
    // Inside a script element: a "<" could close it.
    chartJson: JSON.stringify(chart).replace(/</g, '\\u003c'),
    prev: page > 1 ? `/giam-sat${queryOf({ ...keep, page: page - 1 })}` : undefined,
    next: page * BOARD_PAGE < f.list.total ? `/giam-sat${queryOf({ ...keep, page: page + 1 })}` : undefined,
  };
}

export interface MonthFigures {
  month: Month;
  directive?: string;
  /** The instant the month's figures stand at: its end, or now for the current month. */
  at: number;
  rows: UnitMonthRow[];
  before: UnitMonthRow[];
  items: OverdueItem[];
  explanations?: ReadonlyMap<string, ExplanationItem>;
}

const sumOf = (rows: BoardCounts[]): BoardCounts =>
  rows.reduce(
    (s, r) => ({
      done_on_time: s.done_on_time + r.done_on_time,
      done_late: s.done_late + r.done_late,
      in_progress: s.in_progress + r.in_progress,
      overdue: s.overdue + r.overdue,
      pending_review: s.pending_review + r.pending_review,
    }),
    { done_on_time: 0, done_late: 0, in_progress: 0, overdue: 0, pending_review: 0 },
  );

/** What staff/month.eta reads: each unit's buckets, share and change from last month, and the total. */
export function monthView(m: MonthFigures, lang: Lang) {
  const t = MONTH_WORDS[lang];
  const shareBefore = new Map(m.before.map((r) => [r.unit, overdueShare(r)]));
  const pct = (n: number) => formatNumber(n, lang);
  const change = (share: number, was: number | undefined) =>
    was === undefined ? '—' : `${share - was >= 0 ? '+' : ''}${pct(Math.round((share - was) * 10) / 10)} ${t.points}`;
  const sum = sumOf(m.rows);
  const sumBefore = sumOf(m.before);
  return {
    t,
    month: m.month.key,
    directive: m.directive ?? '',
    monthText: lang === 'vi' ? `${Number(m.month.key.slice(5))}/${m.month.key.slice(0, 4)}` : m.month.key,
    asOf: formatDateTime(m.at, lang),
    rows: m.rows.map((r) => ({
      ...r,
      total: totalOf(r),
      share: pct(overdueShare(r)),
      change: change(overdueShare(r), shareBefore.get(r.unit)),
    })),
    sum: {
      ...sum,
      total: totalOf(sum),
      share: pct(overdueShare(sum)),
      change: totalOf(sumBefore) ? change(overdueShare(sum), overdueShare(sumBefore)) : '—',
    },
    items: m.items.map((i) => describeItem(i, lang, m.explanations)),
  };
}
