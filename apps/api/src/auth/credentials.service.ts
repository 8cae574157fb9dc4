import { Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../../../libs/domain/src/index.js';
import { TokenQueries } from '../../../../libs/persistence/src/index.js';
import type { SecuritySettings } from '../../../../libs/platform/src/index.js';
import { SECURITY } from '../tokens.js';
import { OidcService } from './oidc.service.js';

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Who a bearer credential stands for: a mentorflow token (`mf_…`) or the identity provider's access token (a JWT). */
@Injectable()
export class Credentials {
  constructor(
    private readonly tokens: TokenQueries,
    private readonly oidc: OidcService,
    @Inject(SECURITY) private readonly security: SecuritySettings,
  ) {}

  async bearer(secret: string): Promise<Actor | null> {
    if (secret.startsWith('mf_')) return (await this.tokens.authenticate(secret))?.actor ?? null;
    if (this.oidc.enabled && JWT.test(secret)) return this.oidc.actorOfAccessToken(secret);
    return null;
  }

  /** Whether this is the scrape secret of /metrics (METRICS_TOKEN), compared in constant time. */
  isMetricsSecret(secret: string): boolean {
    const expected = this.security.metricsToken;
    if (!expected) return false;
    const a = Buffer.from(secret);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
