// Directive documents, stored once at launch under the directive's key and never changed. A
// directive's workflow reads its tasks from here a batch at a time (a claim check): the document
// may hold 20,000 tasks, more than a workflow input may carry.
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { Directive } from '../domain/schemas';

export const documentSha = (d: Directive): string => createHash('sha256').update(JSON.stringify(d)).digest('hex');

export type StoreResult = 'stored' | 'same' | 'taken';

/** Stores a directive under its key: 'same' when this very document is there already, 'taken' when another is. */
export async function storeDocument(
  pool: Pool,
  key: string,
  directive: Directive,
  parentTaskWorkflowId?: string,
): Promise<StoreResult> {
  const sha = documentSha(directive);
  // Two launches of one number at once: the second insert waits for the first and does nothing,
  // but its statement began before that row was committed and cannot see it; the next one can.
  for (;;) {
    const { rows } = await pool.query<{ sha256: string; inserted: boolean }>(
      `WITH ins AS (
         INSERT INTO directive_documents (key, number, sha256, document, parent_task_workflow_id)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO NOTHING RETURNING sha256)
       SELECT sha256, true AS inserted FROM ins
       UNION ALL SELECT sha256, false FROM directive_documents WHERE key = $1 AND NOT EXISTS (SELECT 1 FROM ins)`,
      [key, directive.number, sha, JSON.stringify(directive), parentTaskWorkflowId ?? null],
    );
    const row = rows[0];
    if (row) return row.inserted ? 'stored' : row.sha256 === sha ? 'same' : 'taken';
  }
}

/** Where directive documents are kept: stored once under their key, read by key. */
export interface DocumentStore {
  get(key: string): Promise<Directive | undefined>;
  store(key: string, directive: Directive, parentTaskWorkflowId?: string): Promise<StoreResult>;
}

/** Documents by key, read once per process: a stored document never changes. */
export function createDocumentStore(pool: Pool, keep = 64): DocumentStore {
  const cache = new Map<string, Promise<Directive | undefined>>();
  const read = async (key: string) => {
    const { rows } = await pool.query<{ document: Directive }>(
      'SELECT document FROM directive_documents WHERE key = $1',
      [key],
    );
    return rows[0]?.document;
  };
  return {
    async get(key: string): Promise<Directive | undefined> {
      let doc = cache.get(key);
      if (!doc) {
        if (cache.size >= keep) cache.delete(cache.keys().next().value!);
        doc = read(key);
        cache.set(key, doc);
      }
      const found = await doc;
      if (!found) cache.delete(key); // not stored yet: ask again next time
      return found;
    },
    store: (key, directive, parent) => storeDocument(pool, key, directive, parent),
  };
}
