import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ApiErrorComponent, FORMAT_PIPES, LanguageService, LocaleFormat, PageComponent, SessionStore, translate } from '@hearth/console-core';
import { firstValueFrom } from 'rxjs';
import { ConfigurationContentComponent } from '../content/configuration-content.component';
import { CopyDialogComponent, type CopyDialogData, type CopyOutcome } from '../copy-dialog/copy-dialog.component';
import { ConfirmWithdrawComponent } from './confirm-withdraw.component';
import { PUBLISHING_ROLE } from '../library/library.component';
import { SHARED_CONFIGURATIONS_TEXT } from '../shared-configurations.text';
import { kindName, memberName, moduleName } from '../shared/configuration-view';
import { DetailStore } from './detail.store';

/**
 * One version of a shared configuration: what it holds, read as its kind is, its versions, and
 * what the member can do with it: copy it into its settings (tenant admins, with the kind's
 * module on), or, for its publisher, publish a new version or withdraw this one.
 */
@Component({
  selector: 'hearth-shared-configuration-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, ConfigurationContentComponent, FORMAT_PIPES, MatButton, MatProgressBar, PageComponent, RouterLink],
  providers: [DetailStore],
  templateUrl: './detail.component.html',
  styleUrl: './detail.component.scss',
})
export class DetailComponent {
  readonly id = input.required<string>();
  /** Set by the publish page on its way here: `?published=1`. */
  readonly published = input<string | undefined>();

  protected readonly store = inject(DetailStore);
  private readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly language = inject(LanguageService).language;
  protected readonly format = inject(LocaleFormat);
  protected readonly t = translate(SHARED_CONFIGURATIONS_TEXT);

  /** The copy just made, to say where it came from. */
  protected readonly copied = signal<CopyOutcome | null>(null);
  protected readonly isAdmin = computed(() => this.session.hasRole(PUBLISHING_ROLE));
  protected readonly publisher = computed(() => {
    const detail = this.store.detail();
    return detail ? memberName(detail.publisher, this.language()) : '';
  });
  protected readonly kindName = computed(() => {
    const detail = this.store.detail();
    return detail ? kindName(this.t(), detail.kind.key, detail.kind.name) : '';
  });
  protected readonly canCopy = computed(() => {
    const detail = this.store.detail();
    return Boolean(detail && this.isAdmin() && !detail.withdrawnAt && detail.kind.available);
  });
  protected readonly copyBlocked = computed(() => {
    const detail = this.store.detail();
    if (!detail || !this.isAdmin()) return null;
    if (detail.withdrawnAt) return this.t().copyWithdrawn;
    return detail.kind.available ? null : this.t().copyUnavailable(moduleName(this.t(), detail.kind.module, detail.kind.moduleName));
  });
  protected readonly changeMessage = computed(() => {
    const detail = this.store.detail();
    const withdrawal = this.store.withdrawal();
    if (withdrawal) return withdrawal.done ? this.t().withdrawn : (this.t().problems[withdrawal.code] ?? withdrawal.message);
    const copied = this.copied();
    if (copied && detail) return this.t().copied(this.publisher(), detail.title, detail.version);
    if (this.published() && detail) return this.t().published(detail.title, detail.version);
    return null;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.copied.set(null);
        void this.store.load(id);
      });
    });
  }

  protected async copy(): Promise<void> {
    const detail = this.store.detail();
    if (!detail) return;
    const ref = this.dialog.open<CopyDialogComponent, CopyDialogData, CopyOutcome>(CopyDialogComponent, {
      data: { id: detail.id, title: detail.title, version: detail.version, kind: detail.kind.key, content: detail.content },
      width: '56rem',
      maxWidth: '95vw',
      autoFocus: 'first-heading',
    });
    const outcome = await firstValueFrom(ref.afterClosed());
    if (!outcome) return;
    this.store.withdrawal.set(null);
    this.copied.set(outcome);
    await this.store.load(detail.id);
  }

  protected async withdraw(): Promise<void> {
    const detail = this.store.detail();
    if (!detail) return;
    const ref = this.dialog.open<ConfirmWithdrawComponent, undefined, boolean>(ConfirmWithdrawComponent, { width: '32rem', autoFocus: 'first-heading' });
    if (await firstValueFrom(ref.afterClosed())) await this.store.withdraw(detail.id);
  }
}
