package dev.docent.mcp;

/**
 * A call the tool refuses, with a message written for the agent that made it: the MCP
 * result is an error result, never a protocol failure.
 */
class ToolFailure extends RuntimeException {

    ToolFailure(String message) {
        super(message, null, false, false);
    }

}
