// Waiting for a moment or for a change, without ever cancelling a timer.
import { condition, sleep } from '@temporalio/workflow';

/**
 * `condition(woken, timeout)` cancels its timer when `woken` comes true first. The time-skipping
 * test server refuses a workflow task that cancels a timer which fired while the task was with
 * the worker ("invalid history builder state for action") and then neither times the task out
 * nor sends it again, so the run is stranded (temporalio/sdk-java#3088; the real server takes
 * the cancellation). A directive that records its progress every few seconds while hundreds of
 * tasks report meets that race within seconds. An alarm clock instead lets each timer fire: a
 * wait for a later moment than one already set adds no timer, an earlier one adds one, and a
 * timer that rings for a moment no longer wanted only wakes the loop to look again.
 */
export function alarmClock() {
  const set = new Set<number>();
  let rang = false;
  return {
    /** Resolves at `at` (or a little earlier, when an earlier alarm rings) or when `woken()` holds. */
    async until(at: number, woken: () => boolean): Promise<void> {
      if (woken()) return;
      if (![...set].some((t) => t <= at)) {
        set.add(at);
        sleep(Math.max(1, at - Date.now())).then(
          () => {
            set.delete(at);
            rang = true;
          },
          // Cancelled with the workflow: the wait it served is cancelled with it.
          () => set.delete(at),
        );
      }
      rang = false;
      await condition(() => rang || woken());
    },
  };
}
