import { provideZonelessChangeDetection, type Type } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { TypedDocumentNode } from '@apollo/client';
import { ApiError, HearthApi, LanguageService, SessionStore, type Me, type ModuleInfo } from '../index';

// Test support for the console libraries' component specs (`@hearth/console-core/testing`, for tests only):
// a HearthApi that answers per document, a session, and rendering. Each library keeps only its own fixtures.

type Answer = (variables: never) => unknown;

/** A stubbed HearthApi: `answer(Document, variables => data)` for each document a test expects. */
export function fakeApi() {
  const answers = new Map<unknown, Answer>();
  const answerFor = (document: unknown): Answer => {
    const answer = answers.get(document);
    if (!answer) throw new Error(`No answer given for ${(document as { definitions: { name?: { value: string } }[] }).definitions[0]?.name?.value}`);
    return answer;
  };
  const api = {
    query: jest.fn(async (document: unknown, variables?: unknown) => ({ data: await answerFor(document)(variables as never), errors: [] })),
    mutate: jest.fn(async (document: unknown, variables?: unknown) => answerFor(document)(variables as never)),
  };
  return {
    api,
    provider: { provide: HearthApi, useValue: api },
    answer<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, answer: (variables: TVariables) => TData | Promise<TData>): void {
      answers.set(document, answer as Answer);
    },
    /** The document fails as the API can: the screen shows an ApiError. */
    fail(document: TypedDocumentNode<unknown, never>, error = new ApiError('FORBIDDEN', 'No')): void {
      answers.set(document, () => Promise.reject(error));
    },
  };
}

export type FakeApi = ReturnType<typeof fakeApi>;

export const MILLBROOK: NonNullable<Me['member']> = {
  id: 'm-1',
  slug: 'millbrook-homes',
  name: 'Millbrook Homes',
  nameCy: null,
  country: 'ENGLAND',
  languages: ['en'],
  registrationNumber: 'L4921',
};

export const ABER: NonNullable<Me['member']> = {
  id: 'm-2',
  slug: 'aber-housing',
  name: 'Aber Housing Association',
  nameCy: 'Cymdeithas Tai Aber',
  country: 'WALES',
  languages: ['cy', 'en'],
  registrationNumber: 'L901',
};

/** Signs someone in as far as the session knows: their roles, their member, the member's modules. */
export function signIn(roles: string[], member: Me['member'] = MILLBROOK, modules: ModuleInfo[] = []): SessionStore {
  const session = TestBed.inject(SessionStore);
  session.me.set({
    subject: 'user-1',
    name: 'Sam Patel',
    email: 'sam.patel@millbrook-homes.example',
    username: 'sam.patel',
    roles,
    kind: 'USER',
    actingFor: false,
    member,
    guestOrganisation: null,
  } as Me);
  session.modules.set(modules);
  return session;
}

export function configure(api: FakeApi, providers: unknown[] = []): void {
  // The language choice is remembered in the browser: each test starts in English.
  localStorage.clear();
  sessionStorage.clear();
  TestBed.configureTestingModule({
    providers: [provideZonelessChangeDetection(), provideRouter([]), api.provider, ...(providers as never[])],
  });
}

export function useLanguage(language: 'en' | 'cy'): void {
  TestBed.inject(LanguageService).use(language);
}

/** Renders a component with its inputs and waits for its first answers. */
export async function render<T>(component: Type<T>, inputs: Record<string, unknown> = {}): Promise<ComponentFixture<T>> {
  const fixture = TestBed.createComponent(component);
  for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
  await settle(fixture);
  return fixture;
}

/** Lets promises and change detection finish. */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve, 0));
    fixture.detectChanges();
  }
}

export function text(fixture: ComponentFixture<unknown>, selector = ':scope'): string {
  const element = (fixture.nativeElement as HTMLElement).querySelector(selector);
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** What a reader sees of an element: each piece of text apart, whitespace collapsed (templates keep none between elements). */
export function visibleText(element: Element | null | undefined): string {
  if (!element) return '';
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const pieces: string[] = [];
  while (walker.nextNode()) pieces.push(walker.currentNode.textContent!.replace(/\s+/g, ' ').trim());
  return pieces.filter(Boolean).join(' ');
}

export function all(fixture: ComponentFixture<unknown>, selector: string): HTMLElement[] {
  return Array.from((fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>(selector));
}

export function button(fixture: ComponentFixture<unknown>, name: string | RegExp): HTMLButtonElement {
  const found = all(fixture, 'button').find((element) =>
    typeof name === 'string' ? element.textContent?.trim() === name || element.getAttribute('aria-label') === name : name.test(element.textContent ?? ''),
  );
  if (!found) throw new Error(`No button "${name}"`);
  return found as HTMLButtonElement;
}

export function type(fixture: ComponentFixture<unknown>, selector: string, value: string): void {
  const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
  if (!input) throw new Error(`No input ${selector}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

/** A table's body as the reader meets it: each row's cells' text. */
export function cells(fixture: ComponentFixture<unknown>, table: string): string[][] {
  return all(fixture, `${table} tbody tr`).map((row) =>
    Array.from(row.querySelectorAll('th, td')).map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
}
