import type { Driver, ZWaveNode } from 'zwave-js';
import { NodeStatus } from 'zwave-js';

/**
 * Waits until every node except the controller is ready (interviewed, or restored from cache), has finally failed its
 * interview, or is dead — whichever comes first — or until `timeoutMs` elapses. Never rejects: a lock that does not
 * answer must not block the installer; it is reported offline and zwave-js keeps interviewing it in the background.
 */
export function waitForNodes(driver: Driver, timeoutMs: number, onProgress: (message: string) => void): Promise<void> {
  const ownId = driver.controller.ownNodeId;
  const pending = [...driver.controller.nodes.values()].filter((n) => n.id !== ownId && !isSettled(n));
  if (pending.length === 0) return Promise.resolve();

  return new Promise((resolve) => {
    const waiting = new Set(pending.map((n) => n.id));
    const cleanups: (() => void)[] = [];
    const finish = (): void => {
      clearTimeout(timer);
      for (const cleanup of cleanups) cleanup();
      resolve();
    };
    const settle = (node: ZWaveNode, why: string): void => {
      if (!waiting.delete(node.id)) return;
      onProgress(`Lock ${node.id}: ${why}`);
      if (waiting.size === 0) finish();
    };
    const timer = setTimeout(() => {
      for (const id of waiting) onProgress(`Lock ${id}: no interview within ${Math.round(timeoutMs / 1000)} s, shown as offline`);
      finish();
    }, timeoutMs);

    for (const node of pending) {
      onProgress(`Interviewing lock ${node.id}…`);
      const onReady = (): void => settle(node, 'ready');
      const onDead = (): void => settle(node, 'not answering, shown as offline');
      const onFailed = (_n: ZWaveNode, args: { isFinal: boolean }): void => {
        if (args.isFinal) settle(node, 'interview failed, shown as offline');
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
  });
}

function isSettled(node: ZWaveNode): boolean {
  return node.ready || node.status === NodeStatus.Dead;
}
