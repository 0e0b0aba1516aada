import { FormControl, FormGroup } from '@angular/forms';
import { apiProblem, placeProblems } from './api-problems';

describe('placeProblems', () => {
  it('puts each problem on its control, touched so it shows, and answers the ones no control owns', () => {
    const form = new FormGroup({ name: new FormControl(''), postcode: new FormControl('') });

    const unplaced = placeProblems(
      [
        { field: 'postcode', message: 'Enter a UK postcode' },
        { field: 'id', message: 'That asset no longer exists' },
      ],
      (field) => form.get(field),
    );

    expect(unplaced).toEqual(['That asset no longer exists']);
    expect(apiProblem(form.controls.postcode)).toBe('Enter a UK postcode');
    expect(form.controls.postcode.touched).toBe(true);
    expect(apiProblem(form.controls.name)).toBeNull();
    expect(form.controls.name.touched).toBe(false);
  });

  it('lets the next edit clear the problem', () => {
    const control = new FormControl('x');
    placeProblems([{ field: 'x', message: 'Too long' }], () => control);
    control.setValue('y');
    expect(apiProblem(control)).toBeNull();
  });
});
