// The import corpus: real dispatch texts, each with the draft a careful coordinator would enter
// (`<name>.expected.yaml`) and the unit directory of its province or ministry (`units/`).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { UnitDirectorySchema, type UnitDirectory } from '../../domain/units';

export const CORPUS_DIR = path.join(__dirname, '..', 'fixtures', 'dispatches', 'corpus');

const Deadline = z.union([z.literal('none'), z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.string().regex(/^\d+wd$/)]);
/** `[UNIT, role, deadline]`; `each:<kind>` stands for every unit of that kind in the directory. */
const ExpectedTask = z.tuple([z.string().min(2), z.enum(['lead', 'support']), Deadline]);
/** `[UNIT, target, measure]`, e.g. `[QT-STTTT, 24, "tin, bài"]`. */
const ExpectedIndicator = z.tuple([z.string().min(2), z.number(), z.string().min(1)]);

export const ExpectedSchema = z.object({
  source: z.string().min(1),
  kind: z.string().min(1),
  directory: z.string().min(1),
  header: z.object({ number: z.string().nullable(), issuedOn: z.string().nullable() }),
  schedule: z.object({ period: z.string(), dueDay: z.number() }).optional(),
  tasks: z.array(ExpectedTask),
  indicators: z.array(ExpectedIndicator).default([]),
});
export type Expected = z.infer<typeof ExpectedSchema>;

export interface CorpusDocument {
  name: string;
  text: string;
  expected: Expected;
  directory: UnitDirectory;
}

export function readCorpus(dir = CORPUS_DIR): CorpusDocument[] {
  const directories = new Map<string, UnitDirectory>();
  const directoryAt = (file: string) => {
    const full = path.resolve(dir, file);
    let d = directories.get(full);
    if (!d) directories.set(full, (d = UnitDirectorySchema.parse(YAML.parse(readFileSync(full, 'utf8')))));
    return d;
  };
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.txt$/, '');
      const raw: unknown = YAML.parse(readFileSync(path.join(dir, `${name}.expected.yaml`), 'utf8'));
      const parsed = ExpectedSchema.safeParse(raw);
      if (!parsed.success)
        throw new Error(
          `${name}.expected.yaml: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`,
        );
      return {
        name,
        text: readFileSync(path.join(dir, file), 'utf8'),
        expected: parsed.data,
        directory: directoryAt(parsed.data.directory),
      };
    });
}
