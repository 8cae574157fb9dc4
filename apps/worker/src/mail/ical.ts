/** A minimal RFC 5545 invitation (METHOD:REQUEST) that mail clients offer to add to a calendar. */
export interface CalendarInvite {
  uid: string;
  startsAt: string;
  minutes: number;
  summary: string;
  description: string;
  /** The page where the checkpoint is decided. */
  url?: string;
  organizer: { email: string; name: string };
  /** The supervisor invited (absent: no address in the directory). */
  attendee: { email: string; name: string } | null;
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
/** Escapes TEXT values (RFC 5545 §3.3.11). */
const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
/** A parameter value (CN=…): quoted, without the characters a quoted value cannot hold (RFC 5545 §3.2). */
const param = (s: string) => `"${s.replace(/["\r\n]/g, '')}"`;
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
    ...(x.url ? [`URL:${x.url}`] : []),
    `ORGANIZER;CN=${param(x.organizer.name)}:mailto:${x.organizer.email}`,
    ...(x.attendee
      ? [
          `ATTENDEE;CN=${param(x.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${x.attendee.email}`,
        ]
      : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
