import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { translate } from '@hearth/console-core';
import type { IntegrationsClientSecretFragment } from '../../../graphql.generated';
import { CLIENTS_TEXT } from '../clients.text';

/**
 * What the partner needs beside a new secret: the client id and where to get tokens, and, when
 * Keycloak was not told of the client, that an operator must create it there.
 */
@Component({
  selector: 'hearth-client-secret-facts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="facts">
      <dt>{{ t().clientId }}</dt>
      <dd><code data-testid="new-client-id">{{ secret().client.clientId }}</code></dd>
      <dt>{{ t().tokenEndpoint }}</dt>
      <dd><code>{{ secret().tokenEndpoint }}</code></dd>
    </dl>
    @if (secret().client.issuer === 'LOCAL' || secret().notice) {
      <div class="notice" data-testid="client-notice">
        @if (secret().client.issuer === 'LOCAL') {
          <p>{{ t().localIssuer }}</p>
        }
        @if (secret().notice; as notice) {
          <!-- The API's own words are English. -->
          <p>{{ t().apiNotice }} <span lang="en">{{ notice }}</span></p>
        }
      </div>
    }
  `,
  styles: `
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
      margin: 0 0 1rem;
      dt { font-weight: 600; }
      dd { margin: 0; word-break: break-all; }
    }
    .notice {
      margin: 0 0 1rem;
      padding: 0.5rem 0.75rem;
      border-left: 4px solid #7a5900;
      background: #fff;
    }
    .notice p { margin: 0.25rem 0; }
  `,
})
export class ClientSecretFactsComponent {
  readonly secret = input.required<IntegrationsClientSecretFragment>();
  protected readonly t = translate(CLIENTS_TEXT);
}
