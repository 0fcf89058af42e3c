export default async function globalTeardown() {
  const handle = (globalThis as { __HAMAFZA_PG__?: { stop(): Promise<void> } }).__HAMAFZA_PG__;
  if (handle) await handle.stop();
}
