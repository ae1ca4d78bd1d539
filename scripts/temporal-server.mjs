#!/usr/bin/env node
// The full Temporal server (frontend, history, matching and worker services, not the dev server)
// on PostgreSQL, on this machine, for `npm run test:server`:
//
//   node scripts/temporal-server.mjs build             build the server and its SQL tool (cached)
//   node scripts/temporal-server.mjs start             start it and wait for Ctrl-C
//   node scripts/temporal-server.mjs run -- CMD ARG…   start it, run CMD against it, stop it
//   node scripts/temporal-server.mjs start --postgres PORT --database DB --visibility-database DB
//                                                      serve databases that exist (a restored backup)
//
// Both binaries come from the Go module go.temporal.io/server at a pinned version, built with
// `go install` into .tools/bin. PostgreSQL is Debian's `postgresql` package (installed when
// missing), in a fresh cluster under a temporary folder on a free port. The schemas come from the
// module's source in the Go module cache, the server's config from deploy/temporal-server/.
// CMD sees TEMPORAL_ADDRESS and DONDOC_TEST_TEMPORAL_ADDRESS (the frontend), DONDOC_TEST_DATABASE_URL
// (a superuser URL of the same PostgreSQL, where tests create their read-model databases) and
// DONDOC_TEST_PG_BIN (PostgreSQL's programs, pg_dump and pg_restore among them).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, renameSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { has, runWithProgress, toolPaths } from './tools.mjs';
import { freePort, postgresBin, Refusal, run, startPostgres, stopChild, waitUntil } from './postgres-cluster.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// 1.30 is the first server that moves a pinned run onto the current worker version at its
// continue-as-new (Worker Versioning's upgrade-on-continue-as-new); it needs Go 1.26.10, which
// the go command fetches from the module proxy when the machine's Go is older.
export const TEMPORAL_SERVER_VERSION = 'v1.30.9';
const MODULE = 'go.temporal.io/server';
const binDir = path.resolve(process.env.DONDOC_TOOLS_DIR ?? path.join(root, '.tools'), 'bin');
const serverBin = path.join(binDir, 'temporal-server');
const sqlToolBin = path.join(binDir, 'temporal-sql-tool');
const versionFile = path.join(binDir, 'temporal-server.version');
const NAMESPACE = 'default';
// The same list as SEARCH_ATTRIBUTES in client/stack/temporal-dev.ts.
const SEARCH_ATTRIBUTES = [
  'DondocDirective=Keyword',
  'DondocUnit=Keyword',
  'DondocStatus=Keyword',
  'DondocDeadline=Datetime',
];

const say = (line) => process.stderr.write(`temporal-server: ${line}\n`);

const goEnv = { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: process.env.GOTOOLCHAIN ?? 'auto' };

/** Builds temporal-server and temporal-sql-tool once per pinned version; returns the seconds it took, or 0 when cached. */
export async function build() {
  const built =
    existsSync(serverBin) &&
    existsSync(sqlToolBin) &&
    existsSync(versionFile) &&
    readFileSync(versionFile, 'utf8').trim() === TEMPORAL_SERVER_VERSION;
  if (built) return 0;
  if (!has('go'))
    throw new Refusal(
      'Building the Temporal server needs Go 1.25 or newer: install Go (e.g. `apt-get install golang-go`).',
    );
  // `go install` names binaries after their package folder (server, sql): stage, then rename.
  const staging = path.join(binDir, '.temporal-server-staging');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // The machine is shared: the compiler runs at the lowest priority.
  const ms = await runWithProgress(
    `Building the Temporal server ${TEMPORAL_SERVER_VERSION} and its SQL tool (once, several minutes)`,
    'nice',
    [
      '-n',
      '19',
      'go',
      'install',
      '-v',
      '-ldflags=-s -w',
      `${MODULE}/cmd/server@${TEMPORAL_SERVER_VERSION}`,
      `${MODULE}/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`,
    ],
    { env: { ...goEnv, GOBIN: staging } },
  );
  renameSync(path.join(staging, 'server'), serverBin);
  renameSync(path.join(staging, 'sql'), sqlToolBin);
  rmSync(staging, { recursive: true, force: true });
  writeFileSync(versionFile, `${TEMPORAL_SERVER_VERSION}\n`);
  say(`built in ${(ms / 1000).toFixed(0)}s: ${serverBin}, ${sqlToolBin}`);
  return ms / 1000;
}

/** The folder of the schemas that ship with the pinned module source. */
function schemaDir() {
  const modCache = spawnSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8', env: goEnv }).stdout.trim();
  const dir = path.join(modCache, `${MODULE}@${TEMPORAL_SERVER_VERSION}`, 'schema', 'postgresql', 'v12');
  if (existsSync(dir)) return dir;
  // The build put the module in the cache; after `go clean -modcache` fetch it again.
  spawnSync('go', ['mod', 'download', `${MODULE}@${TEMPORAL_SERVER_VERSION}`], {
    stdio: 'inherit',
    env: goEnv,
    cwd: os.tmpdir(),
  });
  if (!existsSync(dir)) throw new Refusal(`the schema folder ${dir} is missing from the Go module cache`);
  return dir;
}

/** Creates Temporal's two databases with the sql tool and the schemas of the pinned module source. */
function setupSchemas(pgPort, databases) {
  const schemas = schemaDir();
  const sql = (db, ...args) =>
    run(sqlToolBin, [
      '--plugin',
      'postgres12',
      '--ep',
      '127.0.0.1',
      '-p',
      String(pgPort),
      '-u',
      'temporal',
      '--pw',
      'temporal',
      '--db',
      db,
      ...args,
    ]);
  for (const [db, folder] of [
    [databases.persistence, 'temporal'],
    [databases.visibility, 'visibility'],
  ]) {
    sql(db, 'create-database');
    sql(db, 'setup-schema', '-v', '0.0');
    sql(db, 'update-schema', '-d', path.join(schemas, folder, 'versioned'));
  }
  say(`schemas ${databases.persistence} and ${databases.visibility} set up from ${schemas}`);
}

/** Starts the server with deploy/temporal-server/dondoc.yaml on free ports, and waits until it serves. */
async function startServer(dir, pgPort, databases, children) {
  const ports = {};
  for (const name of [
    'FRONTEND',
    'FRONTEND_MEMBERSHIP',
    'FRONTEND_HTTP',
    'HISTORY',
    'HISTORY_MEMBERSHIP',
    'MATCHING',
    'MATCHING_MEMBERSHIP',
    'WORKER',
    'WORKER_MEMBERSHIP',
    'METRICS',
  ])
    ports[`TEMPORAL_${name}_PORT`] = String(await freePort());
  const address = `127.0.0.1:${ports.TEMPORAL_FRONTEND_PORT}`;
  const serverLog = path.join(dir, 'temporal-server.log');
  const server = spawn(
    serverBin,
    ['--root', root, '--config', 'deploy/temporal-server', '--env', 'dondoc', '--allow-no-auth', 'start'],
    {
      cwd: root,
      env: {
        ...process.env,
        ...ports,
        TEMPORAL_PG_HOST: '127.0.0.1',
        TEMPORAL_PG_PORT: String(pgPort),
        TEMPORAL_PG_DATABASE: databases.persistence,
        TEMPORAL_PG_VISIBILITY_DATABASE: databases.visibility,
      },
      stdio: ['ignore', openSync(serverLog, 'a'), openSync(serverLog, 'a')],
    },
  );
  children.push([server, 'SIGTERM']);
  const explain = () =>
    `; see ${serverLog}:\n${readFileSync(serverLog, 'utf8')
      .split('\n')
      .slice(-8)
      .map((l) => l.slice(0, 400))
      .join('\n')}`;
  await waitUntil(
    `the Temporal server on ${address}`,
    120_000,
    () => temporalCli(address, 'operator', 'cluster', 'health').status === 0,
    () => server.exitCode !== null,
  ).catch((err) => {
    throw new Error(err.message + explain());
  });
  return { address, serverLog };
}

const temporalCli = (address, ...args) =>
  spawnSync(toolPaths.temporalCli, [...args, '--address', address], { encoding: 'utf8' });

/** The namespace and dondoc's search attributes, created with the temporal CLI where missing. */
async function setupNamespace(address) {
  const described = () =>
    temporalCli(address, 'operator', 'namespace', 'describe', '--namespace', NAMESPACE).status === 0;
  if (!described())
    run(toolPaths.temporalCli, [
      'operator',
      'namespace',
      'create',
      '--namespace',
      NAMESPACE,
      '--retention',
      '1d',
      '--address',
      address,
    ]);
  await waitUntil(`namespace ${NAMESPACE}`, 60_000, described);
  const missing = () => {
    const listed = temporalCli(address, 'operator', 'search-attribute', 'list', '--namespace', NAMESPACE).stdout ?? '';
    return SEARCH_ATTRIBUTES.filter((a) => !listed.includes(a.split('=')[0]));
  };
  const wanted = missing();
  if (wanted.length === 0) return;
  // The namespace reaches every service's cache a moment after the frontend answers for it.
  const create = [
    'operator',
    'search-attribute',
    'create',
    '--namespace',
    NAMESPACE,
    ...wanted.flatMap((a) => ['--name', a.split('=')[0], '--type', a.split('=')[1]]),
  ];
  await waitUntil(
    `search attributes in namespace ${NAMESPACE}`,
    60_000,
    () => temporalCli(address, ...create).status === 0,
  );
  if (missing().length) throw new Error(`search attributes missing after create: ${missing().join(', ')}`);
}

/**
 * Starts PostgreSQL and the server; returns their addresses and a stop function. With `postgres`
 * (a port on 127.0.0.1) the server runs on databases that already exist there, e.g. restored ones.
 */
export async function up(o = {}) {
  const t0 = Date.now();
  await build();
  const pgBin = postgresBin();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-temporal-server-'));
  const children = [];
  const stop = async () => {
    for (const [child, signal] of children.reverse()) await stopChild(child, signal);
    children.length = 0;
    rmSync(dir, { recursive: true, force: true });
  };
  const databases = {
    persistence: o.database ?? 'temporal',
    visibility: o.visibilityDatabase ?? 'temporal_visibility',
  };
  try {
    let pgPort = o.postgres;
    if (!pgPort) {
      pgPort = await startPostgres(dir, pgBin, children);
      setupSchemas(pgPort, databases);
    }
    const { address, serverLog } = await startServer(dir, pgPort, databases, children);
    await setupNamespace(address);
    say(
      `full Temporal server ${TEMPORAL_SERVER_VERSION} on ${address}, PostgreSQL on 127.0.0.1:${pgPort} (${databases.persistence}, ${databases.visibility}), namespace ${NAMESPACE} with ${SEARCH_ATTRIBUTES.length} search attributes (up in ${((Date.now() - t0) / 1000).toFixed(0)}s)`,
    );
    return {
      address,
      databaseUrl: `postgres://temporal:temporal@127.0.0.1:${pgPort}/postgres`,
      pgBin,
      serverLog,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** `--name value` options of the command line. */
function optionsOf(args) {
  const value = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  return { postgres: value('postgres'), database: value('database'), visibilityDatabase: value('visibility-database') };
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'build') return void (await build());
  if (command !== 'start' && command !== 'run')
    throw new Refusal(
      'usage: temporal-server.mjs build | start [--postgres PORT --database DB --visibility-database DB] | run -- COMMAND [ARG…]',
    );
  const dashes = rest.indexOf('--');
  const argv = dashes >= 0 ? rest.slice(dashes + 1) : [];
  if (command === 'run' && argv.length === 0) throw new Refusal('run needs a command after --');
  const server = await up(optionsOf(dashes >= 0 ? rest.slice(0, dashes) : rest));
  let stopping = false;
  const shutdown = async (code) => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(code);
  };
  const env = {
    ...process.env,
    TEMPORAL_ADDRESS: server.address,
    DONDOC_TEST_TEMPORAL_ADDRESS: server.address,
    DONDOC_TEST_DATABASE_URL: server.databaseUrl,
    DONDOC_TEST_PG_BIN: server.pgBin,
  };
  if (command === 'start') {
    process.stdout.write(`TEMPORAL_ADDRESS=${server.address}\nDONDOC_TEST_DATABASE_URL=${server.databaseUrl}\n`);
    process.on('SIGINT', () => void shutdown(0));
    process.on('SIGTERM', () => void shutdown(0));
    return;
  }
  const child = spawn(argv[0], argv.slice(1), { stdio: 'inherit', env, cwd: root });
  process.on('SIGINT', () => child.kill('SIGINT'));
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('error', (err) => {
    say(`cannot run ${argv[0]}: ${err.message}`);
    void shutdown(2);
  });
  child.on('exit', (code, signal) => void shutdown(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    say(err instanceof Refusal ? err.message : `failed: ${err.message}`);
    process.exit(2);
  });
}
