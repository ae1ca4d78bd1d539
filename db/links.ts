// Department links are capabilities: a random token for one task and one recipient. Only its
// SHA-256 is stored, so the table alone opens nothing; lookups compare hashes in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';

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
}

export type LinkCheck = { ok: true; grant: LinkGrant } | { ok: false; why: 'unknown' | 'expired' | 'revoked' };

const TOKEN_BYTES = 32; // 256 bits from the CSPRNG
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const hashToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

export interface Links {
  issue(link: IssueLink, client?: PoolClient): Promise<string>;
  check(token: string, now?: Date): Promise<LinkCheck>;
  revokeTask(taskWorkflowId: string): Promise<number>;
}

export function createLinks(pool: Pool): Links {
  return {
    async issue(link, client) {
      const token = randomBytes(TOKEN_BYTES).toString('base64url');
      await (client ?? pool).query(
        `INSERT INTO links (token_hash, task_workflow_id, recipient, purpose_key, expires_at) VALUES ($1,$2,$3,$4,$5)`,
        [hashToken(token), link.taskWorkflowId, link.recipient, link.purposeKey, link.expiresAt],
      );
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

    async revokeTask(taskWorkflowId) {
      const res = await pool.query(
        'UPDATE links SET revoked_at = now() WHERE task_workflow_id = $1 AND revoked_at IS NULL',
        [taskWorkflowId],
      );
      return res.rowCount ?? 0;
    },
  };
}
