// `dondoc launch FILE --dry-run`: the plan worked out in client/dry-run.ts, printed in the
// coordinator's language, times in Vietnam time; what moved and why comes first.
import { describeNote, type DeadlineNote } from '../../domain/deadline-notes';
import { formatDateShortVi, formatDateTime, formatDate, type Lang } from '../../domain/format';
import { dryRun, type DryRun, type DryRunChase } from '../dry-run';
import { printJson, type CliIo } from './io';

export { dryRun, type DryRun };

const WORDS = {
  vi: {
    cycles: (n: number) => `${n} kỳ báo cáo:`,
    data: 'số liệu',
    due: 'hạn',
    next: (k: string) => `Nhiệm vụ của kỳ tiếp theo, ${k}:`,
    allDue: 'Mọi kỳ đã đến hạn; giao bây giờ chỉ mở các kỳ đã qua.',
    support: (u: string) => `phối hợp với ${u}`,
    lead: 'chủ trì',
    provisional: ' (dự kiến)',
    task: (i: number, unit: string) => `Nhiệm vụ thứ ${i + 1} (${unit})`,
  },
  en: {
    cycles: (n: number) => `${n} reporting cycles:`,
    data: 'data',
    due: 'due',
    next: (k: string) => `Tasks of the next cycle, ${k}:`,
    allDue: 'Every cycle is already due; launching would only open past cycles.',
    support: (u: string) => `support of ${u}`,
    lead: 'lead',
    provisional: ' (provisional)',
    task: (i: number, unit: string) => `Task ${i + 1} (${unit})`,
  },
};

const TARGETS_VI = { head: 'thủ trưởng đơn vị', supervisor: 'lãnh đạo phụ trách', steering: 'Ban Chỉ đạo' };

/** A reminder or rung as the coordinator reads it. */
function chaseWords(c: DryRunChase, lang: Lang): string {
  if (lang === 'en') return c.what;
  if (c.kind === 'reminder') return `nhắc hạn T-${c.daysBefore}`;
  return c.weekly
    ? `đôn đốc hằng tuần → ${TARGETS_VI[c.to]}, đến khi hoàn thành`
    : `báo cáo vượt cấp ${c.level} → ${TARGETS_VI[c.to]}`;
}

/** A note with its task named: "Nhiệm vụ thứ 2 (NB-STP): 13/12/2026 là Chủ nhật: hạn chuyển sang 14/12/2026". */
export const noteLine = (n: DeadlineNote, lang: Lang): string =>
  `${WORDS[lang].task(n.task, n.unit)}: ${describeNote(n, lang)}`;

export function printDryRun(io: CliIo, plan: DryRun, json: boolean | undefined, lang: Lang = 'vi'): void {
  if (json) return printJson(io, plan);
  const w = WORDS[lang];
  const day = (d: string) => (lang === 'vi' ? formatDateShortVi(d) : formatDate(d, 'en'));
  io.out(`${plan.number}: ${plan.title}\n`);
  for (const n of plan.notes) io.out(`! ${noteLine(n, lang)}\n`);
  if (plan.cycles) {
    io.out(`${w.cycles(plan.cycles.length)}\n`);
    for (const c of plan.cycles)
      io.out(
        `  ${c.key.padEnd(9)} ${c.label.padEnd(22)} ${w.data} ${day(c.from)} … ${day(c.to)}  ${w.due} ${day(c.due)}\n`,
      );
    io.out(`${plan.nextCycle ? w.next(plan.nextCycle) : w.allDue}\n`);
  }
  for (const t of plan.tasks) {
    const role = t.role === 'support' ? w.support(t.supports ?? '') : w.lead;
    const chase = t.chase
      .map((c) => `    ${formatDateTime(Date.parse(c.at), lang)}  ${chaseWords(c, lang)}\n`)
      .join('');
    io.out(`${t.unit} (${role}) ${w.due} ${day(t.deadline)}${t.provisional ? w.provisional : ''}\n${chase}`);
  }
}
