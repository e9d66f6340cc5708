import { isZWaveSerialBindingFactory, type ZWaveSerialBindingFactory } from '@zwave-js/serial';
import type { PartialZWaveOptions } from 'zwave-js';
import { CodedError } from '../../../shared/result';
import type { ControllerPort, OpenNetworkOptions } from './lock-network';
import { createSealedCacheDb } from './sealed-cache-db';

/**
 * zwave-js Driver options for Lockbench. Every choice here protects the installer's locks or their PINs:
 * - `interview.queryAllUserCodes: true` — CRITICAL. Without it zwave-js CLEARS ALL USER CODES on a lock during its first
 *   interview (no cached data yet). With it, the first interview reads every slot instead (slower, but lossless).
 * - `storage.cacheDir` explicit (the default is `<cwd>/cache`): the app's data folder. Lock files go into the same folder.
 * - `host.db`: zwave-js's own jsonl cache storage with every PIN sealed by `cacheCipher` (zwave-js writes User Code
 *   values in clear otherwise); see sealed-cache-db.ts.
 * - Logging disabled: at debug level zwave-js logs CC payloads, which include user codes. Progress reaches the UI
 *   through `onProgress` instead, with node ids and stages only.
 * - Soft reset stays at zwave-js's default (700/800 sticks always soft-reset; the virtual stick's mock supports it).
 */
export function createDriverOptions(options: OpenNetworkOptions): PartialZWaveOptions {
  return {
    storage: { cacheDir: options.cacheDir, lockDir: options.cacheDir, throttle: 'normal' },
    host: { db: createSealedCacheDb(options.cacheCipher ?? null) },
    interview: { queryAllUserCodes: true },
    logConfig: { enabled: false, level: 'info', logToFile: false },
    features: { softReset: false },
    securityKeys: {
      S0_Legacy: Uint8Array.from(options.securityKeys.S0_Legacy),
      S2_Unauthenticated: Uint8Array.from(options.securityKeys.S2_Unauthenticated),
      S2_Authenticated: Uint8Array.from(options.securityKeys.S2_Authenticated),
      S2_AccessControl: Uint8Array.from(options.securityKeys.S2_AccessControl),
    },
    ...(options.driverTimeouts ? { timeouts: options.driverTimeouts } : {}),
  };
}

/** The first argument of zwave-js's Driver: a path ("/dev/ttyACM0", "COM3", "tcp://host:port") or a binding factory. */
export function toDriverPort(port: ControllerPort): string | ZWaveSerialBindingFactory {
  if (typeof port === 'string') {
    if (port.trim() === '') throw new CodedError('transport.port_not_found', 'No controller port was given');
    return port;
  }
  if (port.kind === 'binding' && isZWaveSerialBindingFactory(port.factory)) return port.factory;
  throw new CodedError('transport.open_failed', 'The controller port binding is not a zwave-js serial binding factory');
}

/** A short, PIN-free description of where the controller is, for messages. */
export function describePort(port: ControllerPort): string {
  return typeof port === 'string' ? port : 'the virtual stick';
}
