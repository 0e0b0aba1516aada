import type { Routes } from '@angular/router';
import { modulePage } from '@hearth/console-core';

/** Unconferences: the events list (and creating one), and each event's page. */
export const UNCONFERENCES_ROUTES: Routes = [
  {
    path: '',
    canActivate: [modulePage('unconferences')],
    children: [
      { path: '', loadComponent: () => import('./unconference-list/unconference-list.component').then((m) => m.UnconferenceListComponent) },
      { path: ':id', loadComponent: () => import('./unconference-page/unconference-page.component').then((m) => m.UnconferencePageComponent) },
    ],
  },
];
