// The words that turn prose into task fields: roles (chủ trì / phối hợp), deadlines ("trước ngày
// 15/12/2024", "trong 05 ngày làm việc"), reporting ("báo cáo định kỳ hằng quý", "đột xuất") and
// counted outputs ("tổ chức 02 hội nghị"). Matching runs on folded text, which keeps positions.
import { foldVi } from '../units';
import type { Indicator, Period, TaskRole } from '../schemas';
import { DATE, dateFromGroups, stripBullet } from './text';

export type DeadlineCue =
  | { kind: 'date'; iso: string; raw: string }
  | { kind: 'workingDays'; days: number; raw: string; event?: string }
  | { kind: 'calendarDays'; days: number; raw: string }
  | { kind: 'noYear'; day: number; month: number; raw: string }
  | { kind: 'invalid'; raw: string };

// "trước ngày 15/11/2024", "chậm nhất ngày …", "trước 14 giờ, ngày 05/12/2017", "trước 30/8".
const BEFORE = String.raw`(?:truoc|cham nhat(?: la)?|han chot|han cuoi|khong muon hon|xong truoc)\s+(?:\d{1,2}\s*(?:gio|h)(?:\s*\d{1,2}(?:\s*phut)?)?\s*,?\s*)?(?:ngay\s+)?`;
const WITHIN = String.raw`(?:trong(?: vong| thoi han| thoi gian)?|sau)\s+(\d{1,3})\s+ngay`;

/** A sentence or a clause of one: the unit a cue applies to. */
export interface Clause {
  text: string;
  folded: string;
  line?: number;
}

export function clausesOf(text: string, line?: number): Clause[] {
  const folded = foldVi(text);
  const out: Clause[] = [];
  let start = 0;
  for (const m of folded.matchAll(/;|\.(?=\s|$)|\n/g)) {
    out.push({ text: text.slice(start, m.index), folded: folded.slice(start, m.index), line });
    start = m.index + 1;
  }
  out.push({ text: text.slice(start), folded: folded.slice(start), line });
  return out.filter((c) => c.text.trim());
}

const ROMAN_QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
// "hoàn thành trong tháng 10/2024", "trong tháng 10 năm 2024": the last day of that month.
const IN_MONTH =
  /(?:trong|truoc het|cuoi|hoan thanh(?: trong)?)\s+thang\s+(\d{1,2})(?:\s*[/.-]\s*|\s+nam\s+)?(\d{4})?(?![\d/])/g;
// "trong quý IV", "quý III/2024", "trong quý 4 năm 2024": the last day of that quarter.
const IN_QUARTER =
  /(?:trong|truoc het|hoan thanh(?: trong)?)\s+quy\s+(iv|iii|ii|i|[1-4])(?![a-z])(?:\s*[/.-]\s*|\s+nam\s+)?(\d{4})?/g;
// "kể từ ngày ký", "kể từ ngày nhận được văn bản": counted from the launch; any other event is asked about.
const FROM_LAUNCH = /^(?:ngay\s+)?(?:ky|ban hanh|nhan duoc|nhan|van ban nay|cong van nay|ke hoach nay)/;

function lastDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}

/** The deadlines a clause states; a month or quarter without its year is of `year`, the dispatch's. */
const BEFORE_DATE = new RegExp(BEFORE + `(?:${DATE})`, 'g');
const BEFORE_NO_YEAR = new RegExp(
  BEFORE + String.raw`(\d{1,2})(?:\s*/\s*|\s+thang\s+)(\d{1,2})(?![\d/])(?!\s*,?\s*nam\s+\d)(?!\s*[-.]\s*\d)`,
  'g',
);
const WITHIN_DAYS = new RegExp(WITHIN + String.raw`(\s+lam viec)?(?!\s*\d)`, 'g');
// Most clauses state no deadline: a cheap look for a number comes first.
const MAY_HAVE_DEADLINE = /\d|quy\s+[iv]/;

export function deadlineCues(clauses: Clause[], year?: number): DeadlineCue[] {
  const cues: DeadlineCue[] = [];
  for (const { text, folded } of clauses) {
    if (!MAY_HAVE_DEADLINE.test(folded)) continue;
    const raw = (m: RegExpMatchArray) => text.slice(m.index, m.index! + m[0].length).trim();
    for (const m of folded.matchAll(BEFORE_DATE)) {
      const date = dateFromGroups(m.slice(1), raw(m).replace(/^.*?(\d)/, '$1'));
      cues.push('iso' in date ? { kind: 'date', iso: date.iso, raw: raw(m) } : { kind: 'invalid', raw: date.invalid });
    }
    for (const m of folded.matchAll(BEFORE_NO_YEAR))
      cues.push({ kind: 'noYear', day: Number(m[1]), month: Number(m[2]), raw: raw(m) });
    for (const m of folded.matchAll(IN_MONTH)) {
      const y = m[2] ? Number(m[2]) : year;
      const month = Number(m[1]);
      if (y && month >= 1 && month <= 12) cues.push({ kind: 'date', iso: lastDay(y, month), raw: raw(m) });
    }
    for (const m of folded.matchAll(IN_QUARTER)) {
      const y = m[2] ? Number(m[2]) : year;
      if (y) cues.push({ kind: 'date', iso: lastDay(y, ROMAN_QUARTER[m[1]] * 3), raw: raw(m) });
    }
    for (const m of folded.matchAll(WITHIN_DAYS)) {
      const days = Number(m[1]);
      if (!m[2]) {
        cues.push({ kind: 'calendarDays', days, raw: raw(m) });
        continue;
      }
      const after = folded.slice(m.index + m[0].length);
      const from = /^\s*,?\s*(?:ke tu|tinh tu|sau)\s+/.exec(after);
      const eventStart = m.index + m[0].length + (from?.[0].length ?? 0);
      const eventText = from
        ? text
            .slice(eventStart)
            .split(/[,;.(]/)[0]
            .trim()
        : '';
      const event = from && !FROM_LAUNCH.test(foldVi(eventText)) ? eventText : undefined;
      cues.push({
        kind: 'workingDays',
        days,
        raw: event ? text.slice(m.index, eventStart + eventText.length).trim() : raw(m),
        ...(event ? { event } : {}),
      });
    }
  }
  return cues;
}

const PERIODS: Array<[Period, RegExp]> = [
  ['monthly', /hang thang|moi thang/],
  ['quarterly', /hang quy|moi quy|theo quy/],
  ['half-yearly', /6 thang|sau thang/],
  ['yearly', /hang nam|moi nam|cuoi nam/],
];
const REPORT = String.raw`bao cao\b(?! vien| quoc gia)`;
const PERIODIC = [
  new RegExp(String.raw`dinh ky[^;]{0,80}?${REPORT}`),
  new RegExp(
    String.raw`bao cao (?:ket qua|tinh hinh|tien do|so ket|tong ket)[^;]{0,120}?(?:dinh ky|hang (?:thang|quy|nam)|6 thang)`,
  ),
  new RegExp(String.raw`(?:hang (?:thang|quy|nam)|6 thang)[^;]{0,40}?${REPORT}`),
  /che do bao cao[^;]{0,60}?(?:dinh ky|hang)/,
  /doi voi bao cao (?:0?\d+ thang|nam|quy|thang)|bao cao (?:0?6|sau) thang|bao cao (?:[a-z]+ ){0,3}dinh ky/,
];
const AD_HOC = new RegExp(String.raw`${REPORT}[^;]{0,80}dot xuat|dot xuat[^;]{0,40}${REPORT}`);

export interface ReportingCue {
  /** Clauses asking for periodic reports; their dates are due days, not task deadlines. */
  periodic: Clause[];
  period?: Period;
  dueDays: number[];
  adHoc: boolean;
}

export function isPeriodic(c: Clause): boolean {
  return PERIODIC.some((re) => re.test(c.folded));
}

export function reportingCue(clauses: Clause[]): ReportingCue {
  const periodic = clauses.filter(isPeriodic);
  const periods = PERIODS.filter(([, re]) => periodic.some((c) => re.test(c.folded))).map(([p]) => p);
  const dueDays = periodic.flatMap((c) => [...c.folded.matchAll(/ngay\s+(\d{1,2})(?!\d)/g)].map((m) => Number(m[1])));
  return {
    periodic,
    period: periods[0],
    dueDays: [...new Set(dueDays)],
    adHoc: clauses.some((c) => AD_HOC.test(c.folded)),
  };
}

/** The last year of a programme: "giai đoạn 2023-2028", "đến năm 2028". */
export function untilYear(text: string): number | undefined {
  const f = foldVi(text);
  const years = [
    ...[...f.matchAll(/giai doan\s*(\d{4})\s*[-–—]\s*(\d{4})/g)].map((m) => Number(m[2])),
    ...[...f.matchAll(/den (?:het )?nam\s+(\d{4})/g)].map((m) => Number(m[1])),
  ];
  return years.length ? Math.max(...years) : undefined;
}

/** Chủ trì leads; a task whose every item starts "Phối hợp" supports another unit. */
export function roleCue(items: string[]): TaskRole {
  const starts = items.map((i) => foldVi(stripBullet(i)).trimStart());
  if (!starts.length || starts[0].startsWith('chu tri')) return 'lead';
  return starts.every((s) => s.startsWith('phoi hop')) ? 'support' : 'lead';
}

/** What follows "Phối hợp với" in the first item: where the lead unit is named, if it is. */
export function supportedPhrase(items: string[]): string | undefined {
  const first = stripBullet(items[0] ?? '').trimStart();
  const m = /^phoi hop\s+(?:chat che\s+)?voi\s+/.exec(foldVi(first));
  return m ? first.slice(m[0].length) : undefined;
}

const OUTPUTS: Array<{ words: string; code: string; name: string; unit: string }> = [
  { words: 'hoi nghi', code: 'conferences', name: 'Hội nghị', unit: 'hội nghị' },
  { words: 'lop tap huan|lop boi duong|lop', code: 'training_classes', name: 'Lớp tập huấn, bồi dưỡng', unit: 'lớp' },
  { words: 'to roi|to gap', code: 'leaflets', name: 'Tờ rơi, tờ gấp', unit: 'tờ' },
  { words: 'tin,? bai|bai viet|tin|bai', code: 'articles', name: 'Tin, bài', unit: 'tin, bài' },
  { words: 'phong su', code: 'features', name: 'Phóng sự', unit: 'phóng sự' },
  { words: 'cuoc thi', code: 'contests', name: 'Cuộc thi', unit: 'cuộc thi' },
  { words: 'pano|ap phich|bang ron', code: 'posters', name: 'Pano, áp phích, băng rôn', unit: 'cái' },
  { words: 'buoi', code: 'sessions', name: 'Buổi tuyên truyền', unit: 'buổi' },
  { words: 'luot nguoi|nguoi', code: 'people', name: 'Người tham dự', unit: 'người' },
];

// A share the text sets as a goal: "100 % cán bộ làm công tác nhân quyền được tập huấn", "đạt 70% số xã".
const SHARE = /(?<![\d.,/])(\d{1,3}(?:[.,]\d+)?)\s*%\s+(?:so\s+)?([a-z][^;:.,()%]{2,80})/g;
const SHARE_END = /\s(?:duoc|phai|co|tham gia|thuc hien|tro len|tro xuong|tai|tren|trong)\b/;

/** Counted outputs the text asks for ("in 20.000 tờ rơi", "tối thiểu 24 tin, bài", "02 lớp tập huấn")
 * and shares it sets ("100 % cán bộ …") become indicators with that target. */
export function indicatorCues(text: string): Indicator[] {
  const f = foldVi(text);
  const hits: Array<{ at: number; indicator: Indicator }> = [];
  let shares = 0;
  for (const m of f.matchAll(SHARE)) {
    const target = Number(m[1].replace(',', '.'));
    if (!(target > 0 && target <= 100)) continue;
    const phrase = m[2];
    const cut = SHARE_END.exec(phrase)?.index ?? phrase.length;
    const start = m.index + m[0].length - m[2].length;
    const name = text.slice(start, start + cut).trim();
    if (!name) continue;
    shares++;
    hits.push({
      at: m.index,
      indicator: {
        code: `share_${shares}`,
        name: name.charAt(0).toLocaleUpperCase('vi') + name.slice(1),
        unit: '%',
        target,
      },
    });
  }
  for (const o of OUTPUTS) {
    for (const m of f.matchAll(
      new RegExp(String.raw`(?<![\d.,/])(\d{1,3}(?:\.\d{3})+|\d{1,6})\s+(?:${o.words})(?![a-z])`, 'g'),
    )) {
      const target = Number(m[1].replace(/\./g, ''));
      if (target > 0) hits.push({ at: m.index, indicator: { code: o.code, name: o.name, unit: o.unit, target } });
    }
  }
  const byCode = new Map<string, Indicator>();
  for (const h of hits.sort((a, b) => a.at - b.at))
    if (!byCode.has(h.indicator.code)) byCode.set(h.indicator.code, h.indicator);
  return [...byCode.values()];
}
