import type { DataSource } from 'typeorm';
import type { CaseConsent } from '../../../domain/src/index.js';
import { CaseConsentEntity } from '../entities/case-consent.entity.js';

/** A person's answer on case consent, with who recorded it and when. */
export interface CaseConsentRecord {
  personId: string;
  consent: CaseConsent;
  recordedBy: string;
  recordedAt: Date;
}

/**
 * The one reader and writer of `case_consents` (the mentorship projector also records the answers
 * parties give at kickoff, in the kickoff's transaction).
 */
export class CaseConsentQueries {
  constructor(private readonly db: DataSource) {}

  find(personId: string): Promise<CaseConsentRecord | null> {
    return this.db.getRepository(CaseConsentEntity).findOneBy({ personId });
  }

  /** Records the person's answer; a later answer replaces an earlier one. */
  async record(personId: string, consent: CaseConsent, recordedBy: string): Promise<CaseConsentRecord> {
    await this.db.query(
      `INSERT INTO case_consents (person_id, consent, recorded_by) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE SET consent = EXCLUDED.consent, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
      [personId, consent, recordedBy],
    );
    return (await this.find(personId))!;
  }

  /** Everyone's answer, for building a case library: a person absent from it never gave one. */
  async all(): Promise<Map<string, CaseConsent>> {
    const rows = await this.db.getRepository(CaseConsentEntity).find();
    return new Map(rows.map((r) => [r.personId, r.consent]));
  }
}
