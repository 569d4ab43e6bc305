package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.random.Seeds;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The folders of a long-kept mailbox: the well-known folders, an archive by year and month, and
 * folders per client and per project under the Inbox. The same mailbox always has the same tree.
 */
final class FolderTree {

  static final List<String> WELL_KNOWN =
      List.of(
          "\\Inbox",
          "\\Sent Items",
          "\\Drafts",
          "\\Deleted Items",
          "\\Junk Email",
          "\\Archive",
          "\\Conversation History",
          "\\Outbox");

  private static final List<String> CLIENTS =
      List.of(
          "Abbott",
          "Barker",
          "Calloway",
          "Dunmore",
          "Ellison",
          "Farrow",
          "Garland",
          "Hartley",
          "Irving",
          "Jessop",
          "Kendrick",
          "Lyall",
          "Merriman",
          "Norcott",
          "Oakley",
          "Prescott",
          "Quayle",
          "Rowntree",
          "Sinclair",
          "Thackeray",
          "Underhill",
          "Vickers",
          "Whitlock",
          "Yardley");

  private FolderTree() {}

  /** {@code count} distinct folder paths of the mailbox seeded {@code mailboxSeed}. */
  static List<String> of(long mailboxSeed, int count) {
    SplittableRandom rng = Seeds.stream(mailboxSeed, 0xF01DE2L);
    Set<String> paths = new LinkedHashSet<>(WELL_KNOWN);
    for (int year = 2025; year >= 2012 && paths.size() < count * 2 / 3; year--) {
      for (Month month : Month.values()) {
        paths.add(
            "\\Archive\\"
                + year
                + "\\"
                + String.format(Locale.ROOT, "%02d ", month.getValue())
                + month.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
      }
    }
    while (paths.size() < count) {
      if (rng.nextBoolean()) {
        paths.add(
            "\\Inbox\\Clients\\"
                + CLIENTS.get(rng.nextInt(CLIENTS.size()))
                + " "
                + (char) ('A' + rng.nextInt(26)));
      } else {
        paths.add("\\Inbox\\Projects\\PRJ-" + (1000 + rng.nextInt(9000)));
      }
    }
    return new ArrayList<>(paths).subList(0, count);
  }
}
