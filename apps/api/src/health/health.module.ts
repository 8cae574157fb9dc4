import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { MetricsController } from './metrics.controller.js';

/** Liveness, readiness and Prometheus metrics (public). */
@Module({ controllers: [HealthController, MetricsController] })
export class HealthModule {}
