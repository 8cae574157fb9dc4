import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module.js';
import { CaseConsentController } from './case-consent.controller.js';
import { CaseConsentService } from './case-consent.service.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { EffectController } from './effect.controller.js';
import { EffectService } from './effect.service.js';
import { OutcomeMeasuresController } from './outcome-measures.controller.js';
import { OutcomeMeasuresService } from './outcome-measures.service.js';

/**
 * Proof and training from earlier cases: outcome measures for everyone, the program's effect against
 * comparable managers, the case library, the proposed training plan and each person's case consent.
 * Query modules and workflow gateways come from the global PersistenceModule and WorkflowsModule.
 */
@Module({
  imports: [ProgramsModule],
  controllers: [OutcomeMeasuresController, EffectController, CasesController, CaseConsentController],
  providers: [OutcomeMeasuresService, EffectService, CasesService, CaseConsentService],
  exports: [EffectService, CasesService],
})
export class ProofModule {}
