/**
 * iCalendar (RFC 5545) for the feeds people subscribe to in Outlook, Google or Apple calendars:
 * shared-space bookings and unconference timetables. Times are written in UTC (`Z`), which every
 * client converts to the reader's zone, so no VTIMEZONE block is needed.
 */
export interface CalendarEntry {
  /** Stable across feeds and refreshes, so a client updates an entry rather than adding it twice. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  /** A cancelled entry stays in the feed as CANCELLED, so subscribed clients remove it. */
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** When the entry last changed; clients use it to pick the newer copy. */
  updatedAt?: Date;
  url?: string;
}

export interface CalendarFeed {
  /** Shown as the calendar's name by clients that read X-WR-CALNAME. */
  name: string;
  entries: readonly CalendarEntry[];
  /** Used for DTSTAMP; injectable so tests are deterministic. */
  now?: Date;
}

/** The feed as an iCalendar document, with CRLF line ends and lines folded at 75 octets as the RFC requires. */
export function renderICalendar(feed: CalendarFeed): string {
  const stamp = utc(feed.now ?? new Date());
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Hearth//Collaboration//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${text(feed.name)}`];
  for (const entry of feed.entries) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${text(entry.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utc(entry.start)}`,
      `DTEND:${utc(entry.end)}`,
      `SUMMARY:${text(entry.summary)}`,
    );
    if (entry.description) lines.push(`DESCRIPTION:${text(entry.description)}`);
    if (entry.location) lines.push(`LOCATION:${text(entry.location)}`);
    if (entry.url) lines.push(`URL:${entry.url}`);
    if (entry.updatedAt) lines.push(`LAST-MODIFIED:${utc(entry.updatedAt)}`);
    lines.push(`STATUS:${entry.status ?? 'CONFIRMED'}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** 20261124T093000Z */
function utc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11). */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line longer than 75 octets, never splitting a UTF-8 character (RFC 5545 3.1). */
function fold(line: string): string {
  if (Buffer.byteLength(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let limit = 75;
  for (const char of line) {
    if (Buffer.byteLength(current + char) > limit) {
      parts.push(current);
      current = '';
      limit = 74; // continuation lines start with a space
    }
    current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
