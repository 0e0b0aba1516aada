import { TestBed } from '@angular/core/testing';
import { AuthService } from '../auth/auth.service';
import { RUNTIME_CONFIG } from '../config/runtime-config';
import { ActingForService } from './acting-for.service';
import { ApiError } from './api-error';
import { HearthApiClient } from './hearth-api.client';

const API_URL = 'http://api.test/graphql';

describe('HearthApiClient', () => {
  let fetchMock: jest.Mock;
  let accessToken: string | undefined;

  function client(): HearthApiClient {
    return TestBed.inject(HearthApiClient);
  }

  /** jsdom has no fetch Response; the client reads only status and json(). */
  function answer(status: number, body: unknown): void {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    fetchMock.mockResolvedValue({ status, json: async () => JSON.parse(text) });
  }

  function sentHeaders(): Record<string, string> {
    return fetchMock.mock.calls[0][1].headers;
  }

  beforeEach(() => {
    sessionStorage.clear();
    accessToken = 'access-token-1';
    fetchMock = jest.fn();
    globalThis.fetch = fetchMock;
    TestBed.configureTestingModule({
      providers: [
        { provide: RUNTIME_CONFIG, useValue: { apiUrl: API_URL, issuerUrl: 'http://issuer.test', clientId: 'c' } },
        { provide: AuthService, useValue: { accessToken: () => accessToken } },
      ],
    });
  });

  it('posts the query with the bearer token to the configured API', async () => {
    answer(200, { data: { me: { name: 'Ffion' } } });

    const result = await client().query('query Shell { me { name } }', { first: 1 });

    expect(result).toEqual({ data: { me: { name: 'Ffion' } }, errors: [] });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe(API_URL);
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body)).toEqual({ query: 'query Shell { me { name } }', variables: { first: 1 } });
    expect(sentHeaders()['authorization']).toBe('Bearer access-token-1');
    expect(sentHeaders()).not.toHaveProperty('X-Hearth-Act-For');
  });

  it('sends no authorization header when signed out', async () => {
    accessToken = undefined;
    answer(200, { data: { modules: [] } });

    await client().query('{ modules { key } }');

    expect(sentHeaders()).not.toHaveProperty('authorization');
  });

  it('names the member a consortium admin acts for, and remembers it for the tab', async () => {
    answer(200, { data: { me: null } });
    TestBed.inject(ActingForService).set('millbrook-homes');

    await client().query('{ me { name } }');

    expect(sentHeaders()['X-Hearth-Act-For']).toBe('millbrook-homes');
    expect(sessionStorage.getItem('hearth.actingFor')).toBe('millbrook-homes');
  });

  it('stops naming a member once the admin goes back to the consortium view', async () => {
    answer(200, { data: { me: null } });
    const actingFor = TestBed.inject(ActingForService);
    actingFor.set('millbrook-homes');
    actingFor.set(null);

    await client().query('{ me { name } }');

    expect(sentHeaders()).not.toHaveProperty('X-Hearth-Act-For');
    expect(sessionStorage.getItem('hearth.actingFor')).toBeNull();
  });

  it('keeps usable data and reports field errors with their code and path', async () => {
    answer(200, {
      data: { me: { name: 'Alex' }, modules: null },
      errors: [{ message: 'Act for a member first', path: ['modules'], extensions: { code: 'TENANT_REQUIRED' } }],
    });

    const { data, errors } = await client().query<{ me: { name: string }; modules: null }>('{ me { name } modules { key } }');

    expect(data.me.name).toBe('Alex');
    expect(errors).toEqual([expect.objectContaining({ code: 'TENANT_REQUIRED', path: ['modules'], explained: 'TENANT_REQUIRED' })]);
  });

  it.each(['UNAUTHENTICATED', 'FORBIDDEN', 'MODULE_DISABLED', 'TENANT_REQUIRED'])(
    'throws %s from extensions.code when there is no data',
    async (code) => {
      answer(200, { data: null, errors: [{ message: 'Refused', extensions: { code } }] });

      await expect(client().query('{ me { name } }')).rejects.toMatchObject({ code, message: 'Refused', explained: code });
    },
  );

  it('keeps an unexplained code with the server message', async () => {
    answer(400, { errors: [{ message: 'Cannot query field "nope"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });

    const error = await client().query('{ nope }').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', explained: undefined });
  });

  it('treats a bare HTTP 401 as UNAUTHENTICATED', async () => {
    answer(401, 'Unauthorized');

    await expect(client().query('{ me { name } }')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('names any other HTTP failure by its status', async () => {
    answer(502, '<html>Bad gateway</html>');

    await expect(client().query('{ me { name } }')).rejects.toMatchObject({ code: 'HTTP_502' });
  });

  it('reports NETWORK when the API cannot be reached', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));

    await expect(client().query('{ me { name } }')).rejects.toMatchObject({ code: 'NETWORK', message: 'Failed to fetch' });
  });
});
