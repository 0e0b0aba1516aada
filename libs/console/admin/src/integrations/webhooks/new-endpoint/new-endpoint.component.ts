import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { ApiErrorComponent, PageComponent, translate } from '@hearth/console-core';
import { SecretOnceComponent } from '../../shared/secret-once/secret-once.component';
import { endpointForm, settingsOf, showRefusal } from '../endpoint-fields/endpoint-form';
import { EndpointFieldsComponent } from '../endpoint-fields/endpoint-fields.component';
import { NewEndpointStore } from '../webhook-endpoints.store';
import { WEBHOOKS_TEXT } from '../webhooks.text';

/** Adds an endpoint, then shows its signing secret once. */
@Component({
  selector: 'hearth-new-endpoint',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, EndpointFieldsComponent, MatAnchor, MatButton, PageComponent, ReactiveFormsModule, RouterLink, SecretOnceComponent],
  providers: [NewEndpointStore],
  templateUrl: './new-endpoint.component.html',
  styleUrl: './new-endpoint.component.scss',
})
export class NewEndpointComponent {
  protected readonly store = inject(NewEndpointStore);
  protected readonly t = translate(WEBHOOKS_TEXT);
  private readonly router = inject(Router);
  protected readonly form = endpointForm();

  constructor() {
    void this.store.loadEventTypes();
  }

  protected async create(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    await this.store.create(settingsOf(this.form));
    showRefusal(this.form, this.store.refusal());
  }

  /** Once the reader has the secret, the endpoint's own page: the secret goes with this one. */
  protected done(id: string): void {
    void this.router.navigate(['/integrations/webhooks', id]);
  }
}
