// The two charts of the main calculator, drawn with uPlot (self-hosted, loaded on first use).
// Both repeat figures that the results tables already give in text, which is their alternative.
//
// Profit after effort is affine in units per month (contribution_per_unit x units - fixed_costs,
// both in the result), so each mode's line needs no further evaluation of the model.

import { formatNumber, messages } from "./messages.js";

const COLOURS = ["#1e88e5", "#f4511e", "#43a047"];
const POINTS = 41;
let uPlotModule = null;

async function loadUPlot(urls) {
  if (!document.querySelector("link[data-amc-uplot]")) {
    const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: urls.uplotCss });
    link.dataset.amcUplot = "";
    document.head.append(link);
  }
  uPlotModule ??= import(urls.uplot).then((module) => module.default);
  return uPlotModule;
}

// Draws both charts, or updates ``previous`` (what this returned last time) in place when the
// shape (modes, tasks) is unchanged, which is much cheaper than building new plots.
export async function drawCharts(box, result, previous, urls) {
  const uPlot = await loadUPlot(urls);
  const shape = result.modes.map((m) => `${m.id}:${m.tasks.length}`).join(",");
  if (previous && previous.shape === shape) {
    previous.profit.setData(profitData(result));
    previous.hours.setData(hoursData(result));
    previous.current.result = result;
    return previous;
  }
  previous?.destroy();
  const [profitBox, hoursBox] = box.querySelectorAll(".amc-chart-canvas");
  const width = Math.max(280, Math.min(720, box.clientWidth || 640));
  const look = lookOf(box, width);
  const current = { result }; // the legend reads the latest result through this
  return {
    shape,
    current,
    profit: new uPlot(profitOptions(() => current.result, look), profitData(result), clear(profitBox)),
    hours: new uPlot(hoursOptions(result, look), hoursData(result), clear(hoursBox)),
    destroy() {
      this.profit.destroy();
      this.hours.destroy();
    },
  };
}

// Sizes and colours for this box: axis text in the page's own text colour (readable in the
// light and the dark scheme); on a narrow screen a legend of names only (a live legend with a
// value per series would stack dashes until touched) and upright task labels.
function lookOf(box, width) {
  const style = getComputedStyle(box);
  const text = style.color;
  const grid = style.getPropertyValue("--md-default-fg-color--lightest").trim() || "rgba(0,0,0,0.07)";
  const narrow = width < 500;
  const axis = { stroke: text, grid: { stroke: grid }, ticks: { stroke: grid } };
  return { width, narrow, axis, legend: { live: !narrow } };
}

function clear(element) {
  element.replaceChildren();
  return element;
}

function finite(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function unitsRange(result) {
  const typed = result.scenario.units_per_month;
  const breakEvens = result.modes.map((m) => finite(m.break_even_units) ?? 0);
  return Math.max(10, 2 * typed, 1.5 * Math.max(...breakEvens));
}

function profitData(result) {
  const top = unitsRange(result);
  const xs = Array.from({ length: POINTS }, (_, i) => (top * i) / (POINTS - 1));
  const lines = result.modes.map((m) => xs.map((x) => finite(m.contribution_per_unit * x - m.fixed_costs)));
  // Break-even markers: a series that is null everywhere except at each mode's break-even.
  const markerXs = result.modes.map((m) => finite(m.break_even_units)).filter((x) => x !== null && x <= top);
  const allXs = [...new Set([...xs, ...markerXs])].sort((a, b) => a - b);
  const at = (series) => allXs.map((x) => {
    const i = xs.indexOf(x);
    return i >= 0 ? series[i] : null;
  });
  const markers = result.modes.map((m) => allXs.map((x) => (x === finite(m.break_even_units) ? 0 : null)));
  return [allXs, ...lines.map(at), ...markers];
}

function profitOptions(currentResult, look) {
  const result = currentResult();
  const words = messages.chart;
  const money = words.money;
  const lineSeries = result.modes.map((m, i) => ({
    label: words.profitSeries(m.label),
    stroke: COLOURS[i], width: 2, spanGaps: true, value: (u, v) => (v == null ? "–" : money(v)),
  }));
  const markerSeries = result.modes.map((m, i) => ({
    label: words.breakEvenSeries(m.label), stroke: COLOURS[i], width: 0,
    points: { show: true, size: 9, fill: COLOURS[i] },
    value: () => {
      const units = finite(currentResult().modes[i].break_even_units);
      return units == null ? words.never : words.units(units);
    },
  }));
  return {
    width: look.width, height: 300, legend: look.legend,
    series: [{ label: words.unitsPerMonth, value: (u, v) => (v == null ? "–" : formatNumber(Math.round(v))) },
      ...lineSeries, ...markerSeries],
    axes: [{ ...look.axis, label: words.unitsAxis },
      { ...look.axis, label: words.moneyAxis, size: 70, values: (u, vals) => vals.map((v) => formatNumber(v)) }],
    scales: { x: { time: false } },
  };
}

function hoursData(result) {
  // Tasks on x (as indices), one series of hours per mode.
  const tasks = result.modes[0].tasks;
  const xs = tasks.map((_, i) => i);
  return [xs, ...result.modes.map((m) => m.tasks.map((t) => finite(t.hours)))];
}

function hoursOptions(result, look) {
  const tasks = result.modes[0].tasks;
  const bars = uPlotBars();
  const words = messages.chart;
  return {
    width: look.width, height: look.narrow ? 340 : 300, legend: look.legend,
    series: [
      { label: words.task, value: (u, i) => (i == null ? "–" : tasks[i]?.label ?? "") },
      ...result.modes.map((m, i) => ({
        label: words.hoursSeries(m.label), stroke: COLOURS[i], fill: `${COLOURS[i]}99`, width: 1,
        paths: bars(i, result.modes.length), points: { show: false },
        value: (u, v) => (v == null ? "–" : words.hours(v)),
      })),
    ],
    axes: [
      { ...look.axis, values: (u, vals) => vals.map((i) => (Number.isInteger(i) ? shortLabel(tasks[i]?.label) : "")),
        rotate: look.narrow ? -90 : -40, size: look.narrow ? 130 : 110, splits: () => tasks.map((_, i) => i) },
      { ...look.axis, label: words.hoursAxis, size: 60 },
    ],
    scales: { x: { time: false, range: [-0.5, tasks.length - 0.5] }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
  };
}

function shortLabel(label) {
  if (!label) return "";
  return label.length > 18 ? `${label.slice(0, 17)}…` : label;
}

// Grouped bars without uPlot's optional bars plugin: each mode draws its own slot per task.
function uPlotBars() {
  return (slot, slots) => (u, seriesIdx) => {
    const xs = u.data[0];
    const ys = u.data[seriesIdx];
    const fill = new Path2D();
    const groupWidth = (u.valToPos(1, "x", true) - u.valToPos(0, "x", true)) * 0.8;
    const barWidth = groupWidth / slots;
    const zero = u.valToPos(0, "y", true);
    for (let i = 0; i < xs.length; i++) {
      if (ys[i] == null) continue;
      const left = u.valToPos(xs[i], "x", true) - groupWidth / 2 + slot * barWidth;
      const top = u.valToPos(ys[i], "y", true);
      fill.rect(left, top, barWidth, zero - top);
    }
    return { stroke: fill, fill };
  };
}
