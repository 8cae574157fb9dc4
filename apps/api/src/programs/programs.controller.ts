import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../../libs/domain/src/index.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { uuidParam } from '../http/param-pipes.js';
import { OperationKey } from '../http/idempotency.interceptor.js';
import { ApproveLaunchDto } from './dto/approve-launch.dto.js';
import { CreateProgramDto } from './dto/create-program.dto.js';
import { ListProgramsQuery } from './dto/list-programs.query.js';
import { ProgramEventResponse, ProgramPageResponse, ProgramResponse } from './dto/program.response.js';
import { CycleSummaryResponse } from './dto/cycle.response.js';
import { ProgramsService } from './programs.service.js';
import { AcceptsIdempotencyKey } from '../http/idempotency-header.js';

@ApiTags('programs')
@ApiBearerAuth()
@AcceptsIdempotencyKey()
@Controller('programs')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Post()
  @Roles('owner')
  @ApiOperation({ summary: 'Create a program and start its workflow in LAUNCH_PLANNING (role: owner).' })
  @ApiResponse({ status: 201, type: ProgramResponse })
  @ApiResponse({ status: 400, description: 'A field is invalid; the body names each one.' })
  create(
    @Body() body: CreateProgramDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<ProgramResponse> {
    return this.programs.create(body, actor, key);
  }

  @Get()
  @ApiOperation({ summary: 'Programs the caller owns or sponsors, newest first, paginated.' })
  @ApiResponse({ status: 200, type: ProgramPageResponse })
  list(@Query() query: ListProgramsQuery, @CurrentActor() actor: Actor): Promise<ProgramPageResponse> {
    return this.programs.list(query, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: "A program's read model (its owner and sponsor only)." })
  @ApiResponse({ status: 200, type: ProgramResponse })
  @ApiResponse({ status: 404, description: 'No such program.' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<ProgramResponse> {
    return this.programs.get(id, actor);
  }

  @Get(':id/events')
  @ApiOperation({ summary: "The program's audit trail: its domain events in stream order." })
  @ApiResponse({ status: 200, type: [ProgramEventResponse] })
  events(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<ProgramEventResponse[]> {
    return this.programs.events(id, actor);
  }

  @Get(':id/cycles')
  @ApiOperation({
    summary:
      "The program's cycles: when each ran, the phase it is in or ended in, its mentorships (its owner, sponsor and steering group).",
    description: 'Every read of a program takes `?cycle=n` to show an earlier cycle as it stood when it ended.',
  })
  @ApiResponse({ status: 200, type: [CycleSummaryResponse] })
  cycles(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<CycleSummaryResponse[]> {
    return this.programs.cycleList(id, actor);
  }

  @Post(':id/launch-approval')
  @HttpCode(200)
  @Roles('sponsor')
  @ApiOperation({
    summary: "The sponsor approves the launch: LAUNCH_PLANNING → SELECTION_MATCHING (the program's sponsor only).",
  })
  @ApiResponse({ status: 200, type: ProgramResponse })
  @ApiResponse({ status: 403, description: 'The caller is not the sponsor of this program (PROGRAM.NOT_SPONSOR).' })
  @ApiResponse({ status: 409, description: 'The program is not in LAUNCH_PLANNING (PROGRAM.WRONG_PHASE).' })
  approveLaunch(
    @Param('id', uuidParam) id: string,
    @Body() body: ApproveLaunchDto,
    @CurrentActor() actor: Actor,
    @OperationKey() key?: string,
  ): Promise<ProgramResponse> {
    return this.programs.approveLaunch(id, actor, body.comment ?? null, key);
  }
}
