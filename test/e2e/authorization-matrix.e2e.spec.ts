import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Role } from '../../libs/domain/src/index.js';
import { PROGRAM_EVENT_AUDIENCE } from '../../libs/domain/src/index.js';
import { issueToken } from '../../libs/persistence/src/index.js';
import { useWorkerStack } from '../support/services.js';
import { startApi, tokenFor } from '../support/api.js';
import { activeCycle } from '../support/cycle.js';
import { fastPolicy, startMentorship } from '../support/mentorships.js';

/**
 * Every route of the application × every kind of reader. The route list is read from the HTTP
 * router itself — JSON routes, dashboard pages and forms, HTML reports, exports, the event stream,
 * sign-in, docs — so a new route without a row fails the first test.
 *
 * Each cell is one outcome:
 *   anon      — not authenticated: 401 (JSON), or sent to the sign-in page (dashboard)
 *   role      — 403 AUTH.ROLE_REQUIRED (JSON), notice=refused.role (dashboard form)
 *   hidden    — the very 404 an unknown id gets (no relation to the object: it does not exist for them)
 *   forbidden — 403 with the object's own code (a relation, but not this one), or PERSON.PRIVATE
 *   ok        — let through (whatever the action then answers: 200, 201, 400, 409 …)
 */
type Outcome = 'ok' | 'anon' | 'role' | 'hidden' | 'forbidden';
type Kind = 'json' | 'page' | 'form';

/** The readers: relations to program P (owner-1's), mentorship M (in P), person ms-mentee. */
const CALLERS = {
  anonymous: null,
  owner: { person: 'owner-1', roles: ['owner'] },
  sponsor: { person: 'sponsor-1', roles: ['sponsor'] },
  steering: { person: 'steer-1', roles: ['sponsor'] },
  otherOwner: { person: 'owner-2', roles: ['owner'] },
  ownerNoProgram: { person: 'owner-3', roles: ['owner'] },
  hr: { person: 'hr-1', roles: ['hr-admin'] },
  operator: { person: 'ops-1', roles: ['operator'] },
  mentee: { person: 'ms-mentee', roles: ['mentee'] },
  mentor: { person: 'ms-mentor', roles: ['mentor'] },
  supervisor: { person: 'ms-sup', roles: ['supervisor'] },
  strangerMentee: { person: 'x-mentee', roles: ['mentee'] },
  // owner-1's own other tokens: one revoked, one expired. Their holder still owns P; they are dead.
  revokedToken: { person: 'owner-1', roles: ['owner'] },
  expiredToken: { person: 'owner-1', roles: ['owner'] },
  // A steering member of P who left the company (deactivated): tokens and sessions die with it.
  personWhoLeft: { person: 'left-1', roles: ['sponsor'] },
} as const satisfies Record<string, { person: string; roles: Role[] } | null>;
type Caller = keyof typeof CALLERS;
const DEAD: Caller[] = ['anonymous', 'revokedToken', 'expiredToken', 'personWhoLeft'];

interface Rule {
  roles: Role[] | 'any' | 'public';
  /** Who has the relation the route asks for; others with the role get `otherwise`. */
  object?: { ok: Caller[]; forbidden?: Caller[]; otherwise?: 'hidden' | 'forbidden' };
  body?: object | string;
  contentType?: string;
}

const READERS: Caller[] = ['owner', 'sponsor', 'steering'];
const PARTIES: Caller[] = ['mentee', 'mentor', 'supervisor', 'owner'];
const programReaders = { ok: READERS };
const programOwner = { ok: ['owner'] as Caller[] };
const matchingReaders = { ok: ['owner'] as Caller[], forbidden: ['sponsor', 'steering'] as Caller[] };
const mentorshipParties = { ok: PARTIES };
// The owner's part that HR admins may read too (the training plan and the cases it cites); the sponsor and the steering group see the program, not this.
const ownerOrHr = { ok: ['owner', 'hr'] as Caller[], forbidden: ['sponsor', 'steering'] as Caller[] };
// Personal data of ms-mentee: HR, the owner of a program they are in, themselves, their active mentor and supervisor.
const personal = { ok: ['hr', 'owner', 'mentee', 'mentor', 'supervisor'] as Caller[], otherwise: 'forbidden' as const };
const form = (roles: Role[], ok: Caller[], body: object): Rule => ({ roles, object: { ok }, body });

const RULES: Record<string, Rule> = {
  'GET /health': { roles: 'public' },
  'GET /health/ready': { roles: 'public' },
  'GET /metrics': { roles: ['operator'] },
  'GET /docs': { roles: 'public' },
  'GET /docs/': { roles: 'public' },
  'GET /docs/index.html': { roles: 'public' },
  'GET /docs/swagger-ui-init.js': { roles: 'public' },
  'GET /docs/docs/swagger-ui-init.js': { roles: 'public' },
  'GET /docs/LICENSE': { roles: 'public' },
  'GET /docs/openapi.json': { roles: 'public' },
  'GET /docs-yaml': { roles: 'public' },
  'POST /tokens': { roles: ['hr-admin'], body: { personId: 'new-1', displayName: 'New', roles: ['mentee'] } },
  'GET /tokens': { roles: 'any' },
  'DELETE /tokens/:id': { roles: 'any', object: { ok: ['hr', 'mentor'] } },
  'POST /programs': { roles: ['owner'], body: {} },
  'GET /programs': { roles: 'any' },
  'GET /programs/:id': { roles: 'any', object: programReaders },
  'GET /programs/:id/events': { roles: 'any', object: programReaders },
  'GET /programs/:id/cycles': { roles: 'any', object: programReaders },
  'POST /programs/:id/launch-approval': { roles: ['sponsor'], object: { ok: ['sponsor'], forbidden: ['steering'] } },
  'GET /people': { roles: ['hr-admin', 'owner'] },
  'POST /people': { roles: ['hr-admin'], body: {} },
  'POST /people/import': { roles: ['hr-admin'], body: 'employee_id\n', contentType: 'text/csv' },
  'GET /people/:id': { roles: 'any' },
  'PATCH /people/:id': { roles: ['hr-admin'], body: {} },
  'POST /people/:id/deactivate': { roles: ['hr-admin'] },
  'PUT /people/:id/roles': { roles: ['hr-admin'], body: {} },
  'GET /people/:id/reporting-chain': { roles: ['hr-admin', 'owner'], object: personal },
  'GET /competency-models': { roles: 'any' },
  'GET /competency-models/:key': { roles: 'any' },
  'GET /competency-models/:key/versions/:version': { roles: 'any' },
  'POST /competency-models/:key/versions': { roles: ['owner', 'hr-admin'], body: {} },
  'POST /assessments': {
    roles: 'any',
    object: { ok: ['hr'], otherwise: 'forbidden' },
    body: { personId: 'p-1', competencyKey: 'delegation', level: 3, source: 'self', context: 'baseline' },
  },
  'GET /people/:id/assessments': { roles: 'any', object: personal },
  'GET /people/:id/gaps': { roles: 'any', object: personal },
  'POST /hr-events': { roles: ['hr-admin'], body: {} },
  'GET /insights/gaps': { roles: ['owner', 'hr-admin'] },
  'GET /insights/coverage': { roles: ['owner', 'hr-admin'] },
  'GET /insights/access': { roles: ['owner', 'hr-admin'] },
  'GET /nominations': { roles: ['owner', 'hr-admin'] },
  'POST /programs/:id/enrolments': {
    roles: ['owner'],
    object: programOwner,
    body: { personId: 'p-1', role: 'mentee' },
  },
  'GET /programs/:id/matching': { roles: 'any', object: matchingReaders },
  'POST /programs/:id/matching/proposals': { roles: ['owner'], object: programOwner, body: {} },
  'GET /programs/:id/matching/proposals/:version': { roles: 'any', object: matchingReaders },
  'POST /programs/:id/matching/decisions': {
    roles: ['owner', 'supervisor'],
    object: programOwner,
    body: { decision: 'ban', menteeId: 'p-1', mentorId: 'owner-1', reason: 'matrix test' },
  },
  'POST /programs/:id/matching/proposals/:version/approval': { roles: ['owner'], object: programOwner },
  'POST /programs/:id/mentorships': {
    roles: ['owner'],
    object: programOwner,
    body: { menteeId: 'p-1', supervisorId: 'ms-sup' },
  },
  'POST /programs/:id/training-sessions': {
    roles: ['owner'],
    object: programOwner,
    body: { audience: 'mentors', title: 'Matrix', heldAt: '2026-01-01T00:00:00.000Z', attendees: [] },
  },
  'GET /programs/:id/training-sessions': { roles: ['owner'], object: programOwner },
  'POST /programs/:id/execution': { roles: ['owner'], object: programOwner },
  'GET /programs/:id/monitoring': { roles: ['owner'], object: programOwner },
  'POST /programs/:id/evaluation': { roles: ['owner'], object: programOwner },
  'POST /programs/:id/lessons': {
    roles: ['owner'],
    object: programOwner,
    body: { whatWorked: ['x'], whatToChange: [] },
  },
  'GET /programs/:id/lessons': { roles: 'any', object: programReaders },
  'POST /programs/:id/closure': { roles: ['owner'], object: programOwner },
  'POST /programs/:id/renewal': { roles: ['owner'], object: programOwner, body: {} },
  'GET /programs/:id/report': { roles: 'any', object: programReaders },
  'GET /programs/:id/report.html': { roles: 'any', object: programReaders },
  'GET /programs/:id/recognition': { roles: ['owner'], object: programOwner },
  'POST /programs/:id/recognition': {
    roles: ['owner'],
    object: programOwner,
    body: { mentorId: 'p-1', note: 'matrix test' },
  },
  'GET /programs/:id/reviews': { roles: 'any', object: programReaders },
  'POST /programs/:id/pilot-recommendations': {
    roles: ['owner'],
    object: programOwner,
    body: { pilotId: '00000000-0000-4000-8000-000000000000' },
  },
  'POST /pilots': { roles: ['owner', 'hr-admin'], body: { name: 'matrix', mentorships: [] } },
  'GET /pilots': { roles: ['owner', 'hr-admin'] },
  // No pilot exists here: every reader with the role gets the 404 of an unknown id (pilots.e2e has the importer's rows).
  'GET /pilots/:id/analysis': { roles: ['owner', 'hr-admin'], object: { ok: [] } },
  'GET /pilots/:id/analysis.html': { roles: ['owner', 'hr-admin'], object: { ok: [] } },
  'GET /survey-templates': { roles: 'any' },
  'POST /survey-templates/:key/versions': { roles: ['owner', 'hr-admin'], body: {} },
  'POST /survey-responses': {
    roles: 'any',
    body: {
      templateKey: 'interaction-quality',
      occurrence: 'matrix',
      answers: { challenge: 3, guidedExperience: 3, trust: 3, practiceChange: 3 },
    },
  },
  'POST /programs/:id/reviews/:review/decision': {
    roles: ['owner'],
    object: programOwner,
    body: { decision: 'keep', notes: 'matrix test' },
  },
  'GET /programs/:id/mentorships': { roles: ['owner'], object: programOwner },
  'GET /mentorships': { roles: 'any' },
  'GET /mentorships/:id': { roles: 'any', object: mentorshipParties },
  'GET /mentorships/:id/timeline': { roles: 'any', object: mentorshipParties },
  'GET /mentorships/:id/sessions': { roles: 'any', object: mentorshipParties },
  'GET /mentorships/:id/checkpoints': { roles: 'any', object: mentorshipParties },
  'GET /mentorships/:id/roi': { roles: 'any', object: mentorshipParties },
  'POST /mentorships/:id/approval': { roles: ['supervisor'], object: { ok: ['supervisor'] } },
  'POST /mentorships/:id/kickoff': {
    roles: ['mentor', 'mentee'],
    object: { ok: ['mentor', 'mentee'] },
    body: { goals: [{ competencyKey: 'delegation', targetLevel: 3 }] },
  },
  'POST /mentorships/:id/sessions': {
    roles: ['mentor'],
    object: { ok: ['mentor'] },
    body: { heldAt: '2026-01-01T00:00:00.000Z', minutes: 60, topics: [], competencies: [] },
  },
  'POST /mentorships/:id/pulse': {
    roles: ['mentee'],
    object: { ok: ['mentee'] },
    body: { scores: { challenge: 3, guidedExperience: 3, trust: 3, practiceChange: 3 } },
  },
  'POST /mentorships/:id/checkpoints/:checkpoint/decision': {
    roles: ['supervisor'],
    object: { ok: ['supervisor'] },
    body: { decision: 'approve' },
  },
  'POST /mentorships/:id/reviews/:stage': {
    roles: ['mentor', 'mentee'],
    object: { ok: ['mentor', 'mentee'] },
    body: { survey: { scores: { challenge: 3, guidedExperience: 3, trust: 3, practiceChange: 3 } } },
  },
  'POST /mentorships/:id/pause': { roles: ['owner'], object: { ok: ['owner'] }, body: { reason: 'matrix test' } },
  'POST /mentorships/:id/resume': { roles: ['owner'], object: { ok: ['owner'] } },
  'POST /mentorships/:id/extra-checkpoint': {
    roles: ['owner'],
    object: { ok: ['owner'] },
    body: { reason: 'matrix test' },
  },
  'POST /mentorships/:id/termination': {
    roles: ['owner'],
    object: { ok: ['owner'] },
    body: { reason: 'matrix test' },
  },
  'GET /operations/workflow-faults': { roles: ['operator'] },
  'POST /operations/workflows/:workflowId/restart': { roles: ['operator'] },
  'POST /outcome-measures/import': { roles: ['hr-admin'], body: 'employee_id\n', contentType: 'text/csv' },
  'GET /outcome-measures': { roles: ['hr-admin', 'owner'] },
  'GET /programs/:id/effect': { roles: 'any', object: { ok: [...READERS, 'hr'] } },
  'GET /programs/:id/case-library': { roles: 'any', object: ownerOrHr },
  'GET /programs/:id/training-plan': { roles: 'any', object: ownerOrHr },
  'GET /programs/:id/training-plan/proposal': { roles: 'any', object: ownerOrHr },
  'POST /programs/:id/training-plan': { roles: ['owner'], object: programOwner, body: {} },
  'PUT /programs/:id/training-plan': { roles: ['owner'], object: programOwner, body: { items: [] } },
  // ms-mentee's own answer (read), p-1's (written): the person, or HR on their behalf.
  'GET /people/:id/case-consent': { roles: 'any', object: { ok: ['mentee', 'hr'], otherwise: 'forbidden' } },
  'PUT /people/:id/case-consent': {
    roles: 'any',
    object: { ok: ['hr'], otherwise: 'forbidden' },
    body: { consent: 'granted' },
  },
  // The dashboard: a page answers a reader with no relation the 404 page, a form says refused.not-found.
  'GET /dashboard/sign-in': { roles: 'public' },
  'POST /dashboard/sign-in': { roles: 'public', body: { token: 'mf_matrix' } },
  'GET /dashboard/sign-in/oidc': { roles: 'public' },
  'GET /dashboard/oidc/callback': { roles: 'public' },
  'POST /dashboard/sign-out': { roles: 'public' },
  'GET /dashboard': { roles: 'any' },
  'GET /dashboard/programs/:id': { roles: 'any', object: programReaders },
  'GET /dashboard/programs/:id/training': { roles: 'any', object: ownerOrHr },
  'GET /dashboard/mentorships/:id': { roles: 'any', object: mentorshipParties },
  'POST /dashboard/mentorships/:id/sessions': form(['mentor'], ['mentor'], { minutes: '45', topics: 'matrix' }),
  'POST /dashboard/mentorships/:id/checkpoints/:checkpoint/decision': form(['supervisor'], ['supervisor'], {
    decision: 'approve',
  }),
  'POST /dashboard/programs/:id/reviews/:review/:decision': form(['owner'], ['owner'], { notes: 'matrix test' }),
  // Every other step of a cycle in the browser: each page and form has its JSON route's roles and relation.
  'GET /dashboard/mentorships.csv': { roles: 'any' },
  'GET /dashboard/people/import': { roles: ['hr-admin'] },
  'POST /dashboard/people/import': { roles: ['hr-admin'], body: {} },
  'GET /dashboard/pilots': { roles: ['owner', 'hr-admin'] },
  // No pilot exists here: every reader with the role gets the 404 page of an unknown id.
  'GET /dashboard/pilots/:id': { roles: ['owner', 'hr-admin'], object: { ok: [] } },
  'GET /dashboard/programs/new': { roles: ['owner'] },
  'POST /dashboard/programs': { roles: ['owner'], body: {} },
  'GET /dashboard/programs/:id/report': { roles: 'any', object: programReaders },
  'GET /dashboard/programs/:id/report.csv': { roles: 'any', object: programReaders },
  'GET /dashboard/programs/:id/mentorships.csv': { roles: ['owner'], object: programOwner },
  'GET /dashboard/programs/:id/monitoring.csv': { roles: ['owner'], object: programOwner },
  // P has no proposal 1: its owner gets the 404 page of an unknown proposal (the sponsor and steering, 403).
  'GET /dashboard/programs/:id/proposals/:version': {
    roles: 'any',
    object: { ok: [], forbidden: ['sponsor', 'steering'] },
  },
  'POST /dashboard/programs/:id/launch-approval': {
    roles: ['sponsor'],
    object: { ok: ['sponsor'], forbidden: ['steering'] },
    body: { comment: '' },
  },
  'POST /dashboard/programs/:id/enrolments': form(['owner'], ['owner'], { personId: 'p-1', role: 'mentee' }),
  'POST /dashboard/programs/:id/proposals': form(['owner'], ['owner'], {}),
  'POST /dashboard/programs/:id/pair-decisions': form(['owner', 'supervisor'], ['owner'], {
    decision: 'ban',
    menteeId: 'p-1',
    mentorId: 'owner-1',
    reason: 'matrix test',
  }),
  // No proposal 1 either: the owner's form says refused.not-found, as for an unknown program.
  'POST /dashboard/programs/:id/proposals/:version/approval': form(['owner'], [], {}),
  'POST /dashboard/programs/:id/training-sessions': form(['owner'], ['owner'], {
    audience: 'mentors',
    title: 'Matrix',
    heldAt: '2026-01-01T00:00',
  }),
  'POST /dashboard/programs/:id/mentorships': form(['owner'], ['owner'], { menteeId: 'p-1', supervisorId: 'ms-sup' }),
  'POST /dashboard/programs/:id/execution': form(['owner'], ['owner'], {}),
  'POST /dashboard/programs/:id/evaluation': form(['owner'], ['owner'], {}),
  'POST /dashboard/programs/:id/lessons': form(['owner'], ['owner'], { whatWorked: 'x' }),
  'POST /dashboard/programs/:id/closure': form(['owner'], ['owner'], {}),
  'POST /dashboard/programs/:id/renewal': form(['owner'], ['owner'], {}),
  'POST /dashboard/mentorships/:id/approval': form(['supervisor'], ['supervisor'], {}),
  'POST /dashboard/mentorships/:id/kickoff': form(['mentor', 'mentee'], ['mentor', 'mentee'], {
    goal1: 'delegation',
    target1: '3',
  }),
  'POST /dashboard/mentorships/:id/pulse': form(['mentee'], ['mentee'], {
    challenge: '3',
    guidedExperience: '3',
    trust: '3',
    practiceChange: '3',
  }),
  'POST /dashboard/mentorships/:id/reviews/:stage': form(['mentor', 'mentee'], ['mentor', 'mentee'], {
    challenge: '3',
    guidedExperience: '3',
    trust: '3',
    practiceChange: '3',
  }),
  'POST /dashboard/mentorships/:id/pause': form(['owner'], ['owner'], { reason: 'matrix test' }),
  'POST /dashboard/mentorships/:id/resume': form(['owner'], ['owner'], {}),
  'POST /dashboard/mentorships/:id/extra-checkpoint': form(['owner'], ['owner'], { reason: 'matrix test' }),
  'POST /dashboard/mentorships/:id/termination': form(['owner'], ['owner'], { reason: 'matrix test' }),
};

const stack = useWorkerStack('e2e-authz', { beforeAll, afterAll });
let app: NestExpressApplication;
let api: string;
let routes: string[] = [];
/** P, M (read), M2 (acted on: the same four people), the token mentor and HR may revoke. */
const ids = { program: '', otherProgram: '', mentorship: '', actedMentorship: '', token: '' };
const bearers = new Map<Caller, string>();
const cookies = new Map<Caller, string>();

const kindOf = (route: string): Kind =>
  !route.includes(' /dashboard') ? 'json' : route.startsWith('GET ') ? 'page' : 'form';

/** The object a route is about, and the URL for it (`unknown`: the same route on an id that does not exist). */
function target(route: string, unknown = false): { url: string; objectId: string; what: string } {
  const [method, path] = route.split(' ') as [string, string];
  const acting = method !== 'GET';
  const [what, id] = path.startsWith('/tokens')
    ? ['token', ids.token]
    : path.startsWith('/pilots')
      ? ['pilot', '00000000-0000-4000-8000-00000000000a']
      : path.startsWith('/people')
        ? ['person', acting ? 'p-1' : 'ms-mentee']
        : path.includes('/mentorships/:id')
          ? ['mentorship', acting ? ids.actedMentorship : ids.mentorship]
          : ['program', ids.program];
  const objectId = unknown && what !== 'person' ? randomUUID() : id;
  const url = path
    .replace(':id', objectId)
    .replace(':key', path.startsWith('/survey') ? 'interaction-quality' : 'managerial-core')
    .replace(':version', '1')
    .replace(':checkpoint', '1')
    .replace(':stage', 'midterm')
    .replace(':review', '1')
    .replace(':decision', 'keep')
    // An id of no workflow: the matrix checks who may restart, without restarting anything.
    .replace(':workflowId', 'mentorship:00000000-0000-4000-8000-000000000000');
  return { url, objectId, what };
}

function call(route: string, caller: Caller, { url } = target(route)) {
  const [method] = route.split(' ') as [string, string];
  const rule = RULES[route];
  let req = request(api)[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](url);
  const kind = kindOf(route);
  if (kind === 'json' || rule.roles === 'public') {
    if (bearers.has(caller)) req = req.set('Authorization', `Bearer ${bearers.get(caller)}`);
  } else if (cookies.has(caller)) req = req.set('Cookie', cookies.get(caller)!);
  if (method !== 'GET') {
    if (kind === 'form') req = req.type('form').send(rule.body as object);
    else if (rule.contentType) req = req.set('Content-Type', rule.contentType).send(rule.body as string);
    else req = req.send((rule.body as object | undefined) ?? {});
  }
  return req;
}

/** What an answer means, in the matrix's terms. */
function outcomeOf(
  route: string,
  res: request.Response,
  objectId: string,
  what: string,
): Outcome | `unexpected ${number}` {
  if (res.status === 429 || res.status >= 500) return `unexpected ${res.status}`;
  const kind = kindOf(route);
  if (kind === 'json' || RULES[route].roles === 'public') {
    if (res.status === 401) return 'anon';
    if (res.status === 403) return res.body.code === 'AUTH.ROLE_REQUIRED' ? 'role' : 'forbidden';
    if (res.status === 404 && res.body.message === `${what} ${objectId} does not exist`) return 'hidden';
    // An HTML report or export: its 404 page.
    if (res.status === 404 && res.type === 'text/html') return 'hidden';
    return 'ok';
  }
  const location = String(res.headers.location ?? '');
  if (res.status === 303 && location.startsWith('/dashboard/sign-in')) return 'anon';
  // A page refused for the role says so (refused.role), as a form does.
  if (kind === 'page')
    return res.status === 404
      ? 'hidden'
      : res.status === 403
        ? res.text.includes('data-notice="refused.role"')
          ? 'role'
          : 'forbidden'
        : 'ok';
  if (location.endsWith('notice=refused.role')) return 'role';
  if (location.endsWith('notice=refused.not-found')) return 'hidden';
  if (location.endsWith('notice=refused.forbidden')) return 'forbidden';
  return 'ok';
}

function expected(route: string, caller: Caller): Outcome {
  const rule = RULES[route];
  if (rule.roles === 'public') return 'ok';
  if (DEAD.includes(caller)) return 'anon';
  const roles: readonly Role[] = CALLERS[caller]!.roles;
  if (rule.roles !== 'any' && !rule.roles.some((r) => roles.includes(r))) return 'role';
  if (!rule.object) return 'ok';
  if (rule.object.ok.includes(caller)) return 'ok';
  if (rule.object.forbidden?.includes(caller)) return 'forbidden';
  return rule.object.otherwise ?? 'hidden';
}

async function signIn(token: string): Promise<string> {
  const res = await request(api).post('/dashboard/sign-in').type('form').send({ token }).expect(303);
  expect(res.headers.location).toBe('/dashboard');
  return String(res.headers['set-cookie']).split(';')[0];
}

beforeAll(async () => {
  ({ app, baseUrl: api } = await startApi({
    db: stack.db,
    temporal: stack.client,
    taskQueue: stack.taskQueue,
    // The dead tokens fail hundreds of times on purpose; the limit itself is tested in limits.e2e.
    rateLimits: { authFailures: 1_000_000, expensiveCalls: 1_000_000, windowMs: 60_000 },
  }));
  const as = (caller: Caller) => ({ Authorization: `Bearer ${bearers.get(caller)}` });
  bearers.set('hr', await tokenFor(stack.db, 'hr-1', ['hr-admin']));
  // Two people of the directory: one acted on, one who will leave.
  for (const [id, name] of [
    ['p-1', 'Zoé Bernard'],
    ['left-1', 'Léo Martin'],
  ])
    await request(api)
      .post('/people')
      .set(as('hr'))
      .send({ id, name, email: `${id}@example.com`, department: 'Ops', jobLevel: 'M1', hireDate: '2022-01-01' })
      .expect(201);
  for (const [caller, who] of Object.entries(CALLERS) as Array<[Caller, { person: string; roles: Role[] } | null]>)
    if (who && caller !== 'hr') bearers.set(caller, await tokenFor(stack.db, who.person, who.roles));
  const program = (owner: Caller, sponsorId: string, steeringGroup: string[]) =>
    request(api)
      .post('/programs')
      .set(as(owner))
      .send({
        name: 'Matrix',
        sponsorId,
        steeringGroup,
        objectives: [{ title: 'T', kpis: [{ name: 'K', unit: '%', baseline: 1, target: 2 }] }],
      })
      .expect(201);
  ids.program = (await program('owner', 'sponsor-1', ['steer-1', 'left-1'])).body.id;
  ids.otherProgram = (await program('otherOwner', 'sponsor-1', [])).body.id;
  // Two mentorships of the same four people, none of them the strangers: one read, one acted on.
  for (const key of ['mentorship', 'actedMentorship'] as const) {
    const pair = {
      mentorshipId: randomUUID(),
      programId: ids.program,
      menteeId: 'ms-mentee',
      mentorId: 'ms-mentor',
      supervisorId: 'ms-sup',
      ownerId: 'owner-1',
    };
    await startMentorship(stack.client, stack.taskQueue, pair, fastPolicy());
    ids[key] = pair.mentorshipId;
  }
  ids.token = (
    await issueToken(stack.db, { personId: 'ms-mentor', displayName: 'm', email: null, roles: ['mentor'], label: 'x' })
  ).id;
  // Every live reader signs in to the dashboard; so do the three about to die, whose sessions must end.
  for (const caller of bearers.keys()) cookies.set(caller, await signIn(bearers.get(caller)!));
  const revoked = await request(api).get('/tokens').set(as('revokedToken')).expect(200);
  const own = (revoked.body as Array<{ id: string; revokedAt: string | null }>).filter((t) => !t.revokedAt);
  // owner-1 holds three tokens; the matrix revokes the one of revokedToken (the newest but one).
  const [, revokedId] = own;
  expect(own).toHaveLength(3);
  await request(api).delete(`/tokens/${revokedId.id}`).set(as('revokedToken')).expect(200);
  const expiredId = own[0].id;
  await stack.db.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiredId]);
  await request(api).post('/people/left-1/deactivate').set(as('hr')).expect(200);
  const router = app.getHttpAdapter().getInstance().router as {
    stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }>;
  };
  routes = router.stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods)
          .filter((m) => m !== '_all')
          .map((m) => `${m.toUpperCase()} ${layer.route!.path}`)
      : [],
  );
});
afterAll(async () => {
  await app?.close();
});

describe('authorization matrix (every route of the router × 15 readers)', () => {
  it('has a row for every route of the application, and no row for a route that does not exist', () => {
    expect([...new Set(routes)].sort()).toEqual(Object.keys(RULES).sort());
  });

  it('gives each reader the outcome of their role and relation, on every route', async () => {
    const wrong: string[] = [];
    let cells = 0;
    for (const route of Object.keys(RULES)) {
      for (const caller of Object.keys(CALLERS) as Caller[]) {
        const { objectId, what } = target(route);
        const res = await call(route, caller);
        const outcome = outcomeOf(route, res, objectId, what);
        cells += 1;
        if (outcome !== expected(route, caller))
          wrong.push(
            `${route} as ${caller}: ${outcome} (${res.status} ${res.body?.code ?? res.headers.location ?? ''}), expected ${expected(route, caller)}`,
          );
      }
    }
    expect(wrong).toEqual([]);
    expect(cells).toBe(Object.keys(RULES).length * Object.keys(CALLERS).length);
  });

  it('tells a reader with no relation nothing: the same answer as for an id that does not exist', async () => {
    const leaks: string[] = [];
    for (const route of Object.keys(RULES)) {
      for (const caller of Object.keys(CALLERS) as Caller[]) {
        if (expected(route, caller) !== 'hidden') continue;
        const known = target(route);
        const unknown = target(route, true);
        const shape = (res: request.Response, id: string) => ({
          status: res.status,
          code: res.body?.code,
          message: typeof res.body?.message === 'string' ? res.body.message.replace(id, '{id}') : undefined,
          location: res.headers.location?.replace(id, '{id}'),
          page: res.type === 'text/html' ? res.text.replaceAll(id, '{id}') : undefined,
        });
        const a = shape(await call(route, caller, known), known.objectId);
        const b = shape(await call(route, caller, unknown), unknown.objectId);
        if (JSON.stringify(a) !== JSON.stringify(b))
          leaks.push(`${route} as ${caller}: ${JSON.stringify(a)} vs unknown ${JSON.stringify(b)}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('filters the event stream by reader: the sponsor never sees an owner-only event type', async () => {
    const ownerOnly = new Set(
      Object.entries(PROGRAM_EVENT_AUDIENCE)
        .filter(([, audience]) => audience === 'owner')
        .map(([type]) => type),
    );
    // A program driven to execution: enrolment, matching, planned and started mentorships are in its stream.
    const cycle = await activeCycle(api, stack.db);
    const typesOf = async (who: string) =>
      (
        (
          await request(api)
            .get(`/programs/${cycle.programId}/events`)
            .set('Authorization', `Bearer ${cycle.tokens[who]}`)
            .expect(200)
        ).body as Array<{ type: string }>
      ).map((e) => e.type);
    const owner = await typesOf('owner');
    expect(owner.filter((t) => ownerOnly.has(t))).toEqual(
      expect.arrayContaining(['ParticipantEnrolled', 'MatchingApproved', 'MentorshipPlanned']),
    );
    const sponsor = await typesOf('sponsor');
    expect(sponsor.filter((t) => ownerOnly.has(t))).toEqual([]);
    expect(sponsor).toEqual(owner.filter((t) => !ownerOnly.has(t)));
    // The supervisor of the cycle reads its matching, not the program: its stream stays hidden.
    await request(api)
      .get(`/programs/${cycle.programId}/events`)
      .set('Authorization', `Bearer ${cycle.tokens.sup}`)
      .expect(404);
  });
});
