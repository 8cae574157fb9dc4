import { Inject, Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import * as oidc from 'openid-client';
import { isRole, type Actor } from '../../../../libs/domain/src/index.js';
import { DashboardSessionQueries, PeopleQueries } from '../../../../libs/persistence/src/index.js';
import type { OidcSettings, SecuritySettings } from '../../../../libs/platform/src/index.js';
import { SECURITY } from '../tokens.js';

/** Why a sign-in with the identity provider did not give a mentorflow reader (shown as a notice code). */
export type OidcRefusal = 'oidc.unknown-person' | 'oidc.failed';

export const OIDC_CALLBACK_PATH = '/dashboard/oidc/callback';

/**
 * Sign-in with the company's identity provider (OpenID Connect, authorization code with PKCE,
 * through `openid-client`), and the provider's own access tokens accepted by the API (JWTs
 * checked against the issuer's published keys with `jose`: signature, issuer, audience, expiry).
 * The provider says who the person is — by a claim matched in the directory — and nothing more:
 * their roles are mentorflow's.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('oidc');
  private readonly settings: OidcSettings | null;
  private discovered: Promise<{ config: oidc.Configuration; keys: JWTVerifyGetKey }> | null = null;

  constructor(
    @Inject(SECURITY) private readonly security: SecuritySettings,
    private readonly people: PeopleQueries,
    private readonly signIns: DashboardSessionQueries,
  ) {
    this.settings = security.oidc;
  }

  get enabled(): boolean {
    return this.settings !== null;
  }

  /** The provider's metadata, read once (and again after a failure: a provider down at start-up is not fatal). */
  private provider(settings: OidcSettings) {
    this.discovered ??= (async () => {
      const issuer = new URL(settings.issuerUrl);
      const config = await oidc.discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
        // Only a provider on localhost may be plain http (the configuration refuses others).
        execute: issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      });
      const jwksUri = config.serverMetadata().jwks_uri;
      if (!jwksUri) throw new Error(`the provider ${settings.issuerUrl} publishes no jwks_uri`);
      return { config, keys: createRemoteJWKSet(new URL(jwksUri)) };
    })().catch((e: unknown) => {
      this.discovered = null;
      throw e;
    });
    return this.discovered;
  }

  /** Where to send the browser to sign in; the PKCE verifier and the nonce stay here, under the state. */
  async authorizationUrl(): Promise<{ url: string; state: string }> {
    const settings = this.required();
    const { config } = await this.provider(settings);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await this.signIns.beginSignIn(state, codeVerifier, nonce);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: `${this.security.publicUrl}${OIDC_CALLBACK_PATH}`,
      scope: settings.scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /**
   * Completes a sign-in: the state must be the one this browser started with (its cookie), the
   * code is exchanged with the verifier, the ID token checked (signature, issuer, audience, nonce),
   * and the person found by the configured claim. Returns the person and their mentorflow roles.
   */
  async finishSignIn(
    callbackPathAndQuery: string,
    browserState: string | null,
  ): Promise<{ personId: string; roles: Actor['roles'] } | OidcRefusal> {
    const settings = this.required();
    const returned = new URL(callbackPathAndQuery, this.security.publicUrl).searchParams.get('state');
    if (!browserState || returned !== browserState) return 'oidc.failed';
    const pending = await this.signIns.finishSignIn(browserState);
    if (!pending) return 'oidc.failed';
    try {
      const { config } = await this.provider(settings);
      const tokens = await oidc.authorizationCodeGrant(config, new URL(callbackPathAndQuery, this.security.publicUrl), {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: browserState,
        expectedNonce: pending.nonce,
      });
      const claims: Record<string, unknown> = tokens.claims() ?? {};
      let value = claims[settings.personClaim];
      if (value === undefined && tokens.access_token) {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub));
        value = info[settings.personClaim];
      }
      const person = typeof value === 'string' ? await this.personFor(value) : null;
      return person ?? 'oidc.unknown-person';
    } catch (e) {
      this.logger.warn(`sign-in with the identity provider failed: ${e instanceof Error ? e.message : String(e)}`);
      return 'oidc.failed';
    }
  }

  /** The actor a provider's access token stands for, or null (not a JWT of this issuer for this API, expired, or nobody we know). */
  async actorOfAccessToken(jwt: string): Promise<Actor | null> {
    if (!this.settings) return null;
    const settings = this.settings;
    try {
      const { config, keys } = await this.provider(settings);
      const { payload } = await jwtVerify(jwt, keys, {
        issuer: config.serverMetadata().issuer,
        audience: settings.apiAudience,
      });
      const value = payload[settings.personClaim];
      if (typeof value !== 'string') return null;
      const person = await this.personFor(value);
      return person ? { personId: person.personId, roles: person.roles } : null;
    } catch (e) {
      if (!(e instanceof joseErrors.JOSEError)) this.logger.warn(`provider token not checked: ${String(e)}`);
      return null;
    }
  }

  /** An active person of the directory the claim names, with the roles mentorflow gives them. */
  private async personFor(value: string): Promise<{ personId: string; roles: Actor['roles'] } | null> {
    const person = await this.people.forSignIn(this.required().personField, value);
    if (!person || person.status !== 'active') return null;
    return { personId: person.id, roles: person.roles.filter(isRole).sort() };
  }

  private required(): OidcSettings {
    if (!this.settings) throw new Error('sign-in with an identity provider is not configured');
    return this.settings;
  }
}
