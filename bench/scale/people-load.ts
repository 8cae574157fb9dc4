import type { Pair } from './company.js';
import type { Http } from './http-load.js';
import type { TokenOf } from './population.js';
import { SCALE_POLICY } from './scale-policy.js';

/**
 * Mentors and supervisors acting over HTTP through both API replicas: sessions logged and
 * checkpoints decided, each at its own steady rate, every call's latency kept under a label.
 * Calls answered 200 are counted, to compare with the facts stored at the end.
 */
export class PeopleLoad {
  sessionsOk = 0;
  decisionsOk = 0;
  private nextSession = 0;
  private nextDecision = 0;
  private readonly decided = new Map<string, number>();
  private readonly inflight = new Set<Promise<void>>();

  constructor(
    private readonly http: Http,
    private readonly tokenOf: TokenOf,
    private readonly pairs: Pair[],
  ) {}

  async logSession(m: Pair, label: string): Promise<void> {
    await this.http.call(
      'POST',
      `/mentorships/${m.id}/sessions`,
      await this.tokenOf(m.mentorId, 'mentor'),
      {
        heldAt: new Date(Date.now() - 1000).toISOString(),
        minutes: 60,
        topics: ['delegation'],
        competencies: ['delegation'],
      },
      label,
    );
    this.sessionsOk++;
  }

  /** The latest checkpoint the schedule has opened by now if it is not decided yet, else 0. */
  private undecided(m: Pair): number {
    const n = Math.floor((Date.now() - m.activeAt) / SCALE_POLICY.checkpointEveryMs);
    return n >= 1 && (this.decided.get(m.id) ?? 0) < n ? n : 0;
  }

  private async decide(m: Pair, n: number, label: string): Promise<void> {
    this.decided.set(m.id, n);
    await this.http
      .call(
        'POST',
        `/mentorships/${m.id}/checkpoints/${n}/decision`,
        await this.tokenOf(m.supervisorId, 'supervisor'),
        { decision: 'approve' },
        label,
      )
      .then(() => this.decisionsOk++)
      .catch((e: { status?: number }) => {
        if (e.status !== 409) throw e; // not open (its timer is late, or an earlier one is open)
      });
  }

  private track(job: Promise<unknown>): void {
    const settled = job.then(
      () => undefined,
      () => undefined,
    );
    this.inflight.add(settled);
    void settled.finally(() => this.inflight.delete(settled));
  }

  /**
   * Until `until`: sessions at `sessionsPerSecond` (mentorships in turn) and checkpoint decisions at
   * `decisionsPerSecond` (the next mentorship whose checkpoint is open by the schedule).
   */
  async steady(until: number, sessionsPerSecond: number, decisionsPerSecond: number, label: string): Promise<void> {
    const t0 = Date.now();
    let sessions = 0;
    let decisions = 0;
    while (Date.now() < until) {
      const elapsed = (Date.now() - t0) / 1000;
      while (sessions < Math.floor(elapsed * sessionsPerSecond)) {
        sessions++;
        this.track(this.logSession(this.pairs[this.nextSession++ % this.pairs.length], label));
      }
      for (let tried = 0; decisions < Math.floor(elapsed * decisionsPerSecond) && tried < this.pairs.length; tried++) {
        const m = this.pairs[this.nextDecision++ % this.pairs.length];
        const n = this.undecided(m);
        if (n > 0) {
          decisions++;
          this.track(this.decide(m, n, `${label} checkpoint`));
        }
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await this.settle();
  }

  /** Calls still out get 30 s more (their own time-out); nothing waits on them longer. */
  async settle(): Promise<void> {
    await Promise.race([Promise.all(this.inflight), new Promise((r) => setTimeout(r, 30_000))]);
  }

  /** One session for each of the next `count` mentorships at `perSecond`, paced: the ramp's Updates. */
  async burst(count: number, perSecond: number, label: string): Promise<void> {
    const t0 = Date.now();
    for (let k = 0; k < count; k++) {
      const at = t0 + (k * 1000) / perSecond;
      if (Date.now() < at) await new Promise((r) => setTimeout(r, at - Date.now()));
      this.track(this.logSession(this.pairs[this.nextSession++ % this.pairs.length], label));
    }
  }
}
