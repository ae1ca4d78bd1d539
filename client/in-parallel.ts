// A bounded fan-out: enough requests in flight to keep the server busy, few enough that it is
// not flooded.

/** Runs `fn` over items with at most `limit` in flight. */
export async function inParallel<T>(
  items: T[],
  limit: number,
  fn: (item: T, i: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}
