// The official MCP TypeScript SDK's client (npm @modelcontextprotocol/sdk) against the Todo API's MCP server,
// over Streamable HTTP, as an AI assistant would use it. Prints one PASS/FAIL line per check and ends with
// "mcp interop: N passed, N failed"; exits 1 when any check failed.
//
//   node client.mjs <base-url> <token of user A> <token of user B> <user id of A> [<signed-out token>]
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [base, tokenA, tokenB, userA, signedOut] = process.argv.slice(2);
let passed = 0;
let failed = 0;
const check = (name, ok, detail = "") => {
  if (ok) passed++; else failed++;
  console.log(`${ok ? "PASS" : "FAIL"} ${name}${ok ? "" : ` ${detail}`}`);
};

async function connect(token) {
  const client = new Client({ name: "todo-api-interop", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(`${base}/mcp`), {
    requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : {},
  });
  await client.connect(transport);
  return client;
}

const structured = (result) => result.structuredContent;

try {
  const a = await connect(tokenA);
  check("initialize: the server names itself", a.getServerVersion()?.name === "todo-api", JSON.stringify(a.getServerVersion()));
  const { tools } = await a.listTools();
  const names = tools.map((t) => t.name).sort().join(",");
  check("tools/list: the five task tools", names === "add_task,complete_task,delete_task,list_tasks,update_task", names);
  check("every tool has input and output schemas", tools.every((t) => t.inputSchema?.type === "object" && t.outputSchema?.type === "object"));

  const added = await a.callTool({ name: "add_task", arguments: { title: "Buy milk", description: "2 litres" } });
  const task = structured(added);
  check("add_task returns the REST API's task", !added.isError && task?.title === "Buy milk" && task?.user_id === userA && task?.version === 1,
    JSON.stringify(added));
  check("add_task: the text content is the same task", JSON.parse(added.content[0].text).id === task?.id);

  const listed = await a.callTool({ name: "list_tasks", arguments: { status: "pending" } });
  check("list_tasks finds it", !listed.isError && structured(listed).tasks.some((t) => t.id === task.id), JSON.stringify(listed));

  const updated = await a.callTool({ name: "update_task", arguments: { task_id: task.id, title: "Buy oat milk" } });
  check("update_task changes the title", structured(updated)?.title === "Buy oat milk" && structured(updated)?.version === 2,
    JSON.stringify(updated));

  const completed = await a.callTool({ name: "complete_task", arguments: { task_id: task.id, user_id: userA } });
  check("complete_task completes it (own user_id accepted)", structured(completed)?.completed === true, JSON.stringify(completed));
  const done = await a.callTool({ name: "list_tasks", arguments: { status: "completed" } });
  check("list_tasks status=completed holds it", structured(done).tasks.length === 1);

  const blank = await a.callTool({ name: "add_task", arguments: { title: "   " } });
  check("a blank title is a tool error naming the field", blank.isError === true && blank.content[0].text.startsWith("title"),
    JSON.stringify(blank));

  const b = await connect(tokenB);
  const foreign = await b.callTool({ name: "complete_task", arguments: { task_id: task.id } });
  check("another user's task is not found", foreign.isError === true, JSON.stringify(foreign));
  const spoofed = await b.callTool({ name: "list_tasks", arguments: { user_id: userA } });
  check("another user's user_id is refused", spoofed.isError === true && spoofed.content[0].text.startsWith("user_id"),
    JSON.stringify(spoofed));
  const bList = await b.callTool({ name: "list_tasks", arguments: {} });
  check("the other user sees none of A's tasks", structured(bList).tasks.length === 0, JSON.stringify(bList));

  const deleted = await a.callTool({ name: "delete_task", arguments: { task_id: task.id } });
  check("delete_task deletes it", structured(deleted)?.status === "deleted", JSON.stringify(deleted));
  const after = await a.callTool({ name: "list_tasks", arguments: {} });
  check("the list is empty again", structured(after).tasks.length === 0);

  // Without a token: 401 with the resource metadata (RFC 9728), which the SDK reports as an error.
  const bare = await fetch(`${base}/mcp`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: {} }),
  });
  const challenge = bare.headers.get("www-authenticate") ?? "";
  check("no token: 401 naming the resource metadata", bare.status === 401 && challenge.includes("resource_metadata="), `${bare.status} ${challenge}`);
  const metadataUrl = challenge.match(/resource_metadata="([^"]+)"/)?.[1];
  const metadata = metadataUrl ? await (await fetch(metadataUrl)).json() : {};
  check("the resource metadata names the MCP resource", metadata.resource === `${base}/mcp`, JSON.stringify(metadata));

  if (signedOut) {
    let refused = false;
    try {
      await connect(signedOut);
    } catch (e) {
      refused = String(e).includes("401") || String(e).toLowerCase().includes("unauthorized");
    }
    check("a signed-out session's token is refused", refused);
  }
  await a.close();
  await b.close();
} catch (e) {
  check("the session ran without an exception", false, String(e?.stack ?? e));
}
console.log(`mcp interop: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
