// A real Better Auth server set up the way most apps run it: session tokens,
// no JWT plugin. It exists so sessions.sh can prove that the Todo API accepts
// Better Auth session tokens (bearer plugin header, raw token, cookie) and
// follows what Better Auth says about them (sign-out, bans, outages).
//
//   BETTER_AUTH_SECRET=... PORT=3901 FRONTEND_ORIGIN=http://127.0.0.1:3000 \
//   ADMIN_EMAIL=admin@example.com ADMIN_PASSWORD=... node session-server.mjs
//
// Configuration (environment):
//   BETTER_AUTH_SECRET  required: the Todo API is given the same secret, to
//                       check a signed token's HMAC before asking Better Auth
//   PORT                port on 127.0.0.1 (default 3901)
//   FRONTEND_ORIGIN     the frontend's origin, added to trustedOrigins
//                       (space- or comma-separated for several)
//   ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_NAME
//                       optional: an admin user created at start with the
//                       admin plugin's server-side createUser (role "admin")
//
// Plugins: bearer() (the set-auth-token response header, Authorization:
// Bearer accepted) and admin() (users get role and banned; ban-user,
// unban-user, ...). jwt() is deliberately off.
//
// Endpoints used by sessions.sh (all under /api/auth):
//   POST /api/auth/sign-up/email   {email, password, name}  -> cookie + set-auth-token
//   POST /api/auth/sign-in/email   {email, password}        -> cookie + set-auth-token
//   GET  /api/auth/get-session                              -> {session, user} or null
//   POST /api/auth/sign-out
//   POST /api/auth/admin/ban-user  {userId}  (admin only; also deletes the user's sessions)
//   POST /api/auth/admin/unban-user {userId}
//   GET  /api/auth/ok
//
// Storage is Better Auth's in-memory adapter: everything lives only as long
// as the process.
import { createServer } from "node:http";
import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { admin, bearer } from "better-auth/plugins";
import { toNodeHandler } from "better-auth/node";

const host = "127.0.0.1";
const port = Number.parseInt(process.env.PORT ?? "3901", 10);
const baseURL = `http://${host}:${port}`;

const secret = process.env.BETTER_AUTH_SECRET;
if (!secret || secret.length < 32) {
  console.error("session-server: BETTER_AUTH_SECRET is required (at least 32 characters), the Todo API must share it");
  process.exit(2);
}

const frontendOrigins = (process.env.FRONTEND_ORIGIN ?? "")
  .split(/[\s,]+/)
  .filter(Boolean);

const db = { user: [], session: [], account: [], verification: [] };

export const auth = betterAuth({
  baseURL,
  secret,
  database: memoryAdapter(db),
  emailAndPassword: { enabled: true },
  trustedOrigins: frontendOrigins,
  plugins: [bearer(), admin()],
  telemetry: { enabled: false },
});

// The first admin. Called on the server with no request headers, the admin
// plugin's createUser needs no session and may set the role.
if (process.env.ADMIN_EMAIL) {
  if (!process.env.ADMIN_PASSWORD) {
    console.error("session-server: ADMIN_PASSWORD is required with ADMIN_EMAIL");
    process.exit(2);
  }
  const { user } = await auth.api.createUser({
    body: {
      email: process.env.ADMIN_EMAIL,
      password: process.env.ADMIN_PASSWORD,
      name: process.env.ADMIN_NAME ?? "Admin",
      role: "admin",
    },
  });
  console.log(`session-server: admin ${user.email} (${user.id}) created`);
}

const server = createServer(toNodeHandler(auth));
server.listen(port, host, () => {
  console.log(
    `session-server: Better Auth listening on ${baseURL} (bearer + admin plugins, trusted origins: ${frontendOrigins.join(" ") || "none"})`,
  );
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections?.();
  });
}
