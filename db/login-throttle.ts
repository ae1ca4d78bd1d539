// Wrong passwords and codes, counted two ways. Per account and address: five lock that address
// out of that account for 15 minutes, so someone guessing locks out only himself. Per account,
// from every address: fifty lock it for everyone, the brake on guesses spread over many
// addresses. The counts are kept by the address typed, whether or not it is an account, so the
// lockout never tells which addresses exist (ASVS 5.0 V6.3.8).
import { isIPv4, isIPv6 } from 'node:net';
import type { Pool } from 'pg';

export const MAX_FAILURES = 5;
export const ACCOUNT_MAX_FAILURES = 50;
export const LOCK_MINUTES = 15;

/**
 * The network address failures are counted by: an IPv4 address (also when written as IPv6), or
 * the /64 an IPv6 address is in, since one subscriber holds all of it. "" when unknown.
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (mapped || isIPv4(ip)) return mapped ?? ip;
  if (!isIPv6(ip)) return ip;
  const [head, tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export interface LoginThrottle {
  /** Whether this address, or every address, is locked out of the account now. */
  isLocked(email: string, address: string, now: Date): Promise<boolean>;
  fail(email: string, address: string, now: Date): Promise<void>;
  /** The right password and code: this address starts again, and so does the account's count. */
  succeed(email: string, address: string): Promise<void>;
  /** A new password from an administrator lifts every lock. */
  clear(email: string): Promise<void>;
}

/**
 * One more failure. An address keeps its count after its lock ends, so each further wrong
 * password locks it again; the account's count starts again after its lock, so keeping an
 * account locked for everyone takes fifty guesses every quarter of an hour.
 */
const COUNT = (table: string, key: string, max: string, restart: boolean) => `
  INSERT INTO ${table} AS t (${key}, failed_logins, locked_until, updated_at)
  VALUES (${key
    .split(', ')
    .map((_, i) => `$${i + 3}`)
    .join(', ')}, 1, NULL, $1::timestamptz)
  ON CONFLICT (${key}) DO UPDATE SET
    failed_logins = CASE WHEN ${restart ? 't.locked_until <= $1::timestamptz' : 'false'} THEN 1 ELSE t.failed_logins + 1 END,
    locked_until = CASE
      WHEN ${restart ? 't.locked_until <= $1::timestamptz' : 'false'} THEN NULL
      WHEN t.failed_logins + 1 >= ${max} THEN $1::timestamptz + make_interval(mins => $2)
      ELSE t.locked_until END,
    updated_at = $1::timestamptz`;

export function createLoginThrottle(pool: Pool): LoginThrottle {
  return {
    async isLocked(email, address, now) {
      const { rows } = await pool.query(
        `SELECT EXISTS (SELECT 1 FROM login_failures WHERE email = $1 AND address = $2 AND locked_until > $3)
             OR EXISTS (SELECT 1 FROM login_throttle WHERE email = $1 AND locked_until > $3) AS locked`,
        [email, address, now],
      );
      return rows[0].locked as boolean;
    },

    async fail(email, address, now) {
      const at = now.toISOString();
      await pool.query(COUNT('login_failures', 'email, address', String(MAX_FAILURES), false), [
        at,
        LOCK_MINUTES,
        email,
        address,
      ]);
      await pool.query(COUNT('login_throttle', 'email', String(ACCOUNT_MAX_FAILURES), true), [at, LOCK_MINUTES, email]);
    },

    async succeed(email, address) {
      await pool.query('DELETE FROM login_failures WHERE email = $1 AND address = $2', [email, address]);
      await pool.query('DELETE FROM login_throttle WHERE email = $1', [email]);
    },

    async clear(email) {
      await pool.query('DELETE FROM login_failures WHERE email = $1', [email]);
      await pool.query('DELETE FROM login_throttle WHERE email = $1', [email]);
    },
  };
}
