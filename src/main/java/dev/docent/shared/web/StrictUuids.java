package dev.docent.shared.web;

import java.beans.PropertyEditorSupport;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Ids in paths and parameters are read as written: {@link UUID#fromString} takes
 * {@code 01a2412e-f1ba-7381-8b91-896c399b373}, one digit short, for another id, which
 * would answer 404 for a chat that does exist under the right id. Only the canonical form
 * (8-4-4-4-12 hex digits) is an id; anything else is a 400 naming the parameter. An
 * editor rather than a converter, because a failed conversion falls back to Spring's
 * lenient default editor.
 */
@ControllerAdvice
class StrictUuids {

    private static final Pattern CANONICAL = Pattern
        .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @InitBinder
    void strictUuids(WebDataBinder binder) {
        binder.registerCustomEditor(UUID.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(parse(text));
            }
        });
    }

    static UUID parse(String text) {
        String id = text == null ? "" : text.strip();
        if (id.isEmpty()) {
            return null;
        }
        if (!CANONICAL.matcher(id).matches()) {
            throw new IllegalArgumentException("not a UUID in its canonical form: " + text);
        }
        return UUID.fromString(id);
    }

}
