// Small helpers for run.sh, so the shell needs nothing beyond node and curl.
// Nothing here verifies a signature: that is the Todo API's job.
//
//   node jwt-tool.mjs show <jwt>            header and claims, signature redacted
//   node jwt-tool.mjs claim <jwt> <name>    one claim (strings raw, anything else as JSON)
//   node jwt-tool.mjs header <jwt> <name>   one header field
//   node jwt-tool.mjs tamper <jwt> <sub>    same header and signature, claims with sub/id replaced
//   node jwt-tool.mjs json <field> < body   one top-level field of a JSON document on stdin
//   node jwt-tool.mjs tasks-has <title> < body   exit 0 when the JSON array holds a task with that title
//   node jwt-tool.mjs jwks < body           the JWKS with key material shortened
//   node jwt-tool.mjs free-port             an unused 127.0.0.1 port
//   node jwt-tool.mjs hs256 <sub> <seconds>     an HS256 JWT signed with $BETTER_AUTH_SECRET (the
//                                               shared-secret set-up of the FastAPI backends)
//   node jwt-tool.mjs session-sign <token>      <token>.<base64 HMAC-SHA256($BETTER_AUTH_SECRET, token)>,
//                                               the form of Better Auth's signed session token
//   node jwt-tool.mjs metric <name> < body      the sum of a Prometheus metric's samples (0 when absent)
import { createServer } from "node:net";
import { createHmac } from "node:crypto";

const [cmd, ...args] = process.argv.slice(2);

function part(jwt, i) {
  const parts = String(jwt).split(".");
  if (parts.length !== 3) throw new Error("not a compact JWS");
  return JSON.parse(Buffer.from(parts[i], "base64url").toString("utf8"));
}

function out(value) {
  process.stdout.write(typeof value === "string" ? value : JSON.stringify(value));
  process.stdout.write("\n");
}

async function stdin() {
  let s = "";
  for await (const chunk of process.stdin) s += chunk;
  return s;
}

function shorten(v) {
  return typeof v === "string" && v.length > 16 ? `${v.slice(0, 8)}…(${v.length} chars)` : v;
}

switch (cmd) {
  case "show": {
    const [jwt] = args;
    const sig = jwt.split(".")[2];
    out(`header: ${JSON.stringify(part(jwt, 0))}`);
    out(`claims: ${JSON.stringify(part(jwt, 1))}`);
    out(`signature: <redacted, ${Buffer.from(sig, "base64url").length} bytes>`);
    break;
  }
  case "claim":
  case "header": {
    const [jwt, name] = args;
    const v = part(jwt, cmd === "claim" ? 1 : 0)[name];
    if (v === undefined) process.exit(1);
    out(v);
    break;
  }
  case "tamper": {
    const [jwt, sub] = args;
    const [h, , s] = jwt.split(".");
    const claims = { ...part(jwt, 1), sub, id: sub };
    out(`${h}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${s}`);
    break;
  }
  case "json": {
    const v = JSON.parse(await stdin())[args[0]];
    if (v === undefined || v === null) process.exit(1);
    out(v);
    break;
  }
  case "tasks-has": {
    const body = JSON.parse(await stdin());
    process.exit(Array.isArray(body) && body.some((t) => t.title === args[0]) ? 0 : 1);
    break;
  }
  case "jwks": {
    const body = JSON.parse(await stdin());
    const keys = (body.keys ?? []).map((k) =>
      Object.fromEntries(Object.entries(k).map(([f, v]) => [f, ["n", "x", "y"].includes(f) ? shorten(v) : v])),
    );
    out({ ...body, keys });
    break;
  }
  case "free-port": {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => out(String(port)));
    });
    break;
  }
  case "hs256": {
    // The secret comes from the environment, never from the command line (ps shows arguments).
    const secret = process.env.BETTER_AUTH_SECRET;
    if (!secret) throw new Error("BETTER_AUTH_SECRET is not set");
    const [sub, seconds] = args;
    const now = Math.floor(Date.now() / 1000);
    const enc = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const input = `${enc({ alg: "HS256", typ: "JWT" })}.${enc({ sub, iat: now, exp: now + Number(seconds) })}`;
    out(`${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`);
    break;
  }
  case "session-sign": {
    const secret = process.env.BETTER_AUTH_SECRET;
    if (!secret) throw new Error("BETTER_AUTH_SECRET is not set");
    out(`${args[0]}.${createHmac("sha256", secret).update(args[0]).digest("base64")}`);
    break;
  }
  case "metric": {
    const [name] = args;
    let sum = 0;
    for (const line of (await stdin()).split("\n")) {
      if (line.startsWith("#")) continue;
      const m = /^([A-Za-z_:][A-Za-z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
      if (m && m[1] === name) sum += Number(m[3]);
    }
    out(String(sum));
    break;
  }
  default:
    console.error("usage: node jwt-tool.mjs show|claim|header|tamper|json|tasks-has|jwks|free-port|hs256|session-sign|metric …");
    process.exit(2);
}
