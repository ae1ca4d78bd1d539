import { createServer } from 'node:net';

/** A loopback port nobody is listening on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** The config's loopback ports (Temporal and its UI, embedded PostgreSQL, SMTP sink, web, metrics), each free now. */
export async function loopbackPorts(): Promise<
  Record<
    'TEMPORAL_PORT' | 'TEMPORAL_UI_PORT' | 'EMBEDDED_PG_PORT' | 'SMTP_SINK_PORT' | 'WEB_PORT' | 'METRICS_PORT',
    string
  >
> {
  return {
    TEMPORAL_PORT: String(await freePort()),
    TEMPORAL_UI_PORT: String(await freePort()),
    EMBEDDED_PG_PORT: String(await freePort()),
    SMTP_SINK_PORT: String(await freePort()),
    WEB_PORT: String(await freePort()),
    METRICS_PORT: String(await freePort()),
  };
}
