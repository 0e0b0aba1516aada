import { TestBed } from '@angular/core/testing';
import type { TypedDocumentNode } from '@apollo/client';
import { ActingForService } from '../api/acting-for.service';
import { ApiError } from '../api/api-error';
import { HearthApi } from '../api/hearth-api';
import { LanguageService } from '../i18n/language.service';
import { MemberDirectoryDocument, SessionDocument, type SessionQuery } from '../../graphql.generated';
import { SessionStore } from './session.store';

const ABER = { id: 'm-aber', slug: 'aber-housing', name: 'Aber Housing Association', nameCy: 'Cymdeithas Tai Aber', country: 'WALES', languages: ['cy', 'en'], registrationNumber: 'L901' } as const;
const MILLBROOK = { id: 'm-millbrook', slug: 'millbrook-homes', name: 'Millbrook Homes', nameCy: null, country: 'ENGLAND', languages: ['en'], registrationNumber: 'L4921' } as const;

function me(roles: string[], member: typeof ABER | typeof MILLBROOK | null): SessionQuery['me'] {
  return { subject: 's', name: 'N', email: null, username: null, roles, kind: 'USER', actingFor: false, member: member && { ...member, languages: [...member.languages] }, guestOrganisation: null };
}

function repairsModule(enabled: boolean): SessionQuery['modules'][number] {
  return {
    key: 'repairs', name: 'Repairs', description: '', version: '1', enabled, core: false,
    consoleRoutes: [
      { path: 'repairs', title: 'Repairs', titleCy: 'Atgyweiriadau' },
      { path: 'repairs/hazards', title: 'Hazards', titleCy: 'Peryglon' },
    ],
  };
}

describe('SessionStore', () => {
  let answers: Map<TypedDocumentNode<unknown, never>, () => unknown>;
  let query: jest.Mock;
  let reset: jest.Mock;

  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    answers = new Map();
    query = jest.fn(async (document: TypedDocumentNode<unknown, never>) => {
      const answer = answers.get(document);
      if (!answer) throw new Error('unexpected query');
      return answer();
    });
    reset = jest.fn(async () => undefined);
    TestBed.configureTestingModule({ providers: [{ provide: HearthApi, useValue: { query, reset } }] });
  });

  const store = () => TestBed.inject(SessionStore);

  it('offers the pages of switched-on modules only, titled in the reader’s language', async () => {
    answers.set(SessionDocument, () => ({
      data: { me: me(['tenant-admin'], ABER), modules: [repairsModule(true), { ...repairsModule(false), key: 'rent', consoleRoutes: [{ path: 'rent', title: 'Rent', titleCy: 'Rhent' }] }] },
      errors: [],
    }));

    await store().load();

    expect(store().navigation().map((item) => item.path)).toEqual(['repairs', 'repairs/hazards']);
    expect(store().canOpen('repairs/hazards')).toBe(true);
    expect(store().canOpen('rent')).toBe(false);
    TestBed.inject(LanguageService).use('cy');
    expect(store().navigation()[0].title).toBe('Atgyweiriadau');
  });

  it('names tenancies by the member’s country and the reader’s language', async () => {
    answers.set(SessionDocument, () => ({ data: { me: me(['tenant-admin'], ABER), modules: [] }, errors: [] }));
    await store().load();
    expect(store().terms().Tenancy).toBe('Occupation contract');
    expect(store().terms().tenants).toBe('contract-holders');
    expect(store().memberName()).toBe('Aber Housing Association');

    TestBed.inject(LanguageService).use('cy');
    expect(store().terms().Tenancy).toBe('Contract meddiannaeth');
    expect(store().memberName()).toBe('Cymdeithas Tai Aber');
  });

  it('uses the usual words for an English member', async () => {
    answers.set(SessionDocument, () => ({ data: { me: me(['housing-officer'], MILLBROOK), modules: [] }, errors: [] }));
    await store().load();
    expect(store().terms().tenant).toBe('tenant');
  });

  it('names a guest organisation’s people by their organisation, with no member and no member directory', async () => {
    const guest = { ...me(['guest'], null), guestOrganisation: { id: 'g-1', slug: 'cardiff-council', name: 'Cardiff Council', kind: 'COUNCIL' as const, active: true } };
    const spaces = { ...repairsModule(true), key: 'spaces', core: true, consoleRoutes: [{ path: 'spaces', title: 'Shared spaces', titleCy: 'Mannau a rennir' }] };
    answers.set(SessionDocument, () => ({ data: { me: guest, modules: [spaces] }, errors: [] }));
    await store().load();
    expect(store().isGuest()).toBe(true);
    expect(store().member()).toBeNull();
    expect(store().organisationName()).toBe('Cardiff Council');
    expect(store().navigation().map((item) => item.path)).toEqual(['spaces']);
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('names a member’s staff by their member', async () => {
    answers.set(SessionDocument, () => ({ data: { me: me(['housing-officer'], MILLBROOK), modules: [] }, errors: [] }));
    await store().load();
    expect(store().isGuest()).toBe(false);
    expect(store().organisationName()).toBe('Millbrook Homes');
  });

  it('asks for the member directory only for a consortium admin', async () => {
    answers.set(SessionDocument, () => ({ data: { me: me(['consortium-admin'], null), modules: [] }, errors: [] }));
    answers.set(MemberDirectoryDocument, () => ({ data: { members: { edges: [{ node: MILLBROOK }], totalCount: 1 } }, errors: [] }));

    await store().load();

    expect(store().isConsortiumAdmin()).toBe(true);
    expect(store().members()).toEqual([MILLBROOK]);
  });

  it('forgets the cache and reloads when a consortium admin switches member', async () => {
    let acting: string | null = null;
    answers.set(SessionDocument, () => ({ data: { me: me(['consortium-admin'], acting ? MILLBROOK : null), modules: [] }, errors: [] }));
    answers.set(MemberDirectoryDocument, () => ({ data: { members: { edges: [], totalCount: 0 } }, errors: [] }));
    await store().load();
    expect(store().member()).toBeNull();

    acting = 'millbrook-homes';
    await store().actFor('millbrook-homes');

    expect(TestBed.inject(ActingForService).slug()).toBe('millbrook-homes');
    expect(reset).toHaveBeenCalled();
    expect(store().member()?.slug).toBe('millbrook-homes');
  });

  it('keeps only the newest of two overlapping loads', async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    answers.set(SessionDocument, async () => {
      calls += 1;
      if (calls === 1) {
        await slow;
        return { data: { me: me(['tenant-admin'], ABER), modules: [] }, errors: [] };
      }
      return { data: { me: me(['tenant-admin'], MILLBROOK), modules: [] }, errors: [] };
    });

    const first = store().load();
    await store().load();
    release();
    await first;

    expect(store().member()?.slug).toBe('millbrook-homes');
  });

  it('shows why nothing loaded, and that the module list alone failed', async () => {
    answers.set(SessionDocument, () => ({
      data: { me: me(['consortium-admin'], null), modules: null },
      errors: [new ApiError('TENANT_REQUIRED', 'Act for a member', ['modules'])],
    }));
    answers.set(MemberDirectoryDocument, () => ({ data: { members: { edges: [], totalCount: 0 } }, errors: [] }));
    await store().load();
    expect(store().modulesError()?.code).toBe('TENANT_REQUIRED');
    expect(store().error()).toBeNull();

    answers.set(SessionDocument, () => Promise.reject(new ApiError('UNAUTHENTICATED', 'Sign in')));
    await store().load();
    expect(store().error()?.code).toBe('UNAUTHENTICATED');
    expect(store().me()).toBeNull();
    expect(store().navigation()).toEqual([]);
  });
});
