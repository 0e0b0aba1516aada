import { renderICalendar } from './icalendar';

const start = new Date('2026-12-01T09:30:00Z');
const end = new Date('2026-12-01T12:00:00Z');
const now = new Date('2026-11-24T08:00:00Z');

describe('renderICalendar', () => {
  it('writes one VEVENT per entry in UTC with CRLF line ends', () => {
    const ics = renderICalendar({ name: 'My bookings', now, entries: [{ uid: 'booking-1@hearth', start, end, summary: 'Desk 4', location: 'Cardiff hub' }] });
    expect(ics.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Hearth//Collaboration//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:My bookings',
      'BEGIN:VEVENT', 'UID:booking-1@hearth', 'DTSTAMP:20261124T080000Z', 'DTSTART:20261201T093000Z', 'DTEND:20261201T120000Z',
      'SUMMARY:Desk 4', 'LOCATION:Cardiff hub', 'STATUS:CONFIRMED', 'END:VEVENT', 'END:VCALENDAR', '',
    ]);
  });

  it('escapes text and marks cancelled entries', () => {
    const ics = renderICalendar({ name: 'x', now, entries: [{ uid: 'u', start, end, summary: 'Damp; mould, and\nAwaab\\s law', status: 'CANCELLED' }] });
    expect(ics).toContain('SUMMARY:Damp\\; mould\\, and\\nAwaab\\\\s law\r\n');
    expect(ics).toContain('STATUS:CANCELLED');
  });

  it('folds long lines at 75 octets without splitting a Welsh character', () => {
    const summary = 'Sesiwn: ŵyr ac ŷd '.repeat(10);
    const ics = renderICalendar({ name: 'x', now, entries: [{ uid: 'u', start, end, summary }] });
    const physical = ics.split('\r\n');
    for (const line of physical) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(`SUMMARY:${summary.replace(/:/g, ':')}`);
  });
});
