// `dondoc reindex`: rebuilds the read model from the workflows in Temporal.
import type { Config } from '../../config';
import { createReadModel } from '../../db/read-model';
import { createDocumentStore } from '../../db/directive-documents';
import { reindex } from '../../db/reindex';
import { printJson, withReadModelPool, withTemporal, type CliIo } from './io';

export async function reindexCommand(io: CliIo, config: Config, o: { json?: boolean }): Promise<void> {
  return withTemporal(config, (client) =>
    withReadModelPool(config, async (pool) => {
      const result = await reindex(client, createReadModel(pool), createDocumentStore(pool));
      if (o.json) printJson(io, result);
      else {
        io.out(`Rebuilt ${result.directives} directives and ${result.tasks} tasks from Temporal.\n`);
        for (const f of result.failed) io.err(`  ${f.workflowId}: ${f.error}\n`);
      }
      if (result.failed.length)
        throw new Error(`${result.failed.length} workflows could not be read; run reindex again once they answer`);
    }),
  );
}
