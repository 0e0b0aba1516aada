import type { Routes } from '@angular/router';
import { modulePage } from '@hearth/console-core';

// The shared spaces (finding and booking desks and rooms, one's bookings, usage, venues) and the
// consortium's guest organisations. Guests (councils, health boards) see the spaces pages too.
export const SPACES_ROUTES: Routes = [
  { path: '', canActivate: [modulePage('spaces')], loadComponent: () => import('./find/find-spaces.component').then((m) => m.FindSpacesComponent) },
  { path: 'bookings', canActivate: [modulePage('spaces/bookings')], loadComponent: () => import('./bookings/my-bookings.component').then((m) => m.MyBookingsComponent) },
  { path: 'usage', canActivate: [modulePage('spaces/usage')], loadComponent: () => import('./usage/usage.component').then((m) => m.UsageComponent) },
  { path: 'venues', canActivate: [modulePage('spaces/venues')], loadComponent: () => import('./venues/venues.component').then((m) => m.VenuesComponent) },
];

export const GUESTS_ROUTES: Routes = [
  { path: '', canActivate: [modulePage('guests')], loadComponent: () => import('./guests/guests.component').then((m) => m.GuestsComponent) },
];
