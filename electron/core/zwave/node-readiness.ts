import type { Driver, ZWaveNode } from 'zwave-js';
import { NodeStatus } from 'zwave-js';

import type { LockReadiness, LockSettlement } from '../ports/lock-port';

/**
 * Per-lock readiness on one controller: each node but the controller settles once — interviewed (or restored from
 * zwave-js's cache and answering), dead, finally failed its interview, or not done within the timeout. A lock that does
 * not answer must not hold up the others: it is reported offline and zwave-js keeps interviewing it in the background.
 */
export interface NodeReadiness {
  /** How the node settled, or null while its interview goes on. */
  settlement(nodeId: number): LockSettlement | null;
  /** Called once per node as it settles (not for nodes settled before subscribing: see `settlement`). */
  onSettled(listener: (nodeId: number, how: LockSettlement) => void): () => void;
  /** Resolves once every node has settled, at the latest after the timeout, or when disposed. Never rejects. */
  allSettled(): Promise<void>;
  /** Stops listening and clears the timeout (the controller is closing). */
  dispose(): void;
}

/** The same readiness in the lock port's terms (addresses are node ids as text). */
export function asLockReadiness(nodes: NodeReadiness): LockReadiness {
  return {
    settlement: (address) => nodes.settlement(Number(address)),
    onSettled: (listener) => nodes.onSettled((nodeId, how) => listener(String(nodeId), how)),
    allSettled: () => nodes.allSettled(),
    dispose: () => nodes.dispose(),
  };
}

const WHY: Record<LockSettlement, string> = {
  ready: 'ready',
  not_answering: 'not answering; Lockbench keeps asking it',
  interview_failed: 'not answering (its interview failed); Lockbench keeps asking it',
  timed_out: 'not answering (no interview within the time limit); Lockbench keeps asking it',
};

/**
 * Follows every node's interview from "driver ready" on:
 *
 *   node ─┬─ "ready" (interviewed, or from cache and answering) ──▶ ready
 *         ├─ "dead" ───────────────────────────────────────────────▶ not_answering
 *         ├─ final "interview failed" ────────────────────────────▶ interview_failed
 *         └─ none of these within timeoutMs ───────────────────────▶ timed_out
 */
export function trackNodeReadiness(driver: Driver, timeoutMs: number, onProgress: (message: string) => void): NodeReadiness {
  const ownId = driver.controller.ownNodeId;
  const nodes = [...driver.controller.nodes.values()].filter((n) => n.id !== ownId);
  const settled = new Map<number, LockSettlement>();
  const listeners = new Set<(nodeId: number, how: LockSettlement) => void>();
  const cleanups: (() => void)[] = [];
  let finish!: () => void;
  const all = new Promise<void>((resolve) => (finish = resolve));
  let timer: ReturnType<typeof setTimeout> | undefined;

  const done = (): void => {
    if (timer) clearTimeout(timer);
    for (const cleanup of cleanups.splice(0)) cleanup();
    finish();
  };
  const settle = (nodeId: number, how: LockSettlement): void => {
    if (settled.has(nodeId)) return;
    settled.set(nodeId, how);
    onProgress(`Lock ${nodeId}: ${WHY[how]} (${settled.size} of ${nodes.length})`);
    for (const listener of listeners) listener(nodeId, how);
    if (settled.size === nodes.length) done();
  };

  for (const node of nodes) {
    if (node.ready) settled.set(node.id, 'ready');
    else if (node.status === NodeStatus.Dead) settled.set(node.id, 'not_answering');
    else watch(node);
  }
  if (settled.size === nodes.length) done();
  else {
    timer = setTimeout(() => {
      for (const node of nodes) settle(node.id, 'timed_out');
    }, timeoutMs);
  }

  function watch(node: ZWaveNode): void {
    onProgress(`Interviewing lock ${node.id}…`);
    const onReady = (): void => settle(node.id, 'ready');
    const onDead = (): void => settle(node.id, 'not_answering');
    const onFailed = (_n: ZWaveNode, args: { isFinal: boolean }): void => {
      if (args.isFinal) settle(node.id, 'interview_failed');
    };
    node.on('ready', onReady);
    node.on('dead', onDead);
    node.on('interview failed', onFailed);
    cleanups.push(() => {
      node.off('ready', onReady);
      node.off('dead', onDead);
      node.off('interview failed', onFailed);
    });
  }

  return {
    settlement: (nodeId) => settled.get(nodeId) ?? null,
    onSettled(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    allSettled: () => all,
    dispose() {
      listeners.clear();
      done();
    },
  };
}
