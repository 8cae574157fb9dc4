/** A minimal RFC 5545 invitation (METHOD:REQUEST) that mail clients offer to add to a calendar. */
export interface CalendarInvite {
  uid: string;
  startsAt: string;
  minutes: number;
  summary: string;
  description: string;
  organizer: string;
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
/** Escapes TEXT values (RFC 5545 §3.3.11). */
const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
/** Folds lines longer than 75 octets (RFC 5545 §3.1). */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + (start === 0 ? 75 : 74), bytes.length);
    while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end--; // never split a UTF-8 character
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
  }
  return parts.join('\r\n ');
}

export function icsInvitation(x: CalendarInvite): string {
  const start = new Date(x.startsAt);
  const end = new Date(start.getTime() + x.minutes * 60_000);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//mentorflow//checkpoints//EN',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    `UID:${x.uid}`,
    // Stable per checkpoint: a re-sent invitation updates the same calendar entry.
    `DTSTAMP:${stamp(start)}`,
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(end)}`,
    `SUMMARY:${text(x.summary)}`,
    `DESCRIPTION:${text(x.description)}`,
    `ORGANIZER:mailto:${x.organizer}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
