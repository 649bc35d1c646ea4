import type { WiregraphError } from '../errors.js';

/** The `WG_` code of the error `fn` throws, or undefined when it throws none. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as WiregraphError).code;
  }
  return undefined;
}
