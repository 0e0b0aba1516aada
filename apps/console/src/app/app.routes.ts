import type { Routes } from '@angular/router';
import { guestsStartElsewhere, signedInGuard } from '@hearth/console-core';

/**
 * Every screen loads on first visit, a feature library at a time, so the sign-in page and the
 * dashboard do not wait for the repairs board's code. Each library guards its own pages by the
 * module and roles they need (modulePage); the paths are the ones modules declare for the
 * console (`console.routes` in @HearthModule), which is how the navigation finds them.
 */
export const routes: Routes = [
  { path: 'sign-in', loadComponent: () => import('./sign-in/sign-in.component').then((m) => m.SignInComponent) },
  {
    path: 'auth/callback',
    loadComponent: () => import('./auth/auth-callback.component').then((m) => m.AuthCallbackComponent),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./layout/layout.component').then((m) => m.LayoutComponent),
    children: [
      {
        path: '',
        pathMatch: 'full',
        canActivate: [guestsStartElsewhere],
        loadChildren: () => import('@hearth/console-dashboard').then((m) => m.DASHBOARD_ROUTES),
      },
      { path: 'assets', loadChildren: () => import('@hearth/console-register').then((m) => m.ASSETS_ROUTES) },
      { path: 'register', loadChildren: () => import('@hearth/console-register').then((m) => m.REGISTER_ROUTES) },
      { path: 'repairs', loadChildren: () => import('@hearth/console-repairs').then((m) => m.REPAIRS_ROUTES) },
      { path: 'rent', loadChildren: () => import('@hearth/console-rent').then((m) => m.RENT_ROUTES) },
      { path: 'imports', loadChildren: () => import('@hearth/console-admin').then((m) => m.IMPORTS_ROUTES) },
      { path: 'consortium', loadChildren: () => import('@hearth/console-admin').then((m) => m.CONSORTIUM_ROUTES) },
      { path: 'noticeboard', loadChildren: () => import('@hearth/console-admin').then((m) => m.NOTICEBOARD_ROUTES) },
      { path: 'settings', loadChildren: () => import('@hearth/console-admin').then((m) => m.SETTINGS_ROUTES) },
      { path: 'integrations', loadChildren: () => import('@hearth/console-admin').then((m) => m.INTEGRATIONS_ROUTES) },
      { path: 'spaces', loadChildren: () => import('@hearth/console-spaces').then((m) => m.SPACES_ROUTES) },
      { path: 'guests', loadChildren: () => import('@hearth/console-spaces').then((m) => m.GUESTS_ROUTES) },
      { path: 'unconferences', loadChildren: () => import('@hearth/console-unconferences').then((m) => m.UNCONFERENCES_ROUTES) },
      { path: 'shared-configurations', loadChildren: () => import('@hearth/console-shared-configurations').then((m) => m.SHARED_CONFIGURATIONS_ROUTES) },
      { path: 'not-available', loadComponent: () => import('./layout/not-available.component').then((m) => m.NotAvailableComponent) },
    ],
  },
  { path: '**', redirectTo: '' },
];

/** The module pages this console has screens for; the navigation leaves out any other a module declares. */
export const CONSOLE_PAGES: ReadonlySet<string> = new Set([
  'assets',
  'register/dwellings',
  'register/people',
  'repairs',
  'repairs/hazards',
  'rent',
  'rent/suspense',
  'imports',
  'consortium',
  'noticeboard',
  'integrations/clients',
  'integrations/webhooks',
  'spaces',
  'spaces/bookings',
  'spaces/usage',
  'spaces/venues',
  'guests',
  'unconferences',
  'shared-configurations',
  'shared-configurations/copied',
]);
