import type { CloudCode, CloudGateway } from '../cloud/cloud-gateway';

/**
 * A device's cloud codes read at most once per sync (managed and unmanaged apart): looking up a code sent before a
 * timeout or a crash, or after a 409, costs one list per device, not one request per code. `forget` drops a device's
 * lists after something changed them.
 */
export interface DeviceLookups {
  managed(deviceId: string): Promise<CloudCode[]>;
  unmanaged(deviceId: string): Promise<CloudCode[]>;
  forget(deviceId: string): void;
}

/** Lookups over `gateway` for one sync. */
export function createDeviceLookups(gateway: CloudGateway): DeviceLookups {
  const managed = new Map<string, Promise<CloudCode[]>>();
  const unmanaged = new Map<string, Promise<CloudCode[]>>();
  const memo = (cache: Map<string, Promise<CloudCode[]>>, deviceId: string, read: () => Promise<CloudCode[]>) => {
    let list = cache.get(deviceId);
    if (!list) {
      list = read();
      cache.set(deviceId, list);
      list.catch(() => cache.get(deviceId) === list && cache.delete(deviceId));
    }
    return list;
  };
  return {
    managed: (deviceId) => memo(managed, deviceId, () => gateway.listCodes(deviceId)),
    unmanaged: (deviceId) => memo(unmanaged, deviceId, () => gateway.listUnmanaged(deviceId)),
    forget(deviceId) {
      managed.delete(deviceId);
      unmanaged.delete(deviceId);
    },
  };
}
