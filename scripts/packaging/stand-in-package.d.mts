export function buildStandInPackage(projectDir: string, outDir: string, adjust?: (config: Record<string, unknown>) => Record<string, unknown>): Promise<string>;
