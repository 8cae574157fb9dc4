import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators.js';
import { STYLESHEET } from '../views/styles.js';

/** The pages' one stylesheet, as a file: no inline style, so a strict Content-Security-Policy holds. */
@ApiExcludeController()
@Public()
@Controller('dashboard/assets')
export class AssetsController {
  @Get('style.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  style(): string {
    return STYLESHEET;
  }
}
