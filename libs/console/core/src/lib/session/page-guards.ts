import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { SessionStore } from './session.store';

/**
 * Opens a module's console page only when the session's navigation has it (module on, roles
 * allow); otherwise shows the console's "not available" page with the path asked for.
 */
export function modulePage(path: string): CanActivateFn {
  return async () => {
    const session = inject(SessionStore);
    const router = inject(Router);
    await session.ensureLoaded();
    return session.canOpen(path) || router.createUrlTree(['/not-available'], { queryParams: { page: path } });
  };
}

/**
 * The home page (the dashboard of a member's figures) is a member's: a guest organisation has no
 * member data, so its people start on the first page the menu offers them (the shared spaces).
 */
export const guestsStartElsewhere: CanActivateFn = async () => {
  const session = inject(SessionStore);
  const router = inject(Router);
  await session.ensureLoaded();
  const first = session.navigation()[0];
  return !session.isGuest() || !first || router.createUrlTree([`/${first.path}`]);
};
