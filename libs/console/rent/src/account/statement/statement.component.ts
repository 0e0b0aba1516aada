import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { ApiError, ApiErrorComponent, asApiError, FORMAT_PIPES, LanguageService, type RentLanguage, translate } from '@hearth/console-core';
import { BalanceComponent } from '../../shared/balance/balance.component';
import { addDays, ukToday } from '../../shared/rent-format';
import { RENT_TEXT } from '../../shared/rent.text';
import { AccountStore } from '../account.store';
import { StatementDownload } from '../statement-download';

const LANGUAGES: readonly RentLanguage[] = ['EN', 'CY'];

/** A statement between two days on the page, and the same as a PDF; in the console's language unless chosen. */
@Component({
  selector: 'hearth-rent-statement',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, BalanceComponent, FORMAT_PIPES, FormsModule, MatButton, MatFormField, MatInput, MatLabel, MatOption, MatProgressBar, MatSelect],
  templateUrl: './statement.component.html',
  styleUrls: ['./statement.component.scss', '../../shared/tables.scss'],
})
export class StatementComponent {
  protected readonly store = inject(AccountStore);
  private readonly pdf = inject(StatementDownload);
  protected readonly t = translate(RENT_TEXT);
  protected readonly languages = LANGUAGES;

  protected to = ukToday();
  protected from = addDays(this.to, -90);
  protected language: RentLanguage = inject(LanguageService).language() === 'cy' ? 'CY' : 'EN';

  protected readonly downloading = signal(false);
  protected readonly downloadError = signal<ApiError | null>(null);

  protected show(): Promise<void> {
    return this.store.loadStatement(this.from, this.to, this.language);
  }

  protected async download(): Promise<void> {
    const account = this.store.account();
    if (!account) return;
    this.downloading.set(true);
    this.downloadError.set(null);
    try {
      const reference = account.paymentReference.replace(/\//g, '-');
      await this.pdf.download(account.id, this.from, this.to, this.language === 'CY' ? 'cy' : 'en', `rent-statement-${reference}-${this.from}-${this.to}.pdf`);
    } catch (error) {
      this.downloadError.set(asApiError(error));
    } finally {
      this.downloading.set(false);
    }
  }
}
