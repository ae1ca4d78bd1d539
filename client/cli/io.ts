// What every CLI command shares: where it writes, how it reaches Temporal and the read model,
// and the one kind of error a person is shown (a sentence naming the line, field or option).
import { readFileSync } from 'node:fs';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { Lang } from '../../domain/format';
import type { Config } from '../../config';
import { createPool, type Pool } from '../../db/pool';
import { migrate } from '../../db/migrate';
import { connectClient, temporalSecurity } from '../temporal';
import { embeddedDatabaseUrl } from '../stack/pg-credentials';
import { directiveWorkflowId } from '../../workflows/messages';

/** Bad input or a refused request: printed as one sentence, exit code 2. */
export class UsageError extends Error {}

/** Where a command writes. The process's streams in `dondoc`, buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Progress bars go here, and only when it is a terminal. */
  progressStream?: NodeJS.WritableStream & { isTTY?: boolean };
}

export const processIo: CliIo = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  progressStream: process.stderr,
};

export const printJson = (io: CliIo, value: unknown) => io.out(`${JSON.stringify(value, null, 2)}\n`);

export const temporalAddress = (config: Config) => config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_PORT}`;
/** DATABASE_URL, or the app's login to the embedded PostgreSQL that `dondoc dev` keeps in DATA_DIR. */
export function databaseUrl(config: Config): string {
  if (config.DATABASE_URL) return config.DATABASE_URL;
  const embedded = embeddedDatabaseUrl(config.dataDir, config.EMBEDDED_PG_PORT);
  if (!embedded)
    throw new UsageError(
      `DATABASE_URL: not set, and ${config.dataDir} holds no embedded PostgreSQL yet; start it with "dondoc dev" or set DATABASE_URL`,
    );
  return embedded;
}

export const readText = (file: string): string => readBytes(file).toString('utf8');

export function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message}`,
    );
  }
}

export async function withTemporal<T>(config: Config, work: (client: Client) => Promise<T>): Promise<T> {
  const address = temporalAddress(config);
  let client: Client;
  try {
    client = await connectClient(address, config.TEMPORAL_NAMESPACE, temporalSecurity(config));
  } catch (err) {
    throw new UsageError(
      `cannot reach Temporal at ${address} (${(err as Error).message.split('\n')[0]}); start it with "dondoc dev" or set TEMPORAL_ADDRESS`,
    );
  }
  try {
    return await work(client);
  } finally {
    await client.connection.close();
  }
}

/** The read model, brought up to date first; an unreachable database is a sentence, not a trace. */
export async function withReadModelPool<T>(config: Config, work: (pool: Pool) => Promise<T>): Promise<T> {
  const url = databaseUrl(config);
  const pool = createPool(url, 4);
  try {
    try {
      await migrate(url);
    } catch (err) {
      throw new UsageError(
        `cannot reach PostgreSQL at ${url.replace(/:[^:@/]+@/, ':***@')} (${(err as Error).message}); start it with "dondoc dev" or set DATABASE_URL`,
      );
    }
    return await work(pool);
  } finally {
    await pool.end();
  }
}

/**
 * A workflow's refusal as the sentence the workflow wrote ("unit: … has no task in this
 * directive"), a closed or missing directive as a sentence saying so; anything else is passed on.
 */
export async function explainWorkflowError(err: unknown, directiveNumber: string, client?: Client): Promise<never> {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure)
    throw new UsageError(`${directiveNumber}: ${err.cause.message}`);
  if (!(err instanceof WorkflowNotFoundError)) throw err;
  const handle = client?.workflow.getHandle(directiveWorkflowId(directiveNumber));
  const closed = await handle?.describe().then(
    (d) => d.status.name !== 'RUNNING',
    () => false,
  );
  if (closed) {
    const phase = await handle!.result().then(
      (r: { phase?: string }) => r?.phase ?? 'closed',
      () => 'closed',
    );
    throw new UsageError(`${directiveNumber} is ${phase} already; nothing can change it`);
  }
  throw new UsageError(
    `no running directive ${directiveNumber}; check the number (dondoc status ${directiveNumber}) or launch it first`,
  );
}

/** The language a coordinator's command answers in: --lang, else DEFAULT_LANG. */
export function langOption(value: string | undefined, config: Pick<Config, 'DEFAULT_LANG'>): Lang {
  if (value === undefined) return config.DEFAULT_LANG;
  if (value !== 'vi' && value !== 'en') throw new UsageError(`--lang: expected vi or en, got "${value}"`);
  return value;
}
