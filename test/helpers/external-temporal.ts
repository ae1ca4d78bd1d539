// Integration tests against a Temporal server that runs outside the test file: the full server of
// `npm run test:server` (DONDOC_TEST_TEMPORAL_ADDRESS), else the dev server the integration run
// starts once (DONDOC_TEST_RUN_TEMPORAL_ADDRESS). Test files share that server, so each stack gets
// a namespace of its own, with dondoc's search attributes, as an operator would set one up: no
// workflow id or task queue of one file can reach another's worker.
import { randomBytes } from 'node:crypto';
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { msToTs } from '@temporalio/common/lib/time';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { waitFor } from '../../client/stack/wait';

const { IndexedValueType } = temporal.api.enums.v1;
const TYPES: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
};

export const externalTemporalAddress = (): string | undefined =>
  process.env.DONDOC_TEST_TEMPORAL_ADDRESS || process.env.DONDOC_TEST_RUN_TEMPORAL_ADDRESS || undefined;

/** The workflow code the integration run bundled once, for workers to load instead of bundling it again. */
export const runWorkflowBundle = (): string | undefined => process.env.DONDOC_TEST_WORKFLOW_BUNDLE || undefined;

/** Registers a new namespace with dondoc's search attributes and waits until the server serves it. */
export async function freshNamespace(address: string, o: { searchAttributes?: boolean } = {}): Promise<string> {
  const namespace = `dondoc-test-${randomBytes(5).toString('hex')}`;
  const connection = await Connection.connect({ address });
  try {
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs('1 day'),
    });
    await waitFor(`namespace ${namespace}`, 30_000, () => connection.workflowService.describeNamespace({ namespace }));
    if (o.searchAttributes === false) return namespace;
    const wanted = Object.fromEntries(
      SEARCH_ATTRIBUTES.map((a) => a.split('=')).map(([name, type]) => [name, TYPES[type]]),
    );
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: wanted });
    await waitFor(`search attributes of ${namespace}`, 30_000, async () => {
      const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
      const missing = Object.keys(wanted).filter((n) => !(n in (customAttributes ?? {})));
      if (missing.length) throw new Error(`still missing ${missing.join(', ')}`);
    });
    return namespace;
  } finally {
    await connection.close();
  }
}
