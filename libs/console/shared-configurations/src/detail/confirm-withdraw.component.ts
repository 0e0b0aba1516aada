import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { translate } from '@hearth/console-core';
import { SHARED_CONFIGURATIONS_TEXT } from '../shared-configurations.text';

/** Asks before a version is withdrawn; closes with true to go ahead. */
@Component({
  selector: 'hearth-confirm-withdraw',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle],
  template: `
    <h2 mat-dialog-title>{{ t().withdrawHeading }}</h2>
    <mat-dialog-content><p>{{ t().withdrawBody }}</p></mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">{{ t().cancel }}</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">{{ t().withdraw }}</button>
    </mat-dialog-actions>
  `,
})
export class ConfirmWithdrawComponent {
  protected readonly t = translate(SHARED_CONFIGURATIONS_TEXT);
}
