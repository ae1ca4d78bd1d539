// Bare Temporal workflows, the baselines the measures compare dondoc with on the same server in
// the same run: no read model, no outbox; only what Temporal itself must do (and, for the
// reminder, the one mail it sends).
import {
  condition,
  continueAsNew,
  defineUpdate,
  ParentClosePolicy,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  startChild,
} from '@temporalio/workflow';
import type { BareActivities } from './parts';

/** A child that does nothing: its start and close are the whole cost. */
export async function bareChild(): Promise<void> {
  return undefined;
}

export interface BareFanOut {
  prefix: string;
  count: number;
  /** Children started per run, then the parent continues as new (the shape of a directive). */
  batch: number;
  next?: number;
}

/** Starts `count` no-op children in batches, continuing as new between batches. */
export async function bareParent(input: BareFanOut): Promise<number> {
  const from = input.next ?? 0;
  const to = Math.min(input.count, from + input.batch);
  const ids: number[] = [];
  for (let i = from; i < to; i++) ids.push(i);
  await Promise.all(
    ids.map((i) =>
      startChild(bareChild, { workflowId: `${input.prefix}:${i}`, parentClosePolicy: ParentClosePolicy.ABANDON }),
    ),
  );
  if (to < input.count) return continueAsNew<typeof bareParent>({ ...input, next: to });
  return input.count;
}

/** The trivial update: answered at once, the workflow stays open. */
export const echoUpdate = defineUpdate<number, [number]>('echo');
/** Closes the workflow. */
export const finishUpdate = defineUpdate<void, []>('finish');

/** Waits for updates until told to finish: the bare round trip of P2 and the bare close of P1. */
export async function bareWaiter(): Promise<void> {
  let done = false;
  setHandler(echoUpdate, (n) => n);
  setHandler(finishUpdate, () => {
    done = true;
  });
  await condition(() => done);
}

/** Sleeps until an instant, then ends: an open workflow holding one timer (P7's bare baseline). */
export async function bareSleeper(until: number): Promise<void> {
  await sleep(Math.max(1, until - Date.now()));
}

const bare = proxyActivities<BareActivities>({ startToCloseTimeout: '30 seconds' });

/** Sleeps until an instant, then sends one mail through an activity: the least a Temporal reminder costs (P3). */
export async function bareReminder(until: number, index: number): Promise<void> {
  await sleep(Math.max(1, until - Date.now()));
  await bare.sendMail(index);
}

const bareLocal = proxyLocalActivities<BareActivities>({ startToCloseTimeout: '30 seconds' });

/**
 * The same reminder with its mail sent by a local activity, in the workflow task the timer wakes:
 * no activity task through the server, one workflow task instead of two. What a reminder would
 * cost if dondoc sent its mails that way (P3 measures it beside the activity).
 */
export async function bareLocalReminder(until: number, index: number): Promise<void> {
  await sleep(Math.max(1, until - Date.now()));
  await bareLocal.sendMail(index);
}
