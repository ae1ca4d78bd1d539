// The audit trail: who did what, when, and whether through a login or a department link. A key
// makes a repeated action (a retried request) one entry.
import type { Pool } from 'pg';

export interface AuditEntry {
  actor: string;
  via: 'login' | 'link' | 'cli' | 'api';
  action: string;
  subject: string;
  detail?: Record<string, unknown>;
  key?: string;
}

export async function recordAudit(pool: Pool, e: AuditEntry): Promise<void> {
  await pool.query(
    'INSERT INTO audit (actor, via, action, subject, detail, key) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (key) DO NOTHING',
    [e.actor, e.via, e.action, e.subject, JSON.stringify(e.detail ?? {}), e.key ?? null],
  );
}
