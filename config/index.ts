// dondoc's settings, all from environment variables, validated in one place. A variable left
// unset means "use the embedded default": a local Temporal dev server, an embedded PostgreSQL and
// an SMTP sink, all under DATA_DIR.
import { z } from 'zod';
import { isIP } from 'node:net';
import path from 'node:path';
import { OrganIdSchema } from '../domain/schemas';

const port = z.coerce.number().int().min(1).max(65535);
const url = (protocols: string[]) =>
  z.string().refine(
    (s) => {
      try {
        return protocols.includes(new URL(s).protocol);
      } catch {
        return false;
      }
    },
    `expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  );

/** proxy-addr's names for ranges: loopback, link-local and private (unique local) addresses. */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];
const isAddressOrCidr = (s: string): boolean => {
  if (PROXY_RANGES.includes(s)) return true;
  const [address, bits, extra] = s.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
};
const trustProxy = z
  .string()
  .trim()
  .default('off')
  .refine(
    (v) => v === 'off' || /^[1-9]$/.test(v) || v.split(',').every((a) => isAddressOrCidr(a.trim())),
    'expected "off", a number of proxies (1-9), or addresses and CIDR ranges separated by commas, e.g. 10.0.0.5,172.16.0.0/12',
  );

/**
 * TRUST_PROXY as Fastify's trustProxy takes it: false, the addresses and ranges, or for a number
 * of proxies the hops to trust (as Fastify does with a number, which its types do not list).
 */
export function trustProxyOf(
  setting: string | undefined,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (setting === undefined || setting === 'off') return false;
  if (/^[1-9]$/.test(setting)) {
    const hops = Number(setting);
    return (_address, hop) => hop < hops;
  }
  return setting.split(',').map((a) => a.trim());
}

export const ConfigSchema = z.object({
  DATA_DIR: z.string().min(1).default('data'),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, 'expected host:port, e.g. localhost:7233')
    .optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('dondoc'),
  /** TLS to the Temporal frontend: client certificate and key (mTLS), the server's CA, the name it presents. */
  TEMPORAL_TLS: z.enum(['true', 'false']).optional(),
  TEMPORAL_TLS_CERT: z.string().min(1).optional(),
  TEMPORAL_TLS_KEY: z.string().min(1).optional(),
  TEMPORAL_TLS_CA: z.string().min(1).optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  /** An API key (Temporal Cloud); implies TLS. */
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  /** Where the worker serves the Temporal SDK's Prometheus metrics, host:port; none when unset. */
  WORKER_METRICS_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, 'expected host:port, e.g. 0.0.0.0:9464')
    .optional(),
  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  EMBEDDED_PG_PORT: port.default(5433),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  SMTP_SINK_PORT: port.default(2525),
  MAIL_FROM: z.string().min(3).default('dondoc <dondoc@localhost>'),
  WEB_HOST: z.string().min(1).default('127.0.0.1'),
  WEB_PORT: port.default(3000),
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  /**
   * The reverse proxy in front of the web app, whose X-Forwarded-For names the client: its
   * addresses or ranges (comma-separated), or how many proxies stand in front; `off` (the
   * default) trusts none and counts the connection's own address.
   */
  TRUST_PROXY: trustProxy,
  /** Where the web app serves its Prometheus /metrics: a port of its own, `off` for none. */
  METRICS_PORT: z.union([z.literal('off'), port]).default(9465),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** Secret for link tokens and sessions; generated and kept under DATA_DIR when unset. */
  LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DEFAULT_LANG: z.enum(['vi', 'en']).default('vi'),
  /** Requests a minute from one address to the department pages behind a link (/t/…). */
  LINK_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  /** "Lost your link?" requests an hour from one address. */
  NEW_LINK_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Largest attachment a department may send with a report, in megabytes. */
  ATTACHMENT_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `true`: supervisors and admins must log in with a TOTP code (set up by `dondoc user add --totp`). */
  REQUIRE_TOTP: z.enum(['true', 'false']).default('false'),
  /** A unit's reminders due the same days go out as one daily digest. */
  DIGEST_REMINDERS: z.enum(['true', 'false']).default('true'),
  /** Workflows a worker keeps in memory between their tasks (about 1 MB resident each); one not kept is replayed from its history. */
  WORKER_CACHE_SIZE: z.coerce.number().int().min(0).default(300),
  /** Workflow tasks a worker runs at once (at least 2 while the cache is on). */
  WORKER_WORKFLOW_TASKS: z.coerce.number().int().min(2).default(100),
  /** Activities a worker runs at once, remote and local (mails, read-model writes) each; more than its database connections only queue. */
  WORKER_ACTIVITY_TASKS: z.coerce.number().int().min(1).default(20),
  /** Threads that run workflow code in a worker (each with its own sandbox). */
  WORKER_WORKFLOW_THREADS: z.coerce.number().int().min(1).max(16).default(1),
  /** Pollers a worker keeps on each of its queues (workflow, activity): a number, or `auto` to let the SDK scale them; unset, the SDK's defaults. */
  WORKER_POLLERS: z.union([z.literal('auto'), z.coerce.number().int().min(2).max(100)]).optional(),
  /** SMTP connections a worker's mailer keeps open and sends over at once. */
  SMTP_POOL_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(4),
  /** A folder outgoing edXML packages are written to, one file each, for the document system to pick up. */
  EDXML_OUTBOX_DIR: z.string().min(1).optional(),
  /** An endpoint outgoing edXML packages are POSTed to (the exchange's gateway), retried on failure. */
  EDXML_ENDPOINT_URL: url(['http:', 'https:']).optional(),
  /** The office's own organisation on the exchange (mã định danh), the sender of dondoc's packages. */
  EDXML_ORGAN_ID: OrganIdSchema.optional(),
  EDXML_ORGAN_NAME: z.string().trim().min(1).optional(),
  /** Largest edXML package read, in megabytes. */
  EDXML_MAX_MB: z.coerce.number().positive().max(1024).default(50),
  /** Workflow code bundled ahead by `npm run build` (dist/workflow-bundle.js); unset, a worker bundles it when it starts. */
  WORKER_BUNDLE: z.string().min(1).optional(),
  /**
   * Worker Versioning: workers register as one version (build) of a deployment; a workflow stays on
   * the version it started on, and long ones move to the current version when they continue as new.
   * `false` runs unversioned workers (a server without worker deployments).
   */
  WORKER_VERSIONING: z.enum(['true', 'false']).default('true'),
  WORKER_DEPLOYMENT_NAME: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'letters, digits, ".", "_" or "-"')
    .default('dondoc'),
  /** This worker's build: by default the package version and the git commit it was built from. */
  WORKER_BUILD_ID: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9.+_-]{0,99}$/, 'letters, digits, ".", "+", "_" or "-"')
    .optional(),
});
export type Config = z.infer<typeof ConfigSchema> & { publicUrl: string; dataDir: string };

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

/** Reads the configuration from an environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(Object.keys(ConfigSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = ConfigSchema.safeParse(known);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      String(issue.path[0]),
      `${issue.message} (got ${JSON.stringify(known[String(issue.path[0])])})`,
    );
  }
  const c = parsed.data;
  if (Boolean(c.TEMPORAL_TLS_CERT) !== Boolean(c.TEMPORAL_TLS_KEY)) {
    const absent = c.TEMPORAL_TLS_CERT ? 'TEMPORAL_TLS_KEY' : 'TEMPORAL_TLS_CERT';
    throw new ConfigError(absent, 'a client certificate needs both TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY');
  }
  // A package leaves with the office's organisation as its sender: no target without one.
  if (c.EDXML_OUTBOX_DIR || c.EDXML_ENDPOINT_URL)
    for (const needed of ['EDXML_ORGAN_ID', 'EDXML_ORGAN_NAME'] as const)
      if (!c[needed])
        throw new ConfigError(
          needed,
          "edXML packages are sent in the office's name: set EDXML_ORGAN_ID and EDXML_ORGAN_NAME with EDXML_OUTBOX_DIR or EDXML_ENDPOINT_URL",
        );
  return {
    ...c,
    dataDir: path.resolve(c.DATA_DIR),
    publicUrl: c.PUBLIC_URL ?? `http://${c.WEB_HOST === '0.0.0.0' ? 'localhost' : c.WEB_HOST}:${c.WEB_PORT}`,
  };
}

const HOW_TO_SET = 'set LINK_SECRET to 32 or more random characters (openssl rand -hex 32)';

/** What no secret looks like: the old compose file's public default and its kind, or a few characters repeated. */
const isPlaceholder = (secret: string): boolean =>
  /placeholder|change.?me|changeit|example|your.?secret/i.test(secret) || new Set(secret).size < 10;

/**
 * The web app's secret keys staff sessions and form tokens. The embedded stack (`dondoc dev`)
 * makes one under DATA_DIR; a web app on its own (`dondoc web`, one of several replicas) must be
 * given a real one, or anyone who knows the default could forge a session.
 */
export function requireLinkSecret(config: Pick<Config, 'LINK_SECRET'>, o: { embedded: boolean }): void {
  const secret = config.LINK_SECRET;
  if (secret === undefined) {
    if (o.embedded) return;
    throw new ConfigError(
      'LINK_SECRET',
      `dondoc web needs a secret of its own, the same on every web replica: ${HOW_TO_SET}`,
    );
  }
  if (isPlaceholder(secret)) throw new ConfigError('LINK_SECRET', `this is a placeholder, not a secret: ${HOW_TO_SET}`);
}

/** For entry points: a bad setting is one sentence and exit code 2, never a stack trace. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`dondoc: bad setting ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}
