/**
 * When the tile queues start their next jobs. 3d-tiles-renderer 0.5 starts queued downloads,
 * parses and child expansions on the next animation frame. On a software-rendered or busy frame
 * (100–300 ms) that puts up to three frames between a tile being wanted and it being drawn, and
 * as many again for each level of the tree: a close view took 20–30 frames to settle where
 * CesiumJS took 8–13. Starting them in the next task instead keeps the pipe full between frames;
 * the work itself is the same, and a hidden tab still loads nothing new, because only update()
 * (a frame) asks for tiles.
 */
import type { DownloadPriorityQueue, PriorityQueue } from '3d-tiles-renderer/core';

type Job = () => void;

let pending: Job[] = [];
let channel: MessageChannel | null = null;

function runPending(): void {
  const jobs = pending;
  pending = [];
  for (const job of jobs) job();
}

/**
 * Runs `job` in a task of its own after the current one. A MessageChannel message, not
 * setTimeout(0): nested timeouts are clamped to 4 ms, and the queues chain one run after another.
 * Jobs asked for within one task share one message.
 */
export function inNextTask(job: Job): void {
  pending.push(job);
  if (pending.length > 1) return;
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = runPending;
  }
  channel.port2.postMessage(null);
}

/** The scheduling hook of a 0.5 PriorityQueue; private there (no declaration), so set in this one place. */
interface SchedulableQueue {
  _schedulingCallback: (run: Job) => void;
}

/** Makes `queue` start its jobs in the next task instead of the next animation frame. */
export function runJobsBetweenFrames(queue: PriorityQueue): void {
  (queue as unknown as SchedulableQueue)._schedulingCallback = inNextTask;
}

/** A 0.5 DownloadPriorityQueue's per-server queues, created lazily in `add` (undeclared there). */
interface OriginQueues {
  originQueues: Map<string | null, PriorityQueue>;
}

/**
 * Makes every per-server queue of `queue`, present and future, start its jobs in the next task.
 * The library makes one on a server's first request and drops it when idle, so the hook sits on
 * the map it keeps them in.
 */
export function runDownloadsBetweenFrames(queue: DownloadPriorityQueue): void {
  const holder = queue as unknown as OriginQueues;
  const queues = new Map<string | null, PriorityQueue>();
  for (const [origin, q] of holder.originQueues) {
    runJobsBetweenFrames(q);
    queues.set(origin, q);
  }
  const set = queues.set.bind(queues);
  queues.set = (origin, q) => {
    runJobsBetweenFrames(q);
    return set(origin, q);
  };
  holder.originQueues = queues;
}
