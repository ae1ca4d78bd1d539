// `dondoc cascade`: the office passes a district's task on to the district's own units, as the
// district would from its task page. The task's validator has the last word.
import type { Config } from '../../config';
import { CascadeRequestSchema, type CascadeRequest } from '../../domain/commands';
import { createReadModel } from '../../db/read-model';
import { closedUnitCodes } from '../../db/unit-admin';
import { cascadeUpdate, taskWorkflowId } from '../../workflows/messages';
import { defaultActor, deadlineOption, optionIssue } from './amend';
import { explainWorkflowError, printJson, UsageError, withReadModelPool, withTemporal, type CliIo } from './io';

export interface CascadeOptions {
  unit: string;
  number: string;
  deadline: string;
  units?: string;
  title?: string;
  by?: string;
  json?: boolean;
}

/** The request, from the district's task and directory entry as the read model has them. */
async function cascadeRequest(config: Config, directive: string, o: CascadeOptions): Promise<CascadeRequest> {
  return withReadModelPool(config, async (pool) => {
    const readModel = createReadModel(pool);
    const task = await readModel.task(taskWorkflowId(directive, o.unit));
    if (!task) throw new UsageError(`--unit: ${directive} has no task for ${o.unit}`);
    const district = await readModel.unit(o.unit);
    // A unit closed or merged away in a reorganisation takes no new task.
    const closed = await closedUnitCodes(pool);
    const subordinate = (await readModel.units())
      .filter((u) => u.parent === o.unit && !closed.has(u.code))
      .map((u) => u.code);
    const units = o.units
      ? o.units
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : subordinate;
    const stranger = units.find((u) => !subordinate.includes(u));
    if (stranger) throw new UsageError(`--units: ${stranger} is not a unit under ${o.unit} in the directory`);
    if (!units.length)
      throw new UsageError(
        `--units: ${o.unit} has no units under it in the directory (add them with dondoc units import)`,
      );
    const { spec } = task.snapshot;
    const title = o.title ?? spec.title;
    const raw = {
      number: o.number,
      title,
      issuer: district?.name ?? o.unit,
      by: o.by ?? defaultActor(),
      tasks: units.map((unit) => ({
        unit,
        role: 'lead',
        title,
        body: spec.body,
        deadline: deadlineOption(o.deadline),
        indicators: spec.indicators,
        completion: spec.completion,
      })),
    };
    const parsed = CascadeRequestSchema.safeParse(raw);
    if (!parsed.success)
      throw optionIssue(parsed.error, { number: '--number', title: '--title', tasks: '--deadline', by: '--by' });
    return parsed.data;
  });
}

export async function cascadeCommand(io: CliIo, config: Config, directive: string, o: CascadeOptions): Promise<void> {
  const req = await cascadeRequest(config, directive, o);
  const result = await withTemporal(config, (client) =>
    client.workflow
      .getHandle(taskWorkflowId(directive, o.unit))
      .executeUpdate(cascadeUpdate, { args: [req] })
      .catch((err) => explainWorkflowError(err, directive, client)),
  );
  if (o.json) return printJson(io, { directive, unit: o.unit, ...result, units: req.tasks.map((t) => t.unit) });
  io.out(
    `Passed the task of ${o.unit} in ${directive} on as ${result.number}: ${req.tasks.length} unit${req.tasks.length === 1 ? '' : 's'} (${req.tasks.map((t) => t.unit).join(', ')}).\n`,
  );
}
