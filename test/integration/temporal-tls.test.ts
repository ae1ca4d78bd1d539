// The TLS settings reach the Temporal connection: a frontend behind TLS that asks for a client
// certificate (mTLS, as Temporal Cloud or a hardened self-hosted server does) is reached with
// TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY, TEMPORAL_TLS_CA and TEMPORAL_TLS_SERVER_NAME, and refused
// without the client certificate. The frontend is the dev server behind a TLS terminator.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { NativeConnection } from '@temporalio/worker';
import { loadConfig, ConfigError } from '../../config';
import { connectClient, temporalSecurity } from '../../client/temporal';
import { startTemporalDev, type RunningProcess } from '../../client/stack/temporal-dev';
import { freePort } from '../helpers/stack';

const SERVER_NAME = 'temporal.dondoc.test';
let dir: string;
let dev: RunningProcess;
let proxy: tls.Server;
let address: string;

/** A CA, a server certificate for SERVER_NAME and a client certificate, made with openssl. */
function makeCertificates(): void {
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '1',
    '-subj',
    '/CN=dondoc test CA',
  );
  for (const [name, ext] of [
    ['server', `subjectAltName=DNS:${SERVER_NAME}`],
    ['client', 'extendedKeyUsage=clientAuth'],
  ] as const) {
    writeFileSync(path.join(dir, `${name}.ext`), `${ext}\n`);
    ssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/CN=dondoc ${name}`,
    );
    ssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '1',
      '-extfile',
      `${name}.ext`,
    );
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-tls-'));
  makeCertificates();
  dev = await startTemporalDev({
    dataDir: dir,
    port: await freePort(),
    uiPort: await freePort(),
    namespace: 'default',
    headless: true,
  });
  const [devHost, devPort] = dev.address.split(':');
  const file = (name: string) => readFileSync(path.join(dir, name));
  // Terminates TLS, insists on a client certificate from the CA, and passes gRPC on in plain text.
  proxy = tls.createServer(
    {
      key: file('server.key'),
      cert: file('server.pem'),
      ca: file('ca.pem'),
      requestCert: true,
      rejectUnauthorized: true,
      ALPNProtocols: ['h2'],
    },
    (socket) => {
      const upstream = net.connect(Number(devPort), devHost);
      socket.pipe(upstream).pipe(socket);
      const close = () => (socket.destroy(), upstream.destroy());
      socket.on('error', close);
      upstream.on('error', close);
    },
  );
  proxy.on('tlsClientError', () => undefined);
  const port = await freePort();
  await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
  address = `127.0.0.1:${port}`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => proxy?.close(resolve));
  await dev?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const settings = (extra: Record<string, string>) => loadConfig({ TEMPORAL_ADDRESS: address, DATA_DIR: dir, ...extra });
const mtls = () =>
  settings({
    TEMPORAL_TLS_CERT: path.join(dir, 'client.pem'),
    TEMPORAL_TLS_KEY: path.join(dir, 'client.key'),
    TEMPORAL_TLS_CA: path.join(dir, 'ca.pem'),
    TEMPORAL_TLS_SERVER_NAME: SERVER_NAME,
  });

test("the client and the worker's connection reach a frontend that asks for mTLS with the configured certificate", async () => {
  const client = await connectClient(address, 'default', temporalSecurity(mtls()));
  try {
    const info = await client.connection.workflowService.getSystemInfo({});
    expect(info.serverVersion).toMatch(/^\d+\.\d+/);
  } finally {
    await client.connection.close();
  }
  const native = await NativeConnection.connect({ address, ...temporalSecurity(mtls()) });
  try {
    const { customAttributes } = await native.operatorService.listSearchAttributes({ namespace: 'default' });
    expect(Object.keys(customAttributes ?? {})).toContain('DondocDirective');
  } finally {
    await native.close();
  }
}, 60_000);

test('without the client certificate the same frontend refuses the connection', async () => {
  const serverOnly = settings({ TEMPORAL_TLS_CA: path.join(dir, 'ca.pem'), TEMPORAL_TLS_SERVER_NAME: SERVER_NAME });
  expect(temporalSecurity(serverOnly).tls).toMatchObject({
    serverNameOverride: SERVER_NAME,
    clientCertPair: undefined,
  });
  await expect(
    connectClient(address, 'default', temporalSecurity(serverOnly)).then((c) =>
      c.connection.workflowService.getSystemInfo({}),
    ),
  ).rejects.toThrow();
}, 60_000);

test('a plain connection is used when no TLS setting is given, and a half-given certificate is refused by name', () => {
  expect(temporalSecurity(settings({}))).toEqual({ tls: undefined, apiKey: undefined });
  expect(temporalSecurity(settings({ TEMPORAL_API_KEY: 'k' })).tls).toEqual({
    serverNameOverride: undefined,
    serverRootCACertificate: undefined,
    clientCertPair: undefined,
  });
  expect(temporalSecurity(settings({ TEMPORAL_API_KEY: 'k', TEMPORAL_TLS: 'false' })).tls).toBeUndefined();
  expect(() => settings({ TEMPORAL_TLS_CERT: path.join(dir, 'client.pem') })).toThrow(
    new ConfigError('TEMPORAL_TLS_KEY', 'a client certificate needs both TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY'),
  );
  expect(() => temporalSecurity(settings({ TEMPORAL_TLS_CA: path.join(dir, 'nowhere.pem') }))).toThrow(
    /^TEMPORAL_TLS_CA: cannot read .*nowhere\.pem: ENOENT$/,
  );
});
