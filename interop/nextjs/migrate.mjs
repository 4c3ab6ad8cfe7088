// Makes Better Auth's tables with Better Auth's own migration (what
// `npx @better-auth/cli migrate` does), from the same configuration the
// route handler uses.
import { getMigrations } from "better-auth/db/migration";
import { auth } from "./lib/auth.mjs";

const { toBeCreated, toBeAdded, runMigrations } = await getMigrations(auth.options);
await runMigrations();
console.log(`migrate: ${toBeCreated.length} tables created, ${toBeAdded.length} changed`);
process.exit(0);
