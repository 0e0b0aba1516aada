import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ApiErrorComponent, FORMAT_PIPES, LanguageService, LocaleFormat, PageComponent, PagerComponent, translate } from '@hearth/console-core';
import { BalanceComponent } from '../shared/balance/balance.component';
import { tenantNames } from '../shared/rent-format';
import { RENT_TEXT } from '../shared/rent.text';
import { SuspenseStore, type SuspensePayment } from './suspense.store';

/** Payments that matched no account, for income officers to allocate by payment reference. */
@Component({
  selector: 'hearth-rent-suspense',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorComponent, BalanceComponent, FORMAT_PIPES, FormsModule, MatButton, MatFormField, MatInput, MatLabel, MatProgressBar, PageComponent,
    PagerComponent, RouterLink,
  ],
  providers: [SuspenseStore],
  templateUrl: './suspense.component.html',
  styleUrls: ['./suspense.component.scss', '../shared/tables.scss'],
})
export class SuspenseComponent {
  protected readonly store = inject(SuspenseStore);
  protected readonly shared = inject(LanguageService).t;
  private readonly format = inject(LocaleFormat);
  protected readonly t = translate(RENT_TEXT);
  protected readonly tenantNames = tenantNames;
  protected reference = '';
  private readonly panel = viewChild<ElementRef<HTMLElement>>('panel');

  protected readonly allocatedMessage = computed(() => {
    const allocated = this.store.allocated();
    return allocated ? this.t().suspense.allocated(this.format.money(allocated.payment.amountPence), allocated.reference) : '';
  });

  constructor() {
    void this.store.list.first();
  }

  protected describe(payment: SuspensePayment): string {
    return this.t().suspense.allocateLabel(this.format.money(payment.amountPence), this.format.date(payment.receivedOn));
  }

  protected choose(payment: SuspensePayment): void {
    this.store.select(payment);
    // The quoted reference is usually nearly right: start from it.
    this.reference = payment.paymentReference ?? '';
    // Move focus to the form that opened, so keyboard and screen reader users land on it.
    setTimeout(() => this.panel()?.nativeElement.focus());
  }
}
