import type { SmokeResult } from '../../electron/main/smoke-mode';

/** Runs the packed main process in smoke mode under the stand-in Electron; its LOCKBENCH_SMOKE report, or null. */
export function runPackagedSmoke(options: { projectDir: string; appDir: string; resources: string; userData: string; timeoutMs?: number }): Promise<{ report: SmokeResult | null; stderrTail: string }>;
