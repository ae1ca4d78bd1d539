// The Temporal client and the few calls the CLI and web app make through it.
import { Client, Connection, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { directiveWorkflowId } from '../workflows/messages';
import type { Directive } from '../domain/schemas';
import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import { ConfigError, type Config } from '../config';

/** How to reach a Temporal frontend that wants TLS (mTLS or a server CA) or an API key. */
export interface TemporalSecurity {
  tls?: TLSConfig;
  apiKey?: string;
}

type SecuritySettings = Pick<
  Config,
  | 'TEMPORAL_TLS'
  | 'TEMPORAL_TLS_CERT'
  | 'TEMPORAL_TLS_KEY'
  | 'TEMPORAL_TLS_CA'
  | 'TEMPORAL_TLS_SERVER_NAME'
  | 'TEMPORAL_API_KEY'
>;

/** TLS and API key from the settings; nothing for a plain local server. An API key implies TLS. */
export function temporalSecurity(config: SecuritySettings): TemporalSecurity {
  const read = (variable: string, file: string | undefined) => {
    if (!file) return undefined;
    try {
      return readFileSync(file);
    } catch (err) {
      throw new ConfigError(
        variable,
        `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
  };
  const cert = read('TEMPORAL_TLS_CERT', config.TEMPORAL_TLS_CERT);
  const key = read('TEMPORAL_TLS_KEY', config.TEMPORAL_TLS_KEY);
  const ca = read('TEMPORAL_TLS_CA', config.TEMPORAL_TLS_CA);
  const implied = Boolean(cert || ca || config.TEMPORAL_TLS_SERVER_NAME || config.TEMPORAL_API_KEY);
  const tls = config.TEMPORAL_TLS === 'true' || (config.TEMPORAL_TLS !== 'false' && implied);
  return {
    tls: tls
      ? {
          serverNameOverride: config.TEMPORAL_TLS_SERVER_NAME,
          serverRootCACertificate: ca,
          clientCertPair: cert && key ? { crt: cert, key } : undefined,
        }
      : undefined,
    apiKey: config.TEMPORAL_API_KEY,
  };
}

export async function connectClient(
  address: string,
  namespace: string,
  security: TemporalSecurity = {},
): Promise<Client> {
  const connection = await Connection.connect({ address, tls: security.tls, apiKey: security.apiKey });
  return new Client({ connection, namespace });
}

export type LaunchResult =
  { launched: true; workflowId: string } | { launched: false; workflowId: string; reason: 'already launched' };

/** Starts a directive's workflow; launching the same number twice starts nothing new. */
export async function launchDirective(
  client: Client,
  config: Pick<Config, 'TEMPORAL_TASK_QUEUE'>,
  directive: Directive,
): Promise<LaunchResult> {
  const workflowId = directiveWorkflowId(directive.number);
  try {
    await client.workflow.start('directiveWorkflow', {
      workflowId,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      args: [{ directive }],
    });
    return { launched: true, workflowId };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError)
      return { launched: false, workflowId, reason: 'already launched' };
    throw err;
  }
}
