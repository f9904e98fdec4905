package dev.greenlight.classify;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spots a report that does not ask for a fix: it says the problem is over or things look fine
 * ("looks good, closing the ticket", "resolved", "back to 0 by 03:25", "caught up"), or is a
 * transient state that passes by itself (a cache warming up after a restart) or a slow trend ("1% a
 * week", "projected to"), asks a question or for a change ("can we add a cache?", "how do I read
 * this dashboard"), is an announcement ("heads up", "fyi"), or says the runbook's failure is
 * absent: the metric is flat or stable, there is plenty of room, no restarts or errors, nothing
 * deployed, the data is correct. Such text can share a low-risk runbook's words ("cache hit ratio
 * up to 98%") without describing its incident, so a low-risk proposal for it goes to a person. On
 * normalized text.
 */
final class NotAProblem {
  private static final Pattern PHRASES =
      Pattern.compile(
          "\\b(looks?|looking|seems?|is|are|all|everything(\\s+is)?)\\s+(good|great|fine|ok|okay|normal|healthy|green)\\b"
              + "|\\b(resolved|fixed( now| it)?|closing|closed|recovered|mitigated"
              + "|back to (normal|0|zero|baseline|green|healthy)|subsided|went away|self[- ]resolved"
              + "|(?<!never |not |n't )caught up|warms? up|warming( up)?|while it warms"
              + "|\\d+(\\.\\d+)?\\s?% (a|per|each) (day|week|month)|forecast|projected to|predicted to"
              + "|working (again|fine|now)|no (action|issue|problem)s?( needed| here)?)\\b"
              + "|\\b(fyi|heads[- ]up|just (asking|flagging|wondering|curious)|question|wondering)\\b"
              + "|\\b(can|could|should|shall) (we|someone|somebody|you|i)\\b"
              + "|\\bhow (do|does|to|can|should)\\b|\\b(who|anyone) (knows?|owns?)\\b"
              + "|\\b(please review|pull request|postmortem|post-mortem|retro)\\b"
              + "|\\b(flat|stable|steady|unchanged|at baseline|plenty of|headroom)\\b"
              + "|\\bno (restarts?|errors?|evictions?|ooms?|oom ?kills?|kills?|impact|data loss"
              + "|customer impact|user impact)\\b"
              + "|\\bnothing (to do|deployed|shipped|changed|broken|lost)\\b"
              + "|\\b(data|prices|results|responses) ((is|are|looks?) )?(correct|fresh|current|up to date)\\b"
              + "|\\?");

  private NotAProblem() {}

  /** The phrase that shows the report asks for no fix, or null. */
  static String phrase(String normalizedText) {
    Matcher m = PHRASES.matcher(normalizedText.toLowerCase(Locale.ROOT));
    return m.find() ? m.group().strip() : null;
  }
}
