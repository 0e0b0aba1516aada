import type { Routes } from '@angular/router';
import { modulePage } from '@hearth/console-core';

// Rent and income: accounts, one account's page, and suspense. 'suspense' comes before the
// parameterised route so it is never read as an account id.
export const RENT_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    canActivate: [modulePage('rent')],
    loadComponent: () => import('./accounts/accounts.component').then((m) => m.AccountsComponent),
  },
  {
    path: 'suspense',
    canActivate: [modulePage('rent/suspense')],
    loadComponent: () => import('./suspense/suspense.component').then((m) => m.SuspenseComponent),
  },
  {
    path: 'accounts/:id',
    canActivate: [modulePage('rent')],
    loadComponent: () => import('./account/account.component').then((m) => m.AccountComponent),
  },
];
