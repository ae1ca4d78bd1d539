// The Temporal SDK's process-wide runtime for a worker process: its logs go to pino with the
// workflow and activity ids as fields, and its worker metrics (task slots, poll and schedule-to-start
// latencies, sticky cache, activity and workflow task outcomes) are served for Prometheus.
import { makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import type { Config } from '../config';
import { temporalLogger, type Logger } from '../client/log';

/** Installs the runtime once, before the first connection; the SDK refuses a second install. */
export function installRuntime(config: Pick<Config, 'WORKER_METRICS_ADDRESS'>, logger: Logger): void {
  Runtime.install({
    logger: temporalLogger(logger),
    telemetryOptions: {
      // The Rust core's own lines are forwarded to the same logger, warnings and worse only.
      logging: { filter: makeTelemetryFilterString({ core: 'WARN', other: 'ERROR' }), forward: {} },
      metrics: config.WORKER_METRICS_ADDRESS
        ? { prometheus: { bindAddress: config.WORKER_METRICS_ADDRESS } }
        : undefined,
    },
  });
}
