// Where Better Auth's docs put it: a catch-all route handler of the Next.js app.
import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "../../../../lib/auth.mjs";

export const { GET, POST } = toNextJsHandler(auth);
