"""Chart labels and legends that can be read (issue 11, point 1): at 360 px and at 1280 px no
two tick labels of an axis overlap, none is cut off by its axis' space, and no two legend
entries overlap each other or the plot.

The labels are drawn on a canvas, so their boxes are worked out from uPlot's own layout, as it
draws them: each axis' split positions (valToPos), the texts it drew (_values), its font, its
rotation and alignment, and the space it gave the axis (_size); the texts are measured in the
same font. The legend is HTML: its boxes are the browser's."""

from __future__ import annotations

import json

import pytest
from test_calculator import EDITIONS, ROOT, wait_live

# For each chart and axis: the labels' corners in CSS px (the axis' fixed coordinate is 0)
# and how far they reach from the plot's edge, then the legend entries' and the plot's boxes.
LAYOUT = """(root) => {
  const charts = root.amc.charts, measure = document.createElement("canvas").getContext("2d");
  const out = {};
  for (const name of ["profit", "hours"]) {
    const u = charts[name], axes = [];
    u.axes.forEach((axis, k) => {
      if (!axis.show || !axis._values) return;
      const ori = k === 0 ? 0 : 1, angle = (axis._rotate || 0) * -Math.PI / 180;
      const size = axis.font[2];  // CSS px
      measure.font = axis.font[0].replace(/\\d+px/, `${size}px`);
      const key = ori === 0 ? "x" : "y";
      const labels = [];
      axis._splits.forEach((split, i) => {
        const text = axis._values[i];
        if (text == null || `${text}` === "") return;
        const w = measure.measureText(`${text}`).width, h = size;
        // The text's box around its anchor, as uPlot aligns it (right and middle when rotated,
        // centred below a bottom axis, right and middle left of a left axis).
        const box = angle ? [[-w, -h / 2], [0, -h / 2], [0, h / 2], [-w, h / 2]]
          : ori === 0 ? [[-w / 2, 0], [w / 2, 0], [w / 2, h], [-w / 2, h]]
          : [[-w, -h / 2], [0, -h / 2], [0, h / 2], [-w, h / 2]];
        const pos = u.valToPos(split, key);
        const corners = box.map(([x, y]) => {
          const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
          const [rx, ry] = [x * cos - y * sin, x * sin + y * cos];
          return ori === 0 ? [pos + rx, ry] : [rx, pos + ry];
        });
        const reach = Math.max(...corners.map(([x, y]) => (ori === 0 ? y : -x)));
        labels.push({text: `${text}`, corners, reach});
      });
      // The axis' own space (its title gets labelSize more, beyond it).
      const room = axis._size - (axis.ticks.show ? axis.ticks.size : 0) - axis.gap;
      axes.push({axis: k, room, labels});
    });
    const rect = (el) => {
      const r = el.getBoundingClientRect();
      return [r.left, r.top, r.right, r.bottom];
    };
    out[name] = {
      axes,
      legend: [...u.root.querySelectorAll(".u-legend .u-series")].filter((el) => el.offsetParent)
        .map((el) => ({text: el.textContent.trim(), box: rect(el)})),
      canvas: rect(u.root.querySelector("canvas")),
      figure: rect(u.root.closest(".amc-chart")),
    };
  }
  return out;
}"""


def separated(a: list, b: list) -> bool:
    """Whether two convex quadrilaterals do not overlap (separating axis theorem, 0.5 px slack)."""
    for quad in (a, b):
        for i in range(4):
            (x1, y1), (x2, y2) = quad[i], quad[(i + 1) % 4]
            nx, ny = y2 - y1, x1 - x2
            length = (nx * nx + ny * ny) ** 0.5 or 1
            pa = [(x * nx + y * ny) / length for x, y in a]
            pb = [(x * nx + y * ny) / length for x, y in b]
            if max(pa) <= min(pb) + 0.5 or max(pb) <= min(pa) + 0.5:
                return True
    return False


def overlapping(boxes: list[tuple[str, list]]) -> list[tuple[str, str]]:
    return [(a, b) for i, (a, qa) in enumerate(boxes) for b, qb in boxes[i + 1:]
            if not separated(qa, qb)]


def quad(box: list[float]) -> list:
    left, top, right, bottom = box
    return [[left, top], [right, top], [right, bottom], [left, bottom]]


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize(("width", "height"), [(360, 740), (1280, 800)])
def test_chart_labels_and_legends_do_not_overlap(chromium, server, width, height, edition):
    context = chromium.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(server.url(EDITIONS[edition]))
    wait_live(page)
    page.wait_for_function(f"() => document.querySelector('{ROOT}').amc.charts?.hours")
    layout = page.eval_on_selector(ROOT, LAYOUT)
    context.close()
    problems = []
    for name, chart in layout.items():
        assert len(chart["legend"]) >= 3, name  # one entry per mode at least
        for axis in chart["axes"]:
            labels = axis["labels"]
            assert len(labels) >= 3, (name, axis["axis"])
            where = f"{name} axis {axis['axis']}"
            problems += [f"{where}: {a} overlaps {b}" for a, b in
                         overlapping([(label["text"], label["corners"]) for label in labels])]
            problems += [f"{where}: {label['text']} needs {label['reach']:.0f} px of "
                         f"{axis['room']:.0f}" for label in labels
                         if label["reach"] > axis["room"] + 0.5]
        legend = [(entry["text"], quad(entry["box"])) for entry in chart["legend"]]
        problems += [f"{name} legend: {a} overlaps {b}" for a, b in overlapping(legend)]
        problems += [f"{name} legend: {text} overlaps the plot" for text, box in legend
                     if not separated(box, quad(chart["canvas"]))]
        left, _, right, _ = chart["figure"]
        problems += [f"{name} legend: {entry['text']} is outside the chart" for entry in
                     chart["legend"] if entry["box"][0] < left - 1 or entry["box"][2] > right + 1]
    assert problems == [], json.dumps(problems, indent=1, ensure_ascii=False)
