// SMART Backend Services for the test engine: the SMART configuration a client discovers, and a
// token endpoint that takes the client-credentials grant with a private_key_jwt assertion
// (RS384 or ES384), checked against the JSON Web Key Set registered for the client: signature,
// issuer and subject, audience (this endpoint), expiry at most five minutes ahead, a jti never
// seen before, and the scopes the client may have. The access tokens it gives out are opaque,
// kept in memory until they run out.
import { createPublicKey, randomBytes, verify } from 'node:crypto';

export const TOKEN_PATH = '/auth/token';
const ALGORITHMS = ['RS384', 'ES384'];
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const MAX_ASSERTION_SECONDS = 300;
const CLOCK_SKEW_SECONDS = 10;

class Refusal extends Error {
  constructor(error, description) {
    super(description);
    this.error = error;
  }
}

function decodePart(part) {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new Refusal('invalid_client', 'the client assertion is not a JWT');
  }
}

function signatureValid(jwk, algorithm, signingInput, signature) {
  try {
    const key = createPublicKey({ key: jwk, format: 'jwk' });
    const options = algorithm === 'ES384' ? { key, dsaEncoding: 'ieee-p1363' } : key;
    return verify('sha384', Buffer.from(signingInput), options, signature);
  } catch {
    return false;
  }
}

export class Authorization {
  constructor() {
    this.reset();
  }

  reset() {
    this.clients = new Map();
    this.tokens = new Map();
    this.seenIds = new Set();
  }

  /** Whether requests need a token from this endpoint (once a client is registered). */
  get required() {
    return this.clients.size > 0;
  }

  register({ client_id: clientId, jwks, scope, expires_in: lifetime }) {
    if (typeof clientId !== 'string' || !Array.isArray(jwks?.keys)) {
      throw new Refusal('invalid_request', 'a client needs client_id and jwks.keys');
    }
    const allowed = typeof scope === 'string' ? new Set(scope.split(' ')) : undefined;
    this.clients.set(clientId, { keys: jwks.keys, allowed, lifetime: Number(lifetime ?? 300) });
    return { client_id: clientId, keys: jwks.keys.length };
  }

  /** Forget every access token given out, as a server does when it revokes them. */
  revokeAll() {
    const count = this.tokens.size;
    this.tokens.clear();
    return { revoked: count };
  }

  accepts(authorization) {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    const until = token === undefined ? undefined : this.tokens.get(token);
    return until !== undefined && until > Date.now();
  }

  configuration(origin) {
    return {
      token_endpoint: origin + TOKEN_PATH,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ALGORITHMS,
      scopes_supported: ['system/*.cruds'],
      capabilities: ['client-confidential-asymmetric', 'permission-v2'],
    };
  }

  /** The answer to a token request: [status, body]. */
  grant(form, tokenUrl) {
    try {
      return [200, this.issue(form ?? {}, tokenUrl)];
    } catch (err) {
      if (!(err instanceof Refusal)) {
        throw err;
      }
      const status = err.error === 'invalid_client' ? 401 : 400;
      return [status, { error: err.error, error_description: err.message }];
    }
  }

  issue(form, tokenUrl) {
    if (form.grant_type !== 'client_credentials') {
      throw new Refusal('unsupported_grant_type', 'only client_credentials is taken');
    }
    if (form.client_assertion_type !== JWT_BEARER || typeof form.client_assertion !== 'string') {
      throw new Refusal('invalid_client', 'a private_key_jwt client assertion is required');
    }
    const client = this.authenticate(form.client_assertion, tokenUrl);
    const scope = String(form.scope ?? '').split(' ').filter(Boolean);
    const refused = client.allowed ? scope.filter((s) => !client.allowed.has(s)) : [];
    if (scope.length === 0 || refused.length > 0) {
      throw new Refusal('invalid_scope', `scope not allowed for this client: ${refused.join(' ') || '(none asked)'}`);
    }
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, Date.now() + client.lifetime * 1000);
    return { access_token: token, token_type: 'bearer', expires_in: client.lifetime, scope: scope.join(' ') };
  }

  authenticate(assertion, tokenUrl) {
    const parts = assertion.split('.');
    if (parts.length !== 3) {
      throw new Refusal('invalid_client', 'the client assertion is not a JWT');
    }
    const [header, claims] = [decodePart(parts[0]), decodePart(parts[1])];
    if (!ALGORITHMS.includes(header.alg)) {
      throw new Refusal('invalid_client', `alg ${header.alg} is not taken (RS384 or ES384)`);
    }
    const client = this.clients.get(claims.iss);
    if (client === undefined || claims.sub !== claims.iss) {
      throw new Refusal('invalid_client', `no client ${claims.iss} is registered`);
    }
    if (claims.aud !== tokenUrl) {
      throw new Refusal('invalid_client', `the assertion is for ${claims.aud}, not ${tokenUrl}`);
    }
    const now = Date.now() / 1000;
    if (typeof claims.exp !== 'number' || claims.exp <= now || claims.exp > now + MAX_ASSERTION_SECONDS + CLOCK_SKEW_SECONDS) {
      throw new Refusal('invalid_client', 'the assertion has expired or lives longer than five minutes');
    }
    if (typeof claims.jti !== 'string' || this.seenIds.has(claims.jti)) {
      throw new Refusal('invalid_client', 'the assertion has no jti, or one used before');
    }
    const keys = client.keys.filter((key) => header.kid === undefined || key.kid === header.kid);
    const signingInput = `${parts[0]}.${parts[1]}`;
    const signature = Buffer.from(parts[2], 'base64url');
    if (!keys.some((key) => signatureValid(key, header.alg, signingInput, signature))) {
      throw new Refusal('invalid_client', `the signature matches no key registered for ${claims.iss}`);
    }
    this.seenIds.add(claims.jti);
    return client;
  }
}
