// Runs one dondoc command line in this process, as `dondoc` would, and keeps what it printed.
import { runCli } from '../../client/cli/program';
import type { CliIo } from '../../client/cli/io';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function dondoc(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  progressStream?: CliIo['progressStream'],
): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t), progressStream }, env);
  return { code, out, err };
}

/** JSON printed by a command run with --json. */
export function json<T = any>(run: CliRun): T {
  if (run.code !== 0) throw new Error(`dondoc exited ${run.code}: ${run.err}`);
  return JSON.parse(run.out) as T;
}
