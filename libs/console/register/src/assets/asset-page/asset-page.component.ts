import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ApiErrorComponent, FORMAT_PIPES, PageComponent, PagerComponent, SessionStore, translate } from '@hearth/console-core';
import { AlertListComponent } from '../../shared/alert-list/alert-list.component';
import { AssetTableComponent } from '../../shared/asset-table/asset-table.component';
import { REGISTER_LABELS } from '../../shared/labels.text';
import { assetAddress, assetLabel, canWriteRegister, personName } from '../../shared/register.format';
import { AssetFormComponent } from '../asset-form/asset-form.component';
import { ASSETS_TEXT } from '../assets.text';
import { AssetStore } from './asset.store';

/** One asset: its details, where it sits in the hierarchy, and for a home its tenancy, alerts and repairs. */
@Component({
  selector: 'hearth-register-asset-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AlertListComponent, ApiErrorComponent, AssetFormComponent, AssetTableComponent, FORMAT_PIPES, MatButton, MatProgressBar, PageComponent,
    PagerComponent, RouterLink,
  ],
  providers: [AssetStore],
  templateUrl: './asset-page.component.html',
  styleUrl: './asset-page.component.scss',
})
export class AssetPageComponent {
  readonly id = input.required<string>();

  protected readonly store = inject(AssetStore);
  protected readonly session = inject(SessionStore);
  protected readonly t = translate(ASSETS_TEXT);
  protected readonly labels = translate(REGISTER_LABELS);
  protected readonly editing = signal(false);
  protected readonly canWrite = computed(() => canWriteRegister(this.session));
  protected readonly personName = personName;
  protected readonly address = assetAddress;

  protected readonly heading = computed(() => {
    const asset = this.store.asset();
    return asset ? assetLabel(asset) : this.t().title;
  });

  protected readonly tenancy = computed(() => this.store.asset()?.currentTenancy ?? null);
  protected readonly tenants = computed(() => this.tenancy()?.parties.filter((party) => party.role === 'TENANT') ?? []);
  protected readonly household = computed(() => this.tenancy()?.parties.filter((party) => party.role !== 'TENANT') ?? []);
  protected readonly alerts = computed(() => this.tenancy()?.parties.flatMap((party) => party.person.alerts) ?? []);
  protected readonly alertNames = computed(() =>
    Object.fromEntries((this.tenancy()?.parties ?? []).map((party) => [party.personId, personName(party.person)])),
  );

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.editing.set(false);
        void this.store.load(id);
      });
    });
  }
}
