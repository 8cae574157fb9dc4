import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module.js';
import { ProofModule } from '../proof/proof.module.js';
import { MonitoringController } from './monitoring.controller.js';
import { CycleReportService } from './cycle-report.service.js';
import { MonitoringService } from './monitoring.service.js';
import { ReportController } from './report.controller.js';

/** Indicators and risks of a program's mentorships, the cycle's report (with the proof's comparison), the mentors' recognition. */
@Module({
  imports: [ProgramsModule, ProofModule],
  controllers: [MonitoringController, ReportController],
  providers: [MonitoringService, CycleReportService],
  exports: [MonitoringService, CycleReportService],
})
export class MonitoringModule {}
