// The embedded PostgreSQL's two logins, made up on its first start and kept in DATA_DIR (0600):
// an administrator, used only to set the database up, and the app's role, which owns its schema
// and nothing more. The command line reads the app's login from here to reach the same database.
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const Login = z.object({ user: z.string().regex(/^[a-z_][a-z0-9_]*$/), password: z.string().min(32) });
export const PgCredentialsSchema = z.object({ admin: Login, app: Login });
export type PgCredentials = z.infer<typeof PgCredentialsSchema>;

export const CREDENTIALS_FILE = 'postgres-credentials.json';
export const APP_ROLE = 'dondoc_app';
export const APP_DATABASE = 'dondoc';
/** What dondoc made before its passwords were random: initdb's superuser, with this password. */
export const LEGACY_LOGIN = { user: 'dondoc', password: 'dondoc' } as const;

const secret = () => randomBytes(32).toString('base64url');

/** The kept logins, or undefined when this DATA_DIR has none yet. */
export function readCredentials(dataDir: string): PgCredentials | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(dataDir, CREDENTIALS_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const parsed = PgCredentialsSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${path.join(dataDir, CREDENTIALS_FILE)}: not dondoc's PostgreSQL logins`);
  return parsed.data;
}

/**
 * The kept logins, made up (and written before the database is changed, so a start cut short
 * finds them) when there are none. A cluster made by an older dondoc keeps its superuser's name.
 */
export function credentialsFor(dataDir: string, o: { legacyCluster: boolean }): PgCredentials {
  const kept = readCredentials(dataDir);
  if (kept) return kept;
  const made: PgCredentials = {
    admin: { user: o.legacyCluster ? LEGACY_LOGIN.user : 'postgres', password: secret() },
    app: { user: APP_ROLE, password: secret() },
  };
  const file = path.join(dataDir, CREDENTIALS_FILE);
  writeFileSync(`${file}.new`, `${JSON.stringify(made, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.new`, file);
  return made;
}

/** Keeps the file the owner's alone, whatever the umask made of it. */
export const protectCredentials = (dataDir: string) => chmodSync(path.join(dataDir, CREDENTIALS_FILE), 0o600);

export const urlOf = (login: { user: string; password: string }, port: number, database: string): string =>
  `postgres://${login.user}:${encodeURIComponent(login.password)}@127.0.0.1:${port}/${database}`;

/** The app's URL to the embedded PostgreSQL of this DATA_DIR, for commands run beside `dondoc dev`. */
export function embeddedDatabaseUrl(dataDir: string, port: number): string | undefined {
  const kept = readCredentials(dataDir);
  return kept && urlOf(kept.app, port, APP_DATABASE);
}
