package dev.docent.apikey;

/** A new key with the key itself, which is shown this once and never stored. */
public record CreatedKey(ApiKeyView view, String key) {
}
