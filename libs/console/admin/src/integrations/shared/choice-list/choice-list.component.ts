import { ChangeDetectionStrategy, Component, forwardRef, input, signal } from '@angular/core';
import { NG_VALUE_ACCESSOR, type ControlValueAccessor } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';

export interface Choice {
  value: string;
  description: string;
}

let nextId = 0;

/**
 * Several of a catalogue's entries (scopes, event types) as checkboxes, each with what it means,
 * for a form control holding the chosen values.
 */
@Component({
  selector: 'hearth-choice-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCheckbox],
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => ChoiceListComponent), multi: true }],
  templateUrl: './choice-list.component.html',
  styleUrl: './choice-list.component.scss',
})
export class ChoiceListComponent implements ControlValueAccessor {
  readonly legend = input.required<string>();
  readonly choices = input.required<readonly Choice[]>();
  /** Why the choice is refused, shown under it. */
  readonly problem = input<string | null>(null);

  protected readonly id = `choices-${nextId++}`;
  protected readonly selected = signal<readonly string[]>([]);
  protected readonly disabled = signal(false);
  private onChange: (value: string[]) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  writeValue(value: readonly string[] | null): void {
    this.selected.set(value ?? []);
  }

  registerOnChange(fn: (value: string[]) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }

  protected toggle(value: string, checked: boolean): void {
    const others = this.selected().filter((chosen) => chosen !== value);
    // Kept in the catalogue's order, so the API is sent the same list however it was clicked.
    const chosen = new Set(checked ? [...others, value] : others);
    const next = this.choices().map((choice) => choice.value).filter((candidate) => chosen.has(candidate));
    this.selected.set(next);
    this.onChange(next);
    this.onTouched();
  }
}
