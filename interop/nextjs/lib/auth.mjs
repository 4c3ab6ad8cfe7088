// Better Auth as a Next.js + Better Auth frontend sets it up: PostgreSQL through
// `pg`, email and password, the jwt() plugin (JWKS at /api/auth/jwks) and the
// bearer() plugin (session tokens in the set-auth-token header). Imported by the
// route handler and by migrate.mjs, so the tables match what the server uses.
import { betterAuth } from "better-auth";
import { bearer, jwt } from "better-auth/plugins";
import pg from "pg";

const required = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set (see interop/nextjs/README.md)`);
  return value;
};

export const auth = betterAuth({
  baseURL: required("BETTER_AUTH_URL"),
  secret: required("BETTER_AUTH_SECRET"),
  database: new pg.Pool({ connectionString: required("BETTER_AUTH_DATABASE_URL"), max: 4 }),
  emailAndPassword: { enabled: true },
  plugins: [jwt(), bearer()],
  telemetry: { enabled: false },
});
