import { join } from 'node:path';

export const WORKSPACE = join(__dirname, '../../../..');
/** The browser bundle this run's global setup built, or `nx build console`'s own output. */
export const CONSOLE_DIST = process.env['CONSOLE_DIST'] ?? join(WORKSPACE, 'dist/apps/console/browser');
