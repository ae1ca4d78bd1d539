// For tests of the pages behind login: the real web app on a fresh database, staff accounts, and
// a login that goes through the form (CSRF token, cookies, TOTP).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Client } from '@temporalio/client';
import { loadConfig, type Config } from '../../config';
import { buildApp } from '../../client/web/app';
import { createPool, type Pool } from '../../db/pool';
import { migrate } from '../../db/migrate';
import { createReadModel, type ReadModel } from '../../db/read-model';
import { createLinks } from '../../db/links';
import { createUsers, totpFor, type Role, type Users } from '../../db/users';
import { freshDatabase } from './stack';

export const PASSWORD = 'mật khẩu đủ dài 2026';

export interface StaffApp {
  app: FastifyInstance;
  pool: Pool;
  config: Config;
  users: Users;
  readModel: ReadModel;
  stop(): Promise<void>;
}

export async function startStaffApp(
  o: { env?: Record<string, string>; temporal?: Client; databaseUrl?: string; pool?: Pool } = {},
): Promise<StaffApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-staff-'));
  const databaseUrl = o.databaseUrl ?? (await freshDatabase());
  const config = loadConfig({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...o.env });
  await migrate(databaseUrl);
  const pool = o.pool ?? createPool(databaseUrl, 4);
  const readModel = createReadModel(pool);
  const app = await buildApp({ config, pool, readModel, links: createLinks(pool), temporal: o.temporal });
  return {
    app,
    pool,
    config,
    readModel,
    users: createUsers(pool),
    async stop() {
      await app.close();
      if (!o.pool) await pool.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Cookies of a response as a Cookie header, merged over earlier ones. */
export function cookieJar(res: LightMyRequestResponse, earlier = ''): string {
  const jar = new Map(
    earlier
      .split('; ')
      .filter(Boolean)
      .map((c) => c.split('=') as [string, string]),
  );
  for (const c of res.cookies as { name: string; value: string }[]) jar.set(c.name, c.value);
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** The lines of a CSV export, without the byte-order mark it starts with for Excel. */
export const csvLines = (text: string): string[] =>
  text
    .replace(/^\ufeff/, '')
    .trim()
    .split('\n');

export const csrfIn = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

export async function addUser(s: StaffApp, role: Role, o: { totp?: boolean; email?: string } = {}) {
  const email = o.email ?? `${role}@ubnd.ninhbinh.example.vn`;
  const added = await s.users.add({ email, name: `Cán bộ ${role}`, role, password: PASSWORD }, { totp: o.totp });
  const secret = added.otpauthUri ? new URL(added.otpauthUri).searchParams.get('secret')! : undefined;
  return { email, secret, code: (at = Date.now()) => totpFor(email, secret!).generate({ timestamp: at }) };
}

/** The office's coordinator (chuyên viên Văn phòng), who launches and follows the directives. */
export const COORDINATOR = 'vanphong@ubnd.ninhbinh.example.vn';

/** Adds the coordinator's account to the app's database and logs in; gives the session's cookies. */
export async function logInCoordinator(app: FastifyInstance, pool: Pool): Promise<string> {
  await createUsers(pool).add({
    email: COORDINATOR,
    name: 'Chuyên viên Văn phòng',
    role: 'coordinator',
    password: PASSWORD,
  });
  return (await login(app, COORDINATOR)).cookie;
}

/** Logs in through the form as a browser would; gives the cookies and the response. */
export async function login(
  app: FastifyInstance,
  email: string,
  o: { password?: string; totp?: string; next?: string; ip?: string } = {},
) {
  const form = await app.inject({
    url: `/dang-nhap${o.next ? `?next=${encodeURIComponent(o.next)}` : ''}`,
    remoteAddress: o.ip,
  });
  const jar = cookieJar(form);
  const res = await app.inject({
    method: 'POST',
    url: '/dang-nhap',
    remoteAddress: o.ip,
    headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      _csrf: csrfIn(form.body),
      email,
      password: o.password ?? PASSWORD,
      totp: o.totp ?? '',
      next: o.next ?? '',
    }).toString(),
  });
  return { res, cookie: cookieJar(res, jar) };
}

/** GETs a page (to get its form token), then POSTs a form from it with the same cookies. */
export async function postForm(
  app: FastifyInstance,
  cookie: string,
  pageUrl: string,
  url: string,
  fields: Record<string, string>,
) {
  const pageRes = await app.inject({ url: pageUrl, headers: { cookie } });
  const jar = cookieJar(pageRes, cookie);
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfIn(pageRes.body), ...fields }).toString(),
  });
}
