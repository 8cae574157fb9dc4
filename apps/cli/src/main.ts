import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ApiFailure, call } from './api-client.js';
import { progress } from './progress.js';
import { seedDemo } from './demo.js';

const tty = () => process.stderr.isTTY === true;

const HELP = `mentorflow — command line for a running mentorflow API (MENTORFLOW_URL, MENTORFLOW_TOKEN;
default http://127.0.0.1:3000 and the admin token saved by \`npm start\`).

  npx mentorflow token issue --person <id> --name "<name>" --roles owner,sponsor [--days <n>]
  npx mentorflow token list [--person <id>]      your tokens (HR admins: anybody's)
  npx mentorflow token revoke <token id>         revoke one (yours, or anybody's as an HR admin)
  npx mentorflow import <people.csv> [--dry-run]
  npx mentorflow program create --name "<name>" --sponsor <id> --kpi "<objective>|<kpi>|<unit>|<baseline>|<target>" [--kpi …]
  npx mentorflow program show <program id>
  npx mentorflow program list
  npx mentorflow program renew <program id> [--continuing <id,id,…>]
  npx mentorflow demo seed
  npx mentorflow ops faults                      workflows that may be stuck (operator role)
  npx mentorflow ops restart <workflow id>       terminate one and start it again from the event log
`;

interface Program {
  id: string;
  name: string;
  phase: string;
  ownerId: string;
  sponsorId: string;
  version: number;
}

async function main(argv: string[]): Promise<void> {
  const [group, action, ...rest] = argv;
  if (!group || group === 'help' || group === '--help') {
    process.stdout.write(HELP);
    return;
  }
  if (group === 'token' && action === 'issue') {
    const { values } = parseArgs({
      args: rest,
      options: {
        person: { type: 'string' },
        name: { type: 'string' },
        roles: { type: 'string' },
        email: { type: 'string' },
        days: { type: 'string' },
      },
    });
    if (!values.person || !values.roles) throw new Error('token issue needs --person and --roles');
    if (values.days !== undefined && !/^\d{1,4}$/.test(values.days)) throw new Error('--days must be a whole number');
    const issued = await call<{ token: string; personId: string; roles: string[] }>('POST', '/tokens', {
      body: {
        personId: values.person,
        displayName: values.name ?? values.person,
        roles: values.roles.split(','),
        ...(values.email ? { email: values.email } : {}),
        ...(values.days ? { expiresInDays: Number(values.days) } : {}),
      },
    });
    process.stderr.write(`Token for ${issued.personId} (${issued.roles.join(', ')}), shown once:\n`);
    process.stdout.write(issued.token + '\n');
    return;
  }
  if (group === 'token' && action === 'list') {
    const { values } = parseArgs({ args: rest, options: { person: { type: 'string' } } });
    const tokens = await call<
      Array<{ id: string; label: string; roles: string[]; expiresAt: string; revokedAt: string | null }>
    >('GET', '/tokens', { query: values.person ? { personId: values.person } : undefined });
    for (const t of tokens) {
      const state = t.revokedAt ? `revoked ${t.revokedAt}` : Date.parse(t.expiresAt) < Date.now() ? 'expired' : 'valid';
      process.stdout.write(
        `${t.id}  ${t.label.padEnd(16)}  ${t.roles.join(',').padEnd(20)}  until ${t.expiresAt}  ${state}\n`,
      );
    }
    return;
  }
  if (group === 'token' && action === 'revoke') {
    const id = rest[0];
    if (!id) throw new Error('token revoke needs a token id (see `token list`)');
    const revoked = await call<{ id: string; personId: string; revokedAt: string }>('DELETE', `/tokens/${id}`);
    process.stdout.write(`Token ${revoked.id} of ${revoked.personId} revoked at ${revoked.revokedAt}.\n`);
    return;
  }
  if (group === 'import') {
    const file = action;
    if (!file) throw new Error('import needs a CSV file');
    const dryRun = rest.includes('--dry-run');
    const csv = readFileSync(file, 'utf8');
    const bar = progress(`${dryRun ? 'Checking' : 'Importing'} ${file} (${csv.split('\n').length - 1} lines)`);
    try {
      const result = await call<{ message: string }>('POST', '/people/import', {
        csv,
        query: dryRun ? { dryRun: 'true' } : undefined,
      });
      bar.stop(result.message);
    } catch (e) {
      bar.stop('rejected');
      if (e instanceof ApiFailure && typeof e.body === 'object' && e.body && 'lines' in e.body) {
        for (const l of (e.body as { lines: Array<{ line: number; column: string | null; message: string }> }).lines) {
          process.stderr.write(`  line ${l.line}${l.column ? `, ${l.column}` : ''}: ${l.message}\n`);
        }
      }
      throw e;
    }
    return;
  }
  if (group === 'program' && action === 'create') {
    const { values } = parseArgs({
      args: rest,
      options: { name: { type: 'string' }, sponsor: { type: 'string' }, kpi: { type: 'string', multiple: true } },
    });
    if (!values.name || !values.sponsor || !values.kpi?.length)
      throw new Error('program create needs --name, --sponsor and at least one --kpi');
    const objectives = new Map<string, Array<{ name: string; unit: string; baseline: number; target: number }>>();
    for (const spec of values.kpi) {
      const [title, name, unit, baseline, target] = spec.split('|');
      if (!title || !name || !unit || baseline === undefined || target === undefined)
        throw new Error(`--kpi "${spec}": expected objective|kpi|unit|baseline|target`);
      objectives.set(title, [
        ...(objectives.get(title) ?? []),
        { name, unit, baseline: Number(baseline), target: Number(target) },
      ]);
    }
    const bar = progress('Starting the program workflow');
    const program = await call<Program>('POST', '/programs', {
      body: {
        name: values.name,
        sponsorId: values.sponsor,
        objectives: [...objectives].map(([title, kpis]) => ({ title, kpis })),
      },
    });
    bar.stop(`Program ${program.id} is in ${program.phase}; the sponsor ${program.sponsorId} approves its launch.`);
    process.stdout.write(program.id + '\n');
    return;
  }
  if (group === 'program' && action === 'show') {
    const id = rest[0];
    if (!id) throw new Error('program show needs a program id');
    const program = await call<Program>('GET', `/programs/${id}`);
    const events = await call<Array<{ version: number; type: string; actorId: string; occurredAt: string }>>(
      'GET',
      `/programs/${id}/events`,
    );
    process.stdout.write(
      `${program.name} (${program.id})\nphase: ${program.phase}\nowner: ${program.ownerId}  sponsor: ${program.sponsorId}\n\nevents:\n`,
    );
    for (const e of events)
      process.stdout.write(`  ${String(e.version).padStart(3)}  ${e.occurredAt}  ${e.type}  by ${e.actorId}\n`);
    return;
  }
  if (group === 'ops' && action === 'faults') {
    const faults = await call<
      Array<{ workflowId: string; kind: string; code: string; detail: string; occurrences: number; lastSeenAt: string }>
    >('GET', '/operations/workflow-faults');
    if (faults.length === 0) process.stdout.write('No workflow faults.\n');
    for (const f of faults)
      process.stdout.write(
        `${f.workflowId}  ${f.kind}  ${f.code}  ×${f.occurrences}  last ${f.lastSeenAt}\n  ${f.detail}\n`,
      );
    return;
  }
  if (group === 'ops' && action === 'restart') {
    const workflowId = rest[0];
    if (!workflowId) throw new Error('ops restart needs a workflow id (program:<id> or mentorship:<id>)');
    const bar = progress(`Restarting ${workflowId} from its event log`);
    const restarted = await call<{ runId: string; version: number; terminatedRunId: string | null }>(
      'POST',
      `/operations/workflows/${encodeURIComponent(workflowId)}/restart`,
    );
    bar.stop(
      `new run ${restarted.runId} at version ${restarted.version}${restarted.terminatedRunId ? ` (terminated ${restarted.terminatedRunId})` : ''}`,
    );
    return;
  }
  if (group === 'program' && action === 'list') {
    const page = await call<{ items: Program[]; total: number }>('GET', '/programs', { query: { limit: '100' } });
    for (const p of page.items) process.stdout.write(`${p.id}  ${p.phase.padEnd(18)}  ${p.name}\n`);
    process.stderr.write(`${page.total} program(s)\n`);
    return;
  }
  if (group === 'program' && action === 'renew') {
    const [id, ...flags] = rest;
    if (!id) throw new Error('program renew needs a program id');
    const { values } = parseArgs({ args: flags, options: { continuing: { type: 'string' } } });
    const bar = progress('Renewing: the next cycle starts through continue-as-new');
    const continuing = values.continuing
      ? values.continuing
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : [];
    await call('POST', `/programs/${id}/renewal`, { body: { continuing } });
    const program = await call<Program>('GET', `/programs/${id}`);
    bar.stop(`Program ${program.id} renewed; now in ${program.phase}.`);
    return;
  }
  if (group === 'demo' && action === 'seed') {
    const steps = 6;
    const bar = progress('Seeding the demo company and program', steps);
    const demo = await seedDemo((step) => {
      bar.tick();
      process.stderr.write(tty() ? '' : `  ${step}\n`);
    });
    bar.stop(
      demo.created
        ? `Demo program ${demo.programId} in EXECUTION with ${demo.mentorships} mentorships.`
        : `Demo program ${demo.programId} was already there.`,
    );
    process.stdout.write(`${demo.programId}\nowner token (dashboard sign-in): ${demo.ownerToken}\n`);
    return;
  }
  throw new Error(`unknown command: ${argv.join(' ')}\n\n${HELP}`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`mentorflow: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
