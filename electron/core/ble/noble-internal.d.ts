/**
 * Types for noble's internal `Noble` class, which takes any EventEmitter-style bindings object. Internal API of
 * `@stoprocent/noble` 2.8 (no `exports` map, so the deep path resolves); only the tests use it, with fake bindings.
 */
declare module '@stoprocent/noble/lib/noble' {
  import type { Noble } from '@stoprocent/noble';

  const NobleClass: typeof Noble;
  export default NobleClass;
}
