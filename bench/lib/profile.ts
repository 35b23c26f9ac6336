/**
 * A CPU profile of this process's main thread (the measured server's) while `fn` runs, written to
 * `file` as a .cpuprofile (Chrome DevTools or speedscope open it). Through node:inspector, so only
 * the measured window is profiled, not the setup before it.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

export async function withCpuProfile<T>(file: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (!file) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}
