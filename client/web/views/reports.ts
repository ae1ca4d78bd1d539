// Reports as the office (and a lead unit) reads them: every report a unit sent, newest first, with
// its text, indicator values, attachments to download and how it was reviewed.
import { formatDateTime, formatNumber, type Lang } from '../../../domain/format';
import type { Indicator } from '../../../domain/schemas';
import type { ReportRecord } from '../../../workflows/types';

const REVIEW = {
  vi: { pending: 'Đang chờ xem xét', accepted: 'Đã chấp nhận', returned: 'Đã trả lại để hoàn thiện' },
  en: { pending: 'Awaiting review', accepted: 'Accepted', returned: 'Returned for revision' },
};

export const reviewWords = (review: ReportRecord['review'], lang: Lang): string => REVIEW[lang][review];

export interface ReportShown {
  receipt: string;
  when: string;
  by: string;
  text: string;
  indicators: string[];
  attachments: { name: string; size: string; href: string }[];
  review: ReportRecord['review'];
  reviewText: string;
  comment?: string;
}

/** "12,5 KB": a file's size as a reader takes it in. */
function sizeOf(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${formatNumber(bytes, lang)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10, lang)} KB`;
  return `${formatNumber(Math.round(bytes / 104857.6) / 10, lang)} MB`;
}

/** One indicator value as "Tin, bài: 218 bài", the indicator named as the directive names it. */
export function indicatorLines(values: Record<string, number>, indicators: Indicator[], lang: Lang): string[] {
  const named = new Map(indicators.map((i) => [i.code, i]));
  return Object.entries(values).map(([code, v]) =>
    `${named.get(code)?.name ?? code}: ${formatNumber(v, lang)} ${named.get(code)?.unit ?? ''}`.trim(),
  );
}

export function reportsShown(
  reports: readonly ReportRecord[],
  indicators: Indicator[],
  lang: Lang,
  href: (sha256: string) => string,
): ReportShown[] {
  return [...reports].reverse().map((r) => ({
    receipt: r.receipt,
    when: formatDateTime(r.submittedAt, lang),
    by: r.submittedBy,
    text: r.text,
    indicators: indicatorLines(r.indicators, indicators, lang),
    attachments: r.attachments.map((a) => ({ name: a.name, size: sizeOf(a.bytes, lang), href: href(a.sha256) })),
    review: r.review,
    reviewText: reviewWords(r.review, lang),
    comment: r.reviewComment,
  }));
}
