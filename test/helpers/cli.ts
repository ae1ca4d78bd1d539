// The dondoc CLI as a child process, from its TypeScript sources, with the environment given.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

export interface CliRun {
  child: ChildProcess;
  /** Everything written so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

/** `o.root`: run the sources of a copy of the project, e.g. one taken when a test began, so every process of the test runs the same code. */
export function startCli(args: string[], env: Record<string, string>, o: { root?: string } = {}): CliRun {
  const from = o.root ?? root;
  const child = spawn(
    process.execPath,
    ['-r', path.join(from, 'test', 'helpers', 'register-ts.js'), path.join(from, 'client', 'cli', 'main.ts'), ...args],
    {
      cwd: from,
      // Only what the test gives, plus PATH: no setting of the surrounding shell leaks in.
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (b) => (out += b));
  child.stderr.on('data', (b) => (err += b));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}
