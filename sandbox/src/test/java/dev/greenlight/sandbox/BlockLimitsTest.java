package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.BlockCompositions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Like Slack, the sandbox refuses blocks over Block Kit's limits with invalid_blocks. */
class BlockLimitsTest {

  private final BoltHarness bolt = new BoltHarness();
  private final MethodsClient client = bolt.client();

  @AfterEach
  void stop() {
    bolt.close();
  }

  @Test
  void aSectionOverThreeThousandCharactersIsRefusedAndNotStored() throws Exception {
    List<LayoutBlock> tooLong =
        List.of(Blocks.section(s -> s.text(BlockCompositions.markdownText("&amp;".repeat(601)))));
    List<LayoutBlock> fits =
        List.of(Blocks.section(s -> s.text(BlockCompositions.markdownText("x".repeat(3000)))));

    assertThat(client.chatPostMessage(r -> r.channel("C0OPS").text("t").blocks(tooLong)).getError())
        .isEqualTo("invalid_blocks");
    assertThat(client.chatPostMessage(r -> r.channel("C0OPS").text("t").blocks(fits)).isOk())
        .isTrue();
    assertThat(bolt.server.messages("C0OPS")).hasSize(1);
  }

  @Test
  void editsAreCheckedToo() throws Exception {
    String ts = client.chatPostMessage(r -> r.channel("C0OPS").text("card")).getTs();
    List<LayoutBlock> header =
        List.of(Blocks.header(h -> h.text(BlockCompositions.plainText("h".repeat(151)))));

    assertThat(
            client.chatUpdate(r -> r.channel("C0OPS").ts(ts).text("t").blocks(header)).getError())
        .isEqualTo("invalid_blocks");
    assertThat(bolt.server.message("C0OPS", ts).orElseThrow().text()).isEqualTo("card");
  }
}
