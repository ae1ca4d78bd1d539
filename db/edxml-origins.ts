// The edXML document each directive came from, keyed by the directive's number. Written at
// launch, read when a task's progress goes back as a status package.
import type { Pool } from 'pg';
import { originOf, type EdxmlOrigin, type EdxmlOriginHeader } from '../domain/edxml';

/** Records (or corrects) where a directive came from; recording it again changes nothing. */
export async function recordEdxmlOrigin(
  pool: Pool,
  directiveNumber: string,
  header: EdxmlOriginHeader | EdxmlOrigin,
): Promise<void> {
  const o = 'promulgation' in header ? originOf(header) : header;
  await pool.query(
    `INSERT INTO edxml_origins (directive_number, document_id, from_organ_id, from_organ_name, code, promulgation_date)
     VALUES ($1,$2,$3,$4,$5,$6)
     ON CONFLICT (directive_number) DO UPDATE SET document_id=$2, from_organ_id=$3, from_organ_name=$4, code=$5,
       promulgation_date=$6`,
    [directiveNumber, o.documentId, o.from.organId, o.from.organName, o.code, o.promulgationDate ?? null],
  );
}

export async function edxmlOriginOf(pool: Pool, directiveNumber: string): Promise<EdxmlOrigin | undefined> {
  const { rows } = await pool.query(
    `SELECT document_id, from_organ_id, from_organ_name, code, to_char(promulgation_date, 'YYYY-MM-DD') AS day
       FROM edxml_origins WHERE directive_number = $1`,
    [directiveNumber],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    documentId: r.document_id,
    from: { organId: r.from_organ_id, organName: r.from_organ_name },
    code: r.code,
    ...(r.day ? { promulgationDate: r.day } : {}),
  };
}
