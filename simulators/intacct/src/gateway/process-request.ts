import { createObject } from '../functions/create-object.js';
import { createSoTransaction } from '../functions/create-sotransaction.js';
import { deleteSoTransaction } from '../functions/delete-sotransaction.js';
import type { FunctionContext, FunctionHandler, FunctionOutcome } from '../functions/function-handler.js';
import { getApiSession } from '../functions/get-api-session.js';
import { query, readByQuery, readMore } from '../functions/read-objects.js';
import type { ResultSets } from '../functions/result-sets.js';
import type { SimulatedUser } from '../simulator-types.js';
import type { DurableState } from '../state/durable-state.js';
import type { InventoryStore } from '../state/inventory-store.js';
import type { SessionStore } from '../state/session-store.js';
import { updateSoTransaction } from '../functions/update-sotransaction.js';
import { updateObject } from '../functions/update-object.js';
import { readXml, type XmlElement } from '../xml/xml-reader.js';
import { ErrorNo, gatewayError, parseError, rolledBackError } from './gateway-errors.js';
import { authenticationFailureXml, blankControl, controlFailureXml, operationXml, type AuthenticationEcho, type FunctionReply } from './reply-xml.js';
import { readEnvelope, type RequestEnvelope } from './request-envelope.js';

const HANDLERS: Readonly<Record<string, FunctionHandler>> = {
  create_sotransaction: createSoTransaction,
  update_sotransaction: updateSoTransaction,
  delete_sotransaction: deleteSoTransaction,
  create: createObject,
  update: updateObject,
  readByQuery,
  readMore,
  query,
  getAPISession: getApiSession,
};

export interface GatewayEnvironment {
  senderId: string;
  senderPassword: string;
  users: readonly SimulatedUser[];
  items?: ReadonlySet<string>;
  customers?: ReadonlySet<string>;
  invoiceTransactionTypes: ReadonlySet<string>;
  /** Definitions that credit their createdfrom document; default Sales Credit Memo, Sales Return. */
  creditTransactionTypes?: ReadonlySet<string>;
  state: DurableState;
  sessions: SessionStore;
  resultSets: ResultSets;
  inventory: InventoryStore;
  now: Date;
  endpointUrl: string;
}

export interface GatewayReply {
  xml: string;
  /** Verbs of the functions that ran (or were refused), for stats. */
  functions: string[];
}

/** ISO-8601 with an explicit offset, as Intacct writes session times. */
const intacctTimestamp = (epochMs: number): string => new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, '+00:00');

interface Caller {
  companyId: string;
  userId: string;
  locationId: string;
  sessionTimeout: number;
}

const signInErrors = [gatewayError(ErrorNo.credentials, '', 'Sign-in information is incorrect')];
const sessionErrors = [gatewayError(ErrorNo.credentials, '', 'Invalid session: the session has expired or does not exist')];

const authenticate = (envelope: RequestEnvelope, env: GatewayEnvironment): Caller | undefined => {
  const now = env.now.getTime();
  const { credentials } = envelope;
  if (credentials.kind === 'session') {
    const session = env.sessions.use(credentials.sessionId, now);
    return session && { companyId: session.companyId, userId: session.userId, locationId: session.locationId, sessionTimeout: session.expiresAt };
  }
  const user = env.users.find(
    (u) => u.companyId === credentials.companyId && u.userId === credentials.userId && u.password === credentials.password,
  );
  return user && { companyId: user.companyId, userId: user.userId, locationId: credentials.locationId, sessionTimeout: env.sessions.expiresAt(now) };
};

/** Refused under uniqueid=true: the controlid already completed for this company (§1.5). */
const duplicateControlId = (controlId: string): FunctionOutcome => ({
  ok: false,
  errors: [
    gatewayError(
      ErrorNo.duplicateControlId,
      'Duplicate control ID (simulator placeholder)',
      `A function with control ID '${controlId}' was already executed for this company; it was not run again.`,
      'Use a new control ID, or look up the result of the first execution.',
    ),
  ],
});

const unsupported = (verbName: string): FunctionOutcome => ({
  ok: false,
  errors: [gatewayError(ErrorNo.unsupported, 'Unsupported function', `The simulator does not implement '${verbName}'.`)],
});

const execute = (envelope: RequestEnvelope, context: FunctionContext, verb: XmlElement): FunctionOutcome => {
  if (envelope.uniqueId && context.state.hasCompleted(context.companyId, context.controlId)) return duplicateControlId(context.controlId);
  const handler = HANDLERS[verb.name];
  return handler ? handler.run(verb, context) : unsupported(verb.name);
};

/**
 * One gateway request, checked in Intacct's order (external-apis §5): envelope and sender, then
 * the schema of every function, then authentication, then each function in turn.
 */
export const processGatewayRequest = (body: string, env: GatewayEnvironment): GatewayReply => {
  const parsed = readXml(body);
  if ('error' in parsed) return { xml: controlFailureXml(blankControl, [parseError(parsed.error)]), functions: [] };

  const reading = readEnvelope(parsed.root);
  if ('error' in reading) return { xml: controlFailureXml(reading.control, [reading.error]), functions: [] };
  const { envelope } = reading;
  if (envelope.control.senderId !== env.senderId || envelope.senderPassword !== env.senderPassword) {
    return {
      xml: controlFailureXml(envelope.control, [gatewayError(ErrorNo.credentials, '', 'Incorrect Intacct XML Partner ID or password.')]),
      functions: [],
    };
  }
  for (const fn of envelope.functions) {
    const problem = HANDLERS[fn.verb.name]?.schema?.(fn.verb);
    if (problem) return { xml: controlFailureXml(envelope.control, [parseError(problem)]), functions: [] };
  }

  const caller = authenticate(envelope, env);
  if (!caller) {
    const { credentials } = envelope;
    const echo = credentials.kind === 'login' ? { userId: credentials.userId, companyId: credentials.companyId } : { userId: '', companyId: '' };
    return { xml: authenticationFailureXml(envelope.control, echo, credentials.kind === 'login' ? signInErrors : sessionErrors), functions: [] };
  }

  const results = runFunctions(envelope, caller, env);
  const auth: AuthenticationEcho = {
    userId: caller.userId,
    companyId: caller.companyId,
    locationId: caller.locationId,
    sessionTimestamp: intacctTimestamp(env.now.getTime()),
    sessionTimeout: intacctTimestamp(caller.sessionTimeout),
  };
  return { xml: operationXml(envelope.control, auth, results), functions: envelope.functions.map((fn) => fn.verb.name) };
};

/** Runs the functions; with transaction="true" the first failure rolls everything back (§1.7). */
const runFunctions = (envelope: RequestEnvelope, caller: Caller, env: GatewayEnvironment): FunctionReply[] => {
  const snapshot = envelope.transaction ? env.state.snapshot() : undefined;
  const replies: FunctionReply[] = [];
  for (const [index, fn] of envelope.functions.entries()) {
    const verbName = fn.verb.name;
    if (snapshot !== undefined && replies.some((r) => r.status !== 'success')) {
      replies.push({ status: 'aborted', functionName: verbName, controlId: fn.controlId, errors: [rolledBackError] });
      continue;
    }
    const context: FunctionContext = {
      companyId: caller.companyId,
      userId: caller.userId,
      locationId: caller.locationId,
      controlId: fn.controlId,
      soleFunction: envelope.functions.length === 1,
      now: env.now,
      endpointUrl: env.endpointUrl,
      state: env.state,
      sessions: env.sessions,
      resultSets: env.resultSets,
      inventory: env.inventory,
      ...(env.items ? { items: env.items } : {}),
      ...(env.customers ? { customers: env.customers } : {}),
      invoiceTransactionTypes: env.invoiceTransactionTypes,
      ...(env.creditTransactionTypes ? { creditTransactionTypes: env.creditTransactionTypes } : {}),
    };
    const outcome = execute(envelope, context, fn.verb);
    if (outcome.ok) {
      if (envelope.uniqueId) env.state.markCompleted(caller.companyId, fn.controlId);
      replies.push({
        status: 'success',
        functionName: outcome.echoName ?? verbName,
        controlId: fn.controlId,
        ...(outcome.key === undefined ? {} : { key: outcome.key }),
        ...(outcome.data === undefined ? {} : { data: outcome.data }),
      });
    } else {
      const errors = snapshot !== undefined ? [...outcome.errors, rolledBackError] : outcome.errors;
      replies.push({ status: 'failure', functionName: verbName, controlId: fn.controlId, errors });
      if (snapshot !== undefined) {
        env.state.restore(snapshot);
        // Functions that already succeeded were undone with everything else.
        for (let i = 0; i < index; i += 1) {
          const earlier = replies[i];
          if (earlier?.status === 'success') {
            replies[i] = { status: 'aborted', functionName: earlier.functionName, controlId: earlier.controlId, errors: [rolledBackError] };
          }
        }
      }
    }
  }
  return replies;
};
