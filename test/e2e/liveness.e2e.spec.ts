import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { useWorkerStack } from '../support/services.js';
import { startApi } from '../support/api.js';
import { activeCycle, mentorOf, type ActiveCycle } from '../support/cycle.js';

/**
 * Liveness: no input, however hostile or concurrent, leaves a workflow unable to answer. Random
 * sequences of valid, invalid and hostile requests — some in bursts of 20–50 on one mentorship or
 * one program, with and without Idempotency-Key — then an ordinary action on the same workflow must
 * be answered, every accepted fact must be in the event log exactly once, and nothing refused may be
 * there. Each request carries a unique marker in a text field, so the log can be searched for it.
 */
const stack = useWorkerStack('e2e-liveness', { beforeAll, afterAll });
let app: NestExpressApplication;
let api: string;
let cycle: ActiveCycle;
let mentorshipId = '';
let mentor = '';

/** A request that gets no answer within this is a hang: the property fails. */
const ANSWER_MS = 30_000;
/** The ordinary action after a sequence: answered within this, or the workflow is wedged. */
const ORDINARY_MS = 10_000;

beforeAll(async () => {
  ({ app, baseUrl: api } = await startApi({ db: stack.db, temporal: stack.client, taskQueue: stack.taskQueue }));
  cycle = await activeCycle(api, stack.db, 1);
  mentorshipId = cycle.mentorshipIds[0];
  mentor = await mentorOf(api, cycle, mentorshipId);
}, 240_000);
afterAll(async () => {
  await app?.close();
});

const as = (who: string) => ({ Authorization: `Bearer ${cycle.tokens[who]}` });

type Hostile = 'none' | 'nul' | 'lone-high' | 'lone-low' | 'huge' | 'deep' | 'big-number' | 'wrong-type';
interface Sent {
  marker: string;
  status: number;
  /** The fact this request would store, found in the log by its marker. */
  stream: 'mentorship' | 'program';
  /** Same key, same body: several answers, one fact at most. */
  group: string;
  /** What was asked and the start of the answer, for the failure message. */
  seen?: string;
}

const text = (marker: string, hostile: Hostile): string => {
  switch (hostile) {
    case 'nul':
      return `${marker} a\u0000b`;
    case 'lone-high':
      return `${marker} \ud83d`;
    case 'lone-low':
      return `${marker} \udc00 x`;
    case 'huge':
      return `${marker} ${'x'.repeat(1024 * 1024)}`;
    default:
      return marker;
  }
};
/** A value nested 20,000 deep, spliced into the JSON text (JSON.stringify itself would overflow the stack). */
const DEEP = '<deep>';
const deep = (): string => DEEP;
const deepText = `${'['.repeat(20_000)}1${']'.repeat(20_000)}`;
// The placeholder as JSON.stringify writes it (quoted): the whole string value becomes the deep array.
const json = (body: object): string => JSON.stringify(body).replaceAll(JSON.stringify(DEEP), deepText);

/** One request of a kind, answered or timed out (a timeout is a hang and fails the run). */
async function send(kind: Kind, hostile: Hostile, key: string | undefined, marker: string): Promise<Sent> {
  const m = `/mentorships/${mentorshipId}`;
  const p = `/programs/${cycle.programId}`;
  let stream: Sent['stream'] = 'mentorship';
  let path: string;
  let who: string;
  let body: Record<string, unknown>;
  switch (kind) {
    case 'session':
      path = `${m}/sessions`;
      who = mentor;
      body = {
        heldAt: new Date().toISOString(),
        minutes: hostile === 'big-number' ? 1e308 : 45,
        topics: [text(marker, hostile)],
        competencies: ['delegation'],
        sharedNotes: hostile === 'wrong-type' ? { a: 1 } : `notes ${marker}`,
        ...(hostile === 'deep' ? { privateNotes: deep() } : {}),
      };
      break;
    case 'pulse':
      path = `${m}/pulse`;
      who = 'mentee0';
      body = {
        scores: { challenge: hostile === 'big-number' ? 2 ** 53 : 4, guidedExperience: 4, trust: 5, practiceChange: 3 },
        comment: hostile === 'deep' ? deep() : text(marker, hostile),
      };
      break;
    case 'wrong-phase':
      // The pair is ACTIVE: approving it again is refused (409), whatever the text.
      path = `${m}/approval`;
      who = 'sup';
      body = {};
      break;
    case 'pause-resume':
      path = `${m}/pause`;
      who = 'owner';
      body = { reason: text(marker, hostile) };
      break;
    case 'recognition':
      stream = 'program';
      path = `${p}/recognition`;
      who = 'owner';
      body = {
        mentorId: hostile === 'wrong-type' ? 42 : cycle.people.mentors[0],
        note: hostile === 'deep' ? deep() : text(marker, hostile),
      };
      break;
    case 'launch-approval':
      // The program is in EXECUTION: a sponsor's approval is refused (409), whatever the comment.
      stream = 'program';
      path = `${p}/launch-approval`;
      who = 'sponsor';
      body = { comment: text(marker, hostile) };
      break;
  }
  let req = request(api).post(path).set(as(who)).set('Content-Type', 'application/json').send(json(body));
  if (key) req = req.set('Idempotency-Key', key);
  try {
    const res = await req.timeout(ANSWER_MS);
    const seen = `${kind}/${hostile} → ${res.status} ${JSON.stringify(res.body ?? null).slice(0, 160)}`;
    return { marker, status: res.status, stream, group: key ?? marker, seen };
  } catch (e) {
    return { marker, status: -1, stream, group: `${key ?? marker} (${String(e)})` };
  }
}

const KINDS = ['session', 'pulse', 'wrong-phase', 'pause-resume', 'recognition', 'launch-approval'] as const;
type Kind = (typeof KINDS)[number];
const HOSTILE: Hostile[] = ['none', 'nul', 'lone-high', 'lone-low', 'huge', 'deep', 'big-number', 'wrong-type'];

interface Step {
  kind: Kind;
  hostile: Hostile;
  /** How many at once (1 = alone). */
  burst: number;
  keys: 'none' | 'same' | 'distinct';
}
const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom(...KINDS),
  hostile: fc.oneof({ weight: 3, arbitrary: fc.constant<Hostile>('none') }, fc.constantFrom(...HOSTILE)),
  burst: fc.oneof({ weight: 2, arbitrary: fc.constant(1) }, fc.integer({ min: 20, max: 50 })),
  keys: fc.constantFrom('none', 'same', 'distinct'),
});

async function run(s: Step): Promise<Sent[]> {
  const base = randomUUID();
  const same = s.keys === 'same' ? `same-${base}` : undefined;
  const requests = Array.from({ length: s.burst }, (_, i) => {
    // A burst with one key repeats one request (one marker); otherwise each request is its own.
    const marker = s.keys === 'same' ? `[mk-${base}]` : `[mk-${base}-${i}]`;
    const key = s.keys === 'same' ? same : s.keys === 'distinct' ? `k-${base}-${i}` : undefined;
    return send(s.kind, s.hostile, key, marker);
  });
  return Promise.all(requests);
}

/** How many stored events of a stream mention the marker (payloads as text). */
async function inLog(sent: Sent): Promise<number> {
  const streamId = sent.stream === 'mentorship' ? `mentorship:${mentorshipId}` : `program:${cycle.programId}`;
  const rows: Array<{ n: string }> = await stack.db.query(
    `SELECT count(*) AS n FROM domain_events WHERE stream_id = $1 AND strpos(payload::text, $2) > 0`,
    [streamId, sent.marker],
  );
  return Number(rows[0].n);
}

/** After every sequence: the mentorship and the program each answer an ordinary action, promptly. */
async function ordinaryActionsAnswer(): Promise<string[]> {
  const problems: string[] = [];
  const started = Date.now();
  const state = await request(api).get(`/mentorships/${mentorshipId}`).set(as('owner')).timeout(ORDINARY_MS);
  // Resume whatever a step paused, then a pulse: an Update through the whole write path.
  if (state.body.phase === 'PAUSED')
    await request(api).post(`/mentorships/${mentorshipId}/resume`).set(as('owner')).send({}).timeout(ORDINARY_MS);
  const pulse = await request(api)
    .post(`/mentorships/${mentorshipId}/pulse`)
    .set(as('mentee0'))
    .send({ scores: { challenge: 4, guidedExperience: 4, trust: 4, practiceChange: 4 }, comment: 'ordinary' })
    .timeout(ORDINARY_MS)
    .catch((e: unknown) => ({ status: -1, body: String(e) }));
  if (pulse.status !== 200) problems.push(`mentorship pulse answered ${pulse.status} ${JSON.stringify(pulse.body)}`);
  const note = await request(api)
    .post(`/programs/${cycle.programId}/recognition`)
    .set(as('owner'))
    .send({ mentorId: cycle.people.mentors[0], note: 'ordinary recognition' })
    .timeout(ORDINARY_MS)
    .catch((e: unknown) => ({ status: -1, body: String(e) }));
  if (note.status !== 200) problems.push(`program recognition answered ${note.status} ${JSON.stringify(note.body)}`);
  if (Date.now() - started > 3 * ORDINARY_MS) problems.push('ordinary actions were too slow');
  return problems;
}

async function check(sent: Sent[]): Promise<string[]> {
  const problems: string[] = [];
  const groups = new Map<string, Sent[]>();
  for (const s of sent) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  for (const [group, answers] of groups) {
    const statuses = answers.map((a) => a.status);
    if (statuses.some((st) => st < 0)) problems.push(`no answer within ${ANSWER_MS} ms: ${group}`);
    if (statuses.some((st) => st >= 500)) problems.push(`server error ${statuses.join(',')}: ${group}`);
    const accepted = statuses.some((st) => st >= 200 && st < 300);
    const stored = await inLog(answers[0]);
    const distinctMarkers = new Set(answers.map((a) => a.marker)).size;
    if (distinctMarkers === 1) {
      if (accepted && stored !== 1)
        problems.push(`accepted, found ${stored} times in the log: ${group} (${answers[0].seen ?? ''})`);
      if (!accepted && stored !== 0) problems.push(`refused (${statuses.join(',')}), yet in the log: ${group}`);
    }
  }
  for (const s of sent.filter((x) => x.group === x.marker)) {
    const stored = await inLog(s);
    const accepted = s.status >= 200 && s.status < 300;
    if (accepted && stored !== 1)
      problems.push(`accepted, found ${stored} times in the log: ${s.marker} (${s.seen ?? ''})`);
    if (!accepted && stored !== 0) problems.push(`refused (${s.status}), yet in the log: ${s.marker}`);
  }
  return [...new Set(problems)];
}

describe('liveness: no request can stop a workflow from answering', () => {
  it('answers 20 and 50 identical session requests without a key, then the next action, with each accepted session stored once', async () => {
    for (const size of [20, 50]) {
      const sent = await run({ kind: 'session', hostile: 'none', burst: size, keys: 'none' });
      expect(await check(sent)).toEqual([]);
      expect(sent.filter((s) => s.status === 200)).toHaveLength(size);
      expect(await ordinaryActionsAnswer()).toEqual([]);
    }
  });

  it('refuses text Postgres cannot store with 400 naming the field, and the workflow answers the next action', async () => {
    for (const hostile of ['nul', 'lone-high', 'lone-low'] as const) {
      for (const kind of ['session', 'pulse', 'recognition', 'launch-approval'] as const) {
        const sent = await send(kind, hostile, undefined, `mk-${randomUUID()}`);
        expect({ kind, hostile, status: sent.status }).toEqual({ kind, hostile, status: 400 });
        expect(await inLog(sent)).toBe(0);
      }
    }
    // JSON nested 20,000 deep where text is expected: refused at the edge, never a fact.
    for (const kind of ['session', 'pulse', 'recognition'] as const) {
      const sent = await send(kind, 'deep', undefined, `mk-${randomUUID()}`);
      expect({ kind, status: sent.status, seen: sent.seen }).toEqual({
        kind,
        status: 400,
        seen: expect.stringContaining('REQUEST.TOO_DEEP'),
      });
      expect(await inLog(sent)).toBe(0);
    }
    expect(await ordinaryActionsAnswer()).toEqual([]);
  });

  it('holds under random sequences of valid, invalid, hostile and concurrent requests', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        const sent: Sent[] = [];
        // Two steps at once, then the rest: bursts on the mentorship and the program overlap.
        const [first, second, ...rest] = steps;
        sent.push(...(await Promise.all([run(first), second ? run(second) : Promise.resolve([])])).flat());
        for (const s of rest) sent.push(...(await run(s)));
        const problems = [...(await check(sent)), ...(await ordinaryActionsAnswer())];
        if (problems.length > 0) throw new Error(problems.slice(0, 10).join('\n'));
      }),
      { numRuns: 12, endOnFailure: true },
    );
  });
});
