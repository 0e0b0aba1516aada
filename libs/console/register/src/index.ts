import type { Routes } from '@angular/router';
import { modulePage } from '@hearth/console-core';

// The register: assets (search, the hierarchy, an asset's page), the dwelling register, people and tenancies.
export const ASSETS_ROUTES: Routes = [
  {
    path: '',
    canActivate: [modulePage('assets')],
    children: [
      { path: '', loadComponent: () => import('./assets/asset-search/asset-search.component').then((m) => m.AssetSearchComponent) },
      { path: ':id', loadComponent: () => import('./assets/asset-page/asset-page.component').then((m) => m.AssetPageComponent) },
    ],
  },
];

export const REGISTER_ROUTES: Routes = [
  {
    path: 'dwellings',
    canActivate: [modulePage('register/dwellings')],
    loadComponent: () => import('./dwellings/dwellings.component').then((m) => m.DwellingsComponent),
  },
  {
    path: 'people',
    canActivate: [modulePage('register/people')],
    children: [
      { path: '', loadComponent: () => import('./people/people-list/people-list.component').then((m) => m.PeopleListComponent) },
      { path: ':id', loadComponent: () => import('./people/person-page/person-page.component').then((m) => m.PersonPageComponent) },
    ],
  },
  {
    // A tenancy is part of the people register: whoever may open people may open their tenancies.
    path: 'tenancies/:id',
    canActivate: [modulePage('register/people')],
    loadComponent: () => import('./tenancies/tenancy-page.component').then((m) => m.TenancyPageComponent),
  },
];
