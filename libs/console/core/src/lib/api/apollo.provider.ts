import { inject, type Provider } from '@angular/core';
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { provideApollo } from 'apollo-angular';
import { AuthService } from '../auth/auth.service';
import { RUNTIME_CONFIG } from '../config/runtime-config';
import possibleTypes from '../graphql/possible-types.generated';
import { ActingForService } from './acting-for.service';

/** A consortium admin names the member they act for in this header; the API checks their role before honouring it. */
export const ACT_FOR_HEADER = 'X-Hearth-Act-For';

/**
 * Apollo over fetch, with the bearer token and the acting-for header added to every request as
 * they are at that moment (a renewed token, a member just switched to).
 */
export function provideHearthApollo(): Provider {
  return provideApollo(() => {
    const config = inject(RUNTIME_CONFIG);
    const auth = inject(AuthService);
    const actingFor = inject(ActingForService);
    const authorisedFetch: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('accept', 'application/graphql-response+json, application/json');
      const token = auth.accessToken();
      if (token) headers.set('authorization', `Bearer ${token}`);
      const slug = actingFor.slug();
      if (slug) headers.set(ACT_FOR_HEADER, slug);
      return fetch(input, { ...init, headers });
    };
    return new ApolloClient({
      link: new HttpLink({ uri: config.apiUrl, fetch: authorisedFetch }),
      cache: new InMemoryCache({ possibleTypes: possibleTypes.possibleTypes }),
    });
  });
}
