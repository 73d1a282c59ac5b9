package dev.docent.mcp.web;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a POSTed body as one JSON-RPC message before the SDK does, and names what is
 * wrong with it as a JSON-RPC error code: the SDK's transport answers a body it cannot
 * take with a 500, or with the whole exception serialized (decision in
 * {@link McpEndpoint}).
 */
final class McpMessageCheck {

    /**
     * The params of each method this server serves, as the SDK's handlers convert them; a
     * method not named here only needs its params to be an object.
     */
    private static final Map<String, Class<?>> PARAMS = Map.of(McpSchema.METHOD_INITIALIZE,
            McpSchema.InitializeRequest.class, McpSchema.METHOD_TOOLS_CALL, McpSchema.CallToolRequest.class,
            McpSchema.METHOD_TOOLS_LIST, McpSchema.PaginatedRequest.class);

    /** The methods whose handlers cannot do without params. */
    private static final Set<String> NEEDS_PARAMS = Set.of(McpSchema.METHOD_INITIALIZE, McpSchema.METHOD_TOOLS_CALL);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What is wrong with a message; {@code id} is the request's own when it has one. */
    record Refusal(int code, String message, Object id) {
    }

    private final McpJsonMapper sdk;

    McpMessageCheck(McpJsonMapper sdk) {
        this.sdk = sdk;
    }

    /**
     * @return why the body is no message this server takes, or null when it is one
     */
    Refusal check(byte[] body) {
        JsonNode message;
        try {
            message = JSON.readTree(body);
        }
        catch (JacksonException e) {
            return new Refusal(ErrorCodes.PARSE_ERROR, "Parse error: the request body is not valid JSON", null);
        }
        if (message == null || message.isMissingNode()) {
            return new Refusal(ErrorCodes.PARSE_ERROR, "Parse error: the request body is empty", null);
        }
        if (message.isArray()) {
            return invalid("Batches are not supported: send one JSON-RPC message per request");
        }
        if (!message.isObject()) {
            return invalid("The request body must be a JSON-RPC message object");
        }
        if (!"2.0".equals(message.path("jsonrpc").asString(null)) || !message.path("jsonrpc").isString()) {
            return invalid("The message must have \"jsonrpc\": \"2.0\"");
        }
        JsonNode id = message.get("id");
        if (id != null && !id.isString() && !id.isIntegralNumber()) {
            return invalid("\"id\" must be a string or an integer");
        }
        JsonNode method = message.get("method");
        if (method == null) {
            return invalid("The message has no \"method\": this server takes requests and notifications only");
        }
        if (!method.isString() || method.asString().isBlank()) {
            return invalid("\"method\" must be a non-empty string");
        }
        Object requestId = id == null ? null : id.isString() ? id.asString() : id.numberValue();
        JsonNode params = message.get("params");
        if (params == null) {
            return NEEDS_PARAMS.contains(method.asString())
                    ? new Refusal(ErrorCodes.INVALID_PARAMS, method.asString() + " needs \"params\"", requestId) : null;
        }
        if (!params.isObject()) {
            return new Refusal(ErrorCodes.INVALID_PARAMS, "\"params\" must be an object", requestId);
        }
        Class<?> type = PARAMS.get(method.asString());
        if (type != null) {
            try {
                sdk.convertValue(JSON.convertValue(params, Map.class), type);
            }
            catch (RuntimeException e) {
                return new Refusal(ErrorCodes.INVALID_PARAMS,
                        "\"params\" do not have the members and types " + method.asString() + " takes", requestId);
            }
        }
        if (McpSchema.METHOD_TOOLS_CALL.equals(method.asString())
                && (!params.path("name").isString() || params.path("name").asString().isBlank())) {
            return new Refusal(ErrorCodes.INVALID_PARAMS, "tools/call needs the tool's \"name\"", requestId);
        }
        return null;
    }

    private static Refusal invalid(String message) {
        return new Refusal(ErrorCodes.INVALID_REQUEST, "Invalid request: " + message, null);
    }

}
