import { ALLOWED_TRANSITIONS, canTransition, WORK_ORDER_STATUSES, type WorkOrderStatus } from './work-order.state-machine';

describe('work order state machine', () => {
  const allowed: [WorkOrderStatus, WorkOrderStatus][] = [
    ['raised', 'assigned'], ['raised', 'on_hold'], ['raised', 'cancelled'],
    ['assigned', 'scheduled'], ['assigned', 'in_progress'], ['assigned', 'on_hold'], ['assigned', 'cancelled'],
    ['scheduled', 'in_progress'], ['scheduled', 'on_hold'], ['scheduled', 'cancelled'],
    ['in_progress', 'completed'], ['in_progress', 'on_hold'], ['in_progress', 'cancelled'],
    ['on_hold', 'assigned'], ['on_hold', 'scheduled'], ['on_hold', 'in_progress'], ['on_hold', 'cancelled'],
    ['completed', 'inspected'],
  ];

  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it('allows nothing else, from any status to any status', () => {
    const everyPair = WORK_ORDER_STATUSES.flatMap((from) => WORK_ORDER_STATUSES.map((to) => [from, to] as const));
    const refused = everyPair.filter(([from, to]) => !allowed.some(([f, t]) => f === from && t === to));
    expect(refused).toHaveLength(WORK_ORDER_STATUSES.length ** 2 - allowed.length);
    for (const [from, to] of refused) expect(canTransition(from, to)).toBe(false);
  });

  it('never allows staying put, and ends at inspected and cancelled', () => {
    for (const status of WORK_ORDER_STATUSES) expect(ALLOWED_TRANSITIONS[status]).not.toContain(status);
    expect(ALLOWED_TRANSITIONS.inspected).toEqual([]);
    expect(ALLOWED_TRANSITIONS.cancelled).toEqual([]);
  });
});
