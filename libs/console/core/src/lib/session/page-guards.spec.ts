import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, type UrlTree } from '@angular/router';
import { HearthApi } from '../api/hearth-api';
import { guestsStartElsewhere } from './page-guards';
import { SessionStore } from './session.store';

describe('guestsStartElsewhere', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: HearthApi, useValue: { query: jest.fn() } }] });
    const session = TestBed.inject(SessionStore);
    // A loaded session: the guard waits for it, then decides.
    jest.spyOn(session, 'ensureLoaded').mockResolvedValue();
    session.modules.set([{ key: 'spaces', name: 'Shared spaces', description: '', version: '1', enabled: true, core: true, consoleRoutes: [{ path: 'spaces', title: 'Shared spaces', titleCy: 'Mannau a rennir' }] }]);
  });

  const run = () => TestBed.runInInjectionContext(() => guestsStartElsewhere({} as never, {} as never)) as Promise<boolean | UrlTree>;
  const me = (guest: boolean) =>
    ({
      subject: 's', name: 'N', email: null, username: null, roles: [guest ? 'guest' : 'housing-officer'], kind: 'USER', actingFor: false,
      member: guest ? null : { id: 'm', slug: 'm', name: 'Millbrook Homes', nameCy: null, country: 'ENGLAND', languages: ['en'], registrationNumber: 'L1' },
      guestOrganisation: guest ? { id: 'g', slug: 'cardiff-council', name: 'Cardiff Council', kind: 'COUNCIL', active: true } : null,
    }) as const;

  it("sends a guest to the first page the menu offers them, since the home page is a member's", async () => {
    TestBed.inject(SessionStore).me.set(me(true) as never);
    const result = await run();
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/spaces');
  });

  it("lets a member's staff in", async () => {
    TestBed.inject(SessionStore).me.set(me(false) as never);
    expect(await run()).toBe(true);
  });
});
