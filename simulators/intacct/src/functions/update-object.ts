import { gatewayError, ErrorNo } from '../gateway/gateway-errors.js';
import type { XmlElement } from '../xml/xml-reader.js';
import type { FunctionContext, FunctionHandler, FunctionOutcome } from './function-handler.js';
import { itemSchemaError } from './item-schema.js';
import { updateItem } from './update-item.js';

interface UpdatableObject {
  schema?: (object: XmlElement) => string | undefined;
  update: (object: XmlElement, context: FunctionContext) => FunctionOutcome;
}

const UPDATABLE: Readonly<Record<string, UpdatableObject>> = {
  ITEM: { schema: itemSchemaError, update: updateItem },
};

/** Generic `<update>` with one object element (dtd 3.0): dispatches on the object's name. */
export const updateObject: FunctionHandler = {
  schema: (verb) => {
    const [object, ...others] = verb.children;
    if (!object || others.length > 0) return "Element 'update': Expected exactly one object element.";
    return UPDATABLE[object.name]?.schema?.(object);
  },
  run: (verb, context) => {
    const object = verb.children[0];
    const updatable = object && UPDATABLE[object.name];
    if (!object || !updatable) {
      return {
        ok: false,
        errors: [gatewayError(ErrorNo.unsupported, 'Unsupported object', `The simulator cannot update '${object?.name ?? ''}'; only ${Object.keys(UPDATABLE).join(', ')}.`)],
      };
    }
    return updatable.update(object, context);
  },
};
