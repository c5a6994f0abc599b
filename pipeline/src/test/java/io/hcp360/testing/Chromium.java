package io.hcp360.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven by Selenium: Debian's {@code chromium} and
 * {@code chromium-driver} ({@code .ci/run} installs them). The driver and the browser are named
 * explicitly, so Selenium Manager never looks for (or downloads) either.
 */
public final class Chromium {
  public static final Path BROWSER = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  /** Selenium warns when it has no DevTools classes for this Chromium; the tests use none. */
  private static final java.util.logging.Logger CDP_LOG =
      java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

  private Chromium() {}

  /** A new browser with a fresh profile in {@code dir} (a test's temporary folder); quit it. */
  public static WebDriver start(Path dir) {
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      throw new IllegalStateException("the browser tests need Debian's chromium and"
          + " chromium-driver (" + BROWSER + ", " + DRIVER + "):"
          + " apt-get install -y chromium chromium-driver");
    }
    CDP_LOG.setLevel(java.util.logging.Level.SEVERE);
    Path profile;
    try {
      profile = Files.createDirectories(dir.resolve("chromium"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        .withLogFile(new File(profile.toFile(), "chromedriver.log"))
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1280,1000", "--user-data-dir=" + profile.resolve("profile"));
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }
}
