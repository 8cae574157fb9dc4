import { Global, Module } from '@nestjs/common';
import { MentorshipGateway } from './mentorship-gateway.js';
import { ProgramGateway } from './program-gateway.js';
import { WorkflowGateway } from './workflow-gateway.js';

/** The Temporal side of the API: every feature reaches its workflows through these gateways only. */
@Global()
@Module({
  providers: [WorkflowGateway, ProgramGateway, MentorshipGateway],
  exports: [WorkflowGateway, ProgramGateway, MentorshipGateway],
})
export class WorkflowsModule {}
