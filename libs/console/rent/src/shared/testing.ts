// Test support for the rent screens' specs: a stubbed API answering per document, and a session.
import { TestBed } from '@angular/core/testing';
import type { TypedDocumentNode } from '@apollo/client';
import { SessionStore, type Me, type ModuleInfo } from '@hearth/console-core';

type Answer = (variables: Record<string, unknown>) => unknown;

/** HearthApi's stand-in: each document answers with what the test set (queries as `{ data, errors }`). */
export class ApiStub {
  private readonly answers = new Map<unknown, Answer>();
  readonly query = jest.fn(async (document: unknown, variables: Record<string, unknown> = {}) => {
    const answer = this.answers.get(document);
    if (!answer) throw new Error('unexpected query');
    return { data: await answer(variables), errors: [] };
  });
  readonly mutate = jest.fn(async (document: unknown, variables: Record<string, unknown> = {}) => {
    const answer = this.answers.get(document);
    if (!answer) throw new Error('unexpected mutation');
    return answer(variables);
  });

  answer<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, answer: (variables: TVariables) => TData | Promise<TData>): this {
    this.answers.set(document, answer as Answer);
    return this;
  }

  /** The variables of each call of a document, in order. */
  calls(document: unknown): Record<string, unknown>[] {
    return [...this.query.mock.calls, ...this.mutate.mock.calls].filter(([called]) => called === document).map(([, variables]) => variables ?? {});
  }
}

const MEMBER = { id: 'm-1', slug: 'millbrook-homes', name: 'Millbrook Homes', nameCy: null, country: 'ENGLAND', languages: ['en'], registrationNumber: 'L4921' };

/** A signed-in member of staff; `rent/suspense` is open only to the rent module's manage roles. */
export function signIn(options: { country?: 'ENGLAND' | 'WALES'; manage?: boolean } = {}): void {
  const session = TestBed.inject(SessionStore);
  const me = {
    subject: 's', name: 'Sam Patel', email: null, username: null, roles: [options.manage === false ? 'housing-officer' : 'tenant-admin'], kind: 'USER',
    actingFor: false, member: { ...MEMBER, country: options.country ?? 'ENGLAND' },
  } as unknown as Me;
  const paths = options.manage === false ? ['rent'] : ['rent', 'rent/suspense'];
  session.me.set(me);
  session.modules.set([
    { key: 'rent', name: 'Rent', description: '', version: '1', enabled: true, core: false, consoleRoutes: paths.map((path) => ({ path, title: path, titleCy: path })) },
  ] as ModuleInfo[]);
}

/** Lets the stubbed answers (microtasks the scheduler does not see) run, then renders. */
export { settle } from '@hearth/console-core/testing';

/** What a reader sees of an element: its text pieces, whitespace collapsed. */
export { visibleText as text } from '@hearth/console-core/testing';

export function connection<T>(nodes: T[], options: { totalCount?: number; hasNextPage?: boolean; endCursor?: string | null } = {}) {
  return {
    totalCount: options.totalCount ?? nodes.length,
    pageInfo: { hasNextPage: options.hasNextPage ?? false, endCursor: options.endCursor ?? null },
    edges: nodes.map((node) => ({ node })),
  };
}
