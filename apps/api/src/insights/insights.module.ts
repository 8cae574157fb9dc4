import { Module } from '@nestjs/common';
import { CompetenciesModule } from '../competencies/competencies.module.js';
import { InsightsController } from './insights.controller.js';
import { InsightsService } from './insights.service.js';

/** Company-wide views for owners and HR: gaps, mentor coverage, access, nominations. */
@Module({ imports: [CompetenciesModule], controllers: [InsightsController], providers: [InsightsService] })
export class InsightsModule {}
