import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lints one line of code as if it were a file at `filePath`: the rule ids of the problems found. */
async function problemsIn(filePath: string, code: string): Promise<string[]> {
  const [result] = await new ESLint().lintText(`${code}\nexport {};\n`, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('lint fences the main process layers (eslint.config.js)', () => {
  it('a service cannot reach past the lock port into a driver', async () => {
    expect(await problemsIn('electron/core/queue/probe.ts', "import '../zwave/lock-network';")).toContain('no-restricted-imports');
    expect(await problemsIn('electron/core/codes/probe.ts', "import '../nuki/protocol/frames';")).toContain('no-restricted-imports');
    expect(await problemsIn('electron/core/locks/probe.ts', "import '../zwave/zwave-connection';")).toContain('no-restricted-imports');
  });

  it('a lower layer cannot import a higher one', async () => {
    expect(await problemsIn('electron/core/zwave/probe.ts', "import '../queue/operation-queue';")).toContain('no-restricted-imports');
    expect(await problemsIn('electron/core/locks/probe.ts', "import '../queue/operation-queue';")).toContain('no-restricted-imports');
    expect(await problemsIn('electron/core/nuki/client/probe.ts', "import '../../codes/code-service';")).toContain('no-restricted-imports');
    expect(await problemsIn('electron/core/queue/probe.ts', "import '../codes/code-service';")).toContain('no-restricted-imports');
  });

  it('the allowed direction passes, and shared/ is open to every layer', async () => {
    expect(await problemsIn('electron/core/queue/probe.ts', "import '../ports/lock-port';")).not.toContain('no-restricted-imports');
    expect(await problemsIn('electron/core/zwave/probe.ts', "import '../ports/lock-port';")).not.toContain('no-restricted-imports');
    expect(await problemsIn('electron/core/codes/probe.ts', "import '../../../shared/codes/pin-rules';")).not.toContain('no-restricted-imports');
    expect(await problemsIn('electron/core/app/probe.ts', "import '../zwave/zwave-connection';")).not.toContain('no-restricted-imports');
  });
});
