/**
 * What a batch changes in the mentorship's own row, gathered so the row is written once at the end
 * of the batch: the same values the events would leave one UPDATE each (the last phase, goals, ROI
 * and reason; counters added up; the latest session), in one statement instead of several.
 */
export class RowChange {
  private readonly assigned = new Map<string, unknown>();
  sessions = 0;
  sessionMinutes = 0;
  latestSessionAt: string | null = null;
  reminders = 0;
  escalations = 0;

  set(column: 'phase' | 'goals' | 'roi' | 'termination_reason', value: unknown): void {
    this.assigned.set(column, value);
  }

  session(minutes: number, heldAt: string): void {
    this.sessions++;
    this.sessionMinutes += minutes;
    if (this.latestSessionAt === null || Date.parse(heldAt) > Date.parse(this.latestSessionAt))
      this.latestSessionAt = heldAt;
  }

  /** SET clauses with their parameters numbered from `first`. */
  clauses(first: number): { sets: string[]; params: unknown[] } {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${first + params.length - 1}`;
    };
    const sets = [...this.assigned].map(([column, value]) => `${column} = ${param(value)}`);
    if (this.sessions > 0) {
      sets.push(`sessions = sessions + ${param(this.sessions)}`);
      sets.push(`session_minutes = session_minutes + ${param(this.sessionMinutes)}`);
      const heldAt = param(this.latestSessionAt);
      sets.push(
        `last_session_at = GREATEST(COALESCE(last_session_at, ${heldAt}::timestamptz), ${heldAt}::timestamptz)`,
      );
    }
    if (this.reminders > 0) sets.push(`reminders_sent = reminders_sent + ${param(this.reminders)}`);
    if (this.escalations > 0) sets.push(`escalations = escalations + ${param(this.escalations)}`);
    return { sets, params };
  }
}
