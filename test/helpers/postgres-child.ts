// An embedded PostgreSQL in a child process (test/reliability/postgres-process.ts), so a test can
// stop it and start it again on its folder and port, or start one as an older dondoc made it.
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface PostgresChild {
  databaseUrl: string;
  stop(): Promise<void>;
}

export function startPostgresProcess(dir: string, port: number, o: { legacy?: boolean } = {}): Promise<PostgresChild> {
  const root = path.resolve(__dirname, '..', '..');
  const child = spawn(
    process.execPath,
    [
      '-r',
      path.join(root, 'test', 'helpers', 'register-ts.js'),
      path.join(root, 'test', 'reliability', 'postgres-process.ts'),
      dir,
      String(port),
      ...(o.legacy ? ['--legacy'] : []),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let out = '';
  let err = '';
  child.stderr.on('data', (b) => (err += b));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (b) => {
      out += b;
      const url = /postgres:\/\/\S+/.exec(out)?.[0];
      if (url) resolve({ databaseUrl: url, stop: async () => void (child.kill('SIGTERM'), await exited) });
    });
    child.once('exit', (code) => reject(new Error(`PostgreSQL did not start (exit ${code}): ${err}`)));
  });
}
