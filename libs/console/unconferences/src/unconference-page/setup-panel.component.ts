import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators, type AbstractControl } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatInput, MatLabel } from '@angular/material/input';
import { apiProblem, LocaleFormat, placeProblems, translate } from '@hearth/console-core';
import { UnconferenceAddRoomDocument, UnconferenceAddSlotDocument, UnconferenceRemoveRoomDocument, UnconferenceRemoveSlotDocument } from '../graphql.generated';
import { UNCONFERENCES_TEXT } from '../unconferences.text';
import { ukClock, ukMoment } from '../uk-time';
import { UnconferenceStore, type UnconferenceDetail } from './unconference.store';

const SETTING_UP = ['DRAFT', 'PROPOSALS_OPEN', 'VOTING_OPEN'];

/** The event's rooms and time slots: for everyone to read, for its organiser to change until the timetable is drafted. */
@Component({
  selector: 'hearth-unconference-setup',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatError, MatFormField, MatInput, MatLabel, ReactiveFormsModule],
  templateUrl: './setup-panel.component.html',
  styleUrl: './panels.scss',
})
export class SetupPanelComponent {
  protected readonly store = inject(UnconferenceStore);
  protected readonly t = translate(UNCONFERENCES_TEXT);
  private readonly format = inject(LocaleFormat);
  private readonly forms = inject(FormBuilder).nonNullable;
  protected readonly apiProblem = apiProblem;

  protected readonly event = this.store.event;
  protected readonly editable = computed(() => {
    const event = this.event();
    return Boolean(event?.viewer.canOrganise && SETTING_UP.includes(event.status));
  });

  protected readonly roomForm = this.forms.group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    capacity: [30, [Validators.required, Validators.min(1), Validators.max(10_000)]],
  });

  protected readonly slotForm = this.forms.group({
    day: ['', Validators.required],
    start: ['', Validators.required],
    end: ['', Validators.required],
  });

  protected slotLabel(slot: UnconferenceDetail['slots'][number]): string {
    return `${this.format.dateTime(slot.startsAt)}–${ukClock(slot.endsAt)}`;
  }

  protected async addRoom(event: UnconferenceDetail): Promise<void> {
    this.roomForm.markAllAsTouched();
    if (this.roomForm.invalid) return;
    const { name, capacity } = this.roomForm.getRawValue();
    const refusal = await this.store.change(
      async () => (await this.store.client.mutate(UnconferenceAddRoomDocument, { input: { unconferenceId: event.id, name: name.trim(), capacity: Number(capacity) } })).addUnconferenceRoom,
      this.t().roomAdded(name.trim()),
    );
    if (refusal === null) this.roomForm.reset({ name: '', capacity: 30 });
    else if (refusal !== 'failed') placeProblems(refusal.problems, (field) => this.controlOf(this.roomForm.controls, field));
  }

  protected async removeRoom(event: UnconferenceDetail, roomId: string): Promise<void> {
    await this.store.change(async () => (await this.store.client.mutate(UnconferenceRemoveRoomDocument, { unconferenceId: event.id, roomId })).removeUnconferenceRoom, this.t().removed);
  }

  protected async addSlot(event: UnconferenceDetail): Promise<void> {
    this.slotForm.markAllAsTouched();
    if (this.slotForm.invalid) return;
    const { day, start, end } = this.slotForm.getRawValue();
    const refusal = await this.store.change(
      async () =>
        (await this.store.client.mutate(UnconferenceAddSlotDocument, { input: { unconferenceId: event.id, startsAt: ukMoment(day, start), endsAt: ukMoment(day, end) } }))
          .addUnconferenceSlot,
      this.t().slotAdded,
    );
    if (refusal === null) this.slotForm.reset({ day, start: '', end: '' });
    else if (refusal !== 'failed') {
      placeProblems(refusal.problems, (field) => (field === 'startsAt' ? this.slotForm.controls.start : field === 'endsAt' ? this.slotForm.controls.end : null));
    }
  }

  protected async removeSlot(event: UnconferenceDetail, slotId: string): Promise<void> {
    await this.store.change(async () => (await this.store.client.mutate(UnconferenceRemoveSlotDocument, { unconferenceId: event.id, slotId })).removeUnconferenceSlot, this.t().removed);
  }

  private controlOf(controls: Record<string, AbstractControl>, field: string): AbstractControl | null {
    return controls[field] ?? null;
  }
}
