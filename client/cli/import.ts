// `dondoc import DISPATCH.txt`: the text of a dispatch (công văn, kế hoạch) as a draft directive
// file; `dondoc import PACKAGE.edxml`: the same from a package received over the national document
// exchange. What the text does not say with confidence is a "# ?" question beside a placeholder
// that fails validation, so a draft cannot be launched until a person has answered every question.
import path from 'node:path';
import { parseUnitDirectoryFile } from '../../domain/directive-file';
import { DispatchError, draftToYaml, parseDispatch, type DispatchDraft } from '../../domain/dispatch';
import { projectRoot } from '../../db/paths';
import type { Config } from '../../config';
import { writeDraft, type ImportOptions } from './draft-file';
import { readText, UsageError, type CliIo } from './io';

export { defaultDraftPath, type ImportOptions } from './draft-file';

export async function importCommand(io: CliIo, file: string, o: ImportOptions, config: () => Config): Promise<void> {
  const unitsFile = o.units ?? path.join(projectRoot(), 'examples', 'units.yaml');
  const directory = () => parseUnitDirectoryFile(readText(unitsFile), unitsFile);
  // A package from the national document exchange: its header and its attached document.
  // Loaded only then: reading Word and PDF files brings libraries other commands do not need.
  if (/\.(edxml|xml)$/i.test(file))
    return (await import('./import-edxml')).importEdxml(io, file, o, config(), directory());
  const text = readText(file);
  let draft: DispatchDraft;
  try {
    draft = parseDispatch(text, directory());
  } catch (err) {
    if (err instanceof DispatchError)
      throw new UsageError(`${file}:${err.line}: ${err.message.replace(/^line \d+: /, '')}`);
    throw err;
  }
  writeDraft(io, file, o, draft, draftToYaml(draft));
}
