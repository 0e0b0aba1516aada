import { FormControl, FormGroup, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import type { IntegrationsEndpointFragment } from '../../../graphql.generated';
import type { EndpointRefusal, EndpointSettings } from '../webhook-endpoints.store';

/** The API's word for "every event type, including ones added later". */
const EVERY_TYPE = '*';

/** Chosen types are needed only when the reader chose to pick them. */
function chosenWhenPicking(control: AbstractControl<string[]>): ValidationErrors | null {
  const picking = control.parent?.get('which')?.value === 'chosen';
  return picking && control.value.length === 0 ? { required: true } : null;
}

/** An endpoint's settings as a form, for adding one and for changing one. */
export function endpointForm(endpoint?: IntegrationsEndpointFragment) {
  const every = !endpoint || endpoint.eventTypes.includes(EVERY_TYPE);
  const form = new FormGroup({
    url: new FormControl(endpoint?.url ?? '', { nonNullable: true, validators: [Validators.required, Validators.maxLength(2000)] }),
    description: new FormControl(endpoint?.description ?? '', { nonNullable: true, validators: [Validators.maxLength(500)] }),
    which: new FormControl<'every' | 'chosen'>(every ? 'every' : 'chosen', { nonNullable: true }),
    eventTypes: new FormControl<string[]>(every ? [] : [...(endpoint?.eventTypes ?? [])], { nonNullable: true, validators: [chosenWhenPicking] }),
  });
  form.controls.which.valueChanges.subscribe(() => form.controls.eventTypes.updateValueAndValidity());
  return form;
}

export type EndpointForm = ReturnType<typeof endpointForm>;

export function settingsOf(form: EndpointForm): EndpointSettings {
  const value = form.getRawValue();
  return {
    url: value.url.trim(),
    description: value.description.trim(),
    eventTypes: value.which === 'every' ? [EVERY_TYPE] : value.eventTypes,
  };
}

/** Puts the API's refusal on the field it is about, where the field's error shows it. */
export function showRefusal(form: EndpointForm, refusal: EndpointRefusal | null): void {
  if (!refusal) return;
  const control = refusal.kind === 'url' ? form.controls.url : form.controls.eventTypes;
  control.setErrors({ refused: refusal });
  control.markAsTouched();
}
