#!/usr/bin/env node
// Gets the Temporal binaries dondoc needs onto this machine, once, into a git-ignored folder:
// - the Temporal CLI (dev server and Web UI inside), built from its Go module at a pinned tag;
// - the Java time-skipping test server, resolved from Maven Central, with a small launcher.
// With --test it also makes sure a Chromium for the browser tests is there (--bench: the test server only).
// TEMPORAL_CLI_PATH and TEMPORAL_TEST_SERVER_PATH point at binaries a user already has.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const toolsDir = path.resolve(process.env.DONDOC_TOOLS_DIR ?? path.join(root, '.tools'));
const binDir = path.join(toolsDir, 'bin');

export const toolPaths = {
  temporalCli: process.env.TEMPORAL_CLI_PATH ?? path.join(binDir, 'temporal'),
  testServer: process.env.TEMPORAL_TEST_SERVER_PATH ?? path.join(binDir, 'temporal-test-server'),
};

class MissingTool extends Error {}

export function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** Runs a command, drawing one status line that counts its output lines as they come. */
export function runWithProgress(label, cmd, args, options) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let tail = '';
    const tty = process.stderr.isTTY;
    const draw = (final = false) => {
      const secs = ((Date.now() - started) / 1000).toFixed(0);
      const text = `${label}: ${lines} steps, ${secs}s${final ? '' : ' …'}`;
      if (tty) process.stderr.write(`\r\x1b[K${text}${final ? '\n' : ''}`);
      else if (final || lines % 200 === 0) process.stderr.write(`${text}\n`);
    };
    const onData = (buf) => {
      const chunk = buf.toString();
      tail = (tail + chunk).slice(-4000);
      lines += chunk.split('\n').length - 1;
      draw();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setInterval(() => draw(), 1000);
    child.on('error', (err) => {
      clearInterval(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      draw(true);
      if (code === 0) resolve(Date.now() - started);
      else reject(new Error(`${label} failed (exit ${code}). Last output:\n${tail}`));
    });
  });
}

async function ensureTemporalCli() {
  if (existsSync(toolPaths.temporalCli)) return;
  if (process.env.TEMPORAL_CLI_PATH)
    throw new MissingTool(`TEMPORAL_CLI_PATH points at ${toolPaths.temporalCli}, which does not exist.`);
  if (!has('go'))
    throw new MissingTool(
      'Building the Temporal CLI needs Go 1.23 or newer: install Go (e.g. `apt-get install golang-go`) or set TEMPORAL_CLI_PATH to a temporal binary.',
    );
  mkdirSync(binDir, { recursive: true });
  const ms = await runWithProgress(
    `Building the Temporal CLI ${TEMPORAL_CLI_VERSION} (once, a few minutes)`,
    'go',
    ['install', '-v', '-ldflags=-s -w', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`],
    { env: { ...process.env, GOBIN: binDir, GOFLAGS: '-mod=mod', GOTOOLCHAIN: process.env.GOTOOLCHAIN ?? 'local' } },
  );
  process.stderr.write(`Temporal CLI ready in ${(ms / 1000).toFixed(0)}s: ${toolPaths.temporalCli}\n`);
}

/** The test server's start script: a heap of 512 MB unless TEMPORAL_TEST_SERVER_HEAP says (npm run test:scale does). */
const testServerScript = (libDir) =>
  `#!/bin/sh\nexec java -Xms64m -Xmx\${TEMPORAL_TEST_SERVER_HEAP:-512m} -XX:+UseSerialGC -cp '${libDir}/*' io.temporal.testserver.TestServer "$@"\n`;

async function ensureTestServer() {
  const libDir = path.join(toolsDir, 'test-server', 'lib');
  if (existsSync(toolPaths.testServer)) {
    // A script written before the heap could be set is written again; the jars stay.
    if (!process.env.TEMPORAL_TEST_SERVER_PATH && existsSync(libDir)) {
      const script = testServerScript(libDir);
      if (readFileSync(toolPaths.testServer, 'utf8') !== script) writeFileSync(toolPaths.testServer, script);
    }
    return;
  }
  if (process.env.TEMPORAL_TEST_SERVER_PATH)
    throw new MissingTool(`TEMPORAL_TEST_SERVER_PATH points at ${toolPaths.testServer}, which does not exist.`);
  if (!has('java'))
    throw new MissingTool(
      'The time-skipping test server needs Java 11 or newer: install it (e.g. `apt-get install openjdk-17-jre-headless`) or set TEMPORAL_TEST_SERVER_PATH.',
    );
  if (!has('mvn'))
    throw new MissingTool(
      'Fetching the time-skipping test server needs Maven: install it (e.g. `apt-get install maven`) or set TEMPORAL_TEST_SERVER_PATH.',
    );
  const staging = `${libDir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  const ms = await runWithProgress(
    'Fetching the Temporal test server from Maven Central',
    'mvn',
    [
      '-B',
      '-f',
      path.join(root, 'scripts', 'test-server', 'pom.xml'),
      'dependency:copy-dependencies',
      `-DoutputDirectory=${staging}`,
    ],
    {},
  );
  if (readdirSync(staging).length === 0) throw new Error('Maven resolved no jars for the test server.');
  rmSync(libDir, { recursive: true, force: true });
  renameSync(staging, libDir);
  mkdirSync(binDir, { recursive: true });
  // @temporalio/testing starts an existing test server as `<path> <port> --enable-time-skipping`.
  writeFileSync(toolPaths.testServer, testServerScript(libDir));
  chmodSync(toolPaths.testServer, 0o755);
  process.stderr.write(`Temporal test server ready in ${(ms / 1000).toFixed(0)}s: ${toolPaths.testServer}\n`);
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  if (process.getuid?.() !== 0 || !has('apt-get')) {
    throw new MissingTool(
      `The browser tests need Chromium at ${CHROMIUM_PATH}: install Debian's package (\`sudo apt-get install chromium\`) or set CHROMIUM_PATH.`,
    );
  }
  process.stderr.write('Installing Chromium from Debian packages for the browser tests …\n');
  const update = spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit' });
  const install =
    update.status === 0 &&
    spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium', 'fonts-noto-core'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  if (!install || install.status !== 0)
    throw new MissingTool('apt-get could not install chromium; install it by hand or set CHROMIUM_PATH.');
}

/** dondoc runs on Node 24 LTS; `npm install` puts it in node_modules/.bin, which npm scripts use first. */
function checkNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 22) return;
  throw new MissingTool(
    `dondoc needs Node.js 22 or newer (this is ${process.version}). \`npm install\` installs Node 24 from the npm registry on linux-x64; ` +
      'elsewhere install Node 24 LTS, then run the command again through npm (`npm start`, `npm test`).',
  );
}

async function main() {
  const forTests = process.argv.includes('--test');
  // The benchmarks replay a five-year plan on the time-skipping server; they need no browser.
  const forBench = process.argv.includes('--bench');
  try {
    checkNode();
    await ensureTemporalCli();
    if (forTests || forBench) await ensureTestServer();
    if (forTests) ensureChromium();
  } catch (err) {
    process.stderr.write(`dondoc: ${err instanceof MissingTool ? err.message : (err.message ?? err)}\n`);
    process.exit(2);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
