// Department links are capabilities: a random token for one task and one recipient. Only its
// SHA-256 is stored, so the table alone opens nothing; lookups compare hashes in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { inTransaction } from './transaction';

export interface LinkGrant {
  taskWorkflowId: string;
  recipient: string;
  expiresAt: Date;
}

export interface IssueLink {
  taskWorkflowId: string;
  recipient: string;
  /** The message the link is made for; issuing again for the same key is refused by the database. */
  purposeKey: string;
  expiresAt: Date;
  /** A token from `newLinkToken()`, when the message that carries it is written first. */
  token?: string;
}

export type LinkCheck = { ok: true; grant: LinkGrant } | { ok: false; why: 'unknown' | 'expired' | 'revoked' };

const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A fresh link token: 256 bits from the CSPRNG, URL-safe. */
export const newLinkToken = (): string => randomBytes(TOKEN_BYTES).toString('base64url');

export const hashToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/** How long a closed task's links stay usable after the close, to read the outcome. */
export const CLOSED_TASK_GRACE_DAYS = 30;

export interface Links {
  /** `client`: one inside a transaction, whose commit the link waits for. */
  issue(link: IssueLink, client?: PoolClient): Promise<string>;
  check(token: string, now?: Date): Promise<LinkCheck>;
  revokeTask(taskWorkflowId: string): Promise<number>;
  /** The task has closed: its links, and every link issued for it from now on, end the grace period after its first close. */
  closeTask(taskWorkflowId: string): Promise<void>;
}

/**
 * Issuing a link and closing its task take the same lock, so a link issued while its task closes
 * is either seen by the close and cut back, or sees the close and is issued cut back already.
 */
const lockTask = (c: PoolClient, taskWorkflowId: string) =>
  c.query(`SELECT pg_advisory_xact_lock(hashtextextended('links:' || $1, 0))`, [taskWorkflowId]);

const GRACE = `make_interval(days => ${CLOSED_TASK_GRACE_DAYS})`;

export function createLinks(pool: Pool): Links {
  return {
    async issue(link, client) {
      const token = link.token ?? newLinkToken();
      const write = async (c: PoolClient) => {
        await lockTask(c, link.taskWorkflowId);
        await c.query(
          `INSERT INTO links (token_hash, task_workflow_id, recipient, purpose_key, expires_at)
           SELECT $1, $2, $3, $4, LEAST($5::timestamptz,
             (SELECT closed_at + ${GRACE} FROM link_closures WHERE task_workflow_id = $2))`,
          [hashToken(token), link.taskWorkflowId, link.recipient, link.purposeKey, link.expiresAt],
        );
      };
      await (client ? write(client) : inTransaction(pool, write));
      return token;
    },

    async check(token, now = new Date()) {
      if (!TOKEN_SHAPE.test(token)) return { ok: false, why: 'unknown' };
      const wanted = hashToken(token);
      const { rows } = await pool.query('SELECT * FROM links WHERE token_hash = $1', [wanted]);
      const row = rows[0];
      // The index found the row by hash; compare again in constant time before trusting it.
      if (!row || !timingSafeEqual(row.token_hash as Buffer, wanted)) return { ok: false, why: 'unknown' };
      if (row.revoked_at) return { ok: false, why: 'revoked' };
      if ((row.expires_at as Date) <= now) return { ok: false, why: 'expired' };
      return {
        ok: true,
        grant: { taskWorkflowId: row.task_workflow_id, recipient: row.recipient, expiresAt: row.expires_at },
      };
    },

    async closeTask(taskWorkflowId) {
      await inTransaction(pool, async (c) => {
        await lockTask(c, taskWorkflowId);
        // The first close counts: recording the task again (a retry, a reindex) does not extend its links.
        await c.query(
          `INSERT INTO link_closures (task_workflow_id, closed_at) VALUES ($1, now()) ON CONFLICT (task_workflow_id) DO NOTHING`,
          [taskWorkflowId],
        );
        await c.query(
          `UPDATE links l SET expires_at = c.closed_at + ${GRACE} FROM link_closures c
            WHERE c.task_workflow_id = $1 AND l.task_workflow_id = $1 AND l.expires_at > c.closed_at + ${GRACE}`,
          [taskWorkflowId],
        );
      });
    },

    async revokeTask(taskWorkflowId) {
      const res = await pool.query(
        'UPDATE links SET revoked_at = now() WHERE task_workflow_id = $1 AND revoked_at IS NULL',
        [taskWorkflowId],
      );
      return res.rowCount ?? 0;
    },
  };
}
