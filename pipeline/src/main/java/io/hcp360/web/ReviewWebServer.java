package io.hcp360.web;

import io.hcp360.steward.StewardService;
import java.net.URI;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The steward review web page: a Spring Boot web application on localhost over the steward
 * service, with the users of the users file. Closing it stops the server.
 */
public final class ReviewWebServer implements AutoCloseable {
  /** Held so that the setting sticks: Tomcat logs its start and stop through java.util.logging. */
  private static final java.util.logging.Logger TOMCAT_LOG =
      java.util.logging.Logger.getLogger("org.apache");

  private final ConfigurableApplicationContext context;
  private final int port;

  private ReviewWebServer(ConfigurableApplicationContext context, int port) {
    this.context = context;
    this.port = port;
  }

  /** Starts the page on 127.0.0.1 at {@code port} (0: a free one). */
  public static ReviewWebServer start(StewardService steward, List<User> users, int port) {
    // hcp360's logback.xml stays in charge of logging; Boot would set it up again.
    System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    TOMCAT_LOG.setLevel(java.util.logging.Level.WARNING);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(WebApplication.class)
        .web(WebApplicationType.SERVLET)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .registerShutdownHook(true)
        .initializers(c -> {
          c.getBeanFactory().registerSingleton("stewardService", steward);
          c.getBeanFactory().registerSingleton("reviewUsers", new ReviewUsers(users));
        })
        .run("--server.address=127.0.0.1", "--server.port=" + port,
            "--server.error.whitelabel.enabled=false", "--server.error.include-message=always",
            "--server.servlet.session.cookie.name=HCP360_SESSION",
            "--spring.thymeleaf.cache=true");
    int actual = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    return new ReviewWebServer(context, actual);
  }

  public int port() {
    return port;
  }

  /** The page's address: {@code http://localhost:PORT/}. */
  public URI uri() {
    return URI.create("http://localhost:" + port + "/");
  }

  @Override
  public void close() {
    context.close();
  }
}
