import { actionsFor } from './work-order-actions';

describe('actionsFor', () => {
  it('offers one action per status the API allows, never more', () => {
    expect(actionsFor({ status: 'RAISED', allowedTransitions: ['ASSIGNED', 'ON_HOLD', 'CANCELLED'] }).map((choice) => choice.action)).toEqual(['assign', 'hold', 'cancel']);
    expect(actionsFor({ status: 'IN_PROGRESS', allowedTransitions: ['COMPLETED', 'ON_HOLD', 'CANCELLED'] }).map((choice) => choice.action)).toEqual(['complete', 'hold', 'cancel']);
    expect(actionsFor({ status: 'CANCELLED', allowedTransitions: [] })).toEqual([]);
  });

  it('resumes work from on hold, and offers rebooking a booked visit', () => {
    expect(actionsFor({ status: 'ON_HOLD', allowedTransitions: ['ASSIGNED', 'SCHEDULED', 'IN_PROGRESS', 'CANCELLED'] }).map((choice) => choice.action))
      .toEqual(['assign', 'schedule', 'resume', 'cancel']);
    expect(actionsFor({ status: 'SCHEDULED', allowedTransitions: ['IN_PROGRESS', 'ON_HOLD', 'CANCELLED'] })).toEqual([
      { action: 'schedule', rebook: true }, { action: 'start', rebook: false }, { action: 'hold', rebook: false }, { action: 'cancel', rebook: false },
    ]);
  });
});
