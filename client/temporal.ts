// The Temporal client and the few calls the CLI and web app make through it.
import { Client, Connection, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { directiveWorkflowId } from '../workflows/messages';
import type { Directive } from '../domain/schemas';
import type { Config } from '../config';

export async function connectClient(address: string, namespace: string): Promise<Client> {
  const connection = await Connection.connect({ address });
  return new Client({ connection, namespace });
}

export type LaunchResult = { launched: true; workflowId: string } | { launched: false; workflowId: string; reason: 'already launched' };

/** Starts a directive's workflow; launching the same number twice starts nothing new. */
export async function launchDirective(client: Client, config: Pick<Config, 'TEMPORAL_TASK_QUEUE'>, directive: Directive): Promise<LaunchResult> {
  const workflowId = directiveWorkflowId(directive.number);
  try {
    await client.workflow.start('directiveWorkflow', { workflowId, taskQueue: config.TEMPORAL_TASK_QUEUE, args: [{ directive }] });
    return { launched: true, workflowId };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return { launched: false, workflowId, reason: 'already launched' };
    throw err;
  }
}
