// kubeconform and the Kubernetes JSON schemas it checks against, provided into the cache:
// kubeconform is built with Go (`go install` from the module proxy); the schemas come from the
// kubernetes-validate package on PyPI (pip download), made standalone here because kubeconform
// cannot fetch the shared definitions they point to (no network but the package registries).
// `node deploy/kubeconform.mjs` provides both; `node deploy/kubeconform.mjs check FILE…` prints
// kubeconform's JSON report and exits with its status (test/deploy/kubernetes.spec.ts runs that).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const KUBECONFORM_MODULE = 'github.com/yannh/kubeconform/cmd/kubeconform@v0.7.0';
export const SCHEMA_PACKAGE = 'kubernetes-validate==1.37.0';
export const KUBERNETES_VERSION = 'v1.33.0';
/** The kinds deploy/kubernetes uses; a manifest of another kind fails the check (no schema). */
export const KINDS = [
  'namespace-v1',
  'configmap-v1',
  'secret-v1',
  'service-v1',
  'deployment-apps-v1',
  'poddisruptionbudget-policy-v1',
  'ingress-networking-v1',
];

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cache = () => process.env.MENTORFLOW_CACHE_DIR ?? join(root, '.cache');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error || result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed: ${result.error?.message ?? result.stderr?.slice(-2000) ?? result.status}`,
    );
  return result.stdout;
}

export function provideKubeconform(log = (line) => process.stderr.write(line + '\n')) {
  const bin = join(cache(), 'bin');
  const binary = join(bin, 'kubeconform');
  if (!existsSync(binary)) {
    log(`building ${KUBECONFORM_MODULE} with Go into ${bin}`);
    run('go', ['install', KUBECONFORM_MODULE], {
      env: { ...process.env, CGO_ENABLED: '0', GOBIN: bin },
      stdio: 'pipe',
    });
  }
  const schemaDir = join(cache(), 'kubernetes-schemas', `${KUBERNETES_VERSION}-standalone-strict`);
  if (!KINDS.every((kind) => existsSync(join(schemaDir, `${kind}.json`)))) {
    const download = join(cache(), 'kubernetes-schemas', 'download');
    mkdirSync(download, { recursive: true });
    if (!readdirSync(download).some((f) => f.endsWith('.whl'))) {
      log(`downloading ${SCHEMA_PACKAGE} from PyPI`);
      run('python3', ['-m', 'pip', 'download', '--no-deps', '-d', download, SCHEMA_PACKAGE]);
    }
    const wheel = join(
      download,
      readdirSync(download).find((f) => f.endsWith('.whl')),
    );
    const prefix = `kubernetes_validate/kubernetes-json-schema/${KUBERNETES_VERSION}-local-strict/`;
    // The wheel is a zip: Python's zipfile reads it without an unzip command.
    const read = (name) =>
      run(
        'python3',
        [
          '-c',
          'import sys,zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())',
          wheel,
          prefix + name,
        ],
        {
          maxBuffer: 64 * 1024 * 1024,
        },
      );
    const definitions = JSON.parse(read('_definitions.json'));
    mkdirSync(schemaDir, { recursive: true });
    for (const kind of KINDS) {
      const schema = JSON.parse(read(`${kind}.json`).replaceAll('/api/_definitions.json#/$defs/', '#/$defs/'));
      delete schema.$id;
      const defs = JSON.parse(
        JSON.stringify(definitions.$defs).replaceAll('/api/_definitions.json#/$defs/', '#/$defs/'),
      );
      writeFileSync(join(schemaDir, `${kind}.json`), JSON.stringify({ ...schema, $defs: defs }));
    }
  }
  return { binary, schemaDir };
}

/** Runs kubeconform (strict: unknown fields are errors) on the files; returns its JSON report. */
export function kubeconform(files, log) {
  const { binary, schemaDir } = provideKubeconform(log);
  const result = spawnSync(
    binary,
    [
      '-strict',
      '-summary',
      '-output',
      'json',
      '-skip',
      'Kustomization',
      '-schema-location',
      `${schemaDir}/{{ .ResourceKind }}{{ .KindSuffix }}.json`,
      ...files,
    ],
    { encoding: 'utf8' },
  );
  if (result.error) throw result.error;
  return { status: result.status, report: JSON.parse(result.stdout), stderr: result.stderr };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === 'check') {
    const { status, report, stderr } = kubeconform(process.argv.slice(3));
    process.stdout.write(JSON.stringify(report) + '\n');
    process.stderr.write(stderr);
    process.exit(status);
  }
  const { binary, schemaDir } = provideKubeconform();
  process.stdout.write(`kubeconform: ${binary}\nschemas: ${schemaDir}\n`);
}
