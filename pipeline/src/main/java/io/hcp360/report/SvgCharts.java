package io.hcp360.report;

import java.util.List;
import java.util.Locale;

/**
 * Charts drawn as inline SVG on the server: the page needs no script and no network to show
 * them. Each chart is a {@code <svg>} element with a {@code <title>} for screen readers.
 */
final class SvgCharts {
  private static final int WIDTH = 760;

  private SvgCharts() {}

  /** One bar: a label and its stacked segments, in the series' order. */
  record Bar(String label, double[] values) {}

  /** A series of a chart: its name and colour. */
  record Series(String name, String colour) {}

  /** A vertical line at an x value (a threshold). */
  record Marker(String label, double x, String colour) {}

  /**
   * A histogram over consecutive one-unit bins {@code first .. first + bars - 1}, stacked by
   * series, with markers at x values; {@code log} scales heights by log10(1 + count).
   */
  static String histogram(String title, int first, List<Bar> bars, List<Series> series,
      List<Marker> markers, boolean log) {
    int height = 260;
    int left = 60;
    int top = 44;
    int bottom = 40;
    int plot = height - top - bottom;
    int n = Math.max(1, bars.size());
    double step = (double) (WIDTH - left - 20) / n;
    double max = bars.stream().mapToDouble(b -> scale(sum(b.values()), log)).max().orElse(1);
    max = Math.max(max, 1e-9);
    StringBuilder svg = open(title, height);
    svg.append(axis(left, top, plot, WIDTH - 20));
    svg.append(text(left - 6, top + 4, log ? "log" : fmt(maxCount(bars)), "end"));
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double x = left + i * step;
      double y = top + plot;
      for (int s = 0; s < bar.values().length; s++) {
        double below = 0;
        for (int t = 0; t < s; t++) {
          below += bar.values()[t];
        }
        double h0 = scale(below, log) / max * plot;
        double h1 = scale(below + bar.values()[s], log) / max * plot;
        if (h1 - h0 > 0) {
          svg.append(String.format(Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                  + "<title>%s: %s %s</title></rect>",
              x + 0.5, y - h1, Math.max(0.5, step - 1), h1 - h0, series.get(s).colour(),
              Html.escape(bar.label()), fmt(bar.values()[s]), Html.escape(series.get(s).name())));
        }
      }
      if (n <= 30 || i % Math.max(1, n / 15) == 0) {
        svg.append(text(x + step / 2, top + plot + 14, bar.label(), "middle"));
      }
    }
    for (int k = 0; k < markers.size(); k++) {
      Marker m = markers.get(k);
      double x = left + (m.x() - first) * step;
      x = Math.max(left, Math.min(WIDTH - 20, x));
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\""
          + " stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>", x, top - 10, x,
          top + plot, m.colour()));
      svg.append(text(x + 4, top - 12 - 12 * (k % 2), m.label(), "start")); // staggered

    }
    svg.append(text(left + (WIDTH - left - 20) / 2.0, height - 6, "match weight", "middle"));
    svg.append(legend(series, WIDTH - 20, 14));
    return svg.append("</svg>").toString();
  }

  /** Horizontal bars, stacked by series, one row per bar, with each total at its end. */
  static String horizontalBars(String title, List<Bar> bars, List<Series> series, String unit) {
    int row = 22;
    int top = 26;
    int labelWidth = 230;
    int height = top + Math.max(1, bars.size()) * row + 10;
    double max = bars.stream().mapToDouble(b -> sum(b.values())).max().orElse(1);
    max = Math.max(max, 1e-9);
    double plot = WIDTH - labelWidth - 90;
    StringBuilder svg = open(title, height);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double y = top + i * row;
      svg.append(text(labelWidth - 6, y + 14, bar.label(), "end"));
      double x = labelWidth;
      for (int s = 0; s < bar.values().length; s++) {
        double w = bar.values()[s] / max * plot;
        if (w > 0) {
          svg.append(String.format(Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                  + "<title>%s: %s %s</title></rect>",
              x, y + 3, Math.max(0.5, w), row - 6, series.get(s).colour(),
              Html.escape(bar.label()), fmt(bar.values()[s]), Html.escape(series.get(s).name())));
        }
        x += w;
      }
      svg.append(text(x + 6, y + 14, fmt(sum(bar.values())) + unit, "start"));
    }
    svg.append(legend(series, WIDTH - 10, 14));
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(String title, int height) {
    return new StringBuilder(4096).append(String.format(Locale.ROOT,
        "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">"
            + "<title>%s</title>", WIDTH, height, WIDTH, height, Html.escape(title)));
  }

  private static String axis(int left, int top, int plot, int right) {
    return String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\""
        + " stroke=\"#888\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
        left, top, left, top + plot, left, top + plot, right, top + plot);
  }

  private static String legend(List<Series> series, double right, double y) {
    StringBuilder out = new StringBuilder();
    double x = right;
    for (int i = series.size() - 1; i >= 0; i--) {
      Series s = series.get(i);
      x -= 14 + 7 * s.name().length();
      out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\""
          + " height=\"10\" fill=\"%s\"/>", x, y - 9, s.colour()));
      out.append(text(x + 13, y, s.name(), "start"));
      x -= 10;
    }
    return out.toString();
  }

  private static String text(double x, double y, String text, String anchor) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>",
        x, y, anchor, Html.escape(text));
  }

  private static double sum(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum;
  }

  private static double maxCount(List<Bar> bars) {
    return bars.stream().mapToDouble(b -> sum(b.values())).max().orElse(0);
  }

  private static double scale(double count, boolean log) {
    return log ? Math.log10(1 + count) : count;
  }

  /** Whole numbers with thousands separators, others with one decimal. */
  static String fmt(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.format(Locale.ROOT, "%,d", (long) value)
        : String.format(Locale.ROOT, "%,.1f", value);
  }
}
