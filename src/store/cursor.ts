/** Encodes a numeric position as an opaque cursor. */
export function encodeCursor(n: number): string {
  return Buffer.from(`c${n}`).toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeCursor}.
 * @returns the position, or null for a cursor that is missing or was not made here
 */
export function decodeCursor(cursor: string | null | undefined): number | null {
  if (!cursor) return null;
  const m = /^c(\d{1,15})$/u.exec(Buffer.from(cursor, 'base64url').toString());
  return m ? Number(m[1]) : null;
}
