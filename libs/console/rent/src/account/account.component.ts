import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ApiErrorComponent, FORMAT_PIPES, LocaleFormat, PageComponent, PagerComponent, SessionStore, translate } from '@hearth/console-core';
import { BalanceComponent } from '../shared/balance/balance.component';
import { tenantNames } from '../shared/rent-format';
import { RENT_TEXT } from '../shared/rent.text';
import { ArrangementsComponent } from './arrangements/arrangements.component';
import { AccountStore } from './account.store';
import { StatementComponent } from './statement/statement.component';

/** One rent account: who it is for, what it charges, its ledger and payments, recovery, arrangements and statement. */
@Component({
  selector: 'hearth-rent-account',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorComponent, ArrangementsComponent, BalanceComponent, FORMAT_PIPES, MatProgressBar, PageComponent, PagerComponent, RouterLink,
    StatementComponent,
  ],
  providers: [AccountStore],
  templateUrl: './account.component.html',
  styleUrls: ['./account.component.scss', '../shared/tables.scss'],
})
export class AccountComponent {
  /** The route's :id. */
  readonly id = input.required<string>();

  protected readonly store = inject(AccountStore);
  protected readonly session = inject(SessionStore);
  private readonly format = inject(LocaleFormat);
  protected readonly t = translate(RENT_TEXT);

  protected readonly heading = computed(() => {
    const account = this.store.account();
    return account ? this.t().account.heading(account.paymentReference) : this.t().accounts.title;
  });
  protected readonly tenants = computed(() => tenantNames(this.store.account()?.tenancy?.parties));
  protected readonly address = computed(() => {
    const dwelling = this.store.account()?.tenancy?.dwelling;
    return dwelling ? [dwelling.addressLine1, dwelling.addressLine2, dwelling.town, dwelling.postcode].filter(Boolean).join(', ') : '';
  });
  /** Income officers and tenant admins: the roles the suspense page is declared for are the rent module's `manage` roles. */
  protected readonly canManage = computed(() => this.session.canOpen('rent/suspense'));

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.open(id));
    });
  }

  protected weeks(weeks: number): string {
    return this.t().weeksOfRent(this.format.number(Math.round(weeks * 10) / 10));
  }

  protected stageEntered(enteredAt: string, balancePence: number): string {
    return this.t().account.stageEntered(this.format.date(enteredAt), this.format.money(balancePence));
  }
}
