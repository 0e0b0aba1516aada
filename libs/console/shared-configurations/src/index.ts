import type { Routes } from '@angular/router';
import { modulePage } from '@hearth/console-core';

// The shared configuration library. 'publish' and 'copied' come before ':id', which would take them for an id.
export const SHARED_CONFIGURATIONS_ROUTES: Routes = [
  {
    path: 'copied',
    canActivate: [modulePage('shared-configurations/copied')],
    loadComponent: () => import('./adoptions/adoptions.component').then((m) => m.AdoptionsComponent),
  },
  {
    path: '',
    canActivate: [modulePage('shared-configurations')],
    children: [
      { path: '', loadComponent: () => import('./library/library.component').then((m) => m.LibraryComponent) },
      { path: 'publish', loadComponent: () => import('./publish/publish.component').then((m) => m.PublishComponent) },
      { path: ':id', loadComponent: () => import('./detail/detail.component').then((m) => m.DetailComponent) },
    ],
  },
];
