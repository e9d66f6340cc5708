/** One file of an app.asar: path from its root, size, and whether it lives in app.asar.unpacked. */
export interface AsarFile {
  path: string;
  size: number;
  unpacked: boolean;
}
export function asarFiles(archivePath: string): AsarFile[];
export function extractAsar(archivePath: string, dest: string): void;
