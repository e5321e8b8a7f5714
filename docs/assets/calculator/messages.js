// Every sentence the calculator's script shows to readers, in one place, in each language of the
// site. (The result tables' words come from calculators/report.py, in the page's language, not
// from here.) The page's language is its <html lang>: each edition is its own build, and switching
// language loads the other edition's page, so it never changes while this module lives.

export const language = document.documentElement.lang.startsWith("zh") ? "zh" : "en";
const LOCALE = { en: "en-US", zh: "zh-CN" }[language];

export const formatNumber = (value, options = {}) => value.toLocaleString(LOCALE, options);
const money = (value) =>
  `¥${formatNumber(Math.abs(value), { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

// Why the live calculator could not start, by the runtime's failure code (runtime.js).
const FAILURES = {
  en: {
    "wasm-blocked": () => "your browser blocks WebAssembly, which the calculator needs to run Python " +
      "(a security setting, an extension or the site's content security policy).",
    worker: () => "your browser could not start the calculator's background script.",
    missing: ({ file, status }) => `a file it needs is missing from the site (${file}, HTTP ${status}).`,
    integrity: ({ file }) => `a file failed its integrity check (${file}): it is not the file this ` +
      "site was built with, so it was not run.",
    network: ({ file }) => `a file could not be downloaded (${file}). Check your connection.`,
    timeout: ({ seconds }) => `Python did not start within ${seconds} s.`,
    model: () => "the calculator's model failed to start.",
    runtime: ({ reason }) => `${reason || "an unexpected error"}.`,
  },
  zh: {
    "wasm-blocked": () => "你的浏览器禁用了 WebAssembly，而计算器要靠它运行 Python（可能是安全设置、浏览器插件或本站的内容安全策略所致）。",
    worker: () => "你的浏览器无法启动计算器的后台脚本。",
    missing: ({ file, status }) => `网站上缺少它需要的文件（${file}，HTTP ${status}）。`,
    integrity: ({ file }) => `有个文件没通过完整性校验（${file}）：它和生成本站时的文件不一致，所以没有运行。`,
    network: ({ file }) => `有个文件下载失败（${file}），请检查网络连接。`,
    timeout: ({ seconds }) => `Python 在 ${seconds} 秒内没能启动。`,
    model: () => "计算器的模型启动失败。",
    runtime: ({ reason }) => `${reason || "出现了意外错误"}。`,
  },
}[language];

const MESSAGES = {
  en: {
    prerendered: "These numbers are for the default values. Change any value to recalculate in your browser.",
    stages: {
      starting: "Starting the calculator…",
      downloading: "Downloading the Python runtime…",
      "loading-package": "Loading the calculators…",
      "starting-model": "Starting the model…",
    },
    live: "Live: results update as you type.",
    failed: (failure) => `The live calculator could not start: ${(FAILURES[failure.code] || FAILURES.runtime)(failure)}`,
    // Results that belong to other values than the form shows (runtime not ready yet, or failed).
    otherValues: ({ defaults, failed }) =>
      `The results below are for ${defaults ? "the default values" : "your previous values"}, not the ` +
      `ones above${failed ? "" : ": they update once the calculator has started"}.`,
    fixValues: "Fix the highlighted values: the results below are from your last valid input.",
    linkCopied: "Link copied: it reopens these numbers.",
    copyByHand: "Copy this link:",
    // The live region's one sentence after each result.
    announce: ({ label, profit, change }) =>
      `${label}: ${money(profit)} a month after your time` +
      (change ? `, ${change > 0 ? "up" : "down"} ${money(change)} since the last result.` : "."),
    recommended: (label) => `Recommended: ${label}`,
    chart: {
      profitSeries: (label) => `${label} (profit after your time)`,
      breakEvenSeries: (label) => `${label} break-even`,
      never: "never",
      units: (n) => `${formatNumber(Math.round(n))} units`,
      money: (v) => `${formatNumber(Math.round(v))} CNY`,
      unitsPerMonth: "Units per month",
      unitsAxis: "Units sold per month",
      moneyAxis: "CNY per month",
      task: "Task",
      hoursSeries: (label) => `${label} (hours)`,
      hours: (v) => `${formatNumber(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} h`,
      hoursAxis: "Hours per month",
    },
  },
  zh: {
    prerendered: "这些是按默认值算出的结果。改动任意一项，浏览器就会重新计算。",
    stages: {
      starting: "正在启动计算器…",
      downloading: "正在下载 Python 运行环境…",
      "loading-package": "正在加载计算模块…",
      "starting-model": "正在启动模型…",
    },
    live: "已就绪：边输入边出结果。",
    failed: (failure) => `计算器没能启动：${(FAILURES[failure.code] || FAILURES.runtime)(failure)}`,
    otherValues: ({ defaults, failed }) =>
      `下面的结果是按${defaults ? "默认值" : "你上一次填的数"}算的，不是上面现在填的数` +
      `${failed ? "" : "；计算器启动后会自动更新"}。`,
    fixValues: "请改正标出的数值：下面的结果是按你上一次填对的数算的。",
    linkCopied: "链接已复制，打开它就能看到这组数字。",
    copyByHand: "请复制这个链接：",
    announce: ({ label, profit, change }) =>
      `${label}：扣除工时后每月 ${money(profit)}` +
      (change ? `，比上次${change > 0 ? "多" : "少"} ${money(change)}。` : "。"),
    recommended: (label) => `推荐：${label}`,
    chart: {
      profitSeries: (label) => `${label}（扣除工时后的利润）`,
      breakEvenSeries: (label) => `${label}保本点`,
      never: "无法保本",
      units: (n) => `${formatNumber(Math.round(n))} 件`,
      money: (v) => `${formatNumber(Math.round(v))} 元`,
      unitsPerMonth: "每月件数",
      unitsAxis: "每月销量（件）",
      moneyAxis: "每月金额（元）",
      task: "工作",
      hoursSeries: (label) => `${label}（小时）`,
      hours: (v) => `${formatNumber(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} 小时`,
      hoursAxis: "每月小时数",
    },
  },
};

export const messages = MESSAGES[language];
