import { describe, expect, it } from 'vitest';
import { PriorityQueue } from '3d-tiles-renderer/core';
import { inNextTask, runJobsBetweenFrames } from '../../../src/views/three/tileQueueScheduling';
import { ZoneTileResources } from '../../../src/views/three/ZoneTileResources';

// Node has no requestAnimationFrame: a queue still on the library's rAF scheduling rejects every
// job (ReferenceError), so each test here fails if the hook stops reaching the queue it names.

describe('inNextTask', () => {
  it('runs jobs after the current task, in order, and a job asked for inside one in a later task', async () => {
    const ran: string[] = [];
    inNextTask(() => {
      ran.push('a');
      inNextTask(() => ran.push('c'));
    });
    inNextTask(() => ran.push('b'));
    ran.push('sync');
    await new Promise<void>((r) => inNextTask(r));
    expect(ran).toEqual(['sync', 'a', 'b']);
    await new Promise<void>((r) => inNextTask(r));
    expect(ran).toEqual(['sync', 'a', 'b', 'c']);
  });
});

describe('tile queues start jobs between frames', () => {
  it('a patched PriorityQueue keeps its concurrency limit and drains without animation frames', async () => {
    const q = new PriorityQueue();
    q.maxJobs = 2;
    runJobsBetweenFrames(q);
    let running = 0;
    let peak = 0;
    const job = async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
    };
    await Promise.all(Array.from({ length: 7 }, (_, i) => q.add({ i }, job)));
    expect(peak).toBe(2);
    // The library counts a job finished in a `finally` after resolving it.
    await new Promise<void>((r) => inNextTask(r));
    expect(q.running).toBe(false);
  });

  it("a zone's parse, child-expansion and per-server download queues all run their jobs", async () => {
    const res = new ZoneTileResources(null);
    const done = await Promise.all([
      res.parseQueue.add({ t: 1 }, () => 'parsed'),
      res.processNodeQueue.add({ t: 2 }, () => 'expanded'),
      // Two servers: the library makes a queue per origin on first use.
      res.downloadQueue.add('http://a.example/1.glb', { t: 3 }, () => 'a'),
      res.downloadQueue.add('http://b.example/2.glb', { t: 4 }, () => 'b'),
    ]);
    expect(done).toEqual(['parsed', 'expanded', 'a', 'b']);
    // An origin queue dropped when idle and made again is hooked as well.
    expect(await res.downloadQueue.add('http://a.example/3.glb', { t: 5 }, () => 'again')).toBe('again');
  });
});
