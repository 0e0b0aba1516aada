import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { translate } from '@hearth/console-core';
import { firstValueFrom } from 'rxjs';
import { INTEGRATIONS_TEXT } from '../integrations.text';

export interface ConfirmDialogData {
  heading: string;
  body: string;
  /** The confirming button's words, saying what it does. */
  confirm: string;
  /** Asks for a reason (required) when given: its label. */
  reasonLabel?: string;
}

/** The reader's yes (with the reason, when one is asked for); no answer when they cancel. */
export interface ConfirmDialogAnswer {
  reason: string;
}

/** Asks before a change the partner feels at once (a suspension, a new secret). */
@Component({
  selector: 'hearth-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle, MatError, MatFormField, MatInput, MatLabel, ReactiveFormsModule],
  templateUrl: './confirm-dialog.component.html',
  styleUrl: './confirm-dialog.component.scss',
})
export class ConfirmDialogComponent {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ConfirmDialogComponent, ConfirmDialogAnswer>>(MatDialogRef);
  protected readonly t = translate(INTEGRATIONS_TEXT);
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: this.data.reasonLabel ? [Validators.required, Validators.maxLength(500)] : [],
  });

  protected submit(): void {
    this.reason.markAsTouched();
    if (this.reason.invalid) return;
    this.ref.close({ reason: this.reason.value.trim() });
  }
}

/** Opens the dialog and resolves with the answer, or null when the reader cancels. */
export async function confirmChange(dialog: MatDialog, data: ConfirmDialogData): Promise<ConfirmDialogAnswer | null> {
  const ref = dialog.open<ConfirmDialogComponent, ConfirmDialogData, ConfirmDialogAnswer>(ConfirmDialogComponent, { data, width: '32rem', autoFocus: 'first-tabbable' });
  return (await firstValueFrom(ref.afterClosed())) ?? null;
}
