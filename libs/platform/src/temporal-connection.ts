import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import type { MentorflowConfig } from './config.js';

/** What both the client's Connection and the worker's NativeConnection take to reach the frontend. */
export interface TemporalConnectionOptions {
  address: string;
  tls?: TLSConfig;
  apiKey?: string;
}

/**
 * The connection settings of the configuration (TLS, mTLS, API key), the same for the api and the
 * worker, so a process that can start can also connect. The files were checked by loadConfig.
 */
export function temporalConnectionOptions(config: MentorflowConfig, address: string): TemporalConnectionOptions {
  const options: TemporalConnectionOptions = { address };
  const files = config.temporalTls;
  if (files) {
    options.tls = {
      ...(files.serverName ? { serverNameOverride: files.serverName } : {}),
      ...(files.caFile ? { serverRootCACertificate: readFileSync(files.caFile) } : {}),
      ...(files.certFile && files.keyFile
        ? { clientCertPair: { crt: readFileSync(files.certFile), key: readFileSync(files.keyFile) } }
        : {}),
    };
  }
  if (config.temporalApiKey) options.apiKey = config.temporalApiKey;
  return options;
}
