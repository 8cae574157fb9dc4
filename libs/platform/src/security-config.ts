/** Sign-in with the company's identity provider (OpenID Connect), when configured. */
export interface OidcSettings {
  /** The provider's issuer URL; its discovery document is read at /.well-known/openid-configuration. */
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  /** Scopes asked for at sign-in (always including openid). */
  scope: string;
  /** The claim that names the person (an email address or an employee id)… */
  personClaim: string;
  /** …and what it is matched against in the directory. */
  personField: 'email' | 'id';
  /** The `aud` the provider's access tokens must carry for the API to accept them. */
  apiAudience: string;
}

/** Credentials, sessions and what only operators see. */
export interface SecuritySettings {
  /** The origin people reach the API and dashboard at (OIDC redirect URI, sign-in links). */
  publicUrl: string;
  /** Days a new token lives unless its issuer asks for less. */
  tokenTtlDays: number;
  /** How long a dashboard session lives before the reader signs in again. */
  sessionTtlMs: number;
  /** A secret Prometheus sends as `Authorization: Bearer …` to scrape /metrics; null = operator tokens only. */
  metricsToken: string | null;
  oidc: OidcSettings | null;
}

const HOUR_MS = 3_600_000;

/** Reads the security settings, adding every problem found to `problems` (see loadConfig). */
export function securitySettings(env: NodeJS.ProcessEnv, problems: string[], httpPort: number): SecuritySettings {
  const text = (name: string): string | null => env[name]?.trim() || null;
  const whole = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    const value = raw === null ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const url = (name: string, value: string): string => {
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      problems.push(`${name} must be an absolute URL, got "${value}"`);
      return value;
    }
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local))
      problems.push(`${name} must be an https:// URL (http:// only on localhost), got "${value}"`);
    return value.replace(/\/+$/, '');
  };
  const publicUrl = url('PUBLIC_URL', text('PUBLIC_URL') ?? `http://127.0.0.1:${httpPort}`);
  const metricsToken = text('METRICS_TOKEN');
  if (metricsToken !== null && !/^[\x21-\x7e]{32,200}$/.test(metricsToken))
    problems.push('METRICS_TOKEN must be 32 to 200 printable characters without spaces');
  const issuer = text('OIDC_ISSUER_URL');
  const clientId = text('OIDC_CLIENT_ID');
  const clientSecret = text('OIDC_CLIENT_SECRET');
  let oidc: OidcSettings | null = null;
  const given = [issuer, clientId, clientSecret].filter((x) => x !== null).length;
  if (given > 0 && given < 3)
    problems.push('OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together: set all three or none');
  if (issuer && clientId && clientSecret) {
    const personField = text('OIDC_PERSON_FIELD') ?? 'email';
    if (personField !== 'email' && personField !== 'id')
      problems.push(`OIDC_PERSON_FIELD must be "email" or "id", got "${personField}"`);
    const personClaim = text('OIDC_PERSON_CLAIM') ?? (personField === 'id' ? 'employee_id' : 'email');
    if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(personClaim))
      problems.push(`OIDC_PERSON_CLAIM must be a claim name, got "${personClaim}"`);
    const scope = text('OIDC_SCOPE') ?? 'openid email profile';
    if (!scope.split(/\s+/).includes('openid')) problems.push(`OIDC_SCOPE must include "openid", got "${scope}"`);
    oidc = {
      issuerUrl: url('OIDC_ISSUER_URL', issuer),
      clientId,
      clientSecret,
      scope,
      personClaim,
      personField: personField === 'id' ? 'id' : 'email',
      apiAudience: text('OIDC_API_AUDIENCE') ?? clientId,
    };
  }
  return {
    publicUrl,
    tokenTtlDays: whole('TOKEN_TTL_DAYS', 90, 1, 3650),
    sessionTtlMs: whole('DASHBOARD_SESSION_HOURS', 12, 1, 720) * HOUR_MS,
    metricsToken,
    oidc,
  };
}
