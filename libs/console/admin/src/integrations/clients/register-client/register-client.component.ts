import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatInput, MatLabel } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { ApiErrorComponent, apiProblem, PageComponent, translate } from '@hearth/console-core';
import { ChoiceListComponent } from '../../shared/choice-list/choice-list.component';
import { INTEGRATIONS_TEXT } from '../../shared/integrations.text';
import { SecretOnceComponent } from '../../shared/secret-once/secret-once.component';
import { ClientSecretFactsComponent } from '../client-secret-facts/client-secret-facts.component';
import { showProblems } from '../../shared/form-problems';
import { clientControls, clientProblemControls, rateLimitOf } from '../client-form';
import { CLIENTS_TEXT } from '../clients.text';
import { RegisterClientStore } from '../partner-clients.store';

/** Registers a partner client, then shows its id and secret once. */
@Component({
  selector: 'hearth-register-client',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorComponent, ChoiceListComponent, ClientSecretFactsComponent, MatAnchor, MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel,
    PageComponent, ReactiveFormsModule, RouterLink, SecretOnceComponent,
  ],
  providers: [RegisterClientStore],
  templateUrl: './register-client.component.html',
  styleUrl: './register-client.component.scss',
})
export class RegisterClientComponent {
  protected readonly store = inject(RegisterClientStore);
  protected readonly t = translate(CLIENTS_TEXT);
  protected readonly shared = translate(INTEGRATIONS_TEXT);
  private readonly router = inject(Router);

  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
    ...clientControls({ description: '', scopes: [], rateLimitPerMinute: null }),
  });

  /** The API's problems about no one field. */
  protected readonly general = signal<string[]>([]);
  protected readonly apiProblem = apiProblem;

  constructor() {
    void this.store.loadScopes();
  }

  protected async register(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const value = this.form.getRawValue();
    await this.store.register({
      name: value.name.trim(),
      description: value.description.trim(),
      scopes: value.scopes,
      rateLimitPerMinute: rateLimitOf(value.rateLimit),
    });
    this.general.set(showProblems(this.store.problems(), { name: this.form.controls.name, ...clientProblemControls(this.form.controls) }));
  }

  /** Once the reader has the secret, the client's own page: the secret goes with this one. */
  protected done(id: string): void {
    void this.router.navigate(['/integrations/clients', id]);
  }
}
