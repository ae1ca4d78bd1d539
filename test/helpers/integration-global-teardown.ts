export default async function teardown(): Promise<void> {
  await (globalThis as { __dondocPg?: { stop(): Promise<void> } }).__dondocPg?.stop();
}
