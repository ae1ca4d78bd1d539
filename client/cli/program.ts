// The dondoc command line. Every error a person can cause (a bad file, option or setting, a
// refused change) is one sentence naming the line, field or option, and exit code 2; nothing
// prints a stack trace.
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../../config';
import { FileError } from '../../domain/directive-file';
import { amendCommand, cancelCommand } from './amend';
import { calendarImportCommand, calendarShowCommand } from './calendar';
import { cascadeCommand } from './cascade';
import { deploymentCurrentCommand, deploymentRampCommand, deploymentStatusCommand } from './deployment';
import { launchCommand, statusCommand, webCommand, workerCommand } from './commands';
import { importCommand } from './import';
import { processIo, UsageError, type CliIo } from './io';
import { overdueCommand } from './overdue';
import { reportRequestCommand } from './report';
import { registerUnitCommands } from './units';
import { userAddCommand, userDisableCommand } from './user';
import { reindexCommand } from './reindex';

const collect = (value: string, previous: string[]) => [...previous, value];

function buildProgram(io: CliIo, env: NodeJS.ProcessEnv): Command {
  const config = () => loadConfig(env);
  const program = new Command('dondoc')
    .description('Chase the tasks of a directive to completion (đôn đốc), on Temporal.')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError()
    .exitOverride();

  program
    .command('dev')
    .description('start the embedded stack: Temporal dev server, PostgreSQL, SMTP sink, worker and web app')
    .option('--headless', 'no Temporal Web UI')
    .action(async (o) => (await import('./dev')).devCommand(config(), o));
  program
    .command('worker')
    .description('run a worker against TEMPORAL_ADDRESS, DATABASE_URL and SMTP_URL')
    .action(async () => workerCommand(config()));
  program
    .command('web')
    .description('run the web app against TEMPORAL_ADDRESS and DATABASE_URL')
    .action(async () => webCommand(config()));

  program
    .command('launch')
    .argument('<file>', 'directive file, YAML or JSON')
    .option('--dry-run', "print each unit's deadline, reminders and escalations; start nothing")
    .option('--allow-past', 'launch even when a deadline has already passed')
    .option('--lang <lang>', 'vi or en; default DEFAULT_LANG')
    .option('--json', 'print JSON')
    .description('launch a directive from its file')
    .action(async (file, o) => launchCommand(io, config(), file, o));

  program
    .command('import')
    .argument(
      '<dispatch>',
      'the text of a dispatch (công văn, kế hoạch), e.g. copied from a PDF, or an edXML package (.edxml) received over the document exchange',
    )
    .option(
      '-o, --output <file>',
      'where to write the draft ("-" for standard output); default <dispatch>.draft.yaml here',
    )
    .option('--units <file>', 'unit directory to match names against; default examples/units.yaml')
    .option('--force', 'replace an existing draft file')
    .option('--json', 'print a JSON summary')
    .description(
      'draft a directive file from the text of a dispatch, with a "# ?" question wherever the text is unclear',
    )
    .action(async (file, o) => importCommand(io, file, o, config));

  program
    .command('status')
    .argument('<number>', 'directive number and symbol, e.g. 524/UBND-VP9')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'vi or en; default DEFAULT_LANG')
    .description("show a directive's tasks and their state")
    .action(async (number, o) => statusCommand(io, config(), number, o));

  program
    .command('overdue')
    .option('--directive <number>', 'only this directive')
    .option('--unit <code>', 'only this unit')
    .option(
      '--level <level>',
      'only tasks escalated at least this far: 1 the head, 2 the supervisor, 3 the steering committee',
    )
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'vi or en; default DEFAULT_LANG')
    .description('list tasks past their deadline with no report, from the read model')
    .action(async (o) => overdueCommand(io, config(), o));

  program
    .command('amend')
    .argument('<number>', 'directive number and symbol')
    .argument('<change>', 'add, remove or move')
    .option('--unit <code>', 'the unit whose task is added, removed or moved')
    .option('--title <text>', 'add: the task title')
    .option('--body <text>', 'add: what the unit is to do')
    .option('--deadline <date|days>', 'add: a date YYYY-MM-DD or a number of working days; move: the new date')
    .option('--role <role>', 'add: lead (chủ trì) or support (phối hợp)')
    .option('--supports <code>', 'add: the lead unit a support task feeds')
    .option('--indicator <code:label:unit>', 'add: an indicator to report (repeatable)', collect, [])
    .option('--reason <text>', 'move: why the deadline moves (required; the unit is told); remove: why')
    .option('--confirm-earlier', 'move: the new deadline is earlier than the current one, on purpose')
    .option('--by <name>', 'who asks for the change')
    .option('--lang <lang>', 'vi or en; default DEFAULT_LANG')
    .option('--json', 'print JSON')
    .description('change a running directive: add a task, remove one, or move a deadline')
    .action(async (number, change, o) => amendCommand(io, config(), number, change, o));

  program
    .command('cancel')
    .argument('<number>', 'directive number and symbol')
    .requiredOption('--reason <text>', 'why the directive is cancelled')
    .option('--by <name>', 'who cancels it')
    .option('--lang <lang>', 'vi or en; default DEFAULT_LANG')
    .option('--json', 'print JSON')
    .description('cancel a running directive and close its open tasks')
    .action(async (number, o) => cancelCommand(io, config(), number, o));

  program
    .command('cascade')
    .argument('<number>', 'the directive whose task is passed on')
    .requiredOption('--unit <code>', 'the district whose task it is')
    .requiredOption('--number <number>', "the district's own document number and symbol, e.g. 45/KH-UBND")
    .requiredOption('--deadline <date|days>', 'when the units report: a date (YYYY-MM-DD) or N working days')
    .option('--units <codes>', 'the units under the district, comma separated; default all of them')
    .option('--title <text>', "the sub-directive's subject; default the task's title")
    .option('--by <name>', 'who passes it on')
    .option('--json', 'print JSON')
    .description("pass a district's task on to its own units as a sub-directive")
    .action(async (number, o) => cascadeCommand(io, config(), number, o));

  program
    .command('report')
    .description('reports asked of units')
    .command('request')
    .requiredOption('--units <codes>', 'unit codes, comma separated')
    .requiredOption('--title <text>', 'what the report is about')
    .requiredOption('--within <days>', 'working days the units have (an ad hoc report is short notice)')
    .option('--body <text>', 'what the report must contain')
    .option('--indicator <code:label:unit>', 'an indicator to report (repeatable)', collect, [])
    .option('--number <number>', "the request's number and symbol; default <n>/DX-<YYYYMMDD>")
    .option('--issuer <name>', "the issuing body; default the units' provincial People's Committee")
    .option('--json', 'print JSON')
    .description('ask units for an ad hoc report (báo cáo đột xuất)')
    .action(async (o) => reportRequestCommand(io, config(), o));

  registerUnitCommands(program, io, config);

  program
    .command('explain')
    .argument('<task-id>', 'the overdue or returned task, e.g. task:524/UBND-VP9:NB-STTTT')
    .requiredOption('--question <text>', 'what the unit is to explain')
    .option('--deadline <date>', 'when the explanation is due; default two working days')
    .option('--by <name>', 'who asks')
    .option('--json', 'print JSON')
    .description('ask the unit of a task to explain it (yêu cầu giải trình), chased like a task')
    .action(async (taskId, o) => (await import('./explain')).explainCommand(io, config(), taskId, o));

  const calendar = program
    .command('calendar')
    .description('the working calendar: the days off the government announced');
  calendar
    .command('import')
    .argument('<file>', "a year's announced days off, YAML (see calendar/README.md)")
    .option('--by <name>', 'who imports it')
    .option('--lang <lang>', 'vi or en; default DEFAULT_LANG')
    .option('--json', 'print JSON')
    .description(
      "store a year's announced days off, replacing what was stored for that year, and say which days changed",
    )
    .action(async (file, o) => calendarImportCommand(io, config(), file, o));
  calendar
    .command('show')
    .argument('[year]', 'default this year')
    .option('--lang <lang>', 'vi or en; default DEFAULT_LANG')
    .option('--json', 'print JSON')
    .description("a year's days off and make-up days, announced (with its notices) or provisional")
    .action(async (year, o) => calendarShowCommand(io, config(), year, o));

  const user = program.command('user').description('staff accounts (coordinator, supervisor, admin)');
  user
    .command('add')
    .requiredOption('--email <address>', 'the login address')
    .requiredOption('--name <name>', "the person's name")
    .requiredOption('--role <role>', 'coordinator, supervisor or admin')
    .option('--totp', 'set up a TOTP second factor and print its otpauth:// URI')
    .option('--password-stdin', 'read the password from standard input (default: make one up and print it once)')
    .option('--json', 'print JSON')
    .description('create a staff account, or update the one with this address')
    .action(async (o) => userAddCommand(io, config(), o));
  user
    .command('disable')
    .requiredOption('--email <address>', 'the login address')
    .description('stop an account from logging in, and end its sessions at once')
    .action(async (o) => userDisableCommand(io, config(), o.email, true));
  user
    .command('enable')
    .requiredOption('--email <address>', 'the login address')
    .description('let a disabled account log in again')
    .action(async (o) => userDisableCommand(io, config(), o.email, false));

  const deployment = program
    .command('deployment')
    .description('move new work between versions of the workers (Worker Versioning)');
  deployment
    .command('status')
    .option('--json', 'print JSON')
    .description('which version takes new work, and how far each version has drained')
    .action(async (o) => deploymentStatusCommand(io, config(), o));
  deployment
    .command('ramp')
    .argument('<build-id>', "the new workers' WORKER_BUILD_ID")
    .argument('<percent>', 'share of new workflows to send to it, 0-100')
    .description('try a new version on a share of new work')
    .action(async (buildId, percent) => deploymentRampCommand(io, config(), buildId, percent));
  deployment
    .command('current')
    .argument('<build-id>', "the new workers' WORKER_BUILD_ID")
    .description('send all new work to a version; runs on older ones drain as they continue as new')
    .action(async (buildId) => deploymentCurrentCommand(io, config(), buildId));

  program
    .command('reindex')
    .option('--json', 'print JSON')
    .description('rebuild the read model (directives and tasks) from the workflows in Temporal')
    .action(async (o) => reindexCommand(io, config(), o));

  return program;
}

/** Runs one command line (without "node dondoc") and gives the exit code. */
export async function runCli(
  args: string[],
  io: CliIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  try {
    await buildProgram(io, env).parseAsync(args, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof FileError || err instanceof UsageError) io.err(`${err.message}\n`);
    else if (err instanceof ConfigError) io.err(`dondoc: bad setting ${err.message}\n`);
    else {
      io.err(`dondoc: ${(err as Error)?.message?.split('\n')[0] ?? String(err)}\n`);
      return 1;
    }
    return 2;
  }
}
