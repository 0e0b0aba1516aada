import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatLabel } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { LocaleFormat, RUNTIME_CONFIG, translate } from '@hearth/console-core';
import { UnconferenceMoveDocument } from '../graphql.generated';
import { UNCONFERENCES_TEXT } from '../unconferences.text';
import { ukClock } from '../uk-time';
import { UnconferenceStore, type TimetableSession, type UnconferenceDetail } from './unconference.store';

/**
 * The timetable as a grid, rooms across and slots down, with the sessions left out and why; the
 * .ics file and feed once published; and, for the organiser, moving a session (re-checked for clashes).
 */
@Component({
  selector: 'hearth-unconference-timetable',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatError, MatFormField, MatLabel, MatOption, MatSelect, ReactiveFormsModule],
  templateUrl: './timetable-panel.component.html',
  styleUrl: './panels.scss',
})
export class TimetablePanelComponent {
  protected readonly store = inject(UnconferenceStore);
  protected readonly t = translate(UNCONFERENCES_TEXT);
  private readonly format = inject(LocaleFormat);
  private readonly config = inject(RUNTIME_CONFIG, { optional: true });
  protected readonly event = this.store.event;

  /** Each slot's row: the session in each room, or null where the room is free. */
  protected readonly grid = computed(() => {
    const event = this.event();
    if (!event?.timetable) return [];
    const sessions = event.timetable.sessions;
    return event.slots.map((slot) => ({
      slot,
      cells: event.rooms.map((room) => ({ room, session: sessions.find((s) => s.slot.id === slot.id && s.room.id === room.id) ?? null })),
    }));
  });

  protected readonly canMove = computed(() => {
    const event = this.event();
    return Boolean(event?.viewer.canOrganise && (event.status === 'SCHEDULED' || event.status === 'PUBLISHED'));
  });
  /** Every live proposal may be placed: those in the timetable and those it left out. */
  protected readonly movable = computed(() => this.event()?.proposals.filter((p) => p.status === 'SCHEDULED' || p.status === 'UNSCHEDULED') ?? []);

  /** The public feed calendar apps subscribe to, beside the API. */
  protected readonly feedUrl = computed(() => {
    const event = this.event();
    if (!event || !this.config) return null;
    return `${this.config.apiUrl.replace(/\/graphql\/?$/, '')}/calendar/unconferences/${event.id}.ics`;
  });

  protected readonly moveForm = inject(FormBuilder).nonNullable.group({
    proposalId: ['', Validators.required],
    roomId: ['', Validators.required],
    slotId: ['', Validators.required],
  });

  protected slotLabel(slot: UnconferenceDetail['slots'][number]): string {
    return `${this.format.dateTime(slot.startsAt)}–${ukClock(slot.endsAt)}`;
  }

  protected hosts(session: TimetableSession): string {
    return [session.proposal.host, ...session.proposal.cohosts].map((person) => person.displayName).join(', ');
  }

  protected async download(): Promise<void> {
    const file = await this.store.calendarFile();
    if (!file) return;
    const url = URL.createObjectURL(new Blob([file.text], { type: 'text/calendar' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }

  protected async move(event: UnconferenceDetail): Promise<void> {
    this.moveForm.markAllAsTouched();
    if (this.moveForm.invalid) return;
    const { proposalId, roomId, slotId } = this.moveForm.getRawValue();
    const refusal = await this.store.change(
      async () => (await this.store.client.mutate(UnconferenceMoveDocument, { input: { unconferenceId: event.id, proposalId, roomId, slotId } })).moveUnconferenceSession,
      this.t().moved,
    );
    if (refusal === null) this.moveForm.reset({ proposalId: '', roomId: '', slotId: '' });
  }
}
