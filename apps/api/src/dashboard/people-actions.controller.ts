import { Controller, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { h } from 'preact';
import { Public } from '../auth/auth.decorators.js';
import { ApiError } from '../http/api-error.js';
import { checkText } from '../http/input-guard.js';
import { PeopleController } from '../people/people.controller.js';
import { PeopleService } from '../people/people.service.js';
import { renderPage } from '../views/render.js';
import { DashboardSession, jsonRoute } from './dashboard-session.js';
import { checked, keyOf, type FormBody } from './form-values.js';
import { ImportPage } from './views/import.page.js';

/** The HR admin's import: the file uploaded from the page, planned and applied by the JSON route's service. */
@ApiExcludeController()
@Public()
@Controller('dashboard/people')
export class PeoplePageActionsController {
  constructor(
    private readonly session: DashboardSession,
    private readonly people: PeopleService,
  ) {}

  @Post('import')
  // The same 20 MB as the JSON route's CSV body; the file stays in memory, as the text body does.
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 20 * 1024 * 1024, files: 1 } }))
  import(@UploadedFile() file: { buffer: Buffer } | undefined, @Req() req: Request, @Res() res: Response) {
    const form = (req.body ?? {}) as FormBody;
    return this.session.act(req, res, {
      route: jsonRoute(PeopleController, 'import'),
      back: '/dashboard/people/import',
      key: keyOf(form),
      done: 'done.imported',
      render: async (actor, { ui }) => {
        const page = (props: Omit<Parameters<typeof ImportPage>[0], 'ui'>) =>
          res.type('html').send(renderPage(h(ImportPage, { ui, ...props })));
        try {
          const csv = file?.buffer.toString('utf8') ?? '';
          if (!csv) throw new ApiError(400, 'VALIDATION', 'file: choose the CSV file to import');
          // The input guard saw no file (multipart is read after it): the same check, on the file's text.
          checkText(csv);
          const outcome = await this.people.importCsv(csv, actor, checked(form, 'dryRun'));
          return void page({ outcome });
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          const body = e.getResponse() as {
            message: string;
            lines?: Array<{ line: number; column?: string; message: string }>;
          };
          res.status(e.getStatus());
          return void page({ refused: { message: body.message, lines: body.lines ?? [] } });
        }
      },
    });
  }
}
