/** The LOCKBENCH_SMOKE line's report (electron/main/smoke-mode.ts). */
export interface SmokeReport {
  ok: boolean;
  reason?: string;
  mainLoadedMs: number;
  windowLoadedMs: number;
  demoReadyMs: number;
  serialportBinding: string;
  isPackaged: boolean;
  platform: string;
  arch: string;
}
export function runPackagedSmoke(options: { projectDir: string; appDir: string; resources: string; userData: string; timeoutMs?: number }): Promise<{ report: SmokeReport | null; stderrTail: string }>;
