// A small client for Hearth's partner API: a client-credentials token from Keycloak, kept until
// shortly before it expires, and GraphQL calls that retry what is safe to retry. No dependencies
// (Node 20's fetch).

/** A request Hearth refused: `code` is the `extensions.code` of its first error. */
export class HearthApiError extends Error {
  constructor(message, { code, status, extensions } = {}) {
    super(message);
    this.name = 'HearthApiError';
    this.code = code;
    this.status = status;
    this.extensions = extensions ?? {};
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {object} options
 * @param {string} options.apiUrl        Hearth's API, e.g. https://api.hearth.example (no /graphql)
 * @param {string} [options.tokenUrl]    Keycloak's token endpoint: <keycloak>/realms/hearth/protocol/openid-connect/token
 * @param {string} [options.clientId]    your client id, e.g. taff-plumbing
 * @param {string} [options.clientSecret]
 * @param {string} [options.scope]       the scopes to ask for, space-separated
 * @param {() => Promise<string>} [options.getToken] your own token source instead of tokenUrl (tests)
 */
export function createHearthClient({ apiUrl, tokenUrl, clientId, clientSecret, scope = 'repairs:read repairs:status', getToken, maxRetries = 3 }) {
  let cached = null; // { token, renewAt }

  async function fetchToken() {
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok || !body.access_token) {
      throw new HearthApiError(`Keycloak refused the token request: ${body.error_description ?? body.error ?? response.status}`, { code: 'TOKEN_REFUSED', status: response.status });
    }
    // Renew a little before it expires, so a request never leaves with a token about to lapse.
    return { token: body.access_token, renewAt: Date.now() + Math.max(0, (body.expires_in ?? 60) - 30) * 1000 };
  }

  async function token(renew = false) {
    if (getToken) return getToken();
    if (renew || !cached || Date.now() >= cached.renewAt) cached = await fetchToken();
    return cached.token;
  }

  /**
   * One GraphQL operation. Answers `data`; throws HearthApiError for a request error. Retries:
   * once with a new token after UNAUTHENTICATED, and after the time Hearth names when a limit
   * answers RATE_LIMITED (HTTP 429, Retry-After). Mutations here are safe to repeat because every
   * status update carries its own messageId.
   */
  async function request(query, variables = {}) {
    let renewed = false;
    let renewNow = false;
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(renewNow)}` },
        body: JSON.stringify({ query, variables }),
      });
      renewNow = false;
      const body = await response.json().catch(() => ({}));
      const error = body.errors?.[0];
      if (!error && response.ok) return body.data;
      const code = error?.extensions?.code ?? `HTTP_${response.status}`;
      if (code === 'UNAUTHENTICATED' && !renewed && !getToken) {
        renewed = renewNow = true; // the token expired or was revoked: one more try with a new one
        continue;
      }
      if (code === 'RATE_LIMITED' && attempt < maxRetries) {
        const seconds = Number(response.headers.get('retry-after') ?? error?.extensions?.retryAfterSeconds ?? 1);
        await sleep(Math.min(seconds, 60) * 1000);
        continue;
      }
      throw new HearthApiError(error?.message ?? `Hearth answered HTTP ${response.status}`, { code, status: response.status, extensions: error?.extensions });
    }
  }

  return {
    request,

    /** Who this client is to Hearth: its client id, the member it works for, its scopes. */
    async me() {
      const data = await request(`{ me { subject kind scopes member { slug name } } }`);
      return data.me;
    },

    /**
     * A work order assigned to this client's contractor, with its HACT RaiseRepair message; null
     * when there is none or it is not ours (Hearth answers the two the same way).
     */
    async workOrder(id) {
      const data = await request(
        `query WorkOrder($id: ID!) {
          workOrder(id: $id) { id number status priority emergency targetAt appointment { day slot } }
          hactRaiseRepair(workOrderId: $id)
        }`,
        { id },
      );
      return data.workOrder ? { ...data.workOrder, raiseRepair: data.hactRaiseRepair } : null;
    },

    /** Our open work orders, soonest target first, every page. */
    async openWorkOrders() {
      const all = [];
      let after = null;
      do {
        const data = await request(
          `query Open($after: String) {
            workOrders(first: 100, after: $after, filter: { status: [ASSIGNED, SCHEDULED, IN_PROGRESS, ON_HOLD] }) {
              edges { node { id number status targetAt } }
              pageInfo { hasNextPage endCursor }
              totalCount
            }
          }`,
          { after },
        );
        all.push(...data.workOrders.edges.map((edge) => edge.node));
        after = data.workOrders.pageInfo.hasNextPage ? data.workOrders.pageInfo.endCursor : null;
      } while (after);
      return all;
    },

    /**
     * Posts a status update (HACT JobStatusUpdate). `input.messageId` is yours: send the same id
     * and body again when unsure it arrived. Answers the typed result; switch on `__typename`.
     */
    async postStatus(input) {
      const data = await request(
        `mutation Post($input: JobStatusUpdateInput!) {
          postJobStatusUpdate(input: $input) {
            __typename
            ... on JobStatusUpdateApplied { messageId workOrderId workOrderNumber status replayed receivedAt }
            ... on TransitionRefused { from to allowed }
            ... on WorkOrderInvalid { problems { field message } }
            ... on ErrorResult { code message }
          }
        }`,
        { input },
      );
      return data.postJobStatusUpdate;
    },
  };
}
