import type { DataSource } from 'typeorm';
import type { EffectPerson } from '../../../domain/src/index.js';

export interface PopulationMember extends EffectPerson {
  /** Leads a team or has someone reporting to them. */
  manager: boolean;
}

/** Everyone the comparison may draw on: the directory with the HR events that tell retention and promotion. */
export class ComparisonPopulationQueries {
  constructor(private readonly db: DataSource) {}

  async members(): Promise<PopulationMember[]> {
    const rows: Array<{
      id: string;
      job_level: string;
      department: string;
      management_years: number;
      team_size: number;
      reports: number;
      left_in: string | null;
      promoted_in: string[] | null;
    }> = await this.db.query(
      `SELECT p.id, p.job_level, p.department, p.management_years, p.team_size,
              (SELECT count(*)::int FROM people r WHERE r.manager_id = p.id) AS reports,
              to_char(coalesce(
                (SELECT min(h.occurred_at) FROM hr_events h WHERE h.person_id = p.id AND h.type = 'left'),
                CASE WHEN p.status = 'left' THEN p.left_at END) AT TIME ZONE 'UTC', 'YYYY-MM') AS left_in,
              (SELECT array_agg(to_char(h.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM') ORDER BY h.occurred_at)
                 FROM hr_events h WHERE h.person_id = p.id AND h.type = 'promoted-to-manager') AS promoted_in
       FROM people p ORDER BY p.id`,
    );
    return rows.map((r) => ({
      id: r.id,
      jobLevel: r.job_level,
      department: r.department,
      managementYears: Number(r.management_years),
      teamSize: r.team_size,
      manager: r.team_size > 0 || r.reports > 0,
      leftIn: r.left_in,
      promotedIn: r.promoted_in ?? [],
    }));
  }

  /** Everyone who was ever a mentee or a mentor of the program: never a comparison for it. */
  async everInProgram(programId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT mentee_id AS id FROM mentorships WHERE program_id = $1 UNION SELECT mentor_id FROM mentorships WHERE program_id = $1`,
      [programId],
    );
    return rows.map((r) => r.id);
  }
}
