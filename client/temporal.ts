// The Temporal client and the few calls the CLI and web app make through it.
import { Client, Connection, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Pool } from 'pg';
import { directiveKey, directiveWorkflowId } from '../domain/ids';
import type { HolidayAnnouncement } from '../domain/calendar';
import { withoutNotices } from '../domain/announcements';
import { shippedAnnouncements } from '../domain/shipped-announcements';
import { loadAnnouncements } from '../db/calendar';
import type { Directive } from '../domain/schemas';
import type { EdxmlOrigin } from '../domain/edxml';
import { storeDocument } from '../db/directive-documents';
import { recordEdxmlOrigin } from '../db/edxml-origins';
import { createReadModel } from '../db/read-model';
import type { DirectiveInput } from '../workflows/types';
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

/** A directive number already taken by another directive: a launch never takes it over. */
export class NumberTakenError extends Error {}

/**
 * The announced days off a launch counts deadlines on: those stored (imported, or shipped and
 * loaded at start), and the shipped ones for any year the database lacks. Notices stay behind.
 */
export async function currentCalendar(pool: Pool): Promise<HolidayAnnouncement[]> {
  const stored = await loadAnnouncements(pool);
  const years = new Set(stored.map((a) => a.year));
  return withoutNotices([...stored, ...shippedAnnouncements().filter((a) => !years.has(a.year))]);
}

/**
 * Launches a directive: its document is stored under its number (a claim check the workflow reads
 * a batch at a time), its row shows at once, and its workflow starts. Launching the same directive
 * twice starts nothing new; a number that another directive holds is refused, and a closed
 * directive's number is never reused.
 */
export async function launchDirective(
  client: Client,
  config: Pick<Config, 'TEMPORAL_TASK_QUEUE'>,
  directive: Directive,
  pool: Pool,
  o: { edxmlOrigin?: EdxmlOrigin } = {},
): Promise<LaunchResult> {
  const key = directiveKey(directive.number);
  const workflowId = directiveWorkflowId(key);
  const stored = await storeDocument(pool, key, directive);
  if (stored === 'taken')
    throw new NumberTakenError(`number: ${directive.number} is already the number of another directive`);
  const launchedAt = Date.now();
  await createReadModel(pool).upsertDirective({
    workflowId,
    number: key,
    directive,
    phase: 'running',
    launchedAt,
    version: 0,
    summary: {},
  });
  // Where a directive that came over the document exchange answers, before any task can answer.
  if (o.edxmlOrigin) await recordEdxmlOrigin(pool, key, o.edxmlOrigin);
  const input: DirectiveInput = {
    directive: {
      key,
      number: directive.number,
      title: directive.title,
      issuer: directive.issuer,
      ...(o.edxmlOrigin ? { edxml: true } : {}),
    },
    taskCount: directive.tasks.length,
    schedule: directive.schedule,
    policy: directive.policy,
    calendar: await currentCalendar(pool),
    launchedAt,
  };
  try {
    await client.workflow.start('directiveWorkflow', {
      workflowId,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      workflowIdConflictPolicy: 'FAIL',
    });
    return { launched: true, workflowId };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError)
      return { launched: false, workflowId, reason: 'already launched' };
    throw err;
  }
}
