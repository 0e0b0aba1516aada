import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatInput, MatLabel } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ApiErrorComponent, FORMAT_PIPES, LocaleFormat, PageComponent, PagerComponent, SessionStore, translate } from '@hearth/console-core';
import type { NoticeboardNoticeFragment } from '../../graphql.generated';
import { NoticeboardStore } from '../noticeboard.store';
import { NOTICEBOARD_TEXT } from '../noticeboard.text';

/** Who may post and withdraw, as the API's noticeboard permissions say. */
const POSTING_ROLES = ['tenant-admin', 'housing-officer'];

function afterToday(control: AbstractControl<string>): ValidationErrors | null {
  const today = new Date().toISOString().slice(0, 10);
  return control.value && control.value <= today ? { past: true } : null;
}

/** The member's current notices; staff who may post see the form to post one and a way to withdraw each. */
@Component({
  selector: 'hearth-noticeboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, FORMAT_PIPES, MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, MatProgressBar, PageComponent, PagerComponent, ReactiveFormsModule],
  providers: [NoticeboardStore],
  templateUrl: './noticeboard-page.component.html',
  styleUrl: './noticeboard-page.component.scss',
})
export class NoticeboardPageComponent {
  protected readonly store = inject(NoticeboardStore);
  protected readonly notices = this.store.notices;
  protected readonly format = inject(LocaleFormat);
  protected readonly t = translate(NOTICEBOARD_TEXT);
  private readonly session = inject(SessionStore);

  protected readonly canPost = computed(() => POSTING_ROLES.some((role) => this.session.hasRole(role)));

  protected readonly form = inject(FormBuilder).nonNullable.group({
    title: ['', [Validators.required, Validators.maxLength(200)]],
    body: ['', [Validators.required, Validators.maxLength(10_000)]],
    lastDay: ['', afterToday],
  });

  protected readonly changeMessage = computed(() => {
    const change = this.store.lastChange();
    if (!change) return null;
    if (change.kind === 'refused') return this.t().withdrawProblems[change.code] ?? change.message;
    return change.kind === 'posted' ? this.t().postedMessage(change.title) : this.t().withdrawn(change.title);
  });

  constructor() {
    void this.notices.first();
  }

  protected async post(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const { title, body, lastDay } = this.form.getRawValue();
    if (await this.store.post({ title: title.trim(), body: body.trim(), lastDay: lastDay || null })) this.form.reset();
  }

  protected withdraw(notice: NoticeboardNoticeFragment): void {
    void this.store.withdraw(notice);
  }
}
