/** An exact decimal amount as a string ("19.99"), from the Avro decimal logical type. */
export type DecimalString = string;
