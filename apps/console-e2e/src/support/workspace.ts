import { join } from 'node:path';

export const WORKSPACE = join(__dirname, '../../../..');
/** Where `nx build console` puts the browser bundle. */
export const CONSOLE_DIST = join(WORKSPACE, 'dist/apps/console/browser');
