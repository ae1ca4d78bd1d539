// The CLI commands that talk to a running dondoc (Temporal and its read model).
import { readFileSync } from 'node:fs';
import type { Config } from '../../config';
import { parseDirectiveFile, parseUnitDirectoryFile } from '../../domain/directive-file';
import { chaseSchedule } from '../../domain/chase';
import { vietnamCalendar } from '../../domain/calendar';
import { localDateOf } from '../../domain/local-date';
import { createPool } from '../../db/pool';
import { migrate } from '../../db/migrate';
import { createReadModel } from '../../db/read-model';
import { createDondocWorker } from '../../worker/worker';
import { connectClient, launchDirective } from '../temporal';
import { directiveStatusQuery, directiveWorkflowId } from '../../workflows/messages';
import { planCycle } from '../../workflows/directive-plan';
import { UsageError } from './main';

const temporalAddress = (config: Config) => config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_PORT}`;
const databaseUrl = (config: Config) => config.DATABASE_URL ?? `postgres://dondoc:dondoc@127.0.0.1:${config.EMBEDDED_PG_PORT}/dondoc`;

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

export async function launchCommand(config: Config, file: string, o: { dryRun?: boolean; json?: boolean }): Promise<void> {
  const directive = parseDirectiveFile(readText(file), file);
  if (o.dryRun) {
    const cal = vietnamCalendar();
    const today = localDateOf(Date.now());
    const plan = planCycle(directive, today, cal, '').map((t) => ({
      unit: t.spec.unit,
      role: t.spec.role,
      deadline: t.deadline,
      chase: chaseSchedule({ policy: directive.policy, deadline: t.deadline, calendar: cal }, { from: Date.now(), until: Date.now() + 60 * 86_400_000 }).map((s) => ({
        at: new Date(s.at).toISOString(),
        what: s.kind === 'reminder' ? `reminder T-${s.daysBefore}` : `escalation L${s.level} → ${s.to}${s.weekly ? ' (weekly)' : ''}`,
      })),
    }));
    if (o.json) process.stdout.write(`${JSON.stringify({ number: directive.number, tasks: plan }, null, 2)}\n`);
    else for (const t of plan) process.stdout.write(`${t.unit} (${t.role}) due ${t.deadline}\n${t.chase.map((c) => `    ${c.at}  ${c.what}`).join('\n')}\n`);
    return;
  }
  const client = await connectClient(temporalAddress(config), config.TEMPORAL_NAMESPACE);
  try {
    const result = await launchDirective(client, config, directive);
    if (o.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else process.stdout.write(result.launched ? `Launched ${directive.number}: ${directive.tasks.length} tasks (${result.workflowId}).\n` : `${directive.number} was already launched (${result.workflowId}); nothing started.\n`);
  } finally {
    await client.connection.close();
  }
}

export async function statusCommand(config: Config, number: string, o: { json?: boolean }): Promise<void> {
  const client = await connectClient(temporalAddress(config), config.TEMPORAL_NAMESPACE);
  try {
    const view = await client.workflow.getHandle(directiveWorkflowId(number)).query(directiveStatusQuery);
    if (o.json) return void process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
    process.stdout.write(`${view.number}: ${view.phase}, ${view.total} tasks ${JSON.stringify(view.byPhase)}\n`);
    for (const t of view.tasks) process.stdout.write(`  ${t.unit.padEnd(14)} ${t.phase.padEnd(10)} due ${t.deadline}${t.escalationLevel ? `  escalated L${t.escalationLevel}` : ''}\n`);
  } finally {
    await client.connection.close();
  }
}

export async function unitsImportCommand(config: Config, file: string): Promise<void> {
  const directory = parseUnitDirectoryFile(readText(file), file);
  const pool = createPool(databaseUrl(config));
  try {
    await migrate(databaseUrl(config));
    await createReadModel(pool).upsertUnits(directory.units, Object.entries(directory.groups).map(([code, g]) => ({ code, name: g.name, members: g.members })));
    process.stdout.write(`Imported ${directory.units.length} units and ${Object.keys(directory.groups).length} groups.\n`);
  } finally {
    await pool.end();
  }
}

export async function workerCommand(config: Config): Promise<void> {
  if (!config.SMTP_URL) throw new UsageError('SMTP_URL: a standalone worker needs an SMTP server (dondoc dev starts a sink for you)');
  const pool = createPool(databaseUrl(config));
  await migrate(databaseUrl(config));
  const { worker, close } = await createDondocWorker({ config, temporalAddress: temporalAddress(config), pool, smtpUrl: config.SMTP_URL });
  process.on('SIGINT', () => worker.shutdown());
  process.on('SIGTERM', () => worker.shutdown());
  await worker.run();
  await close();
  await pool.end();
}

export async function webCommand(config: Config): Promise<void> {
  const { buildApp } = await import('../web/app');
  const { createLinks } = await import('../../db/links');
  const pool = createPool(databaseUrl(config));
  await migrate(databaseUrl(config));
  const temporal = await connectClient(temporalAddress(config), config.TEMPORAL_NAMESPACE);
  const app = await buildApp({ config, pool, readModel: createReadModel(pool), links: createLinks(pool), temporal }, { logger: true });
  await app.listen({ host: config.WEB_HOST, port: config.WEB_PORT });
  const stop = async () => {
    await app.close();
    await temporal.connection.close();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
