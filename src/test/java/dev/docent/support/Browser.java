package dev.docent.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for a test class: Debian's {@code chromium} driven through its
 * {@code chromedriver} (named explicitly, so Selenium never tries to download one), with
 * a fresh profile. One browser serves the whole class. Without Chromium the class is
 * skipped, saying how to install it. When a test fails, its screenshot and the page's
 * console log are saved under {@code target/browser-failures/}.
 *
 * <pre>{@code @RegisterExtension static final Browser browser = new Browser();}</pre>
 */
public final class Browser
        implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, BeforeEachCallback, TestWatcher {

    private static final Path CHROMIUM = Path.of(env("DOCENT_TEST_CHROMIUM", "/usr/bin/chromium"));

    private static final Path CHROMEDRIVER = Path.of(env("DOCENT_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

    public static final Duration PATIENCE = Duration.ofSeconds(10);

    private final java.util.function.Consumer<ChromeOptions> customization;

    private ChromeDriver driver;

    private Path profile;

    public Browser() {
        this(options -> {
        });
    }

    /** A browser with more options, e.g. {@link #speaking(String)}. */
    public Browser(java.util.function.Consumer<ChromeOptions> customization) {
        this.customization = customization;
    }

    /**
     * Options for a browser whose language is {@code tag} (e.g. {@code ko-KR}): its
     * navigator.languages and Accept-Language.
     */
    public static java.util.function.Consumer<ChromeOptions> speaking(String tag) {
        String base = tag.split("-")[0];
        return options -> {
            options.addArguments("--lang=" + tag, "--accept-lang=" + tag + "," + base);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", tag + "," + base));
        };
    }

    /** Decided before the class starts anything, Spring context included. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)
                ? ConditionEvaluationResult.enabled("Chromium and its driver are installed")
                : ConditionEvaluationResult.disabled("Browser tests skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
                        + ". Install them with: sudo apt-get install chromium chromium-driver");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        profile = Files.createTempDirectory("docent-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
                "--password-store=basic", "--window-size=1280,860", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        customization.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(PATIENCE);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** Each test starts with an empty console log, and at the default window size. */
    @Override
    public void beforeEach(ExtensionContext context) {
        consoleLog();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 860));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        Path dir = Path.of("target", "browser-failures");
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".console.log"),
                    "URL: " + driver.getCurrentUrl() + "\n"
                            + consoleLog().stream().map(LogEntry::toString).collect(Collectors.joining("\n")),
                    StandardCharsets.UTF_8);
        }
        catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * What the page wrote to its console (and the errors it raised) since the last call.
     */
    public List<LogEntry> consoleLog() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /**
     * Clears every cookie, whatever its path (WebDriver's own call reaches only the
     * current page's).
     */
    public void clearCookies() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * Waits until {@code condition} gives something other than null or false, and returns
     * it. Elements the page replaced while the condition looked at them count as "not
     * yet".
     */
    public <T> T await(Function<WebDriver, T> condition) {
        return await(PATIENCE, condition);
    }

    /**
     * As {@link #await(Function)}, for something known to take longer (work in the
     * background).
     */
    public <T> T await(Duration patience, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, patience, Duration.ofMillis(50)).ignoring(StaleElementReferenceException.class)
            .until(condition);
    }

    /** The first element matching {@code css} that is displayed, once there is one. */
    public WebElement visible(String css) {
        return await(d -> d.findElements(By.cssSelector(css))
            .stream()
            .filter(WebElement::isDisplayed)
            .findFirst()
            .orElse(null));
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves what the browser shows as a PNG (for the README's screenshots). */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank()).orElse(fallback);
    }

}
