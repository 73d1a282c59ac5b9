package dev.docent.apikey.web;

import dev.docent.account.CurrentUser;
import dev.docent.apikey.ApiKeyView;
import dev.docent.apikey.ApiKeys;
import dev.docent.apikey.CreatedKey;
import dev.docent.apikey.NewKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API keys for the widget, servers and coding agents (ADMIN only, see WebSecurity). */
@Tag(name = "API keys", description = "Public widget keys and secret keys (admins)")
@RestController
@RequestMapping("/api/v1/keys")
class ApiKeyController {

    /** The only response that carries {@code key}. */
    record Created(UUID id, String name, String kind, String key, String shown, List<UUID> documentIds,
            List<String> allowedOrigins, boolean readOnly, int requestsPerMinute, int visitorRequestsPerMinute,
            Instant createdAt) {

        static Created of(CreatedKey created) {
            ApiKeyView view = created.view();
            return new Created(view.id(), view.name(), view.kind(), created.key(), view.shown(), view.documentIds(),
                    view.allowedOrigins(), view.readOnly(), view.requestsPerMinute(), view.visitorRequestsPerMinute(),
                    view.createdAt());
        }
    }

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @Operation(operationId = "createKey", summary = "Create an API key; the key is in this response only")
    @ApiResponse(responseCode = "201", description = "The key and its settings")
    @ApiResponse(responseCode = "400", description = "A field is wrong (named in the problem)")
    @PostMapping
    ResponseEntity<Created> create(@RequestBody NewKey request) {
        CreatedKey created = keys.create(request, CurrentUser.require().id());
        return ResponseEntity.status(HttpStatus.CREATED).body(Created.of(created));
    }

    @Operation(operationId = "listKeys", summary = "List the live API keys (never the keys themselves)")
    @GetMapping
    List<ApiKeyView> list() {
        return keys.list();
    }

    @Operation(operationId = "revokeKey", summary = "Revoke an API key on every instance")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "404", description = "No such live key")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        keys.revoke(id);
        return ResponseEntity.noContent().build();
    }

}
