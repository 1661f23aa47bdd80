import avro from 'avsc';
import { DecimalLogicalType } from './decimal-logical-type.js';

/** Compiles an Avro schema with our logical types (decimal → exact string). */
export const compileAvroType = (schema: object | string): avro.Type =>
  avro.Type.forSchema(typeof schema === 'string' ? JSON.parse(schema) : (schema as avro.Schema), {
    logicalTypes: { decimal: DecimalLogicalType },
    wrapUnions: false,
  });

/** Field paths that make a value invalid for a type, for an error message a person can act on. */
export const invalidPaths = (type: avro.Type, value: unknown): string[] => {
  const paths: string[] = [];
  type.isValid(value, { errorHook: (path: string[]) => { paths.push(path.join('.') || '(root)'); } });
  return paths;
};
