import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatInput, MatLabel } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ApiErrorComponent, apiProblem, LocaleFormat, PageComponent, translate } from '@hearth/console-core';
import type { IntegrationsClientFragment } from '../../../graphql.generated';
import { ChoiceListComponent } from '../../shared/choice-list/choice-list.component';
import { confirmChange } from '../../shared/confirm-dialog/confirm-dialog.component';
import { showProblems } from '../../shared/form-problems';
import { INTEGRATIONS_TEXT } from '../../shared/integrations.text';
import { SecretOnceComponent } from '../../shared/secret-once/secret-once.component';
import { ClientSecretFactsComponent } from '../client-secret-facts/client-secret-facts.component';
import { clientControls, clientProblemControls, rateLimitOf } from '../client-form';
import { CLIENTS_TEXT } from '../clients.text';
import { PartnerClientStore } from '../partner-client.store';

/** One partner client: who it is, suspend or reinstate it, rotate its secret, change its scopes and limit. */
@Component({
  selector: 'hearth-client-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorComponent, ChoiceListComponent, ClientSecretFactsComponent, MatAnchor, MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel,
    MatProgressBar, PageComponent, ReactiveFormsModule, RouterLink, SecretOnceComponent,
  ],
  providers: [PartnerClientStore],
  templateUrl: './client-detail.component.html',
  styleUrl: './client-detail.component.scss',
})
export class ClientDetailComponent {
  readonly id = input.required<string>();

  protected readonly store = inject(PartnerClientStore);
  protected readonly t = translate(CLIENTS_TEXT);
  protected readonly shared = translate(INTEGRATIONS_TEXT);
  protected readonly format = inject(LocaleFormat);
  private readonly dialog = inject(MatDialog);
  protected readonly apiProblem = apiProblem;

  protected readonly form = new FormGroup(clientControls({ description: '', scopes: [], rateLimitPerMinute: null }));
  /** The API's problems about no one field (e.g. a suspension's reason). */
  protected readonly general = signal<string[]>([]);

  protected readonly heading = computed(() => this.store.client()?.name ?? this.t().title);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.open(id));
    });
  }

  private async open(id: string): Promise<void> {
    await this.store.open(id);
    const client = this.store.client();
    if (client) this.reset(client);
  }

  private reset(client: IntegrationsClientFragment): void {
    this.form.reset({ description: client.description, scopes: [...client.scopes], rateLimit: client.rateLimitPerMinute?.toString() ?? '' });
  }

  protected async suspend(client: IntegrationsClientFragment): Promise<void> {
    const answer = await confirmChange(this.dialog, {
      heading: this.t().suspendHeading(client.name),
      body: this.t().suspendBody,
      confirm: this.t().suspendConfirm,
      reasonLabel: this.t().reasonLabel,
    });
    if (!answer) return;
    await this.store.suspend(answer.reason);
    this.general.set(this.store.problems().map((problem) => problem.message));
  }

  protected reinstate(): void {
    this.general.set([]);
    void this.store.reinstate();
  }

  protected async rotate(): Promise<void> {
    const answer = await confirmChange(this.dialog, { heading: this.t().rotateHeading, body: this.t().rotateBody, confirm: this.t().rotateConfirm });
    if (answer) await this.store.rotateSecret();
  }

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const value = this.form.getRawValue();
    await this.store.update({ description: value.description.trim(), scopes: value.scopes, rateLimitPerMinute: rateLimitOf(value.rateLimit) });
    this.general.set(showProblems(this.store.problems(), clientProblemControls(this.form.controls)));
    const client = this.store.client();
    if (this.store.outcome() === 'saved' && client) this.reset(client);
  }
}
