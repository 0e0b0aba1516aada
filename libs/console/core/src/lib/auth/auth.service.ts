import { DOCUMENT } from '@angular/common';
import { computed, inject, Injectable, signal } from '@angular/core';
import { UserManager, type User } from 'oidc-client-ts';
import { RUNTIME_CONFIG } from '../config/runtime-config';

export const CALLBACK_PATH = '/auth/callback';

/** Where to go after the issuer sends the browser back; carried through the sign-in in oidc-client-ts's state. */
interface SignInState {
  returnTo: string;
}

/**
 * Sign-in with the authorization code flow and PKCE (oidc-client-ts). Tokens live in sessionStorage, so closing
 * the tab signs the console out while a reload does not; the refresh token renews the access token quietly.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly config = inject(RUNTIME_CONFIG);
  private readonly origin = inject(DOCUMENT).location.origin;
  private readonly manager = new UserManager({
    authority: this.config.issuerUrl,
    client_id: this.config.clientId,
    redirect_uri: `${this.origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${this.origin}/`,
    response_type: 'code',
    scope: 'openid profile email organization',
    // The access token is for the API, not for userinfo; the ID token already carries the profile.
    loadUserInfo: false,
    automaticSilentRenew: true,
  });

  private readonly current = signal<User | null>(null);
  private restored?: Promise<boolean>;

  readonly user = this.current.asReadonly();
  readonly signedIn = computed(() => this.current() !== null);

  constructor() {
    this.manager.events.addUserLoaded((user) => this.current.set(user));
    this.manager.events.addUserUnloaded(() => this.current.set(null));
    // A refresh that fails (session ended at the issuer) leaves an unusable token: treat it as signed out.
    this.manager.events.addSilentRenewError(() => void this.manager.removeUser());
  }

  /** Whether a usable session exists, restoring it (and renewing an expired access token) once per page load. */
  ensureSignedIn(): Promise<boolean> {
    this.restored ??= this.restore();
    return this.restored;
  }

  signIn(returnTo = '/'): Promise<void> {
    return this.manager.signinRedirect({ state: { returnTo } satisfies SignInState });
  }

  /** Finishes the redirect from the issuer; returns where the user was going. */
  async completeSignIn(): Promise<string> {
    const user = await this.manager.signinRedirectCallback();
    this.current.set(user);
    this.restored = Promise.resolve(true);
    return (user.state as SignInState | undefined)?.returnTo ?? '/';
  }

  signOut(): Promise<void> {
    return this.manager.signoutRedirect();
  }

  accessToken(): string | undefined {
    return this.current()?.access_token;
  }

  private async restore(): Promise<boolean> {
    let user = await this.manager.getUser();
    if (user?.expired) {
      user = user.refresh_token ? await this.manager.signinSilent().catch(() => null) : null;
    }
    this.current.set(user);
    return user !== null;
  }
}
