import { Session } from 'node:inspector';
import { createWriteStream } from 'node:fs';

/**
 * The heap of this process's worker threads, through the inspector's NodeWorker domain: the
 * Temporal SDK runs workflows in a worker thread of their own (one V8 isolate), so the main
 * thread's process.memoryUsage() does not see the runs a worker caches.
 */
export class ThreadHeap {
  private readonly session = new Session();
  private readonly threads: string[] = [];
  private readonly pending = new Map<number, (message: { result?: unknown; error?: unknown }) => void>();
  private readonly chunks = new Map<string, (chunk: string) => void>();
  private nextId = 0;

  async open(): Promise<void> {
    this.session.connect();
    this.session.on('NodeWorker.attachedToWorker', (m) => this.threads.push(m.params.sessionId));
    this.session.on('NodeWorker.receivedMessageFromWorker', (m) => {
      const message = JSON.parse(m.params.message) as {
        id?: number;
        method?: string;
        params?: { chunk: string };
        result?: unknown;
        error?: unknown;
      };
      if (message.method === 'HeapProfiler.addHeapSnapshotChunk')
        this.chunks.get(m.params.sessionId)?.(message.params!.chunk);
      if (message.id !== undefined) this.pending.get(message.id)?.(message);
    });
    await new Promise<void>((resolve, reject) =>
      this.session.post('NodeWorker.enable', { waitForDebuggerOnStart: false }, (e) => (e ? reject(e) : resolve())),
    );
    for (let i = 0; i < 50 && this.threads.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    if (this.threads.length === 0) throw new Error('no worker thread found: is the Temporal worker running?');
  }

  /** Worker threads seen (the SDK's workflow thread is one of them). */
  count(): number {
    return this.threads.length;
  }

  private send<T>(thread: string, method: string, params: object = {}): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, (message) => {
        this.pending.delete(id);
        if (message.error) reject(new Error(`${method}: ${JSON.stringify(message.error)}`));
        else resolve(message.result as T);
      });
      this.session.post('NodeWorker.sendMessageToWorker', {
        sessionId: thread,
        message: JSON.stringify({ id, method, params }),
      });
    });
  }

  /** Bytes used in each worker thread's heap after a full garbage collection there. */
  async usedAfterGc(): Promise<number[]> {
    const used: number[] = [];
    for (const thread of this.threads) {
      await this.send(thread, 'HeapProfiler.collectGarbage');
      await this.send(thread, 'HeapProfiler.collectGarbage');
      used.push((await this.send<{ usedSize: number }>(thread, 'Runtime.getHeapUsage')).usedSize);
    }
    return used;
  }

  /** Writes a heap snapshot of one worker thread (open it in Chrome DevTools › Memory). */
  async snapshot(thread: number, file: string): Promise<void> {
    const out = createWriteStream(file);
    const session = this.threads[thread];
    this.chunks.set(session, (chunk) => out.write(chunk));
    await this.send(session, 'HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    this.chunks.delete(session);
    await new Promise((r) => out.end(r));
  }

  async close(): Promise<void> {
    // Detached first: an attached inspector session keeps the worker thread from stopping.
    await new Promise<void>((resolve) => this.session.post('NodeWorker.disable', () => resolve()));
    this.session.disconnect();
  }
}
