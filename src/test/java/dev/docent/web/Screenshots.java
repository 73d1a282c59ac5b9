package dev.docent.web;

import dev.docent.support.Browser;
import java.nio.file.Path;

/**
 * The README's pictures, written only when asked for:
 * {@code ./mvnw test -Dtest='*PageTest' -Ddocent.screenshots=docs/screenshots}.
 */
final class Screenshots {

    private Screenshots() {
    }

    static void take(Browser browser, String name) {
        String dir = System.getProperty("docent.screenshots");
        if (dir != null && !dir.isBlank()) {
            browser.screenshot(Path.of(dir, name + ".png"));
        }
    }

}
