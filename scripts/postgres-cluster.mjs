// A throwaway PostgreSQL cluster from Debian's `postgresql` package, for the full Temporal server
// that scripts/temporal-server.mjs runs on this machine, and the small process helpers both use.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { has } from './tools.mjs';

/** A missing tool or a refusal the user can act on: printed as one sentence, exit code 2. */
export class Refusal extends Error {}

/** Debian's PostgreSQL programs, installed from the `postgresql` package when missing. */
export function postgresBin() {
  const find = () => {
    const base = '/usr/lib/postgresql';
    const versions = existsSync(base)
      ? readdirSync(base)
          .filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')))
          .sort((a, b) => Number(b) - Number(a))
      : [];
    return versions.length ? path.join(base, versions[0], 'bin') : undefined;
  };
  let bin = find();
  if (bin) return bin;
  if (process.getuid?.() !== 0 || !has('apt-get'))
    throw new Refusal("PostgreSQL is missing: install Debian's package (`sudo apt-get install postgresql`).");
  process.stderr.write('Installing PostgreSQL from Debian packages …\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const ok =
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit' }).status === 0 &&
    spawnSync('apt-get', ['install', '-y', '-q', 'postgresql'], { stdio: 'inherit', env }).status === 0;
  bin = ok ? find() : undefined;
  if (!bin) throw new Refusal('apt-get could not install postgresql.');
  return bin;
}

/**
 * A free loopback port below 32768: the server keeps its membership ports in a smallint column,
 * so the kernel's ephemeral ports (32768 and up) would stop it at start.
 */
export async function freePort() {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const srv = createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
  for (let i = 0; i < 200; i++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await tryPort(port)) return port;
  }
  throw new Error('no free loopback port between 20000 and 32000');
}

export function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  if (r.status !== 0)
    throw new Error(
      `${path.basename(cmd)} ${args.slice(0, 3).join(' ')} … failed (exit ${r.status}): ${(r.stderr || r.stdout || String(r.error ?? '')).trim().slice(-2000)}`,
    );
  return r.stdout;
}

export async function waitUntil(what, timeoutMs, probe, exited) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (exited?.()) throw new Error(`${what}: the process exited`);
    if (probe()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`gave up waiting for ${what}`);
}

export function stopChild(child, signal, graceMs = 15_000) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/** A fresh PostgreSQL cluster (Debian's programs) in `dir`, on a free port; its superuser is `temporal`. */
export async function startPostgres(dir, pgBin, children) {
  const pgData = path.join(dir, 'pg');
  // PostgreSQL refuses to run as root: as root, its files and processes belong to `postgres`.
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot
    ? { uid: Number(run('id', ['-u', 'postgres']).trim()), gid: Number(run('id', ['-g', 'postgres']).trim()) }
    : {};
  mkdirSync(pgData);
  if (asRoot) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(pgData, owner.uid, owner.gid);
  }
  run(path.join(pgBin, 'initdb'), ['-D', pgData, '-U', 'temporal', '--auth=trust', '--encoding=UTF8', '--locale=C'], {
    ...owner,
    cwd: dir,
  });
  const port = await freePort();
  const log = openSync(path.join(dir, 'postgres.log'), 'a');
  // Test data only: durability settings off for speed.
  const pg = spawn(
    path.join(pgBin, 'postgres'),
    [
      '-D',
      pgData,
      '-p',
      String(port),
      '-k',
      pgData,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=300',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    { ...owner, cwd: dir, stdio: ['ignore', log, log] },
  );
  children.push([pg, 'SIGINT']);
  await waitUntil(
    `PostgreSQL on 127.0.0.1:${port}`,
    30_000,
    () => spawnSync(path.join(pgBin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port)]).status === 0,
    () => pg.exitCode !== null,
  );
  return port;
}
