import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatInput, MatLabel } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { ApiErrorComponent, LocaleFormat, PageComponent, PagerComponent, translate, type WebhookDeliveryStatus } from '@hearth/console-core';
import type { IntegrationsDeliveryFragment } from '../../../graphql.generated';
import { confirmChange } from '../../shared/confirm-dialog/confirm-dialog.component';
import { INTEGRATIONS_TEXT } from '../../shared/integrations.text';
import { SecretOnceComponent } from '../../shared/secret-once/secret-once.component';
import { DeliveryStatusComponent } from '../delivery-status/delivery-status.component';
import { endpointForm, settingsOf, showRefusal, type EndpointForm } from '../endpoint-fields/endpoint-form';
import { EndpointFieldsComponent } from '../endpoint-fields/endpoint-fields.component';
import { EndpointStore } from '../webhook-endpoint.store';
import { WEBHOOKS_TEXT } from '../webhooks.text';

/** How often the log is read again while something is on its way to the receiver. */
const REFRESH_EVERY_MS = 3_000;

const STATUSES: readonly WebhookDeliveryStatus[] = ['PENDING', 'SUCCEEDED', 'FAILED'];

/**
 * One endpoint: its status (with Enable when disabled), test events, secret rotation, settings,
 * and the delivery log with replays.
 */
@Component({
  selector: 'hearth-endpoint-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorComponent, DeliveryStatusComponent, EndpointFieldsComponent, MatAnchor, MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel,
    MatOption, MatProgressBar, MatSelect, PageComponent, PagerComponent, ReactiveFormsModule, RouterLink, SecretOnceComponent,
  ],
  providers: [EndpointStore],
  templateUrl: './endpoint-detail.component.html',
  styleUrl: './endpoint-detail.component.scss',
})
export class EndpointDetailComponent {
  readonly id = input.required<string>();

  protected readonly store = inject(EndpointStore);
  protected readonly deliveries = this.store.deliveries;
  protected readonly t = translate(WEBHOOKS_TEXT);
  protected readonly shared = translate(INTEGRATIONS_TEXT);
  protected readonly format = inject(LocaleFormat);
  private readonly dialog = inject(MatDialog);
  protected readonly statuses = STATUSES;

  protected readonly form = signal<EndpointForm | null>(null);
  protected readonly since = new FormControl('', { nonNullable: true, validators: [Validators.required] });

  protected readonly outcome = computed(() => {
    const outcome = this.store.outcome();
    const words = this.t();
    switch (outcome?.kind) {
      case undefined:
        return '';
      case 'saved':
      case 'enabled':
        return words.outcomes[outcome.kind];
      case 'testSent':
      case 'replayed':
        return words.outcomes[outcome.kind](outcome.webhookId);
      case 'replayedSince':
        return words.outcomes.replayedSince(outcome.count);
      case 'problem':
        return words.problems[outcome.code] ?? outcome.message;
    }
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.open(id));
    });
    const timer = setInterval(() => {
      if (this.store.shouldRefresh()) void this.store.refresh();
    }, REFRESH_EVERY_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  private async open(id: string): Promise<void> {
    await this.store.open(id);
    const endpoint = this.store.endpoint();
    this.form.set(endpoint ? endpointForm(endpoint) : null);
  }

  protected async save(form: EndpointForm): Promise<void> {
    form.markAllAsTouched();
    if (form.invalid) return;
    await this.store.update(settingsOf(form));
    showRefusal(form, this.store.refusal());
    const endpoint = this.store.endpoint();
    if (this.store.outcome()?.kind === 'saved' && endpoint) this.form.set(endpointForm(endpoint));
  }

  protected async rotate(): Promise<void> {
    const answer = await confirmChange(this.dialog, { heading: this.t().rotateHeading, body: this.t().rotateBody, confirm: this.t().rotateConfirm });
    if (answer) await this.store.rotateSecret();
  }

  /** 'ALL' stands for no filter: a select shows a null value as nothing chosen. */
  protected filter(status: WebhookDeliveryStatus | 'ALL'): void {
    void this.store.filter(status === 'ALL' ? null : status);
  }

  protected replay(delivery: IntegrationsDeliveryFragment): void {
    void this.store.replay(delivery);
  }

  protected replaySince(): void {
    this.since.markAsTouched();
    if (this.since.invalid) return;
    // datetime-local is the reader's own clock; the API wants an instant.
    void this.store.replaySince(new Date(this.since.value).toISOString());
  }

  protected canReplay(delivery: IntegrationsDeliveryFragment): boolean {
    return delivery.status !== 'PENDING';
  }
}
