import { provideRouter } from '@angular/router';
import { TestBed } from '@angular/core/testing';
import { HearthApi, LanguageService, SessionStore, type Language } from '@hearth/console-core';
import type { DocumentNode } from 'graphql';

/** Test support for the register's specs: a stubbed API answering per document, and a signed-in session. */
export interface ApiStub {
  query: jest.Mock;
  mutate: jest.Mock;
}

/** Answers each document with what `answers` gives for it (a value, or a function of the variables). */
export function stubApi(answers: Map<DocumentNode, unknown>, mutations: Map<DocumentNode, unknown> = new Map()): ApiStub {
  const answer = (table: Map<DocumentNode, unknown>) => async (document: DocumentNode, variables: unknown) => {
    if (!table.has(document)) throw new Error(`No answer stubbed for ${(document.definitions[0] as { name?: { value: string } }).name?.value}`);
    const value = table.get(document);
    return typeof value === 'function' ? (value as (v: unknown) => unknown)(variables) : value;
  };
  return { query: jest.fn(answer(answers)), mutate: jest.fn(answer(mutations)) };
}

export interface SessionOptions {
  country?: 'ENGLAND' | 'WALES';
  roles?: string[];
  modules?: string[];
  language?: Language;
}

/** Configures TestBed with the stubbed API and a session for a member of `country` with `modules` on. */
export function setUpRegister(api: ApiStub, options: SessionOptions = {}): void {
  TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: HearthApi, useValue: api }] });
  const session = TestBed.inject(SessionStore);
  session.me.set({
    subject: 's',
    name: 'Sam Patel',
    email: null,
    username: null,
    roles: options.roles ?? ['tenant-admin'],
    kind: 'USER',
    actingFor: false,
    member: { id: 'm', slug: 'm', name: 'Member', nameCy: null, country: options.country ?? 'ENGLAND', languages: ['en'], registrationNumber: 'L1' },
  } as never);
  session.modules.set(
    (options.modules ?? ['assets', 'tenancies', 'repairs']).map((key) => ({ key, enabled: true, consoleRoutes: [] }) as never),
  );
  TestBed.inject(LanguageService).use(options.language ?? 'en');
}

/** Lets the stubbed API's promises settle and the view catch up. */
export { settle } from '@hearth/console-core/testing';

export function text(element: HTMLElement, selector: string): string {
  return (element.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export const connection = <T>(nodes: T[], hasNextPage = false) => ({
  totalCount: nodes.length,
  pageInfo: { hasNextPage, endCursor: hasNextPage ? 'cursor-1' : null },
  edges: nodes.map((node) => ({ node })),
});
