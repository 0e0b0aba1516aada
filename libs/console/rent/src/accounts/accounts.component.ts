import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { ApiErrorComponent, LanguageService, LocaleFormat, PageComponent, PagerComponent, SessionStore, translate } from '@hearth/console-core';
import { BalanceComponent } from '../shared/balance/balance.component';
import { tenantNames } from '../shared/rent-format';
import { RENT_TEXT } from '../shared/rent.text';
import { AccountsStore, type AccountRow } from './accounts.store';

/**
 * Rent accounts by payment reference. "In arrears" lives in the address (`?inArrears=true`), so
 * the dashboard can link straight to the accounts most behind, and the filter survives a reload.
 */
@Component({
  selector: 'hearth-rent-accounts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorComponent, BalanceComponent, FormsModule, MatButton, MatCheckbox, MatFormField, MatHint, MatInput, MatLabel,
    MatProgressBar, PageComponent, PagerComponent, RouterLink,
  ],
  providers: [AccountsStore],
  templateUrl: './accounts.component.html',
  styleUrls: ['./accounts.component.scss', '../shared/tables.scss'],
})
export class AccountsComponent {
  /** From the query string. */
  readonly inArrears = input<string | undefined>();

  protected readonly store = inject(AccountsStore);
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  protected readonly t = translate(RENT_TEXT);
  protected readonly shared = inject(LanguageService).t;
  private readonly format = inject(LocaleFormat);
  protected readonly tenantNames = tenantNames;
  protected readonly arrearsOnly = computed(() => this.inArrears() === 'true');
  protected searchText = '';

  constructor() {
    effect(() => {
      const arrearsOnly = this.arrearsOnly();
      untracked(() => void this.store.filter(arrearsOnly, this.searchText));
    });
  }

  protected setArrearsOnly(checked: boolean): void {
    void this.router.navigate([], { queryParams: { inArrears: checked ? 'true' : null }, queryParamsHandling: 'merge' });
  }

  protected home(account: AccountRow): string {
    const dwelling = account.tenancy?.dwelling;
    return dwelling ? [dwelling.addressLine1, dwelling.postcode].filter(Boolean).join(', ') : '';
  }

  /** Weeks of rent to one decimal, in the reader's locale. */
  protected weeks(weeks: number): string {
    return this.t().weeksOfRent(this.format.number(Math.round(weeks * 10) / 10));
  }

  protected searchNow(): void {
    void this.store.filter(this.arrearsOnly(), this.searchText);
  }
}
