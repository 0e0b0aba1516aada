import { TestBed } from '@angular/core/testing';
import { SessionStore, type Me, type ModuleInfo } from '@hearth/console-core';

// The spaces screens' own test support: a guest's session. The rest (the stubbed HearthApi, a member's
// session, rendering) is @hearth/console-core/testing's.

export const CARDIFF_COUNCIL = { id: 'g-1', slug: 'cardiff-council', name: 'Cardiff Council', kind: 'COUNCIL', active: true } as const;

/** Signs a guest organisation's person in: no member, the guest organisation, the role "guest". */
export function signInGuest(modules: ModuleInfo[] = []): SessionStore {
  const session = TestBed.inject(SessionStore);
  session.me.set({
    subject: 'guest-1',
    name: 'Rhian Lloyd',
    email: 'rhian.lloyd@cardiff-council.example',
    username: 'rhian.lloyd',
    roles: ['guest'],
    kind: 'USER',
    actingFor: false,
    member: null,
    guestOrganisation: { ...CARDIFF_COUNCIL },
  } as Me);
  session.modules.set(modules);
  return session;
}
