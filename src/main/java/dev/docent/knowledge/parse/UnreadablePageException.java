package dev.docent.knowledge.parse;

/**
 * A file that cannot be turned into a page; the caller reports it and goes on with the
 * next one.
 */
public class UnreadablePageException extends Exception {

    private final String path;

    public UnreadablePageException(String path, String reason) {
        this(path, reason, null);
    }

    public UnreadablePageException(String path, String reason, Throwable cause) {
        super(path + ": " + reason, cause);
        this.path = path;
    }

    public String path() {
        return path;
    }

}
