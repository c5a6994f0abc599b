package io.hcp360.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.config.JobConfigLoader;
import io.hcp360.db.Database;
import io.hcp360.db.DatabaseSettings;
import io.hcp360.match.rules.RuleSetLoader;
import io.hcp360.steward.QueueFilter;
import io.hcp360.steward.QueueItem;
import io.hcp360.steward.StewardService;
import io.hcp360.testing.Chromium;
import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review page in a real headless Chromium, over the real store after a run of the
 * review-band fixture (three pairs in the review band: crm/C3 ~ mdm/M3 and crm/C4 ~ mdm/M4 in
 * the US, crm/C5 ~ mdm/M5 in Germany; crm/C1 and mdm/M1 merged by their NPI). The application
 * is started once for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewPageIT {
  private static final String STEWARD = "ana";
  private static final String STEWARD_PASSWORD = "an4-Reviews";
  private static final String VIEWER = "vic";
  private static final String VIEWER_PASSWORD = "v1c-Reads";

  @TempDir static Path dir;

  private Path job;
  private String url;
  private Jdbi jdbi;
  private Database db;
  private StewardService steward;
  private ReviewWebServer server;
  private WebDriver browser;
  private final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  void start() throws IOException {
    job = Fixtures.copy("review-band", dir.resolve("job")).resolve("job.yaml");
    url = TestPostgres.freshDatabaseUrl();
    jdbi = Jdbi.create(url);
    runJob();
    db = Database.open(new DatabaseSettings(Optional.of(url), Optional.empty(), Optional.empty(),
        dir.resolve("unused"), 0));
    steward = new StewardService(db.jdbi(),
        RuleSetLoader.load(JobConfigLoader.load(job).rules()));
    Path users = dir.resolve("stewards.yaml");
    Files.writeString(users, """
        users:
          - {name: %s, role: steward, password: "%s"}
          - {name: %s, role: viewer, password: "%s"}
        """.formatted(STEWARD, Passwords.hash(STEWARD_PASSWORD), VIEWER,
        Passwords.hash(VIEWER_PASSWORD)));
    server = ReviewWebServer.start(steward, UsersFile.load(users), 0);
    browser = Chromium.start(dir);
  }

  @AfterEach
  void signOut() {
    browser.manage().deleteAllCookies();
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void stewardApprovesAPairAndUnmergesARecordAndTheNextRunHonoursBoth() {
    signIn(STEWARD, STEWARD_PASSWORD);
    assertThat(browser.findElement(By.id("signed-in")).getText()).isEqualTo(STEWARD);

    // The queue, filtered by market: the German pair only.
    WebElement market = browser.findElement(By.name("market"));
    market.clear();
    market.sendKeys("DE", Keys.ENTER);
    waitFor(ExpectedConditions.urlContains("market=DE"));
    assertThat(rowsOf("items")).hasSize(1).first().asString()
        .contains("crm/C5").contains("mdm/M5").contains("DE");

    // The US pairs one at a time: the first one side by side with the reasons for its score.
    open("queue?market=US");
    assertThat(rowsOf("items")).hasSize(2);
    browser.findElement(By.id("start")).click();
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("reasons")));
    long itemId = Long.parseLong(browser.findElement(By.id("item-id")).getText());
    QueueItem item = steward.item(itemId).orElseThrow().item();
    assertThat(item.market()).isEqualTo("US");
    assertThat(browser.findElement(By.id("score")).getText())
        .isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", item.score()));
    WebElement lastName = reason("last_name");
    assertThat(lastName.getAttribute("class")).isEqualTo("positive");
    assertThat(lastName.findElement(By.className("level")).getText()).isEqualTo("exact");
    assertThat(lastName.findElement(By.className("weight")).getText()).startsWith("+");
    WebElement address = reason("location");
    assertThat(address.getAttribute("class")).isEqualTo("negative");
    assertThat(address.findElement(By.className("weight")).getText()).startsWith("-");

    // A comment, then the keyboard: c writes a comment, Esc leaves it, a approves.
    new Actions(browser).sendKeys("c").perform();
    new Actions(browser).sendKeys("same person; the MDM has her old practice", Keys.ESCAPE)
        .perform();
    new Actions(browser).sendKeys("a").perform();
    waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"),
        "Approved item " + itemId));
    // The next US item is shown.
    assertThat(Long.parseLong(browser.findElement(By.id("item-id")).getText()))
        .isNotEqualTo(itemId);

    assertThat(Sql.strings(jdbi, """
        select action || ' ' || kind || ' ' || decided_by || ' ' || comment
        from hcp.steward_decision where item_id = %d""".formatted(itemId)))
        .containsExactly("approve must_link ana same person; the MDM has her old practice");
    assertThat(Sql.strings(jdbi, "select actor || ' ' || action from hcp.audit_log"
        + " where target like 'item " + itemId + ":%'")).containsExactly("ana approve");
    assertThat(steward.queue(QueueFilter.pending()).stream().map(QueueItem::itemId))
        .doesNotContain(itemId);

    // The golden record of crm/C1 and mdm/M1: lineage, and mdm/M1 unmerged.
    String golden = goldenIds().get("crm/C1");
    assertThat(goldenIds().get("mdm/M1")).isEqualTo(golden);
    open("golden/" + golden);
    assertThat(browser.findElement(By.id("golden-id")).getText()).isEqualTo(golden);
    assertThat(rowsOf("lineage")).anySatisfy(row -> assertThat(row).contains("last_name")
        .contains("Smith"));
    assertThat(rowsOf("members")).hasSize(2);
    browser.findElement(By.cssSelector("tr[data-record='mdm/M1'] input[name=comment]"))
        .sendKeys("M1 is his father");
    browser.findElement(By.cssSelector("button[data-unmerge='mdm/M1']")).click();
    browser.switchTo().alert().accept();
    waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"),
        "mdm/M1 is taken out of " + golden));
    assertThat(Sql.strings(jdbi, """
        select action || ' ' || left_system || '/' || left_source_id || ' ' || right_system || '/'
          || right_source_id || ' ' || decided_by || ' ' || golden_id || ' ' || comment
        from hcp.steward_decision where action = 'unmerge'"""))
        .containsExactly("unmerge crm/C1 mdm/M1 ana " + golden + " M1 is his father");

    // The next run honours both: the approved pair is one HCP, the unmerged record is apart.
    runJob();
    Map<String, String> after = goldenIds();
    assertThat(after.get(item.left().toString())).isEqualTo(after.get(item.right().toString()));
    assertThat(after.get("crm/C1")).isEqualTo(golden);
    assertThat(after.get("mdm/M1")).isNotEqualTo(golden);
    assertThat(Sql.strings(jdbi, "select status from hcp.steward_decision"))
        .containsOnly("active");
  }

  @Test
  void aViewerSeesThePagesButCannotDecide() throws Exception {
    QueueItem item = pendingItem("DE");
    // A golden record of two records (crm/C1 and mdm/M1, or the pair approved by the other test).
    String golden = Sql.string(jdbi, "select golden_id from publish.hcp_xref group by golden_id"
        + " having count(*) = 2 order by golden_id limit 1");
    String member = Sql.string(jdbi, "select source_id from publish.hcp_xref where golden_id = '"
        + golden + "' and source = 'mdm'");
    signIn(VIEWER, VIEWER_PASSWORD);

    open("queue/" + item.itemId());
    assertThat(browser.findElement(By.id("reasons")).isDisplayed()).isTrue();
    assertThat(browser.findElements(By.id("decide"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("[data-key]"))).isEmpty();
    assertThat(browser.findElement(By.id("read-only")).isDisplayed()).isTrue();
    new Actions(browser).sendKeys("a").perform(); // the shortcut has nothing to press
    open("golden/" + golden);
    assertThat(rowsOf("members")).hasSize(2);
    assertThat(browser.findElements(By.cssSelector("button.unmerge"))).isEmpty();

    // A forged POST with the viewer's session and a valid CSRF token is refused all the same.
    String token = csrfToken();
    assertThat(post("queue/" + item.itemId() + "/approve", Map.of("_csrf", token)).statusCode())
        .isEqualTo(403);
    assertThat(post("golden/" + golden + "/unmerge",
        Map.of("_csrf", token, "system", "mdm", "sourceId", member)).statusCode())
        .isEqualTo(403);
    assertThat(Sql.count(jdbi, "select count(*) from hcp.steward_decision where decided_by = '"
        + VIEWER + "'")).isZero();
    assertThat(Sql.count(jdbi, "select count(*) from hcp.audit_log where actor = '" + VIEWER
        + "'")).isZero();
    assertThat(steward.item(item.itemId()).orElseThrow().item().status())
        .isEqualTo(item.status());
    assertThat(Sql.count(jdbi, "select count(*) from publish.hcp_xref where golden_id = '"
        + golden + "'")).isEqualTo(2);
  }

  @Test
  void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
    QueueItem item = pendingItem("DE");
    signIn(STEWARD, STEWARD_PASSWORD);
    open("queue/" + item.itemId());
    String token = csrfToken();

    HttpResponse<String> forged = post("queue/" + item.itemId() + "/reject",
        Map.of("comment", "no token"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(Sql.count(jdbi, "select count(*) from hcp.steward_decision where item_id = "
        + item.itemId())).isZero();
    assertThat(steward.item(item.itemId()).orElseThrow().item().status())
        .isEqualTo(item.status());

    // The same session with the page's token is let through (skip: nothing is decided).
    HttpResponse<String> withToken = post("queue/" + item.itemId() + "/skip",
        Map.of("_csrf", token));
    assertThat(withToken.statusCode()).isEqualTo(302);
    assertThat(Sql.strings(jdbi, "select actor || ' ' || action from hcp.audit_log"
        + " where target like 'item " + item.itemId() + ":%'")).containsExactly("ana skip");
  }

  @Test
  void goldenRecordsAreFoundBySourceRecordAndBadFiltersAreExplained() {
    signIn(VIEWER, VIEWER_PASSWORD);
    open("golden");
    browser.findElement(By.id("lookup")).sendKeys("crm:C1", Keys.ENTER);
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("golden-id")));
    assertThat(browser.findElement(By.id("golden-id")).getText())
        .isEqualTo(goldenIds().get("crm/C1"));
    open("golden?id=crm/NOPE");
    assertThat(browser.findElement(By.id("message")).getText())
        .isEqualTo("crm/NOPE is in no published golden record");

    open("queue?min=abc");
    assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("400");
    assertThat(browser.findElement(By.id("message")).getText()).contains("min 'abc'");
    open("queue?min=3&max=1");
    assertThat(browser.findElement(By.id("problem")).getText())
        .contains("minScore 3.0 is above maxScore 1.0");
  }

  @Test
  void aWrongPasswordDoesNotSignIn() {
    open("login");
    browser.findElement(By.id("username")).sendKeys(STEWARD);
    browser.findElement(By.id("password")).sendKeys("wrong", Keys.ENTER);
    waitFor(ExpectedConditions.urlContains("error"));
    open("queue");
    assertThat(browser.getCurrentUrl()).endsWith("/login");
  }

  // ---- helpers

  private void runJob() {
    Cli.Result run = Cli.run("run", "--job", job.toString(), "--db-url", url);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
  }

  private Map<String, String> goldenIds() {
    return Sql.strings(jdbi, "select source || '/' || source_id || '=' || golden_id"
        + " from publish.hcp_xref").stream().map(s -> s.split("="))
        .collect(Collectors.toMap(s -> s[0], s -> s[1]));
  }

  private QueueItem pendingItem(String market) {
    List<QueueItem> items = steward.queue(QueueFilter.pending().withMarket(market));
    assertThat(items).as("pending items in " + market).isNotEmpty();
    return items.get(0);
  }

  private void signIn(String user, String password) {
    open("login");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("sign-in")).click();
    waitFor(ExpectedConditions.urlContains("/queue"));
  }

  private void open(String path) {
    browser.get(server.uri().resolve(path).toString());
  }

  private void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
  }

  private WebElement reason(String comparison) {
    return browser.findElement(By.cssSelector("#reasons tr[data-comparison='" + comparison + "']"));
  }

  private List<String> rowsOf(String tableId) {
    return browser.findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
        .map(WebElement::getText).toList();
  }

  /** The CSRF token of the page's forms (the sign-out form is on every page). */
  private String csrfToken() {
    return browser.findElement(By.cssSelector("input[name=_csrf]")).getAttribute("value");
  }

  /** A form POST outside the browser, with the browser's session cookie. */
  private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    String session = browser.manage().getCookieNamed("HCP360_SESSION").getValue();
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.uri() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", "HCP360_SESSION=" + session)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
