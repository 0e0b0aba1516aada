import type { Routes } from '@angular/router';
import { modulePage } from '@hearth/console-core';

// The console's administration: imports, the consortium's members, the noticeboard, settings and integrations.
export const SETTINGS_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./settings/settings.component').then((m) => m.SettingsComponent) },
];

export const IMPORTS_ROUTES: Routes = [
  {
    path: '',
    canActivate: [modulePage('imports')],
    children: [
      { path: '', loadComponent: () => import('./imports/import-list/import-list.component').then((m) => m.ImportListComponent) },
      { path: 'new', loadComponent: () => import('./imports/new-import/new-import.component').then((m) => m.NewImportComponent) },
      { path: ':id', loadComponent: () => import('./imports/import-run/import-run.component').then((m) => m.ImportRunComponent) },
    ],
  },
];

export const CONSORTIUM_ROUTES: Routes = [
  {
    path: '',
    canActivate: [modulePage('consortium')],
    children: [
      { path: '', loadComponent: () => import('./consortium/member-list/member-list.component').then((m) => m.MemberListComponent) },
      { path: 'onboard', loadComponent: () => import('./consortium/onboard/onboard.component').then((m) => m.OnboardComponent) },
      { path: ':slug', loadComponent: () => import('./consortium/member-detail/member-detail.component').then((m) => m.MemberDetailComponent) },
    ],
  },
];

export const NOTICEBOARD_ROUTES: Routes = [
  {
    path: '',
    canActivate: [modulePage('noticeboard')],
    loadComponent: () => import('./noticeboard/noticeboard-page/noticeboard-page.component').then((m) => m.NoticeboardPageComponent),
  },
];

/** Partner API clients and webhook endpoints, for a member's tenant admins. */
export const INTEGRATIONS_ROUTES: Routes = [
  {
    path: 'clients',
    canActivate: [modulePage('integrations/clients')],
    children: [
      { path: '', loadComponent: () => import('./integrations/clients/client-list/client-list.component').then((m) => m.ClientListComponent) },
      { path: 'new', loadComponent: () => import('./integrations/clients/register-client/register-client.component').then((m) => m.RegisterClientComponent) },
      { path: ':id', loadComponent: () => import('./integrations/clients/client-detail/client-detail.component').then((m) => m.ClientDetailComponent) },
    ],
  },
  {
    path: 'webhooks',
    canActivate: [modulePage('integrations/webhooks')],
    children: [
      { path: '', loadComponent: () => import('./integrations/webhooks/endpoint-list/endpoint-list.component').then((m) => m.EndpointListComponent) },
      { path: 'new', loadComponent: () => import('./integrations/webhooks/new-endpoint/new-endpoint.component').then((m) => m.NewEndpointComponent) },
      { path: ':id', loadComponent: () => import('./integrations/webhooks/endpoint-detail/endpoint-detail.component').then((m) => m.EndpointDetailComponent) },
    ],
  },
];
