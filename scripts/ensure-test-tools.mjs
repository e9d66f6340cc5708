#!/usr/bin/env node
// Before `npm test`: the browser tests need Debian's chromium, the serial test needs socat. On a Debian machine as
// root they are installed here (what .ci/run does too); anywhere else this says exactly what is missing.
import { execFileSync, spawnSync } from 'node:child_process';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const missing = ['chromium', 'socat'].filter((cmd) => !has(cmd));
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && has('apt-get')) {
  console.log(`Installing ${missing.join(' and ')} for the tests (apt-get)…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  process.exit(0);
}
console.error(
  `The tests need ${missing.join(' and ')} on PATH (browser tests use /usr/bin/chromium; the serial test uses socat).\n` +
    `On Debian/Ubuntu: sudo apt-get install -y ${missing.join(' ')}`,
);
process.exit(1);
