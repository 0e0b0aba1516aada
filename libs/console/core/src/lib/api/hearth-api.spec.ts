import { TestBed } from '@angular/core/testing';
import { AuthService } from '../auth/auth.service';
import { RUNTIME_CONFIG } from '../config/runtime-config';
import { MemberDirectoryDocument, SessionDocument } from '../../graphql.generated';
import { ActingForService } from './acting-for.service';
import { provideHearthApollo } from './apollo.provider';
import { ApiError } from './api-error';
import { HearthApi } from './hearth-api';

const API_URL = 'http://api.test/graphql';

/** What the API answers a session query with: the fields the document asks for. */
const ME = {
  subject: 's',
  name: 'Ffion',
  email: null,
  username: null,
  roles: ['tenant-admin'],
  kind: 'USER',
  actingFor: false,
  member: null,
};

describe('HearthApi', () => {
  let fetchMock: jest.Mock;
  let accessToken: string | undefined;

  function api(): HearthApi {
    return TestBed.inject(HearthApi);
  }

  /** Enough of fetch's Response for Apollo's HTTP link: status, headers and the body as text. */
  function answer(status: number, body: unknown, contentType = 'application/json'): void {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    fetchMock.mockImplementation(async () => ({
      ok: status >= 200 && status < 300,
      status,
      headers: new Headers({ 'content-type': contentType }),
      text: async () => text,
    }));
  }

  function sentHeaders(): Headers {
    return fetchMock.mock.calls[0][1].headers as Headers;
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
        provideHearthApollo(),
      ],
    });
  });

  it('posts the typed query with the bearer token to the configured API', async () => {
    answer(200, { data: { me: ME, modules: [] } });

    const result = await api().query(SessionDocument);

    expect(result.data.me.name).toBe('Ffion');
    expect(result.errors).toEqual([]);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe(API_URL);
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body).operationName).toBe('Session');
    expect(sentHeaders().get('authorization')).toBe('Bearer access-token-1');
    expect(sentHeaders().has('X-Hearth-Act-For')).toBe(false);
  });

  it('sends no authorization header when signed out', async () => {
    accessToken = undefined;
    answer(200, { data: { me: ME, modules: [] } });

    await api().query(SessionDocument);

    expect(sentHeaders().has('authorization')).toBe(false);
  });

  it('names the member a consortium admin acts for, and remembers it for the tab', async () => {
    answer(200, { data: { me: ME, modules: [] } });
    TestBed.inject(ActingForService).set('millbrook-homes');

    await api().query(SessionDocument);

    expect(sentHeaders().get('X-Hearth-Act-For')).toBe('millbrook-homes');
    expect(sessionStorage.getItem('hearth.actingFor')).toBe('millbrook-homes');
  });

  it('stops naming a member once the admin goes back to the consortium view', async () => {
    answer(200, { data: { me: ME, modules: [] } });
    const actingFor = TestBed.inject(ActingForService);
    actingFor.set('millbrook-homes');
    actingFor.set(null);

    await api().query(SessionDocument);

    expect(sentHeaders().has('X-Hearth-Act-For')).toBe(false);
    expect(sessionStorage.getItem('hearth.actingFor')).toBeNull();
  });

  it('asks the API again each time rather than answering from the cache', async () => {
    answer(200, { data: { me: ME, modules: [] } });

    await api().query(SessionDocument);
    await api().query(SessionDocument);

    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('keeps usable data and reports field errors with their code and path', async () => {
    answer(200, {
      data: { me: ME, modules: null },
      errors: [{ message: 'Act for a member first', path: ['modules'], extensions: { code: 'TENANT_REQUIRED' } }],
    });

    const { data, errors } = await api().query(SessionDocument);

    expect(data.me.name).toBe('Ffion');
    expect(errors).toEqual([expect.objectContaining({ code: 'TENANT_REQUIRED', path: ['modules'], explained: 'TENANT_REQUIRED' })]);
  });

  it.each(['UNAUTHENTICATED', 'FORBIDDEN', 'MODULE_DISABLED', 'TENANT_REQUIRED'])(
    'rejects with %s from extensions.code when there is no data',
    async (code) => {
      answer(200, { data: null, errors: [{ message: 'Refused', extensions: { code } }] });

      await expect(api().query(MemberDirectoryDocument)).rejects.toMatchObject({ code, message: 'Refused', explained: code });
    },
  );

  it('keeps an unexplained code with the server message from a refused request', async () => {
    answer(400, { errors: [{ message: 'Cannot query field "nope"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });

    const error = await api().query(SessionDocument).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', explained: undefined });
  });

  it('treats a bare HTTP 401 as UNAUTHENTICATED', async () => {
    answer(401, 'Unauthorized', 'text/plain');

    await expect(api().query(SessionDocument)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('names any other HTTP failure by its status', async () => {
    answer(502, '<html>Bad gateway</html>', 'text/html');

    await expect(api().query(SessionDocument)).rejects.toMatchObject({ code: 'HTTP_502' });
  });

  it('reports NETWORK when the API cannot be reached', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));

    await expect(api().query(SessionDocument)).rejects.toMatchObject({ code: 'NETWORK', message: 'Failed to fetch' });
  });
});
