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
    // Over a table wider than the screen (scroll-hints.js).
    scrollSideways: "Wider than the screen: swipe sideways to see all columns →",
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
    // The catalogue planner (catalogue.js); the plan itself is Python's, in this language.
    catalogue: {
      ready: "Ready: choose a file or paste your list, then plan.",
      attached: "Choose a file or paste your list, then plan. Your list stays in this browser.",
      tooLarge: (mb) => `The file is ${mb} MB; a catalogue file should be far smaller. Is it the right file?`,
      empty: "Choose a file or paste your product list first.",
      starting: "Starting the planner… your list is planned as soon as it is ready.",
      planning: "Planning…",
      planned: (products, problems) =>
        `Planned ${formatNumber(products)} product${products === 1 ? "" : "s"}.` +
        (problems ? ` ${formatNumber(problems)} problem${problems === 1 ? " is" : "s are"} listed below.` : ""),
      problem: (column, message) => (column ? `${column}: ${message}` : message),
      separator: " ",
    },
    // Presets, the pinned base and saved scenarios (scenarios.js).
    scenarios: {
      defaultBase: "the pinned base",
      sharedBase: "the base",
      pinned: (name) => `Pinned “${name}”: change any value to see the difference from it.`,
      unpinned: "The base is removed.",
      nameFirst: "Give the scenario a name first.",
      cannotSave: "This browser does not allow saving here (private mode or storage turned off).",
      saved: (name, replaced) => `${replaced ? "Replaced" : "Saved"} “${name}” in this browser.`,
      opened: (name) => `Opened “${name}”.`,
      deleted: (name) => `Deleted “${name}”.`,
      open: "Open",
      delete: "Delete",
      openNamed: (name) => `Open ${name}`,
      deleteNamed: (name) => `Delete ${name}`,
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
    scrollSideways: "表格比屏幕宽，左右滑动可查看全部列 →",
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
    catalogue: {
      ready: "已就绪：选择文件或粘贴商品清单，然后点“开始规划”。",
      attached: "选择文件或粘贴商品清单，然后点“开始规划”。清单只留在你的浏览器里。",
      tooLarge: (mb) => `这个文件有 ${mb} MB，商品清单一般小得多。是不是选错文件了？`,
      empty: "请先选择文件，或者粘贴商品清单。",
      starting: "正在启动规划器……准备好后马上规划你的清单。",
      planning: "正在规划……",
      planned: (products, problems) =>
        `已规划 ${formatNumber(products)} 个商品。` + (problems ? `下面列出了 ${formatNumber(problems)} 个问题。` : ""),
      problem: (column, message) => (column ? `${column}：${message}` : message),
      separator: "",
    },
    scenarios: {
      defaultBase: "原方案",
      sharedBase: "原方案",
      pinned: (name) => `已把“${name}”设为对比基准：改动任意一项，就能看到和它的差别。`,
      unpinned: "已取消对比基准。",
      nameFirst: "请先给方案起个名字。",
      cannotSave: "这个浏览器不允许在这里保存（可能是无痕模式，或者关闭了网站存储）。",
      saved: (name, replaced) => `已${replaced ? "覆盖" : "保存"}“${name}”，存在这个浏览器里。`,
      opened: (name) => `已打开“${name}”。`,
      deleted: (name) => `已删除“${name}”。`,
      open: "打开",
      delete: "删除",
      openNamed: (name) => `打开${name}`,
      deleteNamed: (name) => `删除${name}`,
    },
  },
};

export const messages = MESSAGES[language];
