// The CLI commands that launch a directive and read it back, and the long-running processes.
import type { Client } from '@temporalio/client';
import { requireLinkSecret, type Config } from '../../config';
import { parse as parseYaml } from 'yaml';
import { parseDirectiveFile } from '../../domain/directive-file';
import { edxmlOriginOfFile } from '../../domain/edxml';
import type { Directive } from '../../domain/schemas';
import { loadShippedAnnouncements } from '../../db/calendar';
import { createPool } from '../../db/pool';
import { migrate } from '../../db/migrate';
import { createReadModel } from '../../db/read-model';
import { launchDirective, NumberTakenError, type LaunchResult } from '../temporal';
import { directiveStatusQuery, directiveWorkflowId } from '../../workflows/messages';
import { dryRun, noteLine, printDryRun } from './dry-run';
import { lineOfField } from '../../domain/directive-file';
import { createVietnamCalendar } from '../../domain/calendar';
import { formatDateShortVi, type Lang } from '../../domain/format';
import { currentCalendar } from '../temporal';
import {
  databaseUrl,
  explainWorkflowError,
  langOption,
  printJson,
  readText,
  temporalAddress,
  UsageError,
  withReadModelPool,
  withTemporal,
  type CliIo,
} from './io';
import { progressBar } from './progress';

export async function launchCommand(
  io: CliIo,
  config: Config,
  file: string,
  o: { dryRun?: boolean; json?: boolean; allowPast?: boolean; lang?: string },
): Promise<void> {
  const text = readText(file);
  const directive = parseDirectiveFile(text, file);
  const lang = langOption(o.lang, config);
  if (o.dryRun) return printDryRun(io, await dryRunOn(config, directive), o.json, lang);
  // A deadline already past is never accepted silently: the office says so with --allow-past. A
  // date already past is past on any calendar: the shipped one answers before anything connects.
  const past = dryRun(directive, Date.now()).notes.find((n) => n.kind === 'past');
  if (past && !o.allowPast) {
    const line = lineOfField(text, ['tasks', past.task, 'deadline']);
    throw new UsageError(
      `${file}${line ? `:${line}` : ''}: tasks.${past.task}.deadline: ${noteLine(past, lang)}; ${
        lang === 'vi' ? 'thêm --allow-past để vẫn giao' : 'add --allow-past to launch it all the same'
      }`,
    );
  }
  // A draft made from an edXML package keeps where it came from: status packages go back there.
  const edxmlOrigin = edxmlOriginOfFile(parseYaml(text));
  await withReadModelPool(config, (pool) =>
    withTemporal(config, async (client) => {
      const result = await launchDirective(client, config, directive, pool, { edxmlOrigin }).catch(refuseTaken);
      if (result.launched && !o.json) await showStarting(io, client, directive);
      reportLaunch(io, directive, result, o.json, lang);
    }),
  );
}

/**
 * A dry run on the calendar a launch would count on: the days off stored in the database; with
 * no DATABASE_URL it works offline, on the shipped ones.
 */
async function dryRunOn(config: Config, directive: Directive) {
  if (!config.DATABASE_URL) return dryRun(directive, Date.now());
  const announced = await withReadModelPool(config, currentCalendar);
  return dryRun(directive, Date.now(), createVietnamCalendar(announced));
}

/** A number another directive holds is the user's to fix: exit code 2, the field named. */
export function refuseTaken(err: unknown): never {
  if (err instanceof NumberTakenError) throw new UsageError(err.message);
  throw err;
}

export function reportLaunch(
  io: CliIo,
  directive: Directive,
  result: LaunchResult,
  json: boolean | undefined,
  lang: Lang = 'en',
): void {
  if (json) return printJson(io, { number: directive.number, tasks: directive.tasks.length, ...result });
  const n = directive.tasks.length;
  const said = {
    vi: result.launched
      ? `Đã giao văn bản ${directive.number}: ${n} nhiệm vụ (${result.workflowId}).\n`
      : `Văn bản ${directive.number} đã được giao trước đó (${result.workflowId}); không giao lại.\n`,
    en: result.launched
      ? `Launched ${directive.number}: ${n} tasks (${result.workflowId}).\n`
      : `${directive.number} was already launched (${result.workflowId}); nothing started.\n`,
  };
  io.out(said[lang]);
}

/** On a terminal, follow the directive while it starts its tasks (large fan-outs go in batches). */
async function showStarting(io: CliIo, client: Client, directive: Directive): Promise<void> {
  if (!io.progressStream?.isTTY) return;
  const bar = progressBar(io, 'Starting tasks', directive.tasks.length);
  const handle = client.workflow.getHandle(directiveWorkflowId(directive.number));
  try {
    for (const giveUp = Date.now() + 10 * 60_000; Date.now() < giveUp;) {
      const view = await handle.query(directiveStatusQuery).catch(() => undefined);
      if (view) {
        bar.update(view.started, Math.max(view.total, 1));
        if (view.queued === 0 && view.total > 0) return;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    bar.stop();
  }
}

const PHASES: Record<Lang, Record<string, string>> = {
  vi: { running: 'đang thực hiện', cancelling: 'đang hủy', done: 'đã hoàn thành', cancelled: 'đã hủy' },
  en: { running: 'running', cancelling: 'cancelling', done: 'done', cancelled: 'cancelled' },
};
const ROW_STATES: Record<Lang, Record<string, string>> = {
  vi: {
    assigning: 'đang giao',
    open: 'đang mở',
    submitted: 'chờ xem xét',
    returned: 'trả lại',
    done: 'hoàn thành',
    cancelled: 'đã hủy',
  },
  en: {
    assigning: 'assigning',
    open: 'open',
    submitted: 'submitted',
    returned: 'returned',
    done: 'done',
    cancelled: 'cancelled',
  },
};

/** A directive's counts from its workflow, and each task's row from the read model. */
export async function statusCommand(
  io: CliIo,
  config: Config,
  number: string,
  o: { json?: boolean; lang?: string },
): Promise<void> {
  const view = await withTemporal(config, (client) =>
    client.workflow
      .getHandle(directiveWorkflowId(number))
      .query(directiveStatusQuery)
      .catch((err) => explainWorkflowError(err, number, client)),
  );
  const rows = await withReadModelPool(config, (pool) => createReadModel(pool).tasksOfDirective(view.key));
  const tasks = rows.map((r) => ({
    workflowId: r.workflow_id,
    unit: r.unit_code,
    cycle: r.cycle,
    state: r.state,
    deadline: r.deadline,
    escalationLevel: r.escalation_level,
  }));
  if (o.json) return printJson(io, { ...view, tasks });
  const lang = langOption(o.lang, config);
  const phase = PHASES[lang][view.phase] ?? view.phase;
  io.out(
    lang === 'vi'
      ? `${view.number}: ${phase}, ${view.total} nhiệm vụ (đang mở ${view.open}, đúng hạn ${view.onTime}, quá hạn ${view.late}, đã hủy ${view.cancelled})\n`
      : `${view.number}: ${phase}, ${view.total} tasks (open ${view.open}, on time ${view.onTime}, late ${view.late}, cancelled ${view.cancelled})\n`,
  );
  for (const t of tasks) {
    const state = (ROW_STATES[lang][t.state] ?? t.state).padEnd(12);
    const due = lang === 'vi' ? `hạn ${formatDateShortVi(t.deadline)}` : `due ${t.deadline}`;
    const level = t.escalationLevel
      ? lang === 'vi'
        ? `  vượt cấp ${t.escalationLevel}`
        : `  escalated L${t.escalationLevel}`
      : '';
    io.out(`  ${t.unit.padEnd(14)} ${t.cycle ? `${t.cycle} ` : ''}${state} ${due}${level}\n`);
  }
}

export async function workerCommand(config: Config): Promise<void> {
  if (!config.SMTP_URL)
    throw new UsageError('SMTP_URL: a standalone worker needs an SMTP server (dondoc dev starts a sink for you)');
  const { createDondocWorker } = await import('../../worker/worker');
  const { NamespaceNotReady } = await import('../../worker/namespace-check');
  const { installRuntime } = await import('../../worker/runtime');
  const { createLogger } = await import('../log');
  const log = createLogger(config, { name: 'worker' });
  installRuntime(config, log);
  const pool = createPool(databaseUrl(config));
  await migrate(databaseUrl(config));
  // A worker on its own database (no `dondoc dev`) loads the shipped days off, as the stack does.
  await loadShippedAnnouncements(pool);
  const where = {
    address: temporalAddress(config),
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
  };
  const created = await createDondocWorker({
    config,
    temporalAddress: where.address,
    pool,
    smtpUrl: config.SMTP_URL,
  }).catch(async (err) => {
    await pool.end();
    throw err instanceof NamespaceNotReady ? new UsageError(err.message) : err;
  });
  const { worker, close, version } = created;
  process.on('SIGINT', () => worker.shutdown());
  process.on('SIGTERM', () => worker.shutdown());
  log.info({ ...where, ...version, metrics: config.WORKER_METRICS_ADDRESS }, 'worker polling');
  // A deployment's first worker takes the new work; later versions are ramped in with `dondoc deployment`.
  await worker.run();
  await close();
  await pool.end();
  log.info(where, 'worker stopped');
}

export async function webCommand(config: Config): Promise<void> {
  requireLinkSecret(config, { embedded: false });
  const { serveWeb } = await import('../web/serve');
  const { createLinks } = await import('../../db/links');
  const { connectClient, temporalSecurity } = await import('../temporal');
  const pool = createPool(databaseUrl(config));
  await migrate(databaseUrl(config));
  const temporal = await connectClient(temporalAddress(config), config.TEMPORAL_NAMESPACE, temporalSecurity(config));
  const web = await serveWeb(
    { config, pool, readModel: createReadModel(pool), links: createLinks(pool), temporal, smtpUrl: config.SMTP_URL },
    { logger: true },
  );
  const stop = async () => {
    await web.close();
    await temporal.connection.close();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
