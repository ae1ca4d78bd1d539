// Where a worker's CPU went: reads the V8 profiles `BENCH_CPU_PROFILE=DIR npm run bench -- …` leaves
// (one a worker process) and prints the self time by part (a package, a folder of dondoc, the
// runtime) and the busiest functions.
//   node dist/bench/profile.js DIR [top]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
}

/** The part of the program a frame belongs to: an npm package, a top folder of dondoc, or the runtime. */
export function partOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const own = /\/dist\/([^/]+)\//.exec(url);
  return own ? `dondoc ${own[1]}/` : path.basename(url);
}

function tally(into: Map<string, number>, key: string, n: number): void {
  into.set(key, (into.get(key) ?? 0) + n);
}

function table(title: string, counts: Map<string, number>, total: number, top: number): string {
  const rows = [...counts].sort((a, b) => b[1] - a[1]).slice(0, top);
  const lines = rows.map(([k, n]) => `  ${((100 * n) / total).toFixed(1).padStart(5)} %  ${k}`);
  return [title, ...lines].join('\n');
}

function main(): void {
  const [dir, topArg] = process.argv.slice(2);
  if (!dir) throw new Error('usage: node dist/bench/profile.js DIR [top]');
  const top = Number(topArg ?? 25);
  const parts = new Map<string, number>();
  const functions = new Map<string, number>();
  let samples = 0;
  let seconds = 0;
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  for (const file of files) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
    seconds += (profile.endTime - profile.startTime) / 1e6;
    for (const node of profile.nodes) {
      const hits = node.hitCount ?? 0;
      const { functionName, url, lineNumber } = node.callFrame;
      // Waiting is not spending: the shares are of the time the process was on a core.
      if (!hits || functionName === '(idle)') continue;
      const part = partOf(url, functionName);
      samples += hits;
      tally(parts, part, hits);
      tally(functions, `${functionName || '(anonymous)'}  ${part}${url ? `:${lineNumber + 1}` : ''}`, hits);
    }
  }
  if (!samples) throw new Error(`no samples in ${files.length} profiles under ${dir}`);
  process.stdout.write(`${files.length} profiles, ${seconds.toFixed(0)} s of process time, ${samples} busy samples\n`);
  process.stdout.write(table('self time by part:', parts, samples, top) + '\n');
  process.stdout.write(table('busiest functions (self time):', functions, samples, top) + '\n');
}

if (require.main === module) main();
