import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ApiErrorComponent, FORMAT_PIPES, PageComponent, SessionStore, translate } from '@hearth/console-core';
import { REGISTER_LABELS } from '../shared/labels.text';
import { assetLabel, personName } from '../shared/register.format';
import { TENANCY_TEXT } from './tenancy.text';
import { TenancyStore } from './tenancy.store';

/**
 * A tenancy (an occupation contract in Wales): its tenure and dates, tenants, household and
 * history. Every word naming it or its tenants follows the member's country, in either language.
 */
@Component({
  selector: 'hearth-register-tenancy-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, FORMAT_PIPES, MatProgressBar, PageComponent, RouterLink],
  providers: [TenancyStore],
  templateUrl: './tenancy-page.component.html',
  styleUrl: './tenancy-page.component.scss',
})
export class TenancyPageComponent {
  readonly id = input.required<string>();

  protected readonly store = inject(TenancyStore);
  protected readonly session = inject(SessionStore);
  protected readonly t = translate(TENANCY_TEXT);
  protected readonly labels = translate(REGISTER_LABELS);
  protected readonly personName = personName;
  protected readonly assetLabel = assetLabel;

  protected readonly heading = computed(() => {
    const tenancy = this.store.tenancy();
    const terms = this.session.terms();
    return tenancy?.dwelling ? this.t().heading(terms.Tenancy, assetLabel(tenancy.dwelling)) : terms.Tenancy;
  });

  private readonly current = computed(() => this.store.tenancy()?.history.filter((party) => !party.leftOn) ?? []);
  protected readonly tenants = computed(() => this.current().filter((party) => party.role === 'TENANT'));
  protected readonly household = computed(() => this.current().filter((party) => party.role !== 'TENANT'));
  protected readonly past = computed(() => this.store.tenancy()?.history.filter((party) => party.leftOn) ?? []);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.load(id));
    });
  }
}
