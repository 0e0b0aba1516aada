import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatInput, MatLabel } from '@angular/material/input';
import { LocaleFormat, translate } from '@hearth/console-core';
import { UnconferenceEditNoteDocument, UnconferenceWriteNoteDocument } from '../graphql.generated';
import { UNCONFERENCES_TEXT } from '../unconferences.text';
import { UnconferenceStore, type TimetableSession } from './unconference.store';

type Note = TimetableSession['proposal']['notes'][number];

/** Notes on the sessions that have begun, for everyone to read; participants add theirs and edit their own. */
@Component({
  selector: 'hearth-unconference-notes',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatError, MatFormField, MatInput, MatLabel, ReactiveFormsModule],
  templateUrl: './notes-panel.component.html',
  styleUrl: './panels.scss',
})
export class NotesPanelComponent {
  protected readonly store = inject(UnconferenceStore);
  protected readonly t = translate(UNCONFERENCES_TEXT);
  protected readonly format = inject(LocaleFormat);
  protected readonly event = this.store.event;

  protected readonly started = computed(() => this.event()?.timetable?.sessions.filter((session) => session.started) ?? []);
  protected readonly canWrite = computed(() => Boolean(this.event()?.viewer.canTakePart));

  /** One draft per session, kept while the page is open. */
  private readonly drafts = new Map<string, FormControl<string>>();
  protected readonly editing = signal<string | null>(null);
  protected readonly editControl = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(20_000)] });

  protected draftFor(proposalId: string): FormControl<string> {
    let control = this.drafts.get(proposalId);
    if (!control) {
      control = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(20_000)] });
      this.drafts.set(proposalId, control);
    }
    return control;
  }

  protected async write(session: TimetableSession): Promise<void> {
    const control = this.draftFor(session.proposal.id);
    control.markAsTouched();
    if (control.invalid) return;
    const refusal = await this.store.change(
      async () => (await this.store.client.mutate(UnconferenceWriteNoteDocument, { input: { proposalId: session.proposal.id, body: control.value.trim() } })).writeUnconferenceSessionNote,
      this.t().noteSaved,
    );
    if (refusal === null) control.reset('');
  }

  protected startEditing(note: Note): void {
    this.editControl.setValue(note.body);
    this.editing.set(note.id);
  }

  protected async saveEdit(note: Note): Promise<void> {
    this.editControl.markAsTouched();
    if (this.editControl.invalid) return;
    const refusal = await this.store.change(
      async () => (await this.store.client.mutate(UnconferenceEditNoteDocument, { input: { noteId: note.id, body: this.editControl.value.trim() } })).editUnconferenceSessionNote,
      this.t().noteEdited,
    );
    if (refusal === null) this.editing.set(null);
  }
}
