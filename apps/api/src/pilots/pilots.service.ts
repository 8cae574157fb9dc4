import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  analysePilot,
  DEFAULT_MODEL_KEY,
  INTERACTION_QUALITY_TEMPLATE,
  pilotImportProblems,
  type Actor,
  type PilotAnalysis,
  type PilotMentorship,
} from '../../../../libs/domain/src/index.js';
import { ApiError, notFound } from '../http/api-error.js';
import { CompetencyService } from '../competencies/competency.service.js';
import { DATA_SOURCE } from '../tokens.js';
import { SurveysService } from './surveys.service.js';

export interface PilotRow {
  id: string;
  name: string;
  mentorships: PilotMentorship[];
  imported_by: string;
  imported_at: Date;
}

/** Pilots: imported past mentorships and their evaluation (owners and HR administrators). */
@Injectable()
export class PilotsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    private readonly competencies: CompetencyService,
    private readonly surveys: SurveysService,
  ) {}

  /** All or nothing: every problem of the file with its entry and field, or the stored pilot. */
  async import(
    name: string,
    entries: unknown[],
    actor: Actor,
  ): Promise<{ id: string; name: string; mentorships: number }> {
    const ids = entries
      .flatMap((e) =>
        typeof e === 'object' && e !== null ? [(e as PilotMentorship).mentorId, (e as PilotMentorship).menteeId] : [],
      )
      .filter((x) => typeof x === 'string');
    const people: Array<{ id: string }> = await this.db.query(`SELECT id FROM people WHERE id = ANY($1)`, [ids]);
    const model = await this.competencies.model(DEFAULT_MODEL_KEY);
    const problems = pilotImportProblems(
      entries,
      {
        people: new Set(people.map((p) => p.id)),
        competencies: new Set(model.definition.competencies.map((c) => c.key)),
      },
      await this.surveys.template(INTERACTION_QUALITY_TEMPLATE.key),
    );
    if (problems.length > 0) {
      throw new ApiError(
        400,
        'PILOT.INVALID',
        `the pilot file has ${problems.length} problem(s); nothing was imported`,
        undefined,
        { lines: problems.slice(0, 200), totalErrors: problems.length },
      );
    }
    const id = randomUUID();
    await this.db.query(`INSERT INTO pilots (id, name, mentorships, imported_by) VALUES ($1, $2, $3, $4)`, [
      id,
      name,
      JSON.stringify(entries),
      actor.personId,
    ]);
    return { id, name, mentorships: entries.length };
  }

  async list(): Promise<
    Array<{ id: string; name: string; mentorships: number; importedBy: string; importedAt: string }>
  > {
    const rows: Array<{ id: string; name: string; n: number; imported_by: string; imported_at: Date }> =
      await this.db.query(
        `SELECT id, name, jsonb_array_length(mentorships) AS n, imported_by, imported_at FROM pilots ORDER BY imported_at DESC LIMIT 200`,
      );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      mentorships: r.n,
      importedBy: r.imported_by,
      importedAt: r.imported_at.toISOString(),
    }));
  }

  async analysis(id: string): Promise<{ pilot: { id: string; name: string }; analysis: PilotAnalysis }> {
    const rows: PilotRow[] = await this.db.query(`SELECT * FROM pilots WHERE id = $1`, [id]);
    const pilot = rows[0];
    if (!pilot) throw notFound('pilot', id);
    const mentees = [...new Set(pilot.mentorships.map((m) => m.menteeId))];
    const mentors = [...new Set(pilot.mentorships.map((m) => m.mentorId))];
    const people: Array<{ id: string; job_level: string | null; management_years: number | null }> =
      await this.db.query(`SELECT id, job_level, management_years FROM people WHERE id = ANY($1)`, [
        [...mentees, ...mentors],
      ]);
    const levels: Array<{ person_id: string; competency_key: string; level: number }> = await this.db.query(
      `SELECT DISTINCT ON (person_id, competency_key) person_id, competency_key, level FROM assessments
        WHERE person_id = ANY($1) ORDER BY person_id, competency_key, assessed_at DESC`,
      [mentors],
    );
    const mentorLevels = new Map<string, Record<string, number>>();
    for (const l of levels)
      mentorLevels.set(l.person_id, { ...(mentorLevels.get(l.person_id) ?? {}), [l.competency_key]: l.level });
    const model = await this.competencies.model(DEFAULT_MODEL_KEY);
    const analysis = analysePilot(pilot.mentorships, {
      model: {
        key: model.key,
        version: model.version,
        name: model.name,
        competencies: model.definition.competencies,
        targets: model.definition.targets,
      },
      jobLevels: new Map(people.filter((p) => p.job_level).map((p) => [p.id, p.job_level!])),
      managementYears: new Map(
        people.filter((p) => p.management_years !== null).map((p) => [p.id, p.management_years!]),
      ),
      mentorLevels,
    });
    return { pilot: { id: pilot.id, name: pilot.name }, analysis };
  }
}
