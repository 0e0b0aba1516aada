import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatInput, MatLabel } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { translate } from '@hearth/console-core';
import { ChoiceListComponent, type Choice } from '../../shared/choice-list/choice-list.component';
import type { EndpointRefusal } from '../webhook-endpoints.store';
import { WEBHOOKS_TEXT } from '../webhooks.text';
import type { EndpointForm } from './endpoint-form';

/** An endpoint's URL, description and event types (every one, or those chosen), inside a page's form. */
@Component({
  selector: 'hearth-endpoint-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChoiceListComponent, MatError, MatFormField, MatHint, MatInput, MatLabel, MatRadioButton, MatRadioGroup, ReactiveFormsModule],
  templateUrl: './endpoint-fields.component.html',
  styleUrl: './endpoint-fields.component.scss',
})
export class EndpointFieldsComponent {
  readonly form = input.required<EndpointForm>();
  readonly eventTypes = input.required<readonly Choice[]>();
  protected readonly t = translate(WEBHOOKS_TEXT);

  protected refusal(errors: Record<string, unknown> | null): EndpointRefusal | null {
    return (errors?.['refused'] as EndpointRefusal | undefined) ?? null;
  }

  protected urlProblem(): string {
    const refusal = this.refusal(this.form().controls.url.errors);
    return refusal?.kind === 'url' ? this.t().urlRules[refusal.rule] : this.t().urlRequired;
  }

  protected eventTypesProblem(): string | null {
    const control = this.form().controls.eventTypes;
    if (!control.touched || control.valid) return null;
    const refusal = this.refusal(control.errors);
    return refusal?.kind === 'eventTypes' ? this.t().unknownTypes(refusal.unknown.join(', ')) : this.t().eventsRequired;
  }
}
