import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { loadConfig } from '../../libs/platform/src/index.js';

/**
 * No Kubernetes cluster runs here, so the manifests are checked with kubeconform (built with Go) in
 * strict mode against the Kubernetes v1.33 schemas. If the tool or the schemas cannot be had, this
 * fails: deploy/kubeconform.mjs says why.
 */
const DIR = 'deploy/kubernetes';
const manifests = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml') && f !== 'temporal-values.yaml')
  .map((f) => join(DIR, f));

interface Report {
  resources?: Array<{ filename: string; kind: string; name: string; status: string; msg: string }>;
  summary: { valid: number; invalid: number; errors: number; skipped: number };
}
function kubeconform(files: string[]): { status: number | null; report: Report } {
  const run = spawnSync(process.execPath, ['deploy/kubeconform.mjs', 'check', ...files], {
    encoding: 'utf8',
    timeout: 540_000,
  });
  if (!run.stdout.trim()) throw new Error(`kubeconform could not run: ${run.stderr || run.error?.message}`);
  return { status: run.status, report: JSON.parse(run.stdout) as Report };
}
interface Container {
  image: string;
  command: string[];
  readinessProbe?: { httpGet: { path: string } };
}
interface Spec {
  replicas?: number;
  selector: { matchLabels?: Record<string, string> } & Record<string, string>;
  template: { spec: { containers: Container[] } };
}
type Doc = { kind: string; metadata: { name: string }; spec?: Spec; data?: Record<string, string> };
interface SqlStore {
  sql: { driver: string };
}
interface TemporalValues {
  server: { config: { numHistoryShards: number; persistence: { default: SqlStore; visibility: SqlStore } } };
  cassandra: { enabled: boolean };
}
const docs: Doc[] = manifests.flatMap((f) => parseAllDocuments(readFileSync(f, 'utf8')).map((d) => d.toJS() as Doc));
const find = (kind: string, name: string) => docs.find((d) => d.kind === kind && d.metadata.name === name)!;

describe('Kubernetes deployment (deploy/kubernetes)', () => {
  it('is valid for kubeconform in strict mode, every resource checked', () => {
    const { status, report } = kubeconform(manifests);
    // Namespace, ConfigMap, Secret (example), api Deployment + Service + PDB, worker Deployment + PDB, Ingress.
    expect([status, report.summary]).toEqual([0, { valid: 9, invalid: 0, errors: 0, skipped: 1 }]);
  }, 600_000);

  it('would catch a broken manifest (the check bites)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeconform-'));
    const broken = join(dir, 'api.yaml');
    writeFileSync(broken, readFileSync(join(DIR, 'api.yaml'), 'utf8').replace('replicas: 2', "replicas: 'two'"));
    const { status, report } = kubeconform([broken]);
    expect(status).toBe(1);
    expect(report.summary.invalid).toBe(1);
    expect(report.resources?.find((r) => r.status === 'statusInvalid')?.msg).toMatch(/replicas/);
  }, 600_000);

  it('applies every manifest but the example Secret through the kustomization', () => {
    const kustomization = parse(readFileSync(join(DIR, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
    const applied = manifests
      .map((f) => f.slice(DIR.length + 1))
      .filter((f) => f !== 'kustomization.yaml' && f !== 'secret.example.yaml');
    expect([...kustomization.resources].sort()).toEqual(applied.sort());
  });

  it('runs two API and two worker replicas of one image with the commands of the Dockerfile build', () => {
    const api = find('Deployment', 'mentorflow-api').spec!;
    const worker = find('Deployment', 'mentorflow-worker').spec!;
    expect([api.replicas, worker.replicas]).toEqual([2, 2]);
    const [a, w] = [api.template.spec.containers[0], worker.template.spec.containers[0]];
    expect(a.image).toBe(w.image);
    expect(a.command).toEqual(['node', 'dist/apps/api/src/main.js']);
    expect(w.command).toEqual(['node', 'dist/apps/worker/src/main.js']);
    expect(a.readinessProbe?.httpGet.path).toBe('/health/ready');
    expect(find('Service', 'mentorflow-api').spec?.selector).toEqual(api.selector.matchLabels);
  });

  it('gives the processes a configuration that loadConfig accepts', () => {
    const data = find('ConfigMap', 'mentorflow-config').data!;
    const config = loadConfig({ ...data, DATABASE_URL: 'postgres://u:p@db:5432/mentorflow' });
    expect(config.temporalAddress).toBe('temporal-frontend.temporal.svc.cluster.local:7233');
    expect(config.trustProxyHops).toBe(1);
  });

  it("configures Temporal's own chart for Postgres and a fixed shard count", () => {
    const values = parse(readFileSync(join(DIR, 'temporal-values.yaml'), 'utf8')) as TemporalValues;
    expect(values.server.config.persistence.default.sql.driver).toBe('postgres12');
    expect(values.server.config.persistence.visibility.sql.driver).toBe('postgres12');
    expect(values.server.config.numHistoryShards).toBeGreaterThanOrEqual(128);
    expect(values.cassandra.enabled).toBe(false);
  });
});
