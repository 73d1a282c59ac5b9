package dev.docent.shared;

import java.util.List;

/**
 * The command line of a one-off command ({@code ingest}, {@code reindex}, {@code eval}):
 * its name and its own arguments, kept away from Spring's property parsing.
 */
public record CommandArguments(String command, List<String> arguments) {

    public CommandArguments {
        arguments = List.copyOf(arguments);
    }
}
