import { REPAIRS_TEXT } from '../repairs.text';
import { describeDeadline, lastMoment } from './deadline';

const now = Date.parse('2026-04-13T09:00:00Z'); // Monday 13 April 2026, 10:00 BST
const endOfFriday = '2026-04-17T23:00:00Z'; // UK midnight after Friday 17 April

describe('describeDeadline', () => {
  it('counts working days left (from the API) for a deadline at the end of a day, soon when two or fewer', () => {
    expect(describeDeadline(REPAIRS_TEXT.en, endOfFriday, 4, now)).toEqual({ text: 'Due in 4 working days', tone: 'ok', endOfDay: true });
    expect(describeDeadline(REPAIRS_TEXT.en, endOfFriday, 1, now)).toEqual({ text: 'Due in 1 working day', tone: 'soon', endOfDay: true });
    expect(describeDeadline(REPAIRS_TEXT.en, '2026-04-13T23:00:00Z', 0, now)).toEqual({ text: 'Due today', tone: 'soon', endOfDay: true });
  });

  it('counts hours in the last day of a deadline counted in hours', () => {
    expect(describeDeadline(REPAIRS_TEXT.en, '2026-04-13T14:30:00Z', 0, now).text).toBe('Due in 6 hours');
    expect(describeDeadline(REPAIRS_TEXT.en, '2026-04-13T09:30:00Z', 0, now).text).toBe('Due in 1 hour');
  });

  it('says how late a passed deadline is, in working days when it is a day or more', () => {
    expect(describeDeadline(REPAIRS_TEXT.en, '2026-04-08T23:00:00Z', -3, now)).toEqual({ text: 'Overdue by 3 working days', tone: 'overdue', endOfDay: true });
    expect(describeDeadline(REPAIRS_TEXT.en, '2026-04-13T08:00:00Z', 0, now).text).toBe('Overdue');
  });

  it('says it in Welsh', () => {
    expect(describeDeadline(REPAIRS_TEXT.cy, endOfFriday, 4, now).text).toBe('Yn ddyledus ymhen 4 diwrnod gwaith');
    expect(describeDeadline(REPAIRS_TEXT.cy, '2026-04-08T23:00:00Z', -3, now).text).toBe('3 diwrnod gwaith yn hwyr');
  });
});

describe('lastMoment', () => {
  it('is the day itself for a deadline at UK midnight (BST or GMT), and the instant otherwise', () => {
    expect(lastMoment(endOfFriday).toISOString()).toBe('2026-04-17T22:59:59.999Z');
    expect(lastMoment('2026-01-10T00:00:00Z').toISOString()).toBe('2026-01-09T23:59:59.999Z');
    expect(lastMoment('2026-04-13T14:30:00Z').toISOString()).toBe('2026-04-13T14:30:00.000Z');
  });
});
