import { Module } from '@nestjs/common';
import { HrEventsController } from './hr-events.controller.js';
import { HrEventsService } from './hr-events.service.js';

/** Events from the HR system (hires, promotions, departures), applied once each. */
@Module({ controllers: [HrEventsController], providers: [HrEventsService] })
export class HrEventsModule {}
