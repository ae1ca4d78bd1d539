// The status colours of every page, as provincial task-tracking systems use them: overdue red,
// due soon orange, in progress within the deadline blue, done on time green, done late amber,
// not started grey (being assigned, not yet due), and purple for a report waiting for review.
// One palette: the pages' CSS (statusCss, in every layout), the charts, and the legend
// (partials/status-legend.eta) all read it.
import type { BoardBucket, TaskStatus } from '../../../domain/status';

export type ColourGroup =
  | 'overdue'
  | 'due_soon'
  | 'in_progress'
  | 'done_on_time'
  | 'done_late'
  | 'not_started'
  | 'pending_review'
  | 'cancelled';

/** Background and text for a badge; a stronger `chart` colour for bars and lines. */
export const PALETTE: Record<ColourGroup, { bg: string; ink: string; chart: string }> = {
  overdue: { bg: '#fde2e1', ink: '#a3140f', chart: '#d92d20' },
  due_soon: { bg: '#ffe4cc', ink: '#a63c06', chart: '#f97316' },
  in_progress: { bg: '#dbe8fb', ink: '#1849a9', chart: '#2e6be6' },
  done_on_time: { bg: '#d8f2e0', ink: '#146c36', chart: '#2e9e5b' },
  done_late: { bg: '#fdf0c2', ink: '#7a5200', chart: '#d4a106' },
  not_started: { bg: '#e9ecef', ink: '#4a5561', chart: '#98a2b3' },
  pending_review: { bg: '#ece3fb', ink: '#5b21b6', chart: '#7c3aed' },
  cancelled: { bg: '#f2f4f7', ink: '#667085', chart: '#d0d5dd' },
};

/** Each status and board bucket, by the colour it is shown in. */
export const COLOUR_OF: Record<TaskStatus | BoardBucket | 'not_started', ColourGroup> = {
  overdue: 'overdue',
  due_soon: 'due_soon',
  in_progress: 'in_progress',
  returned: 'in_progress',
  extension_requested: 'in_progress',
  done_on_time: 'done_on_time',
  done_late: 'done_late',
  assigning: 'not_started',
  not_due: 'not_started',
  not_started: 'not_started',
  pending_review: 'pending_review',
  cancelled: 'cancelled',
};

/** The legend's entries, in the order a reader scans for trouble. */
export const LEGEND: { group: ColourGroup; vi: string; en: string }[] = [
  { group: 'overdue', vi: 'Quá hạn', en: 'Overdue' },
  { group: 'due_soon', vi: 'Sắp đến hạn', en: 'Due soon' },
  { group: 'in_progress', vi: 'Đang thực hiện trong hạn', en: 'In progress, on time' },
  { group: 'pending_review', vi: 'Chờ xem xét báo cáo', en: 'Report awaiting review' },
  { group: 'done_on_time', vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  { group: 'done_late', vi: 'Hoàn thành quá hạn', en: 'Done late' },
  {
    group: 'not_started',
    vi: 'Chưa bắt đầu (đang giao, chưa đến hạn)',
    en: 'Not started (being assigned, not yet due)',
  },
];

/** The CSS of `.status` badges and board tiles, one rule per status class. */
export function statusCss(): string {
  const byGroup = new Map<ColourGroup, string[]>();
  for (const [cls, group] of Object.entries(COLOUR_OF)) byGroup.set(group, [...(byGroup.get(group) ?? []), cls]);
  const rules = [...byGroup].map(([group, classes]) => {
    const c = PALETTE[group];
    const selectors = classes.flatMap((cls) => [`.status.${cls}`, `.tile.${cls}`, `.swatch.${cls}`]).join(',');
    return `${selectors}{background:${c.bg};color:${c.ink};border-color:${c.chart}}`;
  });
  return [
    '.status{display:inline-block;padding:.1rem .5rem;border-radius:1rem;border:1px solid transparent;font-size:.95em}',
    '.tile{border-left:6px solid #d5dbe3}',
    ...rules,
    '.status.cancelled{text-decoration:line-through}',
    '.legend{display:flex;flex-wrap:wrap;gap:.3rem .8rem;margin:.4rem 0 .8rem;padding:0;list-style:none;font-size:.9em}',
    '.legend li{display:flex;align-items:center;gap:.3rem}',
    '.swatch{display:inline-block;width:.9rem;height:.9rem;border-radius:3px;border:2px solid}',
  ].join('\n');
}

/** Chart colours by status, bucket or group, for the scripts that draw the charts. */
export const CHART_COLOURS: Record<string, string> = Object.fromEntries(
  Object.entries(COLOUR_OF).map(([key, group]) => [key, PALETTE[group].chart]),
);

/** What partials/status-legend.eta reads. */
export const legendOf = (lang: 'vi' | 'en') =>
  LEGEND.map((l) => ({ cls: l.group === 'not_started' ? 'not_started' : l.group, label: l[lang] }));
