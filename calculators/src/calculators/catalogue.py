"""A whole catalogue: which product in which mode, when store costs are paid once per mode used.

A merchant may run modes side by side (some products in Choice, others in their own store). Each
product, evaluated in each mode with the one model (``model.product_figures``: the formulas of
``model.evaluate_mode`` without its itemised rows), leaves a **product profit**: its profit after
effort with the store's fixed costs added back. The store's fixed costs of a mode (its
per-month, per-year and deposit components and the hours of its per-month tasks) are paid once
if any product uses the mode, at the highest rate among the catalogue's categories (a store
selling in several categories pays for the dearest).

The best plan is exact: for each of the non-empty sets of modes (7 for three modes), give each
product its best mode in the set and subtract the set's fixed costs; keep the best set. Ties
follow the recommendation's rule: within 0.01 CNY, fewer modes, then fewer hours, then the order
of the modes in the bundle (and within a set, per product, fewer hours, then mode order).
"""

from __future__ import annotations

import math
from itertools import combinations
from typing import NamedTuple

from . import inputs, params
from .catalogue_csv import read_table
from .checks import describe, plain
from .errors import InvalidInput, Problem
from .i18n import check_language, localized, say
from .model import ModeConstants, mode_constants, product_figures

PLAN_FORMAT = "aliexpress-modes/catalogue-plan"
PLAN_VERSION = 1
MAX_PRODUCTS = 5_000
TIE_CNY = 0.01
HEADER_CODES = ("unknown_column", "repeated_column", "missing_column")
SETTINGS = ("labour_rate_cny_per_hour", "fx_cny_per_usd")  # one value for the whole catalogue


class Column(NamedTuple):
    """One column of the catalogue file, as the documentation and the template list it."""

    name: str
    # Other headers accepted for it (Chinese, shorter words); the first is the Chinese heading
    # of the Chinese template.
    aliases: tuple[str, ...]
    required: bool
    default: float | None  # for an empty or missing optional cell; None: the column's own rule
    description: dict[str, str]  # {"en": ..., "zh": ...}


COLUMNS: tuple[Column, ...] = (
    Column("product", ("商品", "商品名称", "name", "sku"), True, None,
           {"en": "The product's name or SKU code, as you want to see it in the plan.",
            "zh": "商品名称或 SKU 编码，规划结果里就按这个显示。"}),
    Column("category", ("类目", "品类"), False, None,
           {"en": "A category id or name from the calculator's list; empty means the default.",
            "zh": "计算器类目表里的类目编号或名称；留空按默认类目算。"}),
    Column("retail_price_usd", ("零售价", "售价", "price"), True, None,
           {"en": "Price the buyer pays per unit, in US dollars.",
            "zh": "买家每件付的零售价，单位美元。"}),
    Column("cogs_cny", ("成本", "采购成本", "cost"), True, None,
           {"en": "What one unit costs you, packing included, in yuan.",
            "zh": "每件的拿货成本（含包装），单位元。"}),
    Column("weight_kg", ("重量", "weight"), True, None,
           {"en": "Packed weight of one unit, in kg.",
            "zh": "每件打包后的重量，单位公斤。"}),
    Column("units_per_month", ("月销量", "units"), True, None,
           {"en": "Units you expect to sell in a month as a self-operated store.",
            "zh": "按自运营店铺估计的每月销量（件）。"}),
    Column("units_per_order", ("每单件数",), False, 1.0,
           {"en": "Average units in one order (1 if empty).",
            "zh": "平均每单几件（留空按 1 件）。"}),
    Column("new_skus_per_month", ("每月新品数",), False, 0.0,
           {"en": "New SKUs of this product you list each month (0 if empty).",
            "zh": "这个商品每月上几个新 SKU（留空按 0）。"}),
    Column("active_skus", ("在售SKU数", "SKU数"), False, 1.0,
           {"en": "SKUs of this product on sale (1 if empty).",
            "zh": "这个商品在售的 SKU 数（留空按 1）。"}),
    Column("return_rate", ("退货率",), False, 0.03,
           {"en": "Share of sales refunded: 0.03 or 3% (3% if empty).",
            "zh": "退款订单占销售的比例，填 0.03 或 3% 都行（留空按 3%）。"}),
)
_BY_HEADER = {alias.casefold(): column for column in COLUMNS
              for alias in (column.name, *column.aliases)}
NUMBER_COLUMNS = tuple(column for column in COLUMNS if column.name not in ("product", "category"))


def template_csv(category: str, language: str = "en") -> str:
    """The header line and one example row (in ``category``), for merchants to fill in; in
    Chinese the headings are the Chinese ones, which the planner reads as well.

    >>> print(template_csv("toys").splitlines()[0])
    product,category,retail_price_usd,cogs_cny,weight_kg,units_per_month,units_per_order,new_skus_per_month,active_skus,return_rate
    >>> for line in template_csv("玩具", "zh").splitlines():
    ...     print(line)
    商品,类目,零售价,成本,重量,月销量,每单件数,每月新品数,在售SKU数,退货率
    手机壳 A,玩具,6.5,8,0.05,300,1,1,4,3%
    """
    example = {"en": ["Phone case A", category, "6.5", "8", "0.05", "300", "1", "1", "4",
                      "0.03"],
               "zh": ["手机壳 A", category, "6.5", "8", "0.05", "300", "1", "1", "4", "3%"]}
    header = [column.name if language == "en" else column.aliases[0] for column in COLUMNS]
    return ",".join(header) + "\r\n" + ",".join(example[check_language(language)]) + "\r\n"


def rows_from_table(header: list[str], rows: list[tuple[int, list[str]]],
                    language: str = "en") -> tuple[list[dict], list[dict]]:
    """Cells under known headers as row dicts (``row`` holds the line number), and problems
    with the header itself (an unknown or repeated column, a required one missing), in
    ``language``.

    >>> rows, problems = rows_from_table(["商品", "cogs_cny", "colour"], [(2, ["Mug", "1", "red"])])
    >>> rows
    [{'row': 2, 'product': 'Mug', 'cogs_cny': '1'}]
    >>> print(problems[0]["message"])  # doctest: +NORMALIZE_WHITESPACE
    Unknown column "colour": it is ignored. The columns are product, category, retail_price_usd,
    cogs_cny, weight_kg, units_per_month, units_per_order, new_skus_per_month, active_skus,
    return_rate.
    >>> print(rows_from_table(["商品"], [], "zh")[1][0]["message"])
    表头里缺少 "retail_price_usd" 这一列（买家每件付的零售价，单位美元。）
    """
    problems: list[dict] = []
    names: list[str | None] = []
    for position, title in enumerate(header, start=1):
        column = _BY_HEADER.get(title.strip().casefold())
        if column is None:
            if title.strip():
                known = say(language, "list_separator").join(c.name for c in COLUMNS)
                problems.append(_problem(1, title, "unknown_column", say(
                    language, "cat_unknown_column", title=describe(title), known=known)))
            names.append(None)
        elif column.name in names:
            problems.append(_problem(1, title, "repeated_column", say(
                language, "cat_repeated_column", name=describe(column.name), position=position)))
            names.append(None)
        else:
            names.append(column.name)
    for column in COLUMNS:
        if column.required and column.name not in names:
            problems.append(_problem(1, column.name, "missing_column", say(
                language, "cat_missing_column", name=describe(column.name),
                description=column.description[language])))
    result = []
    for line, cells in rows:
        row: dict = {"row": line}
        for name, cell in zip(names, cells, strict=False):
            if name is not None:
                row[name] = cell
        result.append(row)
    return result, problems


def _problem(row: int, column: str, code: str, message: str) -> dict:
    return {"row": row, "column": column, "code": code, "message": message}


def _cell_number(text: str, column: Column) -> float | str:
    """A cell as a spreadsheet writes numbers: '1,234.5', '¥12', 'US$3', '3%'; else the text."""
    try:
        number = float(text)  # most cells: a plain number
    except ValueError:
        pass
    else:
        if math.isfinite(number):
            return number
    cleaned = text.strip().replace(",", "").replace("，", "")
    for prefix in ("US$", "$", "¥", "￥", "CNY", "RMB", "USD"):
        cleaned = cleaned.removeprefix(prefix).strip()
    scale = 1.0
    if cleaned.endswith(("%", "％")) and column.name == "return_rate":
        cleaned, scale = cleaned[:-1].strip(), 0.01
    try:
        number = float(cleaned)
    except ValueError:
        return text
    return number * scale if math.isfinite(number) else text


def _category(value: object, parameters: dict) -> str | object:
    """A category id, or its label in any language and case; empty means the default
    category."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return parameters["default_category"]
    if isinstance(value, str):
        wanted = value.strip().casefold()
        for category in parameters["categories"]:
            label = category["label"]
            names = [category["id"], *(label.values() if isinstance(label, dict) else [label])]
            if wanted in (name.casefold() for name in names):
                return category["id"]
    return value  # unknown: validate_scenario names the choices


def _row_scenario(raw: dict, settings: dict, parameters: dict) -> dict:
    scenario = {name: settings[name] for name in SETTINGS}
    scenario["category"] = _category(raw.get("category"), parameters)
    for column in NUMBER_COLUMNS:
        value = raw.get(column.name)
        if isinstance(value, str):
            value = _cell_number(value, column) if value.strip() else None
        if value is None:
            if column.required:
                continue  # validate_scenario would use the form's default: say it is missing
            value = column.default
        scenario[column.name] = value
    return scenario


class _Product(NamedTuple):
    row: int
    name: str
    category: str
    profit: tuple[float, ...]  # per mode: profit after effort, store costs added back
    hours: tuple[float, ...]  # per mode: the product's own hours
    units: tuple[float, ...]
    revenue: tuple[float, ...]


def _validate_settings(settings: dict | None, parameters: dict, index: list[dict],
                       language: str) -> dict:
    given = dict(settings or {})
    unknown = sorted(set(given) - {*SETTINGS, "overrides"})
    known = say(language, "list_separator").join(SETTINGS)
    problems = [Problem(name, "unknown_field", say(language, "cat_unknown_setting",
                                                   name=describe(name), known=known))
                for name in unknown]
    scenario = {name: given[name] for name in (*SETTINGS, "overrides") if name in given}
    try:
        checked = inputs.validate_scenario(
            scenario, [c["id"] for c in parameters["categories"]], parameters["default_category"],
            {entry["id"]: entry for entry in index}, language)
    except InvalidInput as error:
        problems += error.problems
    if problems:
        raise InvalidInput(problems)
    return {name: checked[name] for name in (*SETTINGS, "overrides")}


def evaluate_catalogue(rows: list[dict], parameters: dict, settings: dict | None = None,
                       language: str = "en") -> dict:
    """The best plan for a catalogue, the single-mode plans beside it, and every bad row.

    ``rows``: one dict per product with the columns of ``COLUMNS`` (numbers, or text as a
    spreadsheet writes it) and optionally ``row``, its line in the file. ``settings``: the
    merchant's ``labour_rate_cny_per_hour``, ``fx_cny_per_usd`` and ``overrides`` for every
    product. Bad rows are listed in ``problems`` (row, column, message) and left out; the good
    ones are planned. Raises ``InvalidParameters`` for a broken bundle and ``InvalidInput`` for
    bad settings. Messages and mode labels are in ``language``.

    >>> from calculators.params import EXAMPLE_BUNDLE
    >>> plan = evaluate_catalogue([{"product": "Mug", "retail_price_usd": 10, "cogs_cny": 20,
    ...     "weight_kg": 0.4, "units_per_month": 100}, {"product": "", "cogs_cny": -1}],
    ...     EXAMPLE_BUNDLE)
    >>> plan["products"][0]["mode"], round(plan["plan"]["profit"], 2)
    ('self_operated', 4408.0)
    >>> [(p["row"], p["column"]) for p in plan["problems"]][:3]
    [(2, 'product'), (2, 'retail_price_usd'), (2, 'cogs_cny')]
    """
    language = check_language(language)
    index = params.parameter_index(parameters)
    settings_used = _validate_settings(settings, parameters, index, language)
    reader = _RowReader(parameters, settings_used, index, language)
    modes = parameters["modes"]
    problems: list[dict] = []
    products: list[_Product] = []
    store_costs = [[0.0, 0.0] for _ in modes]  # per mode: (money, hours), the dearest seen
    for position, raw in enumerate(rows, start=1):
        line = raw.get("row", position) if isinstance(raw, dict) else position
        if len(products) >= MAX_PRODUCTS:
            problems.append(_problem(line, "", "too_many_rows", say(
                language, "cat_too_many_rows", most=plain(MAX_PRODUCTS),
                rest=plain(len(rows) - position))))
            break
        product = reader.product(raw, line, problems)
        if product is None:
            continue
        products.append(product[0])
        for costs, (money, hours) in zip(store_costs, product[1], strict=True):
            costs[0], costs[1] = max(costs[0], money), max(costs[1], hours)
    labels = [localized(mode["label"], language) for mode in modes]
    return _plan(products, modes, labels, store_costs, settings_used, problems)


class _RowReader:
    """Checks each row with the calculator's own checks and evaluates it in every mode: the
    modes' parameters resolved once per category (``model.mode_constants``), each product's
    figures from ``model.product_figures``, the model's formulas without the itemised rows."""

    def __init__(self, parameters: dict, settings: dict, index: list[dict],
                 language: str) -> None:
        self.parameters, self.settings, self.language = parameters, settings, language
        self.categories = [category["id"] for category in parameters["categories"]]
        self.by_id = {entry["id"]: entry for entry in index}
        self.constants: dict[str, list[ModeConstants]] = {}  # per category

    def modes_in(self, category: str) -> list[ModeConstants]:
        if category not in self.constants:
            parameters, overrides = self.parameters, self.settings["overrides"]
            capital_cost_rate = params.resolve(parameters["capital_cost_rate"], category,
                                               overrides)
            self.constants[category] = [
                mode_constants(mode, parameters["tasks"], category, overrides, capital_cost_rate)
                for mode in parameters["modes"]]
        return self.constants[category]

    def product(self, raw: object, line: int, problems: list[dict]):
        """The row's product and its store costs per mode, or None with its problems listed."""
        language = self.language
        if not isinstance(raw, dict):
            problems.append(_problem(line, "", "not_an_object",
                                     say(language, "cat_not_an_object")))
            return None
        found: list[dict] = []
        name = raw.get("product")
        name = name.strip() if isinstance(name, str) else ""
        if not name:
            found.append(_problem(line, "product", "missing", say(language, "cat_no_name")))
        for column in NUMBER_COLUMNS:
            value = raw.get(column.name)
            if column.required and (value is None
                                    or (isinstance(value, str) and not value.strip())):
                found.append(_problem(line, column.name, "missing", say(
                    language, "cat_empty_cell", name=column.name,
                    description=column.description[language])))
        # The overrides were checked once with the settings: the row's own cells only here.
        scenario = _row_scenario(raw, self.settings, self.parameters)
        try:
            checked = inputs.validate_scenario(scenario, self.categories,
                                               self.parameters["default_category"], self.by_id,
                                               language)
        except InvalidInput as error:
            reported = {problem["column"] for problem in found}
            found += [_problem(line, p.field, p.code, p.message) for p in error.problems
                      if p.field not in reported]
        if found:
            problems += sorted(found, key=lambda p: _column_order(p["column"]))
            return None
        checked["overrides"] = self.settings["overrides"]
        figures = [product_figures(c, checked) for c in self.modes_in(checked["category"])]
        product = _Product(
            row=line, name=name, category=checked["category"],
            profit=tuple(f.profit_after_effort + f.fixed_money for f in figures),
            hours=tuple(f.effort_hours - f.fixed_hours for f in figures),
            units=tuple(f.units for f in figures),
            revenue=tuple(f.revenue for f in figures),
        )
        return product, [(f.fixed_money, f.fixed_hours) for f in figures]


def _column_order(column: str) -> int:
    names = [c.name for c in COLUMNS]
    return names.index(column) if column in names else len(names)


def _best_in(allowed: tuple[int, ...], product: _Product) -> int:
    """The product's mode among ``allowed``: highest profit; within 0.01, fewer hours, order."""
    top = max(product.profit[i] for i in allowed)
    return min((i for i in allowed if top - product.profit[i] < TIE_CNY),
               key=lambda i: (product.hours[i], -product.profit[i], i))


def _assess(allowed: tuple[int, ...], products: list[_Product], store_costs: list) -> dict:
    if len(allowed) == 1:  # one mode: no choice to make
        choice = [allowed[0]] * len(products)
    else:
        choice = [_best_in(allowed, product) for product in products]
    profit = math.fsum([*(p.profit[c] for p, c in zip(products, choice, strict=True)),
                        *(-store_costs[i][0] for i in allowed)])
    hours = math.fsum([*(p.hours[c] for p, c in zip(products, choice, strict=True)),
                       *(store_costs[i][1] for i in allowed)])
    return {"allowed": allowed, "choice": choice, "profit": profit, "hours": hours}


def every_plan(products: list[_Product], store_costs: list) -> list[dict]:
    """The plan of every non-empty set of modes, the single modes first, in the modes' order;
    the best is ``_pick``'s (see the module's docstring)."""
    count = len(store_costs)
    return [_assess(allowed, products, store_costs)
            for size in range(1, count + 1) for allowed in combinations(range(count), size)]


def _pick(plans: list[dict]) -> dict:
    """The most profitable plan; within 0.01 CNY, fewer modes, then fewer hours, then order."""
    top = max(plan["profit"] for plan in plans)
    return min((plan for plan in plans if top - plan["profit"] < TIE_CNY),
               key=lambda plan: (len(plan["allowed"]), plan["hours"], -plan["profit"]))


def _plan(products: list[_Product], modes: list[dict], labels: list[str], store_costs: list,
          settings: dict, problems: list[dict]) -> dict:
    result: dict = {"format": PLAN_FORMAT, "version": PLAN_VERSION, "currency": "CNY",
                    "settings": settings, "problems": problems,
                    "product_count": len(products)}
    plans = every_plan(products, store_costs)
    singles = plans[:len(modes)]
    result["single_mode_plans"] = [
        {"mode": mode["id"], "label": label, "profit": plan["profit"],
         "hours": plan["hours"], "store_costs": costs[0]}
        for mode, label, plan, costs in zip(modes, labels, singles, store_costs, strict=True)]
    if not products:
        result.update(plan=None, products=[], gain_over_best_single=None, best_single_mode=None)
        return result
    best = _pick(plans)
    best_single = _pick(singles)["allowed"][0]
    per_mode = []
    for i in best["allowed"]:
        mine = [p for p, c in zip(products, best["choice"], strict=True) if c == i]
        product_profit = math.fsum(p.profit[i] for p in mine)
        per_mode.append({
            "mode": modes[i]["id"], "label": labels[i], "products": len(mine),
            "units": math.fsum(p.units[i] for p in mine),
            "revenue": math.fsum(p.revenue[i] for p in mine),
            "product_profit": product_profit, "store_costs": store_costs[i][0],
            "profit": product_profit - store_costs[i][0],
            "hours": math.fsum([*(p.hours[i] for p in mine), store_costs[i][1]]),
        })
    result["plan"] = {"modes": [modes[i]["id"] for i in best["allowed"]],
                      "profit": best["profit"], "hours": best["hours"], "per_mode": per_mode}
    result["best_single_mode"] = modes[best_single]["id"]
    result["gain_over_best_single"] = best["profit"] - singles[best_single]["profit"]
    result["products"] = [
        {"row": p.row, "product": p.name, "category": p.category, "mode": modes[c]["id"],
         "profit": {mode["id"]: p.profit[i] for i, mode in enumerate(modes)},
         "hours": {mode["id"]: p.hours[i] for i, mode in enumerate(modes)}}
        for p, c in zip(products, best["choice"], strict=True)]
    return result


def plan_file(data: bytes | str, parameters: dict, settings: dict | None = None,
              language: str = "en") -> dict:
    """``evaluate_catalogue`` for a CSV or tab-separated file (see ``catalogue_csv``), with the
    header's problems listed first. Raises ``UnreadableFile`` when it is not such a file.

    >>> from calculators.params import EXAMPLE_BUNDLE
    >>> text = "product,retail_price_usd,cogs_cny,weight_kg,units_per_month\\nMug,10,20,0.4,100\\n"
    >>> plan_file(text.encode("gb18030"), EXAMPLE_BUNDLE)["plan"]["modes"]
    ['self_operated']
    """
    table = read_table(data, language)
    rows, header_problems = rows_from_table(table.header, table.rows, language)
    plan = evaluate_catalogue(rows, parameters, settings, language)
    plan["problems"] = header_problems + plan["problems"]
    return plan
