import type { Routes } from '@angular/router';
import { modulePage } from '@hearth/console-core';

// Repairs, the work order board and hazard cases. 'hazards' comes before ':id', which would take it for a repair's id.
export const REPAIRS_ROUTES: Routes = [
  { path: '', canActivate: [modulePage('repairs')], loadComponent: () => import('./repair-list/repair-list.component').then((m) => m.RepairListComponent) },
  { path: 'board', canActivate: [modulePage('repairs')], loadComponent: () => import('./repair-board/repair-board.component').then((m) => m.RepairBoardComponent) },
  { path: 'new', canActivate: [modulePage('repairs')], loadComponent: () => import('./repair-new/repair-new.component').then((m) => m.RepairNewComponent) },
  { path: 'hazards', canActivate: [modulePage('repairs/hazards')], loadComponent: () => import('./hazard-list/hazard-list.component').then((m) => m.HazardListComponent) },
  { path: 'hazards/:id', canActivate: [modulePage('repairs/hazards')], loadComponent: () => import('./hazard-case/hazard-case.component').then((m) => m.HazardCaseComponent) },
  { path: ':id', canActivate: [modulePage('repairs')], loadComponent: () => import('./repair-detail/repair-detail.component').then((m) => m.RepairDetailComponent) },
];
