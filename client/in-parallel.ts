// A bounded fan-out: enough requests in flight to keep the server busy, few enough that it is
// not flooded.
import pLimit from 'p-limit';

/** Runs `fn` over items with at most `limit` in flight. */
export async function inParallel<T>(
  items: T[],
  limit: number,
  fn: (item: T, i: number) => Promise<unknown>,
): Promise<void> {
  const slot = pLimit(limit);
  await Promise.all(items.map((item, i) => slot(() => fn(item, i))));
}
