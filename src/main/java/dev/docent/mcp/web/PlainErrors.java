package dev.docent.mcp.web;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SDK's JSON mapper, except that the transport's own refusals ({@link McpError}, an
 * exception it writes out whole, stack trace and all) come out as a JSON-RPC error
 * response, and an internal error's message, which holds the exception's, as "Internal
 * error".
 */
final class PlainErrors implements McpJsonMapper {

    private final McpJsonMapper mapper;

    PlainErrors(McpJsonMapper mapper) {
        this.mapper = mapper;
    }

    private static Object plain(Object value) {
        if (!(value instanceof McpError error)) {
            return value;
        }
        JSONRPCError rpc = error.getJsonRpcError();
        int code = rpc == null || rpc.code() == null ? ErrorCodes.INTERNAL_ERROR : rpc.code();
        String message = code == ErrorCodes.INTERNAL_ERROR || rpc.message() == null ? "Internal error" : rpc.message();
        return response(code, message, null);
    }

    /**
     * A JSON-RPC error response; the SDK's own type refuses the null id of a message
     * whose id could not be read.
     */
    static Map<String, Object> response(int code, String message, Object id) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        response.put("id", id);
        response.put("error", Map.of("code", code, "message", message));
        return response;
    }

    @Override
    public String writeValueAsString(Object value) throws IOException {
        return mapper.writeValueAsString(plain(value));
    }

    @Override
    public byte[] writeValueAsBytes(Object value) throws IOException {
        return mapper.writeValueAsBytes(plain(value));
    }

    @Override
    public <T> T readValue(String content, Class<T> type) throws IOException {
        return mapper.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, Class<T> type) throws IOException {
        return mapper.readValue(content, type);
    }

    @Override
    public <T> T readValue(String content, TypeRef<T> type) throws IOException {
        return mapper.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
        return mapper.readValue(content, type);
    }

    @Override
    public <T> T convertValue(Object from, Class<T> type) {
        return mapper.convertValue(from, type);
    }

    @Override
    public <T> T convertValue(Object from, TypeRef<T> type) {
        return mapper.convertValue(from, type);
    }

}
