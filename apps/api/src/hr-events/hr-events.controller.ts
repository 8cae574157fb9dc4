import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../../libs/domain/src/index.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { HrEventDto, HrEventResponse } from './hr-event.dto.js';
import { HrEventsService } from './hr-events.service.js';

@ApiTags('people')
@ApiBearerAuth()
@Controller('hr-events')
export class HrEventsController {
  constructor(private readonly events: HrEventsService) {}

  @Post()
  @HttpCode(200)
  @Roles('hr-admin')
  @ApiOperation({
    summary: 'Receive an HR event (role: hr-admin): hired-as-manager, promoted-to-manager, changed-manager, left.',
    description:
      'Idempotent by sourceId: a redelivery answers applied=false and changes nothing. A new or newly promoted manager becomes a nomination suggestion for the next cycle.',
  })
  @ApiOkResponse({ type: HrEventResponse })
  receive(@Body() body: HrEventDto, @CurrentActor() actor: Actor): Promise<HrEventResponse> {
    return this.events.receive(body, actor);
  }
}
