import type { Door } from '../../../shared/domain/door';
import { CodedError } from '../../../shared/result';
import type { IndexData } from './store-v2';

/** The door with this id from the store's index, or a CodedError `door.not_found` (payloads name doors by id). */
export function requireDoor(index: { read(): Readonly<IndexData> }, doorId: string): Door {
  const door = index.read().doors.find((d) => d.id === doorId);
  if (!door) throw new CodedError('door.not_found', 'This door does not exist (any more).');
  return door;
}
