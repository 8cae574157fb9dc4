import { describe, expect, it } from '@jest/globals';
import { RowChange } from './mentorship-row-change.js';

describe("a batch's change to the mentorship row", () => {
  it('changes nothing when the events touch no column of the row', () => {
    expect(new RowChange().clauses(5)).toEqual({ sets: [], params: [] });
  });

  it('keeps the last value set, adds counters up and keeps the latest session, numbering from the first free parameter', () => {
    const change = new RowChange();
    change.set('phase', 'KICKOFF');
    change.set('phase', 'ACTIVE');
    change.session(45, '2027-01-09T10:00:00.000Z');
    change.session(30, '2027-01-05T10:00:00.000Z');
    change.reminders++;
    change.reminders++;
    expect(change.clauses(5)).toEqual({
      sets: [
        'phase = $5',
        'sessions = sessions + $6',
        'session_minutes = session_minutes + $7',
        'last_session_at = GREATEST(COALESCE(last_session_at, $8::timestamptz), $8::timestamptz)',
        'reminders_sent = reminders_sent + $9',
      ],
      params: ['ACTIVE', 2, 75, '2027-01-09T10:00:00.000Z', 2],
    });
  });
});
