// For tests of the pages behind login: the real web app on a fresh database, staff accounts, a
// login that goes through the form (CSRF token, cookies, TOTP), and task rows written through
// the read model's own upsert.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Client } from '@temporalio/client';
import { loadConfig, type Config } from '../../config';
import { buildApp } from '../../client/web/app';
import { createPool, type Pool } from '../../db/pool';
import { migrate } from '../../db/migrate';
import { createReadModel, type ReadModel, type TaskRecord } from '../../db/read-model';
import { createLinks } from '../../db/links';
import { createUsers, totpFor, type Role, type Users } from '../../db/users';
import type { TaskPhase, ChaseRecord } from '../../workflows/types';
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

export const csrfIn = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

export async function addUser(s: StaffApp, role: Role, o: { totp?: boolean; email?: string } = {}) {
  const email = o.email ?? `${role}@ubnd.ninhbinh.example.vn`;
  const added = await s.users.add({ email, name: `Cán bộ ${role}`, role, password: PASSWORD }, { totp: o.totp });
  const secret = added.otpauthUri ? new URL(added.otpauthUri).searchParams.get('secret')! : undefined;
  return { email, secret, code: (at = Date.now()) => totpFor(email, secret!).generate({ timestamp: at }) };
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

export interface SeedTask {
  directive: string;
  unit: string;
  deadline: string;
  phase?: TaskPhase;
  doneAt?: number;
  submittedAt?: number;
  level?: number;
  assignedAt?: number;
  title?: string;
  indicators?: Record<string, number>;
  review?: 'pending' | 'accepted' | 'returned';
}

/** A task's record as the workflow would publish it. */
export function taskRecord(t: SeedTask): TaskRecord {
  const chases: ChaseRecord[] = Array.from({ length: t.level ?? 0 }, (_, i) => ({
    seq: i + 1,
    kind: 'escalation',
    level: i + 1,
    target: ['head', 'supervisor', 'steering'][i],
    at: Date.parse(`${t.deadline}T01:00:00Z`) + [1, 3, 7][i] * 86_400_000,
    deadline: t.deadline,
  }));
  const reportAt = t.submittedAt ?? t.doneAt;
  return {
    workflowId: `task:${t.directive}:${t.unit}`,
    directive: {
      key: t.directive,
      number: t.directive,
      title: `Văn bản ${t.directive}`,
      issuer: 'UBND tỉnh Ninh Bình',
    },
    spec: {
      unit: t.unit,
      role: 'lead',
      title: t.title ?? `Nhiệm vụ của ${t.unit}`,
      body: '',
      deadline: { date: t.deadline },
      indicators: [],
      completion: 'report',
      cascade: false,
    },
    cycle: '',
    state: {
      phase: t.phase ?? 'open',
      assignedAt: t.assignedAt ?? Date.parse('2026-01-05T01:00:00Z'),
      deadline: t.deadline,
      originalDeadline: t.deadline,
      deadlineSince: 0,
      deadlineChanges: [],
      doneAt: t.phase === 'done' ? t.doneAt : undefined,
      reports: reportAt
        ? [
            {
              receipt: `R-${t.unit}`,
              submissionId: `sub-${t.unit}-0001`,
              submittedAt: reportAt,
              submittedBy: 'Văn thư',
              text: 'Báo cáo',
              indicators: t.indicators ?? {},
              attachments: [],
              review: t.review ?? (t.phase === 'done' ? 'accepted' : 'pending'),
            },
          ]
        : [],
      extensions: [],
      chases,
      escalationLevel: t.level ?? 0,
      cursor: 0,
      version: 1,
    },
  };
}
