import type { Routes } from '@angular/router';
import { signedInGuard } from './auth/signed-in.guard';

// Each page loads on first visit, so the sign-in page does not wait for the shell's Material components.
export const routes: Routes = [
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./shell/shell.component').then((m) => m.ShellComponent),
  },
  { path: 'sign-in', loadComponent: () => import('./sign-in/sign-in.component').then((m) => m.SignInComponent) },
  {
    path: 'auth/callback',
    loadComponent: () => import('./auth/auth-callback.component').then((m) => m.AuthCallbackComponent),
  },
  { path: '**', redirectTo: '' },
];
