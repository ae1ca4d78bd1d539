// The embedded default stack behind `dondoc dev` (and the integration tests): whatever has no
// URL configured is started here, under the data folder, and stopped again in reverse order.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { Pool } from 'pg';
import type { Config } from '../../config';
import { loadShippedAnnouncements } from '../../db/calendar';
import { createPool } from '../../db/pool';
import { migrate } from '../../db/migrate';
import { projectRoot } from '../../db/paths';
import { createReadModel } from '../../db/read-model';
import { parseUnitDirectoryFile } from '../../domain/directive-file';
import { startTemporalDev } from './temporal-dev';
import { startEmbeddedPostgres } from './postgres';
import { startSmtpSink } from './smtp-sink';
import { secureDataDir } from './data-dir';

export interface Stack {
  temporalAddress: string;
  databaseUrl: string;
  smtpUrl: string;
  temporalUiUrl?: string;
  pool: Pool;
  /** Stops what this stack started, last started first. */
  stop(): Promise<void>;
}

export interface StackOptions {
  headless?: boolean;
  /** Dynamic config values for the dev server, `KEY=JSON`. */
  temporalDynamicConfig?: string[];
  log?: (line: string) => void;
}

export async function startStack(config: Config, o: StackOptions = {}): Promise<Stack> {
  const log = o.log ?? (() => undefined);
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    secureDataDir(config.dataDir);
    const [temporal, pg] = await Promise.all([
      config.TEMPORAL_ADDRESS
        ? Promise.resolve({ address: config.TEMPORAL_ADDRESS, ui: undefined })
        : startTemporalDev({
            dataDir: path.join(config.dataDir, 'temporal'),
            port: config.TEMPORAL_PORT,
            uiPort: config.TEMPORAL_UI_PORT,
            namespace: config.TEMPORAL_NAMESPACE,
            headless: o.headless,
            dynamicConfig: o.temporalDynamicConfig,
          }).then((t) => {
            stops.push(t.stop);
            log(`Temporal dev server on ${t.address}`);
            return { address: t.address, ui: o.headless ? undefined : `http://127.0.0.1:${config.TEMPORAL_UI_PORT}` };
          }),
      config.DATABASE_URL
        ? Promise.resolve({ databaseUrl: config.DATABASE_URL })
        : startEmbeddedPostgres(config.dataDir, config.EMBEDDED_PG_PORT).then((p) => {
            stops.push(p.stop);
            log(`PostgreSQL on ${p.address}`);
            return p;
          }),
    ]);
    const applied = await migrate(pg.databaseUrl);
    if (applied.length) log(`Database migrations applied: ${applied.join(', ')}`);
    const pool = createPool(pg.databaseUrl);
    stops.push(() => pool.end());
    await seedUnits(pool, log);
    await seedCalendar(pool, log);
    let smtpUrl = config.SMTP_URL;
    if (!smtpUrl) {
      const sink = await startSmtpSink(pool, config.SMTP_SINK_PORT);
      stops.push(sink.stop);
      smtpUrl = sink.smtpUrl;
      log(`SMTP sink on ${sink.address}`);
    }
    return {
      temporalAddress: temporal.address,
      temporalUiUrl: temporal.ui,
      databaseUrl: pg.databaseUrl,
      smtpUrl,
      pool,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** On first start the directory is empty: load the demo units named in the example dispatches. */
async function seedUnits(pool: Pool, log: (line: string) => void): Promise<void> {
  const { rows } = await pool.query('SELECT count(*)::int AS n FROM units');
  if (rows[0].n > 0) return;
  const file = path.join(projectRoot(), 'examples', 'units.yaml');
  const directory = parseUnitDirectoryFile(readFileSync(file, 'utf8'), file);
  await createReadModel(pool).upsertUnits(
    directory.units,
    Object.entries(directory.groups).map(([code, g]) => ({ code, name: g.name, members: g.members })),
  );
  log(`Loaded ${directory.units.length} demo units from examples/units.yaml`);
}

/** The announced days off dondoc ships (calendar/), for the years the database lacks. */
async function seedCalendar(pool: Pool, log: (line: string) => void): Promise<void> {
  const { years } = await loadShippedAnnouncements(pool);
  if (years.length) log(`Loaded the announced days off of ${years.join(', ')} from calendar/`);
}
