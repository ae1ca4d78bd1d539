// `dondoc launch FILE --dry-run`: the plan worked out in client/dry-run.ts, printed.
import { dryRun, type DryRun } from '../dry-run';
import { printJson, type CliIo } from './io';

export { dryRun, type DryRun };

export function printDryRun(io: CliIo, plan: DryRun, json: boolean | undefined): void {
  if (json) return printJson(io, plan);
  io.out(`${plan.number}: ${plan.title}\n`);
  if (plan.cycles) {
    io.out(`${plan.cycles.length} reporting cycles:\n`);
    for (const c of plan.cycles)
      io.out(`  ${c.key.padEnd(9)} ${c.label.padEnd(22)} data ${c.from} … ${c.to}  due ${c.due}\n`);
    io.out(
      plan.nextCycle
        ? `Tasks of the next cycle, ${plan.nextCycle}:\n`
        : 'Every cycle is already due; launching would only open past cycles.\n',
    );
  }
  for (const t of plan.tasks) {
    const role = t.role === 'support' ? `support of ${t.supports}` : t.role;
    io.out(`${t.unit} (${role}) due ${t.deadline}\n${t.chase.map((c) => `    ${c.at}  ${c.what}\n`).join('')}`);
  }
}
