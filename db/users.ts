// Staff accounts and their sessions. Passwords are kept as scrypt hashes, session ids only as
// SHA-256 hashes, TOTP codes are good once, and repeated failures lock the address they come from
// out of the account for a while, and the account itself after many more (login-throttle.ts).
// A session ends with a new password, role or second factor, or the account disabled (the
// database does it, migration …031).
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { TOTP, Secret } from 'otpauth';
import type { Pool } from 'pg';
import { z } from 'zod';
import { passwordProblem } from '../domain/password-policy';
import { addressKey, createLoginThrottle } from './login-throttle';

export const ROLES = ['coordinator', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const NewUserSchema = z
  .object({
    email: z.email().transform((e) => e.toLowerCase()),
    name: z.string().trim().min(1, "give the person's name").max(200),
    role: z.enum(ROLES),
    password: z.string().max(200),
  })
  .superRefine((u, ctx) => {
    const problem = passwordProblem(u.password, u.email);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });
export type NewUser = z.input<typeof NewUserSchema>;

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  hasTotp: boolean;
}

export type LoginResult =
  { ok: true; user: User } | { ok: false; why: 'bad_credentials' | 'locked' | 'totp_setup_required' };

export interface LoginAttempt {
  email: string;
  password: string;
  totp?: string;
  /** When set, supervisors and admins must have a second factor. */
  requireTotpFor?: readonly Role[];
  /** The network address the attempt comes from: failures lock that address out of the account first. */
  address?: string;
}

const SCRYPT: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_BYTES = 32;
export { ACCOUNT_MAX_FAILURES, MAX_FAILURES } from './login-throttle';
export const SESSION_HOURS = 12;

const scrypt = (password: string, salt: Buffer, o: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, KEY_BYTES, o, (err, key) => (err ? reject(err) : resolve(key))),
  );

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !key) return false;
  const got = await scrypt(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(got, Buffer.from(key, 'base64'));
}

export const totpFor = (email: string, secret: string): TOTP =>
  new TOTP({
    issuer: 'dondoc',
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });

/** A hash that stands in for unknown accounts, so a wrong address costs as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

const hashId = (id: string): Buffer => createHash('sha256').update(id, 'utf8').digest();

const userOf = (r: Record<string, unknown>): User => ({
  id: Number(r.id),
  email: r.email as string,
  name: r.name as string,
  role: r.role as Role,
  hasTotp: !!r.totp_secret,
});

export interface Users {
  /** Creates the account, or updates its name, role and password when the address exists. */
  add(u: NewUser, o?: { totp?: boolean }): Promise<{ user: User; otpauthUri?: string }>;
  login(a: LoginAttempt, now?: Date): Promise<LoginResult>;
  startSession(userId: number): Promise<{ id: string; expiresAt: Date }>;
  /** The user of a live session of an account in use. */
  sessionUser(id: string | undefined, now?: Date): Promise<User | undefined>;
  endSession(id: string): Promise<void>;
  /** Every account, by role then address (the admin's list). */
  list(): Promise<User[]>;
  /**
   * Disables the account (its sessions end: see the migration …031) or lets it in again.
   * Undefined when the address is no account.
   */
  setDisabled(email: string, disabled: boolean): Promise<User | undefined>;
}

export function createUsers(pool: Pool): Users {
  const throttle = createLoginThrottle(pool);
  /** The time a password check takes, spent on an address that is no account or is disabled. */
  const decoyCheck = async (password: string) =>
    void (await verifyPassword(password, await (decoyHash ??= hashPassword('decoy password, never valid'))));

  return {
    async add(raw, o = {}) {
      const u = NewUserSchema.parse(raw);
      const secret = o.totp ? new Secret({ size: 20 }).base32 : null;
      const { rows } = await pool.query(
        `INSERT INTO users (email, name, role, password_hash, totp_secret) VALUES ($1,$2,$3,$4,$5)
         ON CONFLICT (email) DO UPDATE SET name=$2, role=$3, password_hash=$4, totp_secret=coalesce($5, users.totp_secret),
           updated_at=now()
         RETURNING *`,
        [u.email, u.name, u.role, await hashPassword(u.password), secret],
      );
      await throttle.clear(u.email);
      return { user: userOf(rows[0]), otpauthUri: secret ? totpFor(u.email, secret).toString() : undefined };
    },

    async login(a, now = new Date()) {
      const email = a.email.trim().toLowerCase();
      const address = addressKey(a.address);
      if (await throttle.isLocked(email, address, now)) return { ok: false, why: 'locked' };
      const fail = async (why: 'bad_credentials'): Promise<LoginResult> => {
        await throttle.fail(email, address, now);
        return { ok: false, why };
      };
      const { rows } = await pool.query('SELECT * FROM users WHERE email = $1', [email]);
      const row = rows[0];
      // No account, or a disabled one: the same time, count and answer as a wrong password, so
      // neither tells what the address is.
      if (!row || row.disabled_at) return decoyCheck(a.password).then(() => fail('bad_credentials'));
      if (!(await verifyPassword(a.password, row.password_hash))) return fail('bad_credentials');
      if (!row.totp_secret && a.requireTotpFor?.includes(row.role)) return { ok: false, why: 'totp_setup_required' };
      if (row.totp_secret) {
        const code = (a.totp ?? '').replace(/\s/g, '');
        // No code is a wrong code: answered and counted as a wrong password is, so the answer
        // never tells that the password was right.
        if (!/^\d{6}$/.test(code)) return fail('bad_credentials');
        const delta = totpFor(row.email, row.totp_secret).validate({
          token: code,
          timestamp: now.getTime(),
          window: 1,
        });
        const step = Math.floor(now.getTime() / 30_000) + (delta ?? 0);
        // Accept each time step once, and only if it is newer than the last one used.
        const fresh =
          delta !== null &&
          (
            await pool.query('UPDATE users SET totp_last_step = $2 WHERE id = $1 AND totp_last_step < $2', [
              row.id,
              step,
            ])
          ).rowCount;
        if (!fresh) return fail('bad_credentials');
      }
      await throttle.succeed(email, address);
      return { ok: true, user: userOf(row) };
    },

    async startSession(userId) {
      const id = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
      await pool.query('INSERT INTO sessions (id_hash, user_id, expires_at) VALUES ($1,$2,$3)', [
        hashId(id),
        userId,
        expiresAt,
      ]);
      await pool.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at < now()', [userId]);
      return { id, expiresAt };
    },

    async sessionUser(id, now = new Date()) {
      if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
      const { rows } = await pool.query(
        'SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL',
        [hashId(id), now],
      );
      return rows[0] ? userOf(rows[0]) : undefined;
    },

    async endSession(id) {
      await pool.query('DELETE FROM sessions WHERE id_hash = $1', [hashId(id)]);
    },

    async list() {
      const { rows } = await pool.query('SELECT * FROM users ORDER BY role, email');
      return rows.map(userOf);
    },

    async setDisabled(email, disabled) {
      const { rows } = await pool.query(
        `UPDATE users SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) END, updated_at = now()
          WHERE email = $1 RETURNING *`,
        [email.trim().toLowerCase(), disabled],
      );
      return rows[0] ? userOf(rows[0]) : undefined;
    },
  };
}
