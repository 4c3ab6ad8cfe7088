// A minimal, real Better Auth server: email + password sign-up and the JWT
// plugin, the way a Next.js + Better Auth frontend configures it. It exists to
// issue genuine Better Auth JWTs for the Todo API interop check (run.sh).
//
//   PORT=3900 node issuer.mjs              # jwt() with default settings (EdDSA / Ed25519)
//   PORT=3900 JWT_ALG=ES256 node issuer.mjs  # jwt({ jwks: { keyPairConfig: { alg: "ES256" } } })
//   PORT=3900 JWT_ALG=RS256 node issuer.mjs  # jwt({ jwks: { keyPairConfig: { alg: "RS256" } } })
//   (ES512 and PS256 work the same way)
//
// Endpoints (all under /api/auth, Better Auth's default base path):
//   POST /api/auth/sign-up/email   {email, password, name} -> session cookie
//   GET  /api/auth/token           (session cookie)        -> {"token": "<jwt>"}
//   GET  /api/auth/get-session     (session cookie)        -> session; JWT in the set-auth-jwt header
//   GET  /api/auth/jwks                                    -> the public keys
//
// Storage is Better Auth's in-memory adapter (no native modules): users,
// sessions and the signing key live only as long as the process. The auth
// secret is random per process unless BETTER_AUTH_SECRET is given; nothing
// here is a secret worth keeping.
import { createServer } from "node:http";
import { randomBytes } from "node:crypto";
import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { jwt } from "better-auth/plugins";
import { toNodeHandler } from "better-auth/node";

const host = "127.0.0.1";
const port = Number.parseInt(process.env.PORT ?? "3900", 10);
const alg = process.env.JWT_ALG ?? "EdDSA";
const baseURL = `http://${host}:${port}`;

// Every key pair algorithm the plugin offers (its JWKOptions type).
const supported = ["EdDSA", "ES256", "ES512", "RS256", "PS256"];
if (!supported.includes(alg)) {
  console.error(`issuer: JWT_ALG must be one of ${supported.join(", ")}, got ${alg}`);
  process.exit(2);
}

// EdDSA is the plugin's own default, so it gets jwt() with no options at all;
// the other algorithms change only the key pair algorithm.
const jwtPlugin = alg === "EdDSA" ? jwt() : jwt({ jwks: { keyPairConfig: { alg } } });

const db = { user: [], session: [], account: [], verification: [], jwks: [] };

export const auth = betterAuth({
  baseURL,
  secret: process.env.BETTER_AUTH_SECRET ?? randomBytes(32).toString("base64url"),
  database: memoryAdapter(db),
  emailAndPassword: { enabled: true },
  plugins: [jwtPlugin],
  telemetry: { enabled: false },
});

const server = createServer(toNodeHandler(auth));
server.listen(port, host, () => {
  console.log(`issuer: Better Auth listening on ${baseURL} (jwt key pair: ${alg})`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
