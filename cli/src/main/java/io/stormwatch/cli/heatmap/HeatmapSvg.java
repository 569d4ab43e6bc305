package io.stormwatch.cli.heatmap;

import static io.stormwatch.cli.heatmap.IncidentHeatmap.DAYS;
import static io.stormwatch.cli.heatmap.IncidentHeatmap.HOURS;
import static io.stormwatch.cli.heatmap.IncidentHeatmap.WEEKDAYS;

import java.util.Locale;

/**
 * An incident's heatmap as an SVG picture: the account's own hours above the incident's, each cell
 * with a tooltip. Cells of the incident outside the account's own hours are drawn red and framed.
 */
final class HeatmapSvg {

  private static final int CELL = 22;
  private static final int LEFT = 48;
  private static final int WIDTH = LEFT + HOURS * CELL + 24;
  private static final int ACCOUNT_TOP = 100;
  private static final int INCIDENT_TOP = ACCOUNT_TOP + DAYS * CELL + 64;
  private static final int HEIGHT = INCIDENT_TOP + DAYS * CELL + 56;

  private static final String EMPTY = "#eeeeee";
  private static final int[] ACCOUNT_LIGHT = {0xc6, 0xdb, 0xef};
  private static final int[] ACCOUNT_DARK = {0x08, 0x30, 0x6b};
  private static final String WITHIN = "#f4a259";
  private static final String OUTSIDE = "#c62828";

  private HeatmapSvg() {}

  static String render(IncidentHeatmap heatmap) {
    StringBuilder svg = new StringBuilder();
    svg.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                    + " font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH,
                HEIGHT))
        .append(
            String.format(
                Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
    text(svg, 12, 24, 14, "bold", HeatmapText.heading(heatmap));
    text(svg, 12, 44, 12, "normal", HeatmapText.period(heatmap));
    text(svg, 12, ACCOUNT_TOP - 24, 13, "bold", "The account's own hours");
    text(
        svg,
        12 + 170,
        ACCOUNT_TOP - 24,
        12,
        "normal",
        "clock hours with any of its records; darker: more");
    grid(svg, ACCOUNT_TOP);
    int max = HeatmapText.max(heatmap.account());
    for (int cell = 0; cell < DAYS * HOURS; cell++) {
      int count = heatmap.account()[cell];
      cell(
          svg,
          ACCOUNT_TOP,
          cell,
          count == 0 ? EMPTY : blue((double) count / max),
          false,
          IncidentHeatmap.cellName(cell) + " UTC: active in " + hours(count));
    }
    text(svg, 12, INCIDENT_TOP - 24, 13, "bold", "The incident's hours");
    text(
        svg,
        12 + 150,
        INCIDENT_TOP - 24,
        12,
        "normal",
        "red, framed: outside the account's own hours");
    grid(svg, INCIDENT_TOP);
    for (int cell = 0; cell < DAYS * HOURS; cell++) {
      int count = heatmap.incident()[cell];
      boolean outside = count > 0 && heatmap.outsideAccountHours(cell);
      cell(
          svg,
          INCIDENT_TOP,
          cell,
          count == 0 ? EMPTY : outside ? OUTSIDE : WITHIN,
          outside,
          IncidentHeatmap.cellName(cell)
              + " UTC: incident in "
              + hours(count)
              + (count == 0 ? "" : outside ? ", outside the account's own hours" : ""));
    }
    text(svg, 12, HEIGHT - 18, 12, "normal", HeatmapText.verdict(heatmap));
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void grid(StringBuilder svg, int top) {
    for (int hour = 0; hour < HOURS; hour++) {
      text(
          svg,
          LEFT + hour * CELL + 4,
          top - 6,
          10,
          "normal",
          String.format(Locale.ROOT, "%02d", hour));
    }
    for (int day = 0; day < DAYS; day++) {
      text(svg, 12, top + day * CELL + 15, 12, "normal", WEEKDAYS.get(day));
    }
  }

  private static void cell(
      StringBuilder svg, int top, int cell, String fill, boolean framed, String tooltip) {
    int x = LEFT + (cell % HOURS) * CELL;
    int y = top + (cell / HOURS) * CELL;
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"%s\""
                + " stroke-width=\"%d\"><title>%s</title></rect>%n",
            x + 1,
            y + 1,
            CELL - 2,
            CELL - 2,
            fill,
            framed ? "black" : "white",
            framed ? 2 : 1,
            escape(tooltip)));
  }

  private static void text(
      StringBuilder svg, int x, int y, int size, String weight, String content) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"%s\">%s</text>%n",
            x,
            y,
            size,
            weight,
            escape(content)));
  }

  private static String blue(double share) {
    int[] rgb = new int[3];
    for (int i = 0; i < 3; i++) {
      rgb[i] = (int) Math.round(ACCOUNT_LIGHT[i] + (ACCOUNT_DARK[i] - ACCOUNT_LIGHT[i]) * share);
    }
    return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
  }

  private static String hours(int count) {
    return count + (count == 1 ? " clock hour" : " clock hours");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
