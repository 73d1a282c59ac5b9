package dev.docent.knowledge;

/** A file that cannot be turned into a page; the caller reports it and goes on with the next one. */
class UnreadablePageException extends Exception {

    private final String path;

    UnreadablePageException(String path, String reason) {
        this(path, reason, null);
    }

    UnreadablePageException(String path, String reason, Throwable cause) {
        super(path + ": " + reason, cause);
        this.path = path;
    }

    String path() {
        return path;
    }
}
