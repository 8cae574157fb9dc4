import { Injectable } from '@nestjs/common';
import { hasRole, type Actor, type CaseConsent } from '../../../../libs/domain/src/index.js';
import { CaseConsentQueries, PeopleQueries } from '../../../../libs/persistence/src/index.js';
import { forbidden, notFound } from '../http/api-error.js';
import type { ConsentResponse } from './proof.dto.js';

/** Each person's answer on case consent: given at kickoff, or here by the person or an HR admin. */
@Injectable()
export class CaseConsentService {
  constructor(
    private readonly consents: CaseConsentQueries,
    private readonly people: PeopleQueries,
  ) {}

  private async assertMayAnswer(personId: string, actor: Actor): Promise<void> {
    if (actor.personId !== personId && !hasRole(actor, 'hr-admin'))
      throw forbidden('CASE_CONSENT.NOT_YOURS', 'only the person (or an HR admin on their behalf) answers for them');
    if (!(await this.people.exists(personId))) throw notFound('person', personId);
  }

  async get(personId: string, actor: Actor): Promise<ConsentResponse> {
    await this.assertMayAnswer(personId, actor);
    const row = await this.consents.find(personId);
    return {
      personId,
      consent: row?.consent ?? 'not-asked',
      recordedBy: row?.recordedBy ?? null,
      recordedAt: row?.recordedAt.toISOString() ?? null,
    };
  }

  async record(personId: string, consent: CaseConsent, actor: Actor): Promise<ConsentResponse> {
    await this.assertMayAnswer(personId, actor);
    const row = await this.consents.record(personId, consent, actor.personId);
    return { personId, consent: row.consent, recordedBy: row.recordedBy, recordedAt: row.recordedAt.toISOString() };
  }
}
