import { provideZonelessChangeDetection, type Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { HearthApi, LanguageService, SessionStore } from '@hearth/console-core';

type Answer = unknown | ((variables: unknown) => unknown);

/** A HearthApi stand-in answering each document with `{ data }`, or what a function returns (a rejection, say). */
export function stubApi(queries: Map<unknown, Answer>, mutations: Map<unknown, Answer> = new Map()) {
  const answer = (answers: Map<unknown, Answer>, wrap: boolean) => jest.fn(async (document: unknown, variables: unknown) => {
    const found = answers.get(document);
    if (found === undefined) throw new Error('No answer for this document in the test');
    if (typeof found === 'function') return (found as (variables: unknown) => unknown)(variables);
    return wrap ? { data: found, errors: [] } : found;
  });
  return { query: answer(queries, true), mutate: answer(mutations, false) };
}

export function setUpRepairs(api: ReturnType<typeof stubApi>, language: 'en' | 'cy' = 'en', providers: Provider[] = []): void {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideRouter([]),
      { provide: HearthApi, useValue: api },
      { provide: SessionStore, useValue: { canOpen: () => true } },
      ...providers,
    ],
  });
  TestBed.inject(LanguageService).use(language);
}

/** Lets the stubbed answers arrive and the view catch up. */
export { settle } from '@hearth/console-core/testing';

export function text(element: Element | Document, selector: string): string {
  return element.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export function connection<T>(nodes: T[], totalCount = nodes.length, hasNextPage = false) {
  return { totalCount, pageInfo: { hasNextPage, endCursor: hasNextPage ? 'c1' : null }, edges: nodes.map((node) => ({ node })) };
}

const HOUR_MS = 3_600_000;
/** An instant this many hours from now, as the API sends it. */
export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * HOUR_MS).toISOString();

export const PRIORITIES = [
  { code: 'emergency', name: 'Emergency', emergency: true, targetHours: 24, targetWorkingDays: null },
  { code: 'urgent', name: 'Urgent', emergency: false, targetHours: null, targetWorkingDays: 5 },
];

export function workOrderCard(fields: Record<string, unknown> = {}) {
  return {
    id: 'wo1', number: 10432, status: 'RAISED', priority: 'urgent', trade: 'PLUMBING', targetAt: hoursFromNow(24 * 7), breached: false, workingDaysLeft: 5,
    allowedTransitions: ['ASSIGNED', 'ON_HOLD', 'CANCELLED'], inHouse: true, contractor: null, appointment: null,
    repair: { id: 'r1', number: 1042, description: 'Kitchen tap drips', asset: { id: 'a1', addressLine1: 'Flat 1 Kingfisher House', postcode: 'MB1 2AB' } },
    ...fields,
  };
}
