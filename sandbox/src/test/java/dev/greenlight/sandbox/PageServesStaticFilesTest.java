package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PageServesStaticFilesTest {

  private final SlackServer server = SlackServer.start();
  private final PageClient page = new PageClient(server);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void rootServesTheHtmlPageWithItsScriptAndStylesheet() throws Exception {
    HttpResponse<String> index = page.get("/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(index.body()).contains("/static/app.js").contains("/static/style.css");
    assertThat(index.body()).contains("data-testid=\"composer\"");

    HttpResponse<String> js = page.get("/static/app.js");
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(js.body()).contains("EventSource('/sandbox/events')");

    HttpResponse<String> css = page.get("/static/style.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));

    assertThat(page.get("/static/../pom.xml").statusCode()).isEqualTo(404);
    assertThat(page.get("/static/missing.js").statusCode()).isEqualTo(404);
  }
}
