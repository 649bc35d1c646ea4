/**
 * How the contract's shapes become types and JSON Schemas: each response is declared once with zod, its type is
 * {@link Shape} (read-only throughout, as the store hands its rows out) and its JSON Schema {@link jsonSchema}.
 */
import { z } from 'zod';

/** A type with every property and array read-only, all the way down. */
export type DeepReadonly<T> = T extends ReadonlyArray<infer U> ? ReadonlyArray<DeepReadonly<U>> : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** The type of what a contract shape describes. */
export type Shape<S extends z.ZodType> = DeepReadonly<z.output<S>>;

/** A JSON Schema object, as Fastify's routes take them. */
export type JsonSchema = Record<string, unknown>;

const converted = new WeakMap<z.ZodType, JsonSchema>();

/**
 * The JSON Schema (draft 7, which Fastify's validator and serialiser read) of a contract shape, made once per shape.
 * Note: no `$schema` key, so that a shape can sit inside a route's response or another schema.
 */
export function jsonSchema(shape: z.ZodType): JsonSchema {
  let out = converted.get(shape);
  if (!out) {
    const { $schema: _dialect, ...rest } = z.toJSONSchema(shape, { target: 'draft-7', io: 'output', unrepresentable: 'throw' }) as JsonSchema;
    out = rest;
    converted.set(shape, out);
  }
  return out;
}
