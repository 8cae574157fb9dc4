import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module.js';
import { MonitoringController } from './monitoring.controller.js';
import { MonitoringService } from './monitoring.service.js';
import { ReportController } from './report.controller.js';

/** Indicators and risks of a program's mentorships, the cycle's report, the mentors' recognition. */
@Module({
  imports: [ProgramsModule],
  controllers: [MonitoringController, ReportController],
  providers: [MonitoringService],
  exports: [MonitoringService],
})
export class MonitoringModule {}
