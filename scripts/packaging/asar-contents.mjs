// What an app.asar holds, read from its header: every file with its size and whether it lives in app.asar.unpacked.
import asar from '@electron/asar';

/** Files of the archive: path (from the archive's root, "/"-separated, no leading slash), size, unpacked. */
export function asarFiles(archivePath) {
  const { header } = asar.getRawHeader(archivePath);
  const files = [];
  const walk = (node, prefix) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (child.files) walk(child, path);
      else if (!child.link) files.push({ path, size: Number(child.size ?? 0), unpacked: child.unpacked === true });
    }
  };
  walk(header, '');
  return files;
}

/** Unpacks the archive (and its .unpacked files) into `dest`, as the app sees its files at run time. */
export function extractAsar(archivePath, dest) {
  asar.extractAll(archivePath, dest);
}
