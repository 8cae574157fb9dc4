import { Module, type DynamicModule } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  CaseConsentQueries,
  CaseMaterialQueries,
  CohortQueries,
  ComparisonPopulationQueries,
  OutcomeMeasureQueries,
} from '../../../../libs/persistence/src/index.js';
import { DEFAULT_ECONOMICS, DEFAULT_MENTORSHIP_POLICY } from '../../../../libs/domain/src/index.js';
import type { ApiDependencies } from '../app.module.js';
import { ProgramsService } from '../programs/programs.service.js';
import { DATA_SOURCE, MENTORSHIP_TERMS, PROGRAM_TIMINGS, TEMPORAL_CLIENT, TEMPORAL_TASK_QUEUE } from '../tokens.js';
import { CaseConsentController } from './case-consent.controller.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { EffectController } from './effect.controller.js';
import { EffectService } from './effect.service.js';
import { OutcomeMeasuresController } from './outcome-measures.controller.js';
import { OutcomeMeasuresService } from './outcome-measures.service.js';

const queries = [
  OutcomeMeasureQueries,
  CaseConsentQueries,
  ComparisonPopulationQueries,
  CaseMaterialQueries,
  CohortQueries,
];

/**
 * Proof and training from earlier cases: outcome measures for everyone, the program's effect against
 * comparable managers, the case library, the proposed training plan and each person's consent.
 */
@Module({})
export class ProofModule {
  static forRoot(deps: ApiDependencies): DynamicModule {
    return {
      module: ProofModule,
      controllers: [OutcomeMeasuresController, EffectController, CasesController, CaseConsentController],
      providers: [
        { provide: DATA_SOURCE, useValue: deps.db },
        { provide: TEMPORAL_CLIENT, useValue: deps.temporal },
        { provide: TEMPORAL_TASK_QUEUE, useValue: deps.taskQueue },
        { provide: PROGRAM_TIMINGS, useValue: deps.programTimings },
        {
          provide: MENTORSHIP_TERMS,
          useValue: deps.mentorshipTerms ?? { policy: DEFAULT_MENTORSHIP_POLICY, economics: DEFAULT_ECONOMICS },
        },
        ...queries.map((Q) => ({ provide: Q, useFactory: (db: DataSource) => new Q(db), inject: [DATA_SOURCE] })),
        ProgramsService,
        OutcomeMeasuresService,
        EffectService,
        CasesService,
      ],
      exports: [EffectService],
    };
  }
}
