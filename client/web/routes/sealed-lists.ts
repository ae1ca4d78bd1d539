// A list of many directives as its reader may see it: a confidential directive's titles sealed for
// a supervisor and in every file exported (domain/confidentiality.ts).
import type { Pool } from 'pg';
import { readsConfidentialInLists, sealTitles, type ListReader } from '../../../domain/confidentiality';
import type { Lang } from '../../../domain/format';
import { confidentialDirectives } from '../../../db/directives';

export type Sealer = <T extends { title: string }>(rows: T[], numberOf: (row: T) => string) => T[];

export async function listSealer(pool: Pool, reader: ListReader, lang: Lang): Promise<Sealer> {
  const confidential = readsConfidentialInLists(reader) ? new Set<string>() : await confidentialDirectives(pool);
  return (rows, numberOf) =>
    confidential.size === 0 ? rows : sealTitles(rows, (row) => confidential.has(numberOf(row)), lang);
}
