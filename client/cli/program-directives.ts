// The directive commands of the dondoc command line: launch one, draft one from a dispatch, follow
// it, change it, pass a task on, and ask units for reports and explanations.
import type { Command } from 'commander';
import type { Config } from '../../config';
import { amendCommand, cancelCommand } from './amend';
import { cascadeCommand } from './cascade';
import { launchCommand, statusCommand } from './commands';
import { importCommand } from './import';
import type { CliIo } from './io';
import { overdueCommand } from './overdue';
import { reportRequestCommand } from './report';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerDirectiveCommands(program: Command, io: CliIo, config: () => Config): void {
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
}

/** `dondoc explain`; the help lists it after the unit directory's commands. */
export function registerExplainCommand(program: Command, io: CliIo, config: () => Config): void {
  program
    .command('explain')
    .argument('<task-id>', 'the overdue or returned task, e.g. task:524/UBND-VP9:NB-STTTT')
    .requiredOption('--question <text>', 'what the unit is to explain')
    .option('--deadline <date>', 'when the explanation is due; default two working days')
    .option('--by <name>', 'who asks')
    .option('--json', 'print JSON')
    .description('ask the unit of a task to explain it (yêu cầu giải trình), chased like a task')
    .action(async (taskId, o) => (await import('./explain')).explainCommand(io, config(), taskId, o));
}
