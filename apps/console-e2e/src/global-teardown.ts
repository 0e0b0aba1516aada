import { rmSync } from 'node:fs';
import { dirname } from 'node:path';

/** Removes this run's build of the console (see global-setup). */
export default async function globalTeardown(): Promise<void> {
  const dist = process.env['CONSOLE_DIST'];
  if (dist) rmSync(dirname(dist), { recursive: true, force: true });
}
