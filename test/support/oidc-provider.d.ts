// The few parts of npm `oidc-provider` (no bundled types) that test/e2e/oidc.e2e.spec.ts uses.
declare module 'oidc-provider' {
  import type { Server } from 'node:http';
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    listen(port: number, host?: string): Server;
  }
}
