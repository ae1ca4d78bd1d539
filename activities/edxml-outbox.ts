// The edXML outbox: every outgoing package is written here first, under a key made of business
// ids, then delivered to a folder and/or an HTTP endpoint. As with mail, a package is claimed
// before delivery, delivered once, and goes back to pending when delivery fails.
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/activity';
import type { Pool, PoolClient } from 'pg';
import type { Config } from '../config';

export interface EdxmlOutboxPackage {
  key: string;
  purpose: 'edxml_status' | 'edxml_reminder_dispatch';
  directiveNumber?: string;
  taskWorkflowId?: string;
  /** The organisations the exchange routes it to. */
  toOrganIds: string[];
  bytes: Uint8Array;
}

/** Where packages go: a folder another system watches, an endpoint, or both. */
export interface EdxmlDelivery {
  folder?: string;
  endpoint?: {
    url: string;
    /** POSTs per delivery before it is left pending for the next attempt. */
    attempts?: number;
    /** Wait before the second POST, doubled before each one after. */
    backoffMs?: number;
    timeoutMs?: number;
  };
}

export const edxmlDeliveryFrom = (config: Config): EdxmlDelivery => ({
  ...(config.EDXML_OUTBOX_DIR ? { folder: path.resolve(config.EDXML_OUTBOX_DIR) } : {}),
  ...(config.EDXML_ENDPOINT_URL ? { endpoint: { url: config.EDXML_ENDPOINT_URL } } : {}),
});

export const hasTarget = (d: EdxmlDelivery): boolean => Boolean(d.folder || d.endpoint);

const keyHash = (key: string) => createHash('sha256').update(key).digest('hex');

/** The package's file name: its purpose and a hash of its key, so a repeat has the same name. */
export const edxmlFileName = (p: Pick<EdxmlOutboxPackage, 'key' | 'purpose'>): string =>
  `${p.purpose.replace(/^edxml_/, '').replace(/_/g, '-')}-${keyHash(p.key).slice(0, 20)}.edxml`;

/** Writes a package under its key; a key already written is left as it is. */
export async function queuePackage(c: Pool | PoolClient, p: EdxmlOutboxPackage): Promise<void> {
  await c.query(
    `INSERT INTO edxml_outbox (key, purpose, directive_number, task_workflow_id, to_organ_ids, file_name, package)
     VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (key) DO NOTHING`,
    [
      p.key,
      p.purpose,
      p.directiveNumber ?? null,
      p.taskWorkflowId ?? null,
      p.toOrganIds,
      edxmlFileName(p),
      Buffer.from(p.bytes),
    ],
  );
}

export type DeliveryOutcome = 'delivered' | 'already delivered' | 'in doubt' | 'failed before';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Written under a temporary name and renamed, so a watcher never picks up half a package. */
async function toFolder(folder: string, fileName: string, bytes: Buffer): Promise<void> {
  await mkdir(folder, { recursive: true });
  const part = path.join(folder, `.${fileName}.part`);
  await writeFile(part, bytes);
  await rename(part, path.join(folder, fileName));
}

async function toEndpoint(endpoint: NonNullable<EdxmlDelivery['endpoint']>, row: OutboxRow): Promise<void> {
  const attempts = endpoint.attempts ?? 3;
  let wait = endpoint.backoffMs ?? 1_000;
  let last = '';
  for (let i = 1; i <= attempts; i++) {
    try {
      const res = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/xml; charset=utf-8',
          // The receiving side can drop a repeat: the same package always has the same key.
          'idempotency-key': keyHash(row.key),
          'x-edxml-to': row.to_organ_ids.join(','),
          'x-edxml-file-name': row.file_name,
        },
        body: row.package,
        signal: AbortSignal.timeout(endpoint.timeoutMs ?? 30_000),
      });
      await res.arrayBuffer();
      if (res.ok) return;
      last = `the endpoint answered ${res.status} ${res.statusText}`.trim();
      // Refused for what the package is, not for the moment: sending it again cannot help.
      if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429)
        throw ApplicationFailure.nonRetryable(last, 'PERMANENT_EDXML_FAILURE');
    } catch (err) {
      if (err instanceof ApplicationFailure) throw err;
      last = `the endpoint could not be reached: ${(err as Error).message}`;
    }
    if (i < attempts) {
      await sleep(wait);
      wait *= 2;
    }
  }
  throw new Error(`${last} (${attempts} attempts)`);
}

interface OutboxRow {
  key: string;
  file_name: string;
  to_organ_ids: string[];
  package: Buffer;
  /** Targets an earlier attempt reached: not given the package twice. */
  delivered_to: string[];
}

/**
 * Delivers one outbox package unless it went out already. The package is claimed (pending →
 * sending) and committed before delivery. One found still `sending` was being delivered by an
 * attempt that died: whether the endpoint took it cannot be known, so it is marked `in_doubt`
 * for the office to check, never sent again on its own.
 */
export async function deliverFromEdxmlOutbox(
  deps: { pool: Pool; delivery: EdxmlDelivery },
  key: string,
): Promise<DeliveryOutcome> {
  const { rows } = await deps.pool.query<OutboxRow>(
    `UPDATE edxml_outbox SET status = 'sending', claimed_at = now(), attempts = attempts + 1
      WHERE key = $1 AND status = 'pending' RETURNING key, file_name, to_organ_ids, package, delivered_to`,
    [key],
  );
  const row = rows[0];
  if (!row) {
    const { rows: found } = await deps.pool.query(
      `UPDATE edxml_outbox SET status = CASE WHEN status = 'sending' THEN 'in_doubt' ELSE status END,
         last_error = CASE WHEN status = 'sending' THEN 'the delivering attempt stopped before it was confirmed'
                           ELSE last_error END
        WHERE key = $1 RETURNING status`,
      [key],
    );
    const status = found[0]?.status as string | undefined;
    if (!status) throw new Error(`no edXML package ${key} in the outbox`);
    return status === 'sent' ? 'already delivered' : status === 'failed' ? 'failed before' : 'in doubt';
  }
  const delivered = [...row.delivered_to];
  const due = (target: string) => !delivered.includes(target);
  try {
    if (deps.delivery.folder && due(deps.delivery.folder)) {
      await toFolder(deps.delivery.folder, row.file_name, row.package);
      delivered.push(deps.delivery.folder);
    }
    if (deps.delivery.endpoint && due(deps.delivery.endpoint.url)) {
      await toEndpoint(deps.delivery.endpoint, row);
      delivered.push(deps.delivery.endpoint.url);
    }
  } catch (failure) {
    const permanent = failure instanceof ApplicationFailure && failure.nonRetryable;
    await deps.pool.query(`UPDATE edxml_outbox SET status = $2, last_error = $3, delivered_to = $4 WHERE key = $1`, [
      key,
      permanent ? 'failed' : 'pending',
      String((failure as Error).message).slice(0, 500),
      delivered,
    ]);
    throw failure;
  }
  await deps.pool.query(
    `UPDATE edxml_outbox SET status = 'sent', sent_at = now(), last_error = NULL, delivered_to = $2 WHERE key = $1`,
    [key, delivered],
  );
  return 'delivered';
}
