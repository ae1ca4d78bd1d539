// Structured JSON logs (pino) for the worker and the web app. What a log line may never carry:
// a department's link token, a password, an API key, an Authorization header or a cookie. Paths
// that can hold them are censored, link tokens are cut out of URLs and messages, and requests are
// logged by method and URL only, never with their headers or bodies.
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Logger as TemporalLogger, LogLevel, LogMetadata } from '@temporalio/common';
import type { Config } from '../config';

export type { Logger };

const CENSORED = '[redacted]';

/** Fields that hold secrets wherever they appear (one and two levels deep). */
const SECRET_KEYS = [
  'password',
  'token',
  'apiKey',
  'secret',
  'authorization',
  'cookie',
  'LINK_SECRET',
  'TEMPORAL_API_KEY',
  'SMTP_URL',
];
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`]),
];

const LINK_TOKEN = /\/t\/[A-Za-z0-9_-]{16,}/g;
const QUERY_SECRET = /([?&](?:token|password|apiKey|api_key)=)[^&#\s]*/gi;
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:)[^@/\s]+@/gi;

/** Cuts link tokens, secret query parameters and URL passwords out of a text. */
export function scrub(text: string): string {
  return text
    .replace(LINK_TOKEN, '/t/…')
    .replace(QUERY_SECRET, `$1${CENSORED}`)
    .replace(URL_PASSWORD, `$1${CENSORED}@`);
}

export interface LogOptions {
  /** Where lines go; stdout when unset. Tests pass a stream they read back. */
  destination?: DestinationStream;
  /** The process's role, on every line: `worker` or `web`. */
  name?: string;
}

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, o: LogOptions = {}): Logger {
  return pino(
    {
      name: o.name,
      level: config.LOG_LEVEL,
      redact: { paths: REDACT_PATHS, censor: CENSORED },
      serializers: {
        req: (r: { id?: string; method?: string; url?: string }) => ({
          id: r.id,
          method: r.method,
          url: scrub(String(r.url ?? '')),
        }),
        res: (r: { statusCode?: number }) => ({ statusCode: r.statusCode }),
        err: (e: Error) => {
          const plain = pino.stdSerializers.err(e);
          return {
            ...plain,
            message: scrub(String(plain.message ?? '')),
            stack: plain.stack ? scrub(plain.stack) : undefined,
          };
        },
      },
      hooks: {
        // Messages are free text: an error message may quote a URL with a token in it.
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    o.destination,
  );
}

const LEVELS: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * The Temporal SDK's logger on top of pino. Workflow and activity messages arrive with their
 * workflowId, runId, activityType and taskQueue in the metadata, so those become fields.
 */
export function temporalLogger(logger: Logger): TemporalLogger {
  const log = (level: LogLevel, message: string, meta?: LogMetadata) => {
    const { sdkComponent, ...rest } = meta ?? {};
    logger[LEVELS[level]]({ component: sdkComponent, ...rest }, message);
  };
  return {
    log,
    trace: (m, meta) => log('TRACE', m, meta),
    debug: (m, meta) => log('DEBUG', m, meta),
    info: (m, meta) => log('INFO', m, meta),
    warn: (m, meta) => log('WARN', m, meta),
    error: (m, meta) => log('ERROR', m, meta),
  };
}
