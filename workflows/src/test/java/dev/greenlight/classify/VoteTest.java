package dev.greenlight.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.Runbook;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The closest labelled texts vote on a report's label; an incident no runbook covers is one voter
 * among them.
 */
class VoteTest {
  private final List<Runbook> demo = ConfigLoader.loadDemo().runbooks();
  private final Runbook oomKilled = runbook("oom-killed");
  private final Runbook staleCache = runbook("stale-cache");

  @Test
  void anUncoveredIncidentWinsWhenItsKindHasTheWeight() {
    Vote vote = new Vote(Vote.VOTERS);
    vote.offer(null, "memory at 70% of the limit and steady", 0.90);
    vote.offer(null, "memory high but stable, no restarts", 0.88);
    vote.offer(oomKilled, "OOMKilled after the import", 0.89);

    Neighbour n = vote.winner();

    assertThat(n.runbook()).isNull();
    assertThat(n.text()).isEqualTo("memory at 70% of the limit and steady");
  }

  @Test
  void aSingleClosestUncoveredIncidentIsOutvotedByManyCloseTextsOfARunbook() {
    Vote vote = new Vote(Vote.VOTERS);
    vote.offer(null, "memory at 70% of the limit and steady", 0.90);
    for (int i = 0; i < Vote.VOTERS - 1; i++) {
      vote.offer(oomKilled, "OOMKilled " + i, 0.89);
    }

    Neighbour n = vote.winner();

    assertThat(n.runbook()).isEqualTo(oomKilled);
    assertThat(n.text()).isEqualTo("OOMKilled 0");
  }

  @Test
  void severalCloseTextsOfOneLabelOutvoteTheSingleClosestOfAnother() {
    Vote vote = new Vote(Vote.VOTERS);
    vote.offer(oomKilled, "exit 137 in the batch", 0.80);
    vote.offer(staleCache, "old prices after the import", 0.79);
    vote.offer(staleCache, "cache keeps yesterday's catalog", 0.78);
    vote.offer(null, "Redis down", 0.20);

    Neighbour n = vote.winner();

    assertThat(n.runbook()).isEqualTo(staleCache);
    assertThat(n.text()).isEqualTo("old prices after the import");
    assertThat(n.similarity()).isEqualTo(0.79);
  }

  @Test
  void oneCloseTextOutweighsSeveralFarOnes() {
    Vote vote = new Vote(Vote.VOTERS);
    vote.offer(oomKilled, "pods OOMKilled", 0.95);
    for (int i = 0; i < 5; i++) {
      vote.offer(staleCache, "stale " + i, 0.70);
    }

    assertThat(vote.winner().runbook()).isEqualTo(oomKilled);
  }

  @Test
  void onlyTheClosestVoteAndNothingOfferedIsNoNeighbour() {
    Vote vote = new Vote(3);
    assertThat(vote.winner()).isNull();
    // Far texts offered first are pushed out by closer ones.
    vote.offer(staleCache, "far 1", 0.30);
    vote.offer(staleCache, "far 2", 0.31);
    vote.offer(staleCache, "far 3", 0.32);
    vote.offer(oomKilled, "near 1", 0.60);
    vote.offer(oomKilled, "near 2", 0.61);
    vote.offer(oomKilled, "near 3", 0.62);

    assertThat(vote.winner().text()).isEqualTo("near 3");
  }

  @Test
  void theNeighboursSimilarityIsClampedToTheUnitRange() {
    Vote vote = new Vote(Vote.VOTERS);
    vote.offer(oomKilled, "rounding above one", 1.0000002);

    assertThat(vote.winner().similarity()).isEqualTo(1.0);
  }

  private Runbook runbook(String label) {
    return demo.stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
  }
}
