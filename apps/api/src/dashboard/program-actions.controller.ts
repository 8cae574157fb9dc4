import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CRITERIA } from '../../../../libs/domain/src/index.js';
import { Public } from '../auth/auth.decorators.js';
import { uuidParam, versionParam } from '../http/param-pipes.js';
import { MatchingController } from '../matching/matching.controller.js';
import { EnrolDto, PairDecisionDto, ProposalRequestDto } from '../matching/matching.dto.js';
import { MatchingService } from '../matching/matching.service.js';
import { ApproveLaunchDto } from '../programs/dto/approve-launch.dto.js';
import { CreateProgramDto } from '../programs/dto/create-program.dto.js';
import { ProgramsController } from '../programs/programs.controller.js';
import { ProgramsService } from '../programs/programs.service.js';
import { DashboardSession, jsonRoute, type PageAction } from './dashboard-session.js';
import { all, checked, days, dtoOf, keyOf, lines, number, text, type FormBody } from './form-values.js';

/** Objectives as the page's fields name them (see ObjectivesFields); a row without a title is left out. */
export function objectivesOf(form: FormBody) {
  return [1, 2, 3, 4, 5].flatMap((n) => {
    const title = text(form, `objective${n}`);
    if (!title) return [];
    const kpi = text(form, `kpi${n}`);
    return [
      {
        title,
        kpis: kpi
          ? [
              {
                name: kpi,
                unit: text(form, `unit${n}`) ?? '',
                baseline: number(form, `baseline${n}`),
                target: number(form, `target${n}`),
              },
            ]
          : [],
      },
    ];
  });
}

const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** The program page's forms, each through its JSON route's service, roles, checks and Idempotency-Key. */
@ApiExcludeController()
@Public()
@Controller('dashboard/programs')
export class ProgramPageActionsController {
  constructor(
    private readonly session: DashboardSession,
    private readonly programs: ProgramsService,
    private readonly matching: MatchingService,
  ) {}

  private act(req: Request, res: Response, id: string, form: FormBody, action: Omit<PageAction, 'back' | 'key'>) {
    return this.session.act(req, res, { back: `/dashboard/programs/${id}`, key: keyOf(form), ...action });
  }

  @Post()
  create(@Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.session.act(req, res, {
      route: jsonRoute(ProgramsController, 'create'),
      back: '/dashboard/programs/new',
      key: keyOf(form),
      then: (program) => `/dashboard/programs/${(program as { id: string }).id}`,
      done: 'done.program-created',
      run: async (actor, key) => {
        const mentorship = defined({
          sessionEveryMs: days(form, 'sessionEveryDays'),
          checkpointEveryMs: days(form, 'checkpointEveryDays'),
          midtermAfterMs: days(form, 'midtermAfterDays'),
          endAfterMs: days(form, 'endAfterDays'),
        });
        const reviews = defined({ reviewEveryMs: days(form, 'reviewEveryDays') });
        const dto = await dtoOf(CreateProgramDto, {
          name: text(form, 'name'),
          sponsorId: text(form, 'sponsorId'),
          objectives: objectivesOf(form),
          steeringGroup: all(form, 'steeringGroup'),
          keySuccessFactors: lines(text(form, 'keySuccessFactors')),
          ...(Object.keys(mentorship).length || Object.keys(reviews).length
            ? {
                policy: defined({
                  mentorship: Object.keys(mentorship).length ? mentorship : undefined,
                  reviews: Object.keys(reviews).length ? reviews : undefined,
                }),
              }
            : {}),
        });
        return this.programs.create(dto, actor, key);
      },
    });
  }

  @Post(':id/launch-approval')
  approveLaunch(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(req, res, id, form, {
      route: jsonRoute(ProgramsController, 'approveLaunch'),
      done: 'done.launch-approved',
      run: async (actor, key) => {
        const dto = await dtoOf(ApproveLaunchDto, defined({ comment: text(form, 'comment') }));
        return this.programs.approveLaunch(id, actor, dto.comment ?? null, key);
      },
    });
  }

  @Post(':id/enrolments')
  enrol(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(req, res, id, form, {
      route: jsonRoute(MatchingController, 'enrol'),
      done: 'done.enrolled',
      run: async (actor, key) => {
        const role = text(form, 'role');
        const dto = await dtoOf(
          EnrolDto,
          defined({
            personId: text(form, 'personId'),
            role,
            capacity: role === 'mentor' ? number(form, 'capacity') : undefined,
            goals: role === 'mentee' ? all(form, 'goals') : undefined,
            wishes: role === 'mentee' && text(form, 'wish') ? [text(form, 'wish')] : undefined,
          }),
        );
        return this.matching.enrol(id, dto, actor, key);
      },
    });
  }

  @Post(':id/proposals')
  requestProposal(
    @Param('id', uuidParam) id: string,
    @Body() form: FormBody,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.act(req, res, id, form, {
      route: jsonRoute(MatchingController, 'request'),
      done: 'done.proposal-requested',
      run: async (actor, key) => {
        const weights = defined(Object.fromEntries(CRITERIA.map((c) => [c, number(form, `weight:${c}`)])));
        const dto = await dtoOf(ProposalRequestDto, {
          weights,
          objective: text(form, 'objective') ?? 'total',
          excludeSameDepartment: checked(form, 'excludeSameDepartment'),
        });
        return this.matching.requestProposal(id, dto, actor, key);
      },
    });
  }

  @Post(':id/pair-decisions')
  decidePair(@Param('id', uuidParam) id: string, @Body() form: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.act(req, res, id, form, {
      route: jsonRoute(MatchingController, 'decide'),
      done: 'done.decided',
      run: async (actor, key) => {
        const dto = await dtoOf(PairDecisionDto, {
          decision: text(form, 'decision'),
          menteeId: text(form, 'menteeId'),
          mentorId: text(form, 'mentorId'),
          reason: text(form, 'reason'),
        });
        return this.matching.decide(id, dto, actor, key);
      },
    });
  }

  @Post(':id/proposals/:version/approval')
  approveProposal(
    @Param('id', uuidParam) id: string,
    @Param('version', versionParam) version: number,
    @Body() form: FormBody,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.act(req, res, id, form, {
      route: jsonRoute(MatchingController, 'approve'),
      done: 'done.proposal-approved',
      run: (actor, key) => this.matching.approve(id, version, actor, key),
    });
  }
}
