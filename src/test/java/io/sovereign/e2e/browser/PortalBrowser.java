package io.sovereign.e2e.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;
import io.sovereign.e2e.PlatformStack;
import io.sovereign.stack.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The portal in a real browser (Debian's chromium through Playwright), logged in through the real
 * Keycloak form. Register it on a test class that also runs the stack:
 *
 * <pre>{@code
 * @ExtendWith(PlatformStack.class)
 * class MyPageIT {
 *     @RegisterExtension
 *     final PortalBrowser browser = new PortalBrowser();
 *
 *     @Test
 *     void theDeskSeesTheCalendar() {
 *         Page page = browser.loginAs("desk1");
 *         browser.open(page, "/desk");
 *         assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("...");
 *         browser.screenshot(page, "desk-calendar");
 *     }
 * }
 * }</pre>
 *
 * One Playwright and one Browser serve the whole test JVM (closed when the run ends); every
 * {@link #loginAs} gets a context of its own (own cookies, so own session), closed after the test.
 */
public final class PortalBrowser implements BeforeEachCallback, AfterEachCallback {

    /** The sizes pages are checked at. */
    public enum Viewport {
        DESKTOP(1280, 800, false),
        PHONE(390, 844, true);

        final int width;
        final int height;
        final boolean mobile;

        Viewport(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }

    /** Debian's package; .ci/run installs it. Playwright never downloads a browser here. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /**
     * Without the background-networking flags chromium calls home at start, and this machine's
     * closed network refuses those connections.
     */
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private static final double TIMEOUT_MS = 15_000;

    private final List<BrowserContext> contexts = new ArrayList<>();
    private String testClass = "test";

    @Override
    public void beforeEach(ExtensionContext context) {
        testClass = context.getRequiredTestClass().getSimpleName();
        shared(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /** The portal's address in the running stack (the host name the realm's redirect URIs allow). */
    public static String baseUrl() {
        return PlatformStack.url(Service.BIDDER_PORTAL);
    }

    /** The portal's address of a path, e.g. {@code url("/desk")}. */
    public static String url(String path) {
        return baseUrl() + path;
    }

    /** A page at desktop size without a session (it meets the login form at the first portal page). */
    public Page anonymous() {
        return anonymous(Viewport.DESKTOP);
    }

    public Page anonymous(Viewport viewport) {
        Browser.NewContextOptions options = new Browser.NewContextOptions()
                .setViewportSize(viewport.width, viewport.height).setIsMobile(viewport.mobile)
                .setHasTouch(viewport.mobile).setLocale("en-GB").setTimezoneId("Europe/Berlin");
        BrowserContext context = Shared.browser.newContext(options);
        context.setDefaultTimeout(TIMEOUT_MS);
        context.setDefaultNavigationTimeout(TIMEOUT_MS);
        contexts.add(context);
        return context.newPage();
    }

    /** A dev user (password = user name + "-pw") logged in through the Keycloak form, at desktop size, on the home page. */
    public Page loginAs(String username) {
        return loginAs(username, Viewport.DESKTOP);
    }

    public Page loginAs(String username, Viewport viewport) {
        return loginAs(username, username + "-pw", viewport);
    }

    /** Opens the portal, follows the redirect to Keycloak, submits the form and waits until back on the portal. */
    public Page loginAs(String username, String password, Viewport viewport) {
        Page page = anonymous(viewport);
        page.navigate(url("/"));
        submitLogin(page, username, password);
        return page;
    }

    /** Fills and submits Keycloak's login form the page shows, and waits until the portal answers again. */
    public static void submitLogin(Page page, String username, String password) {
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        try {
            page.waitForURL(u -> u.startsWith(baseUrl() + "/"));
        } catch (TimeoutError e) {
            String text = page.locator("body").innerText();
            throw new AssertionError("Login of " + username + " did not get back to the portal; the page is "
                    + page.url() + " saying: " + text.substring(0, Math.min(600, text.length())), e);
        }
        page.waitForLoadState();
    }

    /** Opens a portal path in the page and returns the (final) response, e.g. to check its status. */
    public Response open(Page page, String path) {
        return page.navigate(url(path));
    }

    /** Logs out through the portal's menu; the browser ends on Keycloak's login form. */
    public void logout(Page page) {
        page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Log out")).click();
        page.locator("#kc-login").waitFor();
    }

    /** A full-page PNG under target/screenshots/&lt;test class&gt;/&lt;name&gt;.png; returns its path. */
    public Path screenshot(Page page, String name) {
        Path file = PlatformStack.config().projectRoot().resolve("target/screenshots").resolve(testClass)
                .resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    private static void shared(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Shared.class, key -> Shared.start(), Shared.class);
    }

    /** The test JVM's one Playwright and browser; JUnit closes them when the run ends. */
    static final class Shared implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        private static volatile Playwright playwright;
        private static volatile Browser browser;

        static Shared start() {
            if (!Files.isExecutable(CHROMIUM)) {
                throw new IllegalStateException(CHROMIUM + " is missing: install Debian's chromium package"
                        + " (apt-get install chromium; .ci/run does it)");
            }
            // the driver (Node.js and Playwright's CLI) comes from the driver-bundle jar; no browser download
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            try {
                browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                        .setHeadless(true).setArgs(CHROMIUM_ARGS));
            } catch (PlaywrightException e) {
                playwright.close();
                throw e;
            }
            return new Shared();
        }

        @Override
        public void close() {
            browser.close();
            playwright.close();
        }
    }
}
