import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { LocaleFormat, translate } from '@hearth/console-core';
import { RENT_TEXT } from '../rent.text';

/**
 * A balance in words as well as colour: "£550.00 in arrears", "£20.00 in credit" or clear.
 * The ledger's sign (positive is owed) never reaches the reader as a bare minus.
 */
@Component({
  selector: 'hearth-rent-balance',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="balance" [class]="state()" data-testid="balance">{{ words() }}</span>`,
  styleUrl: './balance.component.scss',
})
export class BalanceComponent {
  readonly pence = input.required<number>();
  private readonly format = inject(LocaleFormat);
  private readonly t = translate(RENT_TEXT);

  protected readonly state = computed(() => (this.pence() > 0 ? 'arrears' : this.pence() < 0 ? 'credit' : 'clear'));
  protected readonly words = computed(() => {
    const pence = this.pence();
    if (pence > 0) return this.t().inArrears(this.format.money(pence));
    if (pence < 0) return this.t().inCredit(this.format.money(-pence));
    return this.t().clear;
  });
}
