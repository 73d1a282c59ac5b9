package dev.docent.chat;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/** Tells whether a cached entry is one well-formed JSON object, without building it. */
class JsonCheck {

    private final JsonMapper mapper;

    JsonCheck(JsonMapper mapper) {
        this.mapper = mapper;
    }

    boolean isObject(String text) {
        try (JsonParser parser = mapper.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        }
    }
}
