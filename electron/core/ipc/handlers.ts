import type { ParsedPayloadOf, RequestChannel, ValueOf } from '../../../shared/contract';

/**
 * One handler per contract channel. Handlers receive an already-validated payload and return the value, or throw a
 * CodedError; the dispatcher turns both into a Result. Anything else thrown becomes `ipc.internal`.
 */
export type RequestHandlers = {
  [C in RequestChannel]: (payload: ParsedPayloadOf<C>) => Promise<ValueOf<C>>;
};
