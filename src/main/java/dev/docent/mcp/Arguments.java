package dev.docent.mcp;

import dev.docent.shared.Text;
import java.util.Map;
import java.util.Optional;

/** A tool call's arguments, checked one by one with messages an agent can act on. */
final class Arguments {

    private final Map<String, Object> values;

    Arguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    String requiredText(String name, int maxChars) {
        return optionalText(name, maxChars)
            .orElseThrow(() -> new ToolFailure("Argument '" + name + "' is required: give a non-empty string."));
    }

    Optional<String> optionalText(String name, int maxChars) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new ToolFailure("Argument '" + name + "' must be a string.");
        }
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            throw new ToolFailure("Argument '" + name + "' must not be empty.");
        }
        if (stripped.length() > maxChars) {
            throw new ToolFailure("Argument '" + name + "' is too long: at most " + maxChars + " characters.");
        }
        if (!stripped.matches(Text.NO_CONTROL_CHARACTERS)) {
            throw new ToolFailure("Argument '" + name + "' contains control characters.");
        }
        if (!stripped.matches(Text.SOMETHING_VISIBLE)) {
            throw new ToolFailure("Argument '" + name + "' " + Text.SOMETHING_VISIBLE_MESSAGE + ".");
        }
        return Optional.of(stripped);
    }

    int integer(String name, int fallback, int min, int max) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && number.doubleValue() >= min && number.doubleValue() <= max) {
            return number.intValue();
        }
        throw new ToolFailure("Argument '" + name + "' must be a whole number from " + min + " to " + max + ".");
    }

}
