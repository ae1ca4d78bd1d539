// A directive: one task per unit (per cycle, for periodic reports), chased until every task is
// closed. Tasks are started in batches and the directive continues as new between batches and
// cycles, so no run holds more than a batch of pending children and history stays bounded.
import {
  CancellationScope,
  ChildWorkflowCancellationType,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  isCancellation,
  patched,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { atLocalTime, localDateOf, vietnamCalendar } from '../domain/calendar';
import { schemas } from './lazy-schemas';
import { reportingCycles } from '../domain/periods';
import { acts } from './activities';
import { alarmClock } from './alarm';
import {
  amendUpdate,
  cancelDirectiveUpdate,
  directiveStatusQuery,
  moveDeadlineSignal,
  subDirectiveClosedSignal,
  taskProgressSignal,
  taskWorkflowId,
} from './messages';
import { planCycle, planTask, specOf, summarise, viewOf } from './directive-plan';
import { refuse, validate } from './validation';
import { DIRECTIVE_KEY, STATUS_KEY } from './search-attributes';
import { taskWorkflow } from './task';
import type { DirectiveResult, DirectiveRunInput, DirectiveState, PlannedTask } from './types';

/** At most this many children are started (and so pending) in one run. */
export const START_BATCH = 500;
/** How often, at most, the directive's progress is written to the read model. */
const RECORD_EVERY_MS = 10_000;

export async function directiveWorkflow(input: DirectiveRunInput): Promise<DirectiveResult> {
  const calendar = vietnamCalendar();
  const batchSize = Math.min(START_BATCH, Math.max(1, input.batchSize ?? START_BATCH));
  const { DirectiveSchema } = schemas();
  const parsed = DirectiveSchema.safeParse(input.directive);
  if (!parsed.success) validate(DirectiveSchema, input.directive);
  const directive = parsed.data!;
  const cycles = directive.schedule.kind === 'periodic' ? reportingCycles(directive.schedule) : [];
  const s: DirectiveState = input.state ?? {
    phase: 'running',
    launchedAt: Date.now(),
    queue: [],
    tasks: {},
    nextCycle: 0,
    version: 1,
  };
  // An update that comes with the first activation (a cancel or an amendment sent as the
  // directive starts) runs as its handler is set, so the plan must be in place before: a cancel
  // then stops it and an amendment is checked against it. Runs begun before planned after.
  const planOneOff = () => {
    if (cycles.length === 0) s.queue.push(...planCycle(directive, localDateOf(s.launchedAt), calendar, ''));
  };
  const plannedFirst = !input.state && patched('plan-before-handlers');
  if (plannedFirst) planOneOff();
  let changed = false;
  let startedThisRun = 0;
  const touch = () => {
    s.version += 1;
    changed = true;
    unrecorded = true;
  };
  const open = () => Object.values(s.tasks).filter((t) => t.phase !== 'done' && t.phase !== 'cancelled');
  let taggedPhase = '';
  let recordedAt = 0;
  let unrecorded = true;
  const alarm = alarmClock();
  /** Writes the read model: the whole directive once, then its phase and progress. */
  const record = (whole = false) => {
    if (patched('search-attributes') && taggedPhase !== s.phase) {
      taggedPhase = s.phase;
      upsertSearchAttributes([
        { key: DIRECTIVE_KEY, value: directive.number },
        { key: STATUS_KEY, value: s.phase },
      ]);
    }
    recordedAt = Date.now();
    unrecorded = false;
    return acts.recordDirective({
      workflowId: workflowInfo().workflowId,
      number: directive.number,
      directive: whole ? directive : undefined,
      ...(whole && input.parentTaskWorkflowId ? { parentTaskWorkflowId: input.parentTaskWorkflowId } : {}),
      phase: s.phase,
      launchedAt: s.launchedAt,
      version: s.version,
      summary: summarise(s),
    });
  };

  /** Stops chasing: nothing more is started and every open task is cancelled. */
  const cancelOpen = async (reason: string) => {
    s.phase = 'cancelling';
    s.cancelReason = reason;
    s.queue = [];
    const targets = open();
    // Cancel in modest groups: each is a command in this workflow's next task.
    for (let i = 0; i < targets.length; i += 100) {
      await Promise.all(
        targets.slice(i, i + 100).map((t) =>
          getExternalWorkflowHandle(t.workflowId)
            .cancel()
            .catch(() => undefined),
        ),
      );
    }
    touch();
    return targets.length;
  };

  setHandler(directiveStatusQuery, () => viewOf(directive.number, s));

  setHandler(taskProgressSignal, (p) => {
    const known = s.tasks[p.workflowId];
    if (known && (known.phase === 'done' || known.phase === 'cancelled')) return;
    s.tasks[p.workflowId] = p;
    touch();
  });

  setHandler(
    amendUpdate,
    async (req) => {
      const launchDay = localDateOf(Date.now());
      if (req.kind === 'add') {
        const spec = schemas().TaskSpecSchema.parse(req.task);
        const planned = planTask(directive, spec, launchDay, calendar, '');
        s.queue.push(planned);
        touch();
        return { applied: 'add', unit: spec.unit, deadline: planned.deadline };
      }
      const id = taskWorkflowId(directive.number, req.unit);
      const deadline = req.kind === 'move' ? calendar.nextWorkingDay(req.deadline, true) : undefined;
      // A task still waiting in the queue (a large directive starts in batches) is amended there.
      const queued = s.queue.findIndex((q) => q.workflowId === id);
      if (queued >= 0 && patched('amend-queued')) {
        if (deadline) s.queue[queued].deadline = deadline;
        else s.queue.splice(queued, 1);
        touch();
      } else if (req.kind === 'remove') await getExternalWorkflowHandle(id).cancel();
      else await getExternalWorkflowHandle(id).signal(moveDeadlineSignal, { deadline: deadline!, by: req.by });
      return { applied: req.kind, unit: req.unit, ...(deadline ? { deadline } : {}) };
    },
    {
      validator: (raw) => {
        const req = validate(schemas().AmendRequestSchema, raw);
        if (s.phase !== 'running') refuse('DIRECTIVE_CLOSED', `the directive is ${s.phase}`);
        const unit = req.kind === 'add' ? req.task.unit : req.unit;
        const id = taskWorkflowId(directive.number, unit);
        const exists = s.tasks[id] !== undefined || s.queue.some((q) => q.workflowId === id);
        if (req.kind === 'add' && exists) refuse('CONFLICT', `task.unit: ${unit} already has a task in this directive`);
        if (req.kind !== 'add' && !exists) refuse('NOT_FOUND', `unit: ${unit} has no task in this directive`);
        const phase = s.tasks[id]?.phase;
        if (req.kind !== 'add' && (phase === 'done' || phase === 'cancelled'))
          refuse('CONFLICT', `unit: ${unit}'s task is already closed (${phase})`);
        if (req.kind === 'move' && req.deadline <= localDateOf(Date.now()))
          refuse('INVALID_INPUT', 'deadline: must be in the future');
      },
    },
  );

  setHandler(cancelDirectiveUpdate, async ({ reason }) => ({ cancelling: await cancelOpen(reason) }), {
    validator: (req) => {
      validate(schemas().CancelDirectiveSchema, req);
      if (s.phase !== 'running') refuse('DIRECTIVE_CLOSED', `the directive is ${s.phase}`);
    },
  });

  const startQueued = async () => {
    const batch: PlannedTask[] = s.queue.splice(0, batchSize - startedThisRun);
    startedThisRun += batch.length;
    await Promise.all(
      batch.map(async (t) => {
        const spec = specOf(directive, t);
        await startChild(taskWorkflow, {
          workflowId: t.workflowId,
          args: [
            {
              directive: { number: directive.number, title: directive.title, issuer: directive.issuer },
              spec,
              cycle: t.cycle,
              deadline: t.deadline,
              policy: directive.policy,
              leadWorkflowId: t.leadWorkflowId,
            },
          ],
          // Tasks outlive a run of their directive: it continues as new between batches.
          parentClosePolicy: ParentClosePolicy.ABANDON,
          // A cancelled directive cancels its open tasks itself, those of earlier runs included.
          cancellationType: ChildWorkflowCancellationType.ABANDON,
        });
        s.tasks[t.workflowId] ??= {
          workflowId: t.workflowId,
          unit: spec.unit,
          cycle: t.cycle,
          phase: 'open',
          deadline: t.deadline,
          escalationLevel: 0,
        };
      }),
    );
    if (batch.length) touch();
  };

  const continueLater = async () => {
    await condition(allHandlersFinished);
    return continueAsNew<typeof directiveWorkflow>({
      directive: input.directive,
      batchSize: input.batchSize,
      parentTaskWorkflowId: input.parentTaskWorkflowId,
      state: s,
    });
  };

  if (!input.state) {
    if (!plannedFirst) planOneOff();
    await record(true);
  }

  /** Starts, waits and continues as new until every task is closed. */
  const chase = async (): Promise<void> => {
    while (true) {
      // Open the next reporting cycle when its period begins.
      if (s.phase === 'running' && s.nextCycle < cycles.length) {
        const cycle = cycles[s.nextCycle];
        const opensAt = atLocalTime(cycle.from, directive.policy.sendHour);
        if (Date.now() >= opensAt || s.nextCycle === 0) {
          s.queue.push(...planCycle(directive, cycle.due, calendar, cycle.key));
          s.nextCycle += 1;
          touch();
        }
      }
      if (s.queue.length > 0) {
        if (startedThisRun >= batchSize) return continueLater();
        await startQueued();
        continue;
      }
      const cyclesLeft = s.phase === 'running' && s.nextCycle < cycles.length;
      if (!cyclesLeft && open().length === 0 && Object.keys(s.tasks).length > 0) break;
      if (s.phase === 'cancelling' && open().length === 0) break;
      // A periodic plan runs for years: a fresh run per cycle keeps each history short.
      if (workflowInfo().continueAsNewSuggested || (cycles.length > 0 && startedThisRun > 0)) {
        await record();
        return continueLater();
      }
      changed = false;
      // Progress reaches the read model at most every RECORD_EVERY_MS: a burst of task reports
      // becomes one write, not one per task.
      let wake = cyclesLeft ? atLocalTime(cycles[s.nextCycle].from, directive.policy.sendHour) : Infinity;
      if (unrecorded) {
        if (Date.now() - recordedAt >= RECORD_EVERY_MS) await record();
        else wake = Math.min(wake, recordedAt + RECORD_EVERY_MS);
      }
      if (wake === Infinity) await condition(() => changed);
      else if (patched('uncancelled-timers')) await alarm.until(wake, () => changed);
      else await condition(() => changed, Math.max(1, wake - Date.now()));
    }
  };

  /** Closes the directive: records it, asks for the consolidated report, tells a parent task. */
  const close = async (): Promise<DirectiveResult> => {
    s.phase = s.phase === 'cancelling' ? 'cancelled' : 'done';
    touch();
    await record();
    await condition(allHandlersFinished);
    const result = summarise(s);
    if (s.phase === 'done') await acts.consolidate({ directiveNumber: directive.number });
    if (input.parentTaskWorkflowId) {
      // A sub-directive: the district task that started it may close with it.
      await getExternalWorkflowHandle(input.parentTaskWorkflowId)
        .signal(subDirectiveClosedSignal, {
          number: directive.number,
          phase: s.phase,
          tasks: result.tasks,
          onTime: result.onTime,
          late: result.late,
          indicators: result.indicators,
        })
        .catch(() => undefined);
    }
    return { phase: s.phase, ...result };
  };

  try {
    await chase();
    return await close();
  } catch (err) {
    if (!isCancellation(err)) throw err;
    // Cancelled as a workflow (the district task that started it was cancelled, or an operator
    // cancelled it): the same as the cancel update, and it still closes in order.
    return CancellationScope.nonCancellable(async () => {
      if (s.phase === 'running') await cancelOpen('cancelled with the task it came from');
      await chase();
      return close();
    });
  }
}
