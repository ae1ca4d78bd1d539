// The JSON API fuzzed with Schemathesis (from PyPI, pinned, in a virtualenv under .cache/) from the
// OpenAPI document the web app serves: once with an admin's session (and its CSRF token put in
// every body, so cases reach validation and the workflows), once with nothing but a department's
// link token, which must open no operation. Server errors and answers off the document: none.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../client/web/app';
import { createLinks } from '../../db/links';
import { createReadModel } from '../../db/read-model';
import { createUsers } from '../../db/users';
import { freePort } from '../helpers/ports';
import { login, PASSWORD } from '../helpers/staff';
import { directiveFor, launchWithLinks } from '../web/department-helpers';
import { countOf, reportFigures, seconds, startWebStack, type WebStack } from './parts';

jest.setTimeout(30 * 60_000);

const ROOT = path.resolve(__dirname, '..', '..');
export const SCHEMATHESIS_VERSION = '4.32.5';
const VENV = path.join(ROOT, '.cache', `schemathesis-${SCHEMATHESIS_VERSION}`);
const ST = path.join(VENV, 'bin', 'schemathesis');

/** Schemathesis at the pinned version, installed with pip into its own virtualenv the first time. */
function schemathesis(): string {
  if (existsSync(ST)) return ST;
  for (const [cmd, args] of [
    ['python3', ['-m', 'venv', VENV]],
    [path.join(VENV, 'bin', 'pip'), ['install', '--quiet', `schemathesis==${SCHEMATHESIS_VERSION}`]],
  ] as const) {
    const r = spawnSync(cmd, [...args], { stdio: 'inherit' });
    if (r.status !== 0)
      throw new Error(
        `${cmd} ${args.join(' ')} failed (exit ${r.status}): Schemathesis needs Python 3.9+ with venv and PyPI`,
      );
  }
  return ST;
}

interface Run {
  operations: number;
  cases: number;
  /** Failures found in the API, by kind. */
  failures: Record<string, number>;
  /** Errors inside Schemathesis itself (its generator), by title: not findings about the API. */
  toolErrors: Record<string, number>;
  output: string;
}

/** One Schemathesis run against the served document; the figures come from its JSON report. */
async function fuzz(
  name: string,
  o: { session: string; headers?: string[]; env?: Record<string, string>; exclude?: string[]; maxExamples: number },
): Promise<Run> {
  // The report stays in test-results/ for whoever wants the cases.
  const report = path.join(ROOT, 'test-results', `schemathesis-${name}.json`);
  mkdirSync(path.dirname(report), { recursive: true });
  rmSync(report, { force: true });
  // The session cookie as Schemathesis's own auth, and the board and consolidated report left out of
  // the positive-data check: their number/symbol patterns use Unicode classes (\\p{Lu}) that its
  // generator reads differently from JavaScript, so it makes "valid" values the API rightly refuses.
  const config = report.replace(/\.json$/, '.toml');
  writeFileSync(
    config,
    [
      '[auth.openapi.session]',
      `api_key = ${JSON.stringify(o.session)}`,
      '',
      '[[operations]]',
      'include-path-regex = "^/api/v1/(board|directives/consolidated)$"',
      'checks.positive_data_acceptance.enabled = false',
      '',
    ].join('\n'),
  );
  const args = [
    '--config-file',
    config,
    'run',
    documentFile,
    '--url',
    base,
    ...(o.headers ?? []).flatMap((h) => ['-H', h]),
    '--checks',
    'all',
    ...(o.exclude ? ['--exclude-checks', o.exclude.join(',')] : []),
    '--phases',
    'examples,coverage,fuzzing',
    '--max-examples',
    String(o.maxExamples),
    '--seed',
    '20261124',
    '--workers',
    '1',
    '--report',
    process.env.RELIABILITY_FUZZ_HAR ? 'json,har' : 'json',
    '--report-json-path',
    report,
    '--report-har-path',
    report.replace(/\.json$/, '.har'),
    '--request-timeout',
    '30',
    '--no-color',
  ];
  const child = spawn(schemathesis(), args, {
    env: {
      PATH: process.env.PATH ?? '',
      SCHEMATHESIS_HOOKS: path.join(__dirname, 'schemathesis-hooks.py'),
      PYTHONDONTWRITEBYTECODE: '1',
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (b) => (output += b));
  child.stderr.on('data', (b) => (output += b));
  await new Promise((resolve) => child.on('exit', resolve));
  writeFileSync(report.replace(/\.json$/, '.txt'), output);
  try {
    const json = JSON.parse(readFileSync(report, 'utf8')) as SchemathesisReport;
    return { ...figuresOf(json), output };
  } catch (err) {
    throw new Error(`no Schemathesis report (${(err as Error).message}):\n${output.slice(-3000)}`, { cause: err });
  }
}

/** Operations, cases, failures by kind (ServerError, JsonSchemaError, …) and tool errors, from Schemathesis's JSON run report. */
interface SchemathesisReport {
  failures?: { type: string; count: number }[];
  errors?: { title: string; count: number }[];
  operations?: { tested?: number };
  test_cases?: { generated?: number };
}

function figuresOf(json: SchemathesisReport): Omit<Run, 'output'> {
  const failures: Record<string, number> = {};
  for (const f of json.failures ?? []) failures[f.type] = (failures[f.type] ?? 0) + f.count;
  const toolErrors: Record<string, number> = {};
  for (const e of json.errors ?? []) toolErrors[e.title] = (toolErrors[e.title] ?? 0) + e.count;
  return { operations: json.operations?.tested ?? 0, cases: json.test_cases?.generated ?? 0, failures, toolErrors };
}

let t: WebStack;
let app: FastifyInstance;
let base: string;
let links: Record<string, string>;
/** The document the app serves (to the logged-in only), saved so a run without a session can read it too. */
let documentFile: string;
let admin: string;

beforeAll(async () => {
  schemathesis();
  t = await startWebStack();
  links = await launchWithLinks(t, directiveFor('74/UBND-FUZZ', ['NB-STTTT', 'NB-CATINH']));
  await createUsers(t.stack.pool).add({
    email: 'quantri@ubnd.ninhbinh.example.vn',
    name: 'Quản trị',
    role: 'admin',
    password: PASSWORD,
  });
  // The fuzzer is one address: the per-address limits would answer most cases with 429.
  app = await buildApp({
    config: { ...t.config, LINK_RATE_LIMIT: 1_000_000 },
    pool: t.stack.pool,
    readModel: createReadModel(t.stack.pool),
    links: createLinks(t.stack.pool),
    temporal: t.client,
  });
  const port = await freePort();
  await app.listen({ host: '127.0.0.1', port });
  base = `http://127.0.0.1:${port}`;
  admin = (await login(app, 'quantri@ubnd.ninhbinh.example.vn')).cookie;
  const doc = await app.inject({ url: '/api/v1/openapi.json', headers: { cookie: admin } });
  expect(doc.statusCode).toBe(200);
  documentFile = path.join(ROOT, 'test-results', 'openapi.json');
  mkdirSync(path.dirname(documentFile), { recursive: true });
  writeFileSync(documentFile, doc.body);
}, 600_000);
afterAll(async () => {
  await app?.close();
  await t?.stop();
}, 60_000);

const figures = (run: Run, t0: number) => ({
  operations: run.operations,
  cases: run.cases,
  server_errors: run.failures.ServerError ?? 0,
  schema_violations: run.failures.JsonSchemaError ?? 0,
  other_failures:
    Object.entries(run.failures)
      .filter(([k]) => k !== 'ServerError' && k !== 'JsonSchemaError')
      .map(([k, n]) => `${k}:${n}`)
      .join('+') || 'none',
  tool_errors: Object.values(run.toolErrors).reduce((a, b) => a + b, 0),
  seconds: seconds(t0),
});

test('the API fuzzed with an admin session runs a thousand cases and more with no server error and no answer off the document', async () => {
  const session = await app.inject({ url: '/api/v1/session', headers: { cookie: admin } });
  const cookie = (name: string) =>
    new RegExp(`${name}=([^;]+)`).exec(
      [admin, ...session.cookies.map((c: { name: string; value: string }) => `${c.name}=${c.value}`)].join('; '),
    )?.[1] ?? '';
  const t0 = Date.now();
  const run = await fuzz('session', {
    session: cookie('dondoc_session'),
    env: { DONDOC_CSRF: session.json().csrfToken, DONDOC_CSRF_COOKIE: cookie('_csrf') },
    maxExamples: countOf('RELIABILITY_FUZZ_EXAMPLES', 200, 25),
  });
  reportFigures('fuzz-session', figures(run, t0));
  expect({ failures: run.failures, tail: Object.keys(run.failures).length ? run.output.slice(-4000) : '' }).toEqual({
    failures: {},
    tail: '',
  });
  expect(run.operations).toBe(6);
  expect(run.cases).toBeGreaterThanOrEqual(countOf('RELIABILITY_FUZZ_MIN_CASES', 1000, 50));
});

test('the API fuzzed with only a department link token lets nothing in: every case is refused, none with a server error', async () => {
  const token = links['NB-STTTT'];
  const t0 = Date.now();
  // Every valid case is refused here, as it must be: the positive-data check has nothing to say.
  const run = await fuzz('link-token', {
    session: token,
    headers: [`Authorization: Bearer ${token}`],
    exclude: ['positive_data_acceptance'],
    maxExamples: countOf('RELIABILITY_FUZZ_EXAMPLES', 60, 10),
  });
  reportFigures('fuzz-link-token', figures(run, t0));
  expect({ failures: run.failures, tail: Object.keys(run.failures).length ? run.output.slice(-4000) : '' }).toEqual({
    failures: {},
    tail: '',
  });
  expect(run.operations).toBe(6);
  expect(run.output).toContain('Authentication failed: 6 operations returned only 401/403 responses');
});
