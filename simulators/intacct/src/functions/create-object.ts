import { gatewayError, ErrorNo } from '../gateway/gateway-errors.js';
import type { XmlElement } from '../xml/xml-reader.js';
import { createArPayment } from './create-arpymt.js';
import { createContact } from './create-contact.js';
import { createCustomer } from './create-customer.js';
import { createGlBatch } from './create-glbatch.js';
import { contactSchemaError } from './contact-schema.js';
import { customerSchemaError } from './customer-schema.js';
import { glBatchSchemaError } from './glbatch-schema.js';
import type { FunctionContext, FunctionHandler, FunctionOutcome } from './function-handler.js';

interface CreatableObject {
  schema?: (object: XmlElement) => string | undefined;
  create: (object: XmlElement, context: FunctionContext) => FunctionOutcome;
}

const CREATABLE: Readonly<Record<string, CreatableObject>> = {
  CUSTOMER: { schema: customerSchemaError, create: createCustomer },
  CONTACT: { schema: contactSchemaError, create: createContact },
  ARPYMT: { create: createArPayment },
  GLBATCH: { schema: glBatchSchemaError, create: createGlBatch },
};

/** Generic `<create>` with one object element (dtd 3.0): dispatches on the object's name. */
export const createObject: FunctionHandler = {
  schema: (verb) => {
    const [object, ...others] = verb.children;
    if (!object || others.length > 0) return "Element 'create': Expected exactly one object element.";
    return CREATABLE[object.name]?.schema?.(object);
  },
  run: (verb, context) => {
    const object = verb.children[0];
    const creatable = object && CREATABLE[object.name];
    if (!object || !creatable) {
      return {
        ok: false,
        errors: [gatewayError(ErrorNo.unsupported, 'Unsupported object', `The simulator cannot create '${object?.name ?? ''}'; only ${Object.keys(CREATABLE).join(', ')}.`)],
      };
    }
    return creatable.create(object, context);
  },
};
