import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ROLES, type Role } from '../../libs/domain/src/index.js';
import { useWorkerStack } from '../support/services.js';
import { startApi, tokenFor } from '../support/api.js';
import { fastPolicy, startMentorship } from '../support/mentorships.js';
import { randomUUID } from 'node:crypto';

/**
 * Every endpoint × every role, and × a person with the right role but no relation to the object.
 * The table must name every route of the OpenAPI document: a new endpoint without a row fails here.
 *
 * roles: who passes the role guard ('public': no token needed; 'any': every authenticated person).
 * objectLevel: the route also checks the caller's relation to the object; `privileged` roles pass
 * without one. Strangers (right role, no relation, not privileged) must get 403.
 * holder: a caller with the relation, who must get neither 401 nor 403 (reads only).
 */
interface Rule {
  roles: Role[] | 'any' | 'public';
  objectLevel?: { privileged: Role[]; holder?: { person: string; roles: Role[] } };
  body?: object | string;
  contentType?: string;
}

const PROGRAM = '{program}';
const sponsorOnly = { privileged: [] as Role[], holder: { person: 'sponsor-1', roles: ['sponsor'] as Role[] } };
const ownerOrSponsor = { privileged: [] as Role[], holder: { person: 'owner-1', roles: ['owner'] as Role[] } };
const programOwner = { privileged: [] as Role[] };
const programReader = { privileged: [] as Role[], holder: { person: 'owner-1', roles: ['owner'] as Role[] } };
const mentorshipParty = { privileged: [] as Role[], holder: { person: 'ms-mentee', roles: ['mentee'] as Role[] } };
const programReaderOrHr = {
  privileged: ['hr-admin'] as Role[],
  holder: { person: 'sponsor-1', roles: ['sponsor'] as Role[] },
};
const programOwnerOrHr = {
  privileged: ['hr-admin'] as Role[],
  holder: { person: 'owner-1', roles: ['owner'] as Role[] },
};
const personal = {
  privileged: ['hr-admin', 'owner'] as Role[],
  holder: { person: 'p-1', roles: ['mentee'] as Role[] },
};

const RULES: Record<string, Rule> = {
  'GET /health': { roles: 'public' },
  'GET /health/ready': { roles: 'public' },
  'GET /metrics': { roles: 'public' },
  'POST /tokens': { roles: ['hr-admin'], body: { personId: 'new-1', displayName: 'New', roles: ['mentee'] } },
  'POST /programs': { roles: ['owner'], body: {} },
  'GET /programs': { roles: 'any' },
  'GET /programs/{id}': { roles: 'any', objectLevel: ownerOrSponsor },
  'GET /programs/{id}/events': { roles: 'any', objectLevel: ownerOrSponsor },
  'GET /programs/{id}/cycles': { roles: 'any', objectLevel: ownerOrSponsor },
  'POST /programs/{id}/launch-approval': { roles: ['sponsor'], objectLevel: sponsorOnly, body: {} },
  'GET /people': { roles: ['hr-admin', 'owner'] },
  'POST /people': { roles: ['hr-admin'], body: {} },
  'POST /people/import': { roles: ['hr-admin'], body: 'employee_id\n', contentType: 'text/csv' },
  'GET /people/{id}': { roles: 'any' },
  'PATCH /people/{id}': { roles: ['hr-admin'], body: {} },
  'POST /people/{id}/deactivate': { roles: ['hr-admin'] },
  'GET /people/{id}/reporting-chain': { roles: ['hr-admin', 'owner'] },
  'GET /competency-models': { roles: 'any' },
  'GET /competency-models/{key}': { roles: 'any' },
  'GET /competency-models/{key}/versions/{version}': { roles: 'any' },
  'POST /competency-models/{key}/versions': { roles: ['owner', 'hr-admin'], body: {} },
  'POST /assessments': {
    roles: 'any',
    objectLevel: { privileged: ['hr-admin'] },
    body: { personId: 'p-1', competencyKey: 'delegation', level: 3, source: 'self', context: 'baseline' },
  },
  'GET /people/{id}/assessments': { roles: 'any', objectLevel: personal },
  'GET /people/{id}/gaps': { roles: 'any', objectLevel: personal },
  'POST /hr-events': { roles: ['hr-admin'], body: {} },
  'GET /insights/gaps': { roles: ['owner', 'hr-admin'] },
  'GET /insights/coverage': { roles: ['owner', 'hr-admin'] },
  'GET /insights/access': { roles: ['owner', 'hr-admin'] },
  'GET /nominations': { roles: ['owner', 'hr-admin'] },
  'POST /programs/{id}/enrolments': {
    roles: ['owner'],
    objectLevel: programOwner,
    body: { personId: 'p-1', role: 'mentee' },
  },
  'GET /programs/{id}/matching': { roles: 'any', objectLevel: programReader },
  'POST /programs/{id}/matching/proposals': { roles: ['owner'], objectLevel: programOwner, body: {} },
  'GET /programs/{id}/matching/proposals/{version}': { roles: 'any', objectLevel: programReader },
  'POST /programs/{id}/matching/decisions': {
    roles: ['owner', 'supervisor'],
    objectLevel: programOwner,
    body: { decision: 'ban', menteeId: 'p-1', mentorId: 'owner-1', reason: 'matrix test' },
  },
  'POST /programs/{id}/matching/proposals/{version}/approval': { roles: ['owner'], objectLevel: programOwner },
  'POST /programs/{id}/mentorships': {
    roles: ['owner'],
    objectLevel: programOwner,
    body: { menteeId: 'p-1', supervisorId: 'ms-sup' },
  },
  'POST /programs/{id}/training-sessions': {
    roles: ['owner'],
    objectLevel: programOwner,
    body: { audience: 'mentors', title: 'Matrix', heldAt: '2027-01-01T00:00:00.000Z', attendees: [] },
  },
  'GET /programs/{id}/training-sessions': {
    roles: ['owner'],
    objectLevel: { privileged: [], holder: { person: 'owner-1', roles: ['owner'] } },
  },
  'POST /programs/{id}/execution': { roles: ['owner'], objectLevel: programOwner },
  'GET /programs/{id}/monitoring': {
    roles: ['owner'],
    objectLevel: { privileged: [], holder: { person: 'owner-1', roles: ['owner'] } },
  },
  'POST /programs/{id}/evaluation': { roles: ['owner'], objectLevel: programOwner },
  'POST /programs/{id}/lessons': {
    roles: ['owner'],
    objectLevel: programOwner,
    body: { whatWorked: ['x'], whatToChange: [] },
  },
  'GET /programs/{id}/lessons': { roles: 'any', objectLevel: ownerOrSponsor },
  'POST /programs/{id}/closure': { roles: ['owner'], objectLevel: programOwner },
  'POST /programs/{id}/renewal': { roles: ['owner'], objectLevel: programOwner, body: {} },
  'GET /programs/{id}/report': { roles: 'any', objectLevel: ownerOrSponsor },
  'GET /programs/{id}/report.html': { roles: 'any', objectLevel: ownerOrSponsor },
  'GET /programs/{id}/recognition': {
    roles: ['owner'],
    objectLevel: { privileged: [], holder: { person: 'owner-1', roles: ['owner'] } },
  },
  'POST /programs/{id}/recognition': {
    roles: ['owner'],
    objectLevel: programOwner,
    body: { mentorId: 'p-1', note: 'matrix test' },
  },
  'GET /programs/{id}/reviews': { roles: 'any', objectLevel: ownerOrSponsor },
  'POST /programs/{id}/pilot-recommendations': {
    roles: ['owner'],
    objectLevel: programOwner,
    body: { pilotId: '00000000-0000-4000-8000-000000000000' },
  },
  'POST /pilots': { roles: ['owner', 'hr-admin'], body: { name: 'matrix', mentorships: [] } },
  'GET /pilots': { roles: ['owner', 'hr-admin'] },
  'GET /pilots/{id}/analysis': { roles: ['owner', 'hr-admin'] },
  'GET /pilots/{id}/analysis.html': { roles: ['owner', 'hr-admin'] },
  'GET /survey-templates': { roles: 'any' },
  'POST /survey-templates/{key}/versions': { roles: ['owner', 'hr-admin'], body: {} },
  'POST /survey-responses': {
    roles: 'any',
    body: {
      templateKey: 'interaction-quality',
      occurrence: 'matrix',
      answers: { challenge: 3, guidedExperience: 3, trust: 3, practiceChange: 3 },
    },
  },
  'POST /programs/{id}/reviews/{review}/decision': {
    roles: ['owner'],
    objectLevel: programOwner,
    body: { decision: 'keep', notes: 'matrix test' },
  },
  'GET /programs/{id}/mentorships': {
    roles: ['owner'],
    objectLevel: { privileged: [], holder: { person: 'owner-1', roles: ['owner'] } },
  },
  'GET /mentorships': { roles: 'any' },
  'GET /mentorships/{id}': { roles: 'any', objectLevel: mentorshipParty },
  'GET /mentorships/{id}/timeline': { roles: 'any', objectLevel: mentorshipParty },
  'GET /mentorships/{id}/sessions': { roles: 'any', objectLevel: mentorshipParty },
  'GET /mentorships/{id}/checkpoints': { roles: 'any', objectLevel: mentorshipParty },
  'GET /mentorships/{id}/roi': { roles: 'any', objectLevel: { privileged: [] } },
  'POST /mentorships/{id}/approval': { roles: ['supervisor'], objectLevel: { privileged: [] } },
  'POST /mentorships/{id}/kickoff': {
    roles: ['mentor', 'mentee'],
    objectLevel: { privileged: [] },
    body: { goals: [{ competencyKey: 'delegation', targetLevel: 3 }] },
  },
  'POST /mentorships/{id}/sessions': {
    roles: ['mentor'],
    objectLevel: { privileged: [] },
    body: { heldAt: '2027-01-01T00:00:00.000Z', minutes: 60, topics: [], competencies: [] },
  },
  'POST /mentorships/{id}/pulse': {
    roles: ['mentee'],
    objectLevel: { privileged: [] },
    body: { scores: { challenge: 3, guidedExperience: 3, trust: 3, practiceChange: 3 } },
  },
  'POST /mentorships/{id}/checkpoints/{checkpoint}/decision': {
    roles: ['supervisor'],
    objectLevel: { privileged: [] },
    body: { decision: 'approve' },
  },
  'POST /mentorships/{id}/reviews/{stage}': {
    roles: ['mentor', 'mentee'],
    objectLevel: { privileged: [] },
    body: { survey: { scores: { challenge: 3, guidedExperience: 3, trust: 3, practiceChange: 3 } } },
  },
  'POST /mentorships/{id}/pause': {
    roles: ['owner'],
    objectLevel: { privileged: [] },
    body: { reason: 'matrix test' },
  },
  'POST /mentorships/{id}/resume': { roles: ['owner'], objectLevel: { privileged: [] } },
  'POST /mentorships/{id}/extra-checkpoint': {
    roles: ['owner'],
    objectLevel: { privileged: [] },
    body: { reason: 'matrix test' },
  },
  'POST /mentorships/{id}/termination': {
    roles: ['owner'],
    objectLevel: { privileged: [] },
    body: { reason: 'matrix test' },
  },
  'GET /operations/workflow-faults': { roles: ['operator'] },
  'POST /operations/workflows/{workflowId}/restart': { roles: ['operator'] },
  'POST /outcome-measures/import': { roles: ['hr-admin'], body: 'employee_id\n', contentType: 'text/csv' },
  'GET /outcome-measures': { roles: ['hr-admin', 'owner'] },
  'GET /programs/{id}/effect': { roles: 'any', objectLevel: programReaderOrHr },
  'GET /programs/{id}/case-library': { roles: 'any', objectLevel: programOwnerOrHr },
  'GET /programs/{id}/training-plan': { roles: 'any', objectLevel: programOwnerOrHr },
  'GET /programs/{id}/training-plan/proposal': { roles: 'any', objectLevel: programOwnerOrHr },
  'POST /programs/{id}/training-plan': { roles: ['owner'], objectLevel: programOwner, body: {} },
  'PUT /programs/{id}/training-plan': { roles: ['owner'], objectLevel: programOwner, body: { items: [] } },
  'GET /people/{id}/case-consent': {
    roles: 'any',
    objectLevel: { privileged: ['hr-admin'], holder: { person: 'p-1', roles: ['mentee'] } },
  },
  'PUT /people/{id}/case-consent': {
    roles: 'any',
    objectLevel: { privileged: ['hr-admin'] },
    body: { consent: 'granted' },
  },
};

const stack = useWorkerStack('e2e-authz', { beforeAll, afterAll });
let app: NestExpressApplication;
let api: string;
let programId = '';
let mentorshipId = '';
let routes: string[] = [];
const tokens = new Map<string, string>();

async function token(person: string, roles: Role[]): Promise<string> {
  const id = `${person}|${roles.join(',')}`;
  if (!tokens.has(id)) tokens.set(id, await tokenFor(stack.db, person, roles));
  return tokens.get(id)!;
}

function call(route: string, bearer: string | null) {
  const [method, path] = route.split(' ') as [string, string];
  const id = path.startsWith('/people') ? 'p-1' : path.startsWith('/mentorships') ? mentorshipId : programId;
  const url = path
    .replace('{id}', id)
    .replace('{key}', 'managerial-core')
    .replace('{version}', '1')
    .replace('{checkpoint}', '1')
    .replace('{stage}', 'midterm')
    .replace('{review}', '1')
    // An id of no workflow: the matrix checks who may restart, without restarting anything.
    .replace('{workflowId}', 'mentorship:00000000-0000-4000-8000-000000000000');
  const rule = RULES[route];
  let req = request(api)[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put'](url.replace(PROGRAM, programId));
  if (bearer) req = req.set('Authorization', `Bearer ${bearer}`);
  if (method !== 'GET') {
    req = rule.contentType
      ? req.set('Content-Type', rule.contentType).send(rule.body as string)
      : req.send((rule.body as object | undefined) ?? {});
  }
  return req;
}

beforeAll(async () => {
  ({ app, baseUrl: api } = await startApi({ db: stack.db, temporal: stack.client, taskQueue: stack.taskQueue }));
  const admin = await token('hr-1', ['hr-admin']);
  await request(api)
    .post('/people')
    .set('Authorization', `Bearer ${admin}`)
    .send({
      id: 'p-1',
      name: 'Zoé Bernard',
      email: 'zoe@example.com',
      department: 'Ops',
      jobLevel: 'M1',
      hireDate: '2022-01-01',
    })
    .expect(201);
  await token('sponsor-1', ['sponsor']);
  const created = await request(api)
    .post('/programs')
    .set('Authorization', `Bearer ${await token('owner-1', ['owner'])}`)
    .send({
      name: 'Matrix',
      sponsorId: 'sponsor-1',
      objectives: [{ title: 'T', kpis: [{ name: 'K', unit: '%', baseline: 1, target: 2 }] }],
    })
    .expect(201);
  programId = created.body.id;
  // A mentorship of four people, none of them the strangers below.
  const pair = {
    mentorshipId: randomUUID(),
    programId,
    menteeId: 'ms-mentee',
    mentorId: 'ms-mentor',
    supervisorId: 'ms-sup',
    ownerId: 'owner-1',
  };
  await startMentorship(stack.client, stack.taskQueue, pair, fastPolicy());
  mentorshipId = pair.mentorshipId;
  const doc = (await request(api).get('/docs/openapi.json').expect(200)).body as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
  );
});
afterAll(async () => {
  await app?.close();
});

describe('authorization matrix', () => {
  it('has a row for every route of the API, and no row for a route that does not exist', () => {
    expect(routes.sort()).toEqual(Object.keys(RULES).sort());
  });

  it('answers 401 without a token on every non-public route', async () => {
    for (const route of routes) {
      const res = await call(route, null);
      if (RULES[route].roles === 'public') expect([route, res.status < 400]).toEqual([route, true]);
      else expect([route, res.status]).toEqual([route, 401]);
    }
  });

  it('answers 403 to every role the route does not allow, before reading the body', async () => {
    for (const route of routes) {
      const rule = RULES[route];
      if (rule.roles === 'public' || rule.roles === 'any') continue;
      for (const role of ROLES.filter((r) => !(rule.roles as Role[]).includes(r))) {
        const res = await call(route, await token(`someone-${role}`, [role]));
        expect([route, role, res.status, res.body.code]).toEqual([route, role, 403, 'AUTH.ROLE_REQUIRED']);
      }
    }
  });

  it('answers 403 to a person with the right role but no relation to the object', async () => {
    for (const route of routes) {
      const rule = RULES[route];
      if (!rule.objectLevel) continue;
      const allowed = rule.roles === 'any' ? [...ROLES] : (rule.roles as Role[]);
      for (const role of allowed.filter((r) => !rule.objectLevel!.privileged.includes(r))) {
        const res = await call(route, await token(`stranger-${role}`, [role]));
        expect([route, role, res.status]).toEqual([route, role, 403]);
      }
    }
  });

  it('lets the roles and the people with the relation through (neither 401 nor 403)', async () => {
    for (const route of routes) {
      const rule = RULES[route];
      if (rule.roles === 'public') continue;
      const callers: Array<[string, Role[]]> = [];
      if (rule.objectLevel?.holder) callers.push([rule.objectLevel.holder.person, rule.objectLevel.holder.roles]);
      else if (!rule.objectLevel)
        callers.push(
          ...(rule.roles === 'any' ? [...ROLES] : rule.roles).map((r): [string, Role[]] => [`someone-${r}`, [r]]),
        );
      for (const privileged of rule.objectLevel?.privileged ?? [])
        callers.push([`someone-${privileged}`, [privileged]]);
      for (const [person, roles] of callers) {
        const res = await call(route, await token(person, roles));
        expect([route, person, [401, 403].includes(res.status)]).toEqual([route, person, false]);
      }
    }
  });
});
