/** Times are entered and shown as the UK's clocks read (GMT or BST), wherever the browser is. */
const LONDON = 'Europe/London';

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "14:05", in UK time. */
export function ukClock(value: string | Date): string {
  return clock.format(new Date(value));
}

/** The moment a UK day (YYYY-MM-DD) and clock time (HH:MM) name, as an ISO timestamp. */
export function ukMoment(day: string, time: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const guess = Date.UTC(year, month - 1, date, hour, minute);
  // London is UTC or UTC+1: read London's clock at the guess, and step back by the difference.
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(guess))
      .map((part) => [part.type, Number(part.value)]),
  );
  const londonAsUtc = Date.UTC(parts['year'], parts['month'] - 1, parts['day'], parts['hour'], parts['minute']);
  return new Date(guess - (londonAsUtc - guess)).toISOString();
}
