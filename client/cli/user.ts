// `dondoc user add`: creates a staff account (or updates it), optionally with a TOTP second
// factor. The password is read from standard input, or made up and shown once; it never sits in
// the command line, where other users of the machine could read it. `dondoc user disable` and
// `enable`: a person who leaves keeps the history of what they did, and logs in no more.
import { randomBytes } from 'node:crypto';
import { ZodError } from 'zod';
import type { Config } from '../../config';
import { describeIssues } from '../../domain/schemas';
import { createUsers, ROLES, type Role } from '../../db/users';
import { printJson, UsageError, withReadModelPool, type CliIo } from './io';

export interface UserAddOptions {
  email: string;
  name: string;
  role: string;
  totp?: boolean;
  passwordStdin?: boolean;
  json?: boolean;
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

export async function userAddCommand(
  io: CliIo,
  config: Config,
  o: UserAddOptions,
  readPassword: () => Promise<string> = readStdinLine,
): Promise<void> {
  if (!ROLES.includes(o.role as Role))
    throw new UsageError(`--role: expected one of ${ROLES.join(', ')}, got "${o.role}"`);
  const role = o.role as Role;
  if (config.REQUIRE_TOTP === 'true' && role !== 'coordinator' && !o.totp) {
    throw new UsageError(`--totp: REQUIRE_TOTP is on, so a ${role} account needs a second factor; add --totp`);
  }
  const generated = o.passwordStdin ? undefined : randomBytes(15).toString('base64url');
  const password = generated ?? (await readPassword());
  await withReadModelPool(config, async (pool) => {
    let added;
    try {
      added = await createUsers(pool).add({ email: o.email, name: o.name, role, password }, { totp: o.totp });
    } catch (err) {
      if (err instanceof ZodError)
        throw new UsageError(
          describeIssues(err)
            // The password is no option (it comes on standard input): it is named as it is.
            .map((l) => (l.startsWith('password:') ? l : `--${l.replace(/^\(root\)/, 'user')}`))
            .join('; '),
        );
      throw err;
    }
    if (o.json)
      return printJson(io, {
        email: added.user.email,
        role: added.user.role,
        password: generated,
        otpauthUri: added.otpauthUri,
      });
    io.out(`User ${added.user.email} (${added.user.role}) is ready.\n`);
    if (generated) io.out(`Password (shown once): ${generated}\n`);
    if (added.otpauthUri)
      io.out(`TOTP: add this to an authenticator app (or make a QR code of it):\n${added.otpauthUri}\n`);
  });
}

export async function userDisableCommand(io: CliIo, config: Config, email: string, disabled: boolean): Promise<void> {
  await withReadModelPool(config, async (pool) => {
    const user = await createUsers(pool).setDisabled(email, disabled);
    if (!user) throw new UsageError(`--email: no staff account ${email.trim().toLowerCase()}`);
    io.out(
      disabled
        ? `User ${user.email} is disabled; their sessions have ended.\n`
        : `User ${user.email} may log in again.\n`,
    );
  });
}
