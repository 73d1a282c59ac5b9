/**
 * The MCP server for coding agents at {@code /mcp}: the official SDK's stateless
 * Streamable HTTP transport, a secret API key per request, and three tools over the
 * documentation (search, ask, list the sets).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = { "shared", "apikey", "knowledge", "assistant", "chat", "llm" })
package dev.docent.mcp;
