// HS256 access-token verification inside nginx (njs 0.7), for the gateway-njs mode.
// Answers the auth_request subrequest: 204 with X-User / X-Roles when the token holds, else 401.
// Checks what jwt-app checks: alg pinned to HS256, kid that of the secret (as jwt-app derives
// it), no header member but alg, kid and typ (so no crit, zip, jku, x5u, jwk, x5c: nothing is
// ever fetched or trusted from a header), signature (constant time), exp present and not past,
// nbf not in the future, iss, aud, token_use=access, size limit.
const crypto = require('crypto');

const HEADER_MEMBERS = ['alg', 'kid', 'typ'];

function setting(name, fallback) {
    const value = process.env[name];
    return value === undefined || value === '' ? fallback : value;
}

function decodeJson(part) {
    return JSON.parse(Buffer.from(part, 'base64url').toString());
}

// `!==` stops at the first differing byte; this looks at every byte whatever they hold.
function constantTimeEqual(a, b) {
    if (a.length !== b.length) {
        return false;
    }
    let diff = 0;
    for (let i = 0; i < a.length; i++) {
        diff |= a[i] ^ b[i];
    }
    return diff === 0;
}

// jwt-app's kid of an HMAC secret: "hs256-" and 4 bytes of SHA-256("authbench-kid:" + base64(secret)).
function secretKid(key) {
    const digest = crypto.createHash('sha256').update('authbench-kid:' + key.toString('base64')).digest('hex');
    return 'hs256-' + digest.substring(0, 8);
}

function headerHolds(header, key) {
    if (header === null || typeof header !== 'object' || Array.isArray(header)) {
        return false;
    }
    if (Object.keys(header).some(name => HEADER_MEMBERS.indexOf(name) < 0)) {
        return false;
    }
    return header.alg === 'HS256' && header.kid === secretKid(key);
}

function audienceMatches(aud, expected) {
    if (typeof aud === 'string') {
        return aud === expected;
    }
    return Array.isArray(aud) && aud.indexOf(expected) >= 0;
}

// The verified claims, or null for every kind of bad token.
function claims(token) {
    const maxBytes = Number(setting('AUTHBENCH_JWT_MAX_TOKEN_BYTES', '8192'));
    if (!token || token.length > maxBytes) {
        return null;
    }
    const parts = token.split('.');
    if (parts.length !== 3 || parts[2].length === 0) {
        return null;
    }
    const secret = setting('AUTHBENCH_JWT_SECRET', '');
    if (secret.length === 0) {
        return null;
    }
    let header;
    let payload;
    try {
        header = decodeJson(parts[0]);
        payload = decodeJson(parts[1]);
    } catch (e) {
        return null;
    }
    const key = Buffer.from(secret, 'base64');
    if (!headerHolds(header, key)) {
        return null;
    }
    const expected = crypto.createHmac('sha256', key).update(parts[0] + '.' + parts[1]).digest();
    const given = Buffer.from(parts[2], 'base64url');
    if (!constantTimeEqual(expected, given)) {
        return null;
    }
    if (payload === null || typeof payload !== 'object') {
        return null;
    }
    const now = Date.now() / 1000;
    const skew = Number(setting('AUTHBENCH_JWT_CLOCK_SKEW', '30'));
    if (typeof payload.exp !== 'number' || payload.exp + skew <= now) {
        return null;
    }
    if (payload.nbf !== undefined && (typeof payload.nbf !== 'number' || payload.nbf - skew > now)) {
        return null;
    }
    if (payload.iss !== setting('AUTHBENCH_JWT_ISSUER', 'authbench')
            || !audienceMatches(payload.aud, setting('AUTHBENCH_JWT_AUDIENCE', 'authbench-api'))
            || payload.token_use !== 'access'
            || typeof payload.sub !== 'string' || payload.sub.length === 0) {
        return null;
    }
    return payload;
}

function verify(r) {
    const authorization = r.headersIn['Authorization'] || '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const verified = match ? claims(match[1]) : null;
    if (verified === null) {
        r.return(401);
        return;
    }
    const roles = Array.isArray(verified.roles) ? verified.roles.filter(role => typeof role === 'string') : [];
    r.headersOut['X-User'] = verified.sub;
    r.headersOut['X-Roles'] = roles.join(',');
    r.return(204);
}

export default { verify };
