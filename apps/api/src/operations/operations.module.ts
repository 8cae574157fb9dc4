import { Module } from '@nestjs/common';
import { RepairGateway } from '../workflows/repair-gateway.js';
import { OperationsController } from './operations.controller.js';
import { WorkflowRepairService } from './workflow-repair.service.js';

/** What operators see and do about stuck workflows (docs/RELIABILITY.md). */
@Module({ controllers: [OperationsController], providers: [WorkflowRepairService, RepairGateway] })
export class OperationsModule {}
