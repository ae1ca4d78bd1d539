// `dondoc explain TASK_ID --question …`: asks the unit of an overdue or returned task to explain,
// as a supervisor can from the board (client/explanations.ts).
import type { Config } from '../../config';
import { LocalDateSchema } from '../../domain/schemas';
import { askExplanation, ExplanationRefused } from '../explanations';
import { defaultActor } from './amend';
import { printJson, UsageError, withReadModelPool, withTemporal, type CliIo } from './io';

export async function explainCommand(
  io: CliIo,
  config: Config,
  taskId: string,
  o: { question: string; deadline?: string; by?: string; json?: boolean },
): Promise<void> {
  if (o.deadline !== undefined && !LocalDateSchema.safeParse(o.deadline).success)
    throw new UsageError(`--deadline "${o.deadline}": expected a date as YYYY-MM-DD`);
  const asked = await withReadModelPool(config, (pool) =>
    withTemporal(config, (client) =>
      askExplanation(
        { client, pool, taskQueue: config.TEMPORAL_TASK_QUEUE },
        { aboutTaskId: taskId, question: o.question, deadline: o.deadline, askedBy: o.by ?? defaultActor() },
      ),
    ),
  ).catch((err) => {
    if (err instanceof ExplanationRefused)
      throw new UsageError(err.message.replace(/^question:/, '--question:').replace(/^deadline:/, '--deadline:'));
    throw err;
  });
  if (o.json) return printJson(io, asked);
  io.out(`Asked ${taskId.replace(/^task:/, '')} to explain by ${asked.deadline} (${asked.workflowId}).\n`);
}
