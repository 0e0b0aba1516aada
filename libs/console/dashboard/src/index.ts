import type { Routes } from '@angular/router';

// The console's home page: everyone signed in sees it; each panel shows only when its module is on and the user may read it.
export const DASHBOARD_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./dashboard/dashboard.component').then((m) => m.DashboardComponent) },
];
