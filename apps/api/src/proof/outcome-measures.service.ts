import { Injectable } from '@nestjs/common';
import { planOutcomeImport, type Actor } from '../../../../libs/domain/src/index.js';
import { OutcomeMeasureQueries, PeopleQueries } from '../../../../libs/persistence/src/index.js';
import { importOutcome } from '../http/import-outcome.js';
import { importRejected } from '../http/import-rejected.js';
import type { OutcomeImportResponse } from './proof.dto.js';

@Injectable()
export class OutcomeMeasuresService {
  constructor(
    private readonly measures: OutcomeMeasureQueries,
    private readonly directory: PeopleQueries,
  ) {}

  /** All or nothing: a plan with an error writes nothing; the same file again plans no change. */
  async importCsv(csv: string, actor: Actor, dryRun: boolean): Promise<OutcomeImportResponse> {
    const people = new Set((await this.directory.nameable()).map((p) => p.id));
    // A first pass finds the errors and the sources the file names; the second compares with what they hold.
    const first = planOutcomeImport(csv, people, new Map());
    if (first.errors.length > 0) throw importRejected('OUTCOME_IMPORT.INVALID', first.errors);
    const sources = [...new Set(first.create.map((m) => m.source))];
    const plan = planOutcomeImport(csv, people, await this.measures.existing(sources));
    const outcome = importOutcome(
      plan,
      dryRun,
      `nothing to change: all ${plan.rows} rows are already imported from their source`,
    );
    if (!dryRun && outcome.changed) await this.measures.apply([...plan.create, ...plan.update], actor.personId);
    return outcome;
  }

  summaries() {
    return this.measures.summaries();
  }
}
