"""A whole catalogue: which product in which mode, when store costs are paid once per mode used.

A merchant may run modes side by side (some products in Choice, others in their own store). Each
product, evaluated in each mode with the one model (``model.evaluate_mode``), leaves a
**product profit**: its profit after effort with the store's fixed costs added back. The store's
fixed costs of a mode (its per-month, per-year and deposit components and the hours of its
per-month tasks) are paid once if any product uses the mode, at the highest rate among the
catalogue's categories (a store selling in several categories pays for the dearest).

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
from .checks import plain
from .errors import InvalidInput, Problem
from .i18n import DEFAULT_LANGUAGE, localized
from .model import evaluate_mode

PLAN_FORMAT = "aliexpress-modes/catalogue-plan"
PLAN_VERSION = 1
MAX_PRODUCTS = 5_000
TIE_CNY = 0.01
STORE_BASES = ("per_month", "per_year", "deposit")  # paid once per store, not per product
STORE_DRIVERS = ("per_month",)
HEADER_CODES = ("unknown_column", "repeated_column", "missing_column")
SETTINGS = ("labour_rate_cny_per_hour", "fx_cny_per_usd")  # one value for the whole catalogue


class Column(NamedTuple):
    """One column of the catalogue file, as the documentation and the template list it."""

    name: str
    aliases: tuple[str, ...]  # other headers accepted for it (Chinese, shorter words)
    required: bool
    default: float | None  # for an empty or missing optional cell; None: the column's own rule
    description: str


COLUMNS: tuple[Column, ...] = (
    Column("product", ("商品", "商品名称", "name", "sku"), True, None,
           "The product's name or SKU code, as you want to see it in the plan."),
    Column("category", ("类目", "品类"), False, None,
           "A category id or name from the calculator's list; empty means the default."),
    Column("retail_price_usd", ("零售价", "售价", "price"), True, None,
           "Price the buyer pays per unit, in US dollars."),
    Column("cogs_cny", ("成本", "采购成本", "cost"), True, None,
           "What one unit costs you, packing included, in yuan."),
    Column("weight_kg", ("重量", "weight"), True, None, "Packed weight of one unit, in kg."),
    Column("units_per_month", ("月销量", "units"), True, None,
           "Units you expect to sell in a month as a self-operated store."),
    Column("units_per_order", ("每单件数",), False, 1.0,
           "Average units in one order (1 if empty)."),
    Column("new_skus_per_month", ("每月新品数",), False, 0.0,
           "New SKUs of this product you list each month (0 if empty)."),
    Column("active_skus", ("在售SKU数", "SKU数"), False, 1.0,
           "SKUs of this product on sale (1 if empty)."),
    Column("return_rate", ("退货率",), False, 0.03,
           "Share of sales refunded: 0.03 or 3% (3% if empty)."),
)
_BY_HEADER = {alias.casefold(): column for column in COLUMNS
              for alias in (column.name, *column.aliases)}
NUMBER_COLUMNS = tuple(column for column in COLUMNS if column.name not in ("product", "category"))


def template_csv(category: str) -> str:
    """The header line and one example row (in ``category``), for merchants to fill in.

    >>> print(template_csv("toys").splitlines()[0])
    product,category,retail_price_usd,cogs_cny,weight_kg,units_per_month,units_per_order,new_skus_per_month,active_skus,return_rate
    """
    example = ["Phone case A", category, "6.5", "8", "0.05", "300", "1", "1", "4",
               "0.03"]
    return ",".join(column.name for column in COLUMNS) + "\r\n" + ",".join(example) + "\r\n"


def rows_from_table(header: list[str], rows: list[tuple[int, list[str]]]
                    ) -> tuple[list[dict], list[dict]]:
    """Cells under known headers as row dicts (``row`` holds the line number), and problems
    with the header itself (an unknown or repeated column, a required one missing).

    >>> rows, problems = rows_from_table(["商品", "cogs_cny", "colour"], [(2, ["Mug", "1", "red"])])
    >>> rows
    [{'row': 2, 'product': 'Mug', 'cogs_cny': '1'}]
    >>> print(problems[0]["message"])  # doctest: +NORMALIZE_WHITESPACE
    Unknown column 'colour': it is ignored. The columns are product, category, retail_price_usd,
    cogs_cny, weight_kg, units_per_month, units_per_order, new_skus_per_month, active_skus,
    return_rate.
    """
    problems: list[dict] = []
    names: list[str | None] = []
    for position, title in enumerate(header, start=1):
        column = _BY_HEADER.get(title.strip().casefold())
        if column is None:
            if title.strip():
                known = ", ".join(c.name for c in COLUMNS)
                problems.append(_problem(1, title, "unknown_column",
                                         f"Unknown column {title!r}: it is ignored. The columns "
                                         f"are {known}."))
            names.append(None)
        elif column.name in names:
            problems.append(_problem(1, title, "repeated_column",
                                     f"Column {column.name!r} appears twice; column {position} "
                                     "is ignored."))
            names.append(None)
        else:
            names.append(column.name)
    for column in COLUMNS:
        if column.required and column.name not in names:
            problems.append(_problem(1, column.name, "missing_column",
                                     f"The header has no {column.name!r} column "
                                     f"({column.description})"))
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
    scenario["overrides"] = settings["overrides"]
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


def _store_costs(mode_result: dict) -> tuple[float, float]:
    """(store fixed costs per month, store hours per month) inside one product's result."""
    money = math.fsum(c["amount"] for c in mode_result["components"] if c["basis"] in STORE_BASES)
    hours = math.fsum(t["hours"] for t in mode_result["tasks"] if t["driver"] in STORE_DRIVERS)
    cost = math.fsum(t["cost"] for t in mode_result["tasks"] if t["driver"] in STORE_DRIVERS)
    return money + cost, hours


def _validate_settings(settings: dict | None, parameters: dict, index: list[dict]) -> dict:
    given = dict(settings or {})
    unknown = sorted(set(given) - {*SETTINGS, "overrides"})
    problems = [Problem(name, "unknown_field", f"Unknown setting {name!r}; the catalogue's "
                        f"settings are {', '.join(SETTINGS)} and overrides.") for name in unknown]
    scenario = {name: given[name] for name in (*SETTINGS, "overrides") if name in given}
    try:
        checked = inputs.validate_scenario(
            scenario, [c["id"] for c in parameters["categories"]], parameters["default_category"],
            {entry["id"]: entry for entry in index})
    except InvalidInput as error:
        problems += error.problems
    if problems:
        raise InvalidInput(problems)
    return {name: checked[name] for name in (*SETTINGS, "overrides")}


def evaluate_catalogue(rows: list[dict], parameters: dict, settings: dict | None = None) -> dict:
    """The best plan for a catalogue, the single-mode plans beside it, and every bad row.

    ``rows``: one dict per product with the columns of ``COLUMNS`` (numbers, or text as a
    spreadsheet writes it) and optionally ``row``, its line in the file. ``settings``: the
    merchant's ``labour_rate_cny_per_hour``, ``fx_cny_per_usd`` and ``overrides`` for every
    product. Bad rows are listed in ``problems`` (row, column, message) and left out; the good
    ones are planned. Raises ``InvalidParameters`` for a broken bundle and ``InvalidInput`` for
    bad settings.

    >>> from calculators.params import EXAMPLE_BUNDLE
    >>> plan = evaluate_catalogue([{"product": "Mug", "retail_price_usd": 10, "cogs_cny": 20,
    ...     "weight_kg": 0.4, "units_per_month": 100}, {"product": "", "cogs_cny": -1}],
    ...     EXAMPLE_BUNDLE)
    >>> plan["products"][0]["mode"], round(plan["plan"]["profit"], 2)
    ('self_operated', 4408.0)
    >>> [(p["row"], p["column"]) for p in plan["problems"]][:3]
    [(2, 'product'), (2, 'retail_price_usd'), (2, 'cogs_cny')]
    """
    index = params.parameter_index(parameters)
    settings_used = _validate_settings(settings, parameters, index)
    categories = [category["id"] for category in parameters["categories"]]
    by_id = {entry["id"]: entry for entry in index}
    modes = parameters["modes"]
    problems: list[dict] = []
    products: list[_Product] = []
    store_costs = [[0.0, 0.0] for _ in modes]  # per mode: (money, hours), the dearest seen
    for position, raw in enumerate(rows, start=1):
        line = raw.get("row", position) if isinstance(raw, dict) else position
        if len(products) >= MAX_PRODUCTS:
            problems.append(_problem(line, "", "too_many_rows",
                                     f"A catalogue holds at most {plain(MAX_PRODUCTS)} products; "
                                     f"this row and the {plain(len(rows) - position)} after it "
                                     "were not planned. Split the file and plan each part."))
            break
        product = _evaluate_row(raw, line, settings_used, parameters, categories, by_id,
                                problems)
        if product is None:
            continue
        products.append(product[0])
        for costs, (money, hours) in zip(store_costs, product[1], strict=True):
            costs[0], costs[1] = max(costs[0], money), max(costs[1], hours)
    return _plan(products, modes, store_costs, settings_used, problems)


def _evaluate_row(raw: object, line: int, settings: dict, parameters: dict,
                  categories: list[str], by_id: dict, problems: list[dict]):
    if not isinstance(raw, dict):
        problems.append(_problem(line, "", "not_an_object", "Each product must be an object."))
        return None
    found: list[dict] = []
    name = raw.get("product")
    name = name.strip() if isinstance(name, str) else ""
    if not name:
        found.append(_problem(line, "product", "missing", "Give the product a name or SKU."))
    for column in NUMBER_COLUMNS:
        value = raw.get(column.name)
        if column.required and (value is None or (isinstance(value, str) and not value.strip())):
            found.append(_problem(line, column.name, "missing",
                                  f"{column.name} is empty: {column.description}"))
    scenario = _row_scenario(raw, settings, parameters)
    try:
        checked = inputs.validate_scenario(scenario, categories, parameters["default_category"],
                                           by_id)
    except InvalidInput as error:
        reported = {problem["column"] for problem in found}
        found += [_problem(line, p.field, p.code, p.message) for p in error.problems
                  if p.field not in reported]
    if found:
        problems += sorted(found, key=lambda p: _column_order(p["column"]))
        return None
    capital_cost_rate = params.resolve(parameters["capital_cost_rate"], checked["category"],
                                       checked["overrides"])
    results = [evaluate_mode(mode, parameters["tasks"], checked, capital_cost_rate)
               for mode in parameters["modes"]]
    stores = [_store_costs(result) for result in results]
    product = _Product(
        row=line, name=name, category=checked["category"],
        profit=tuple(r["profit_after_effort"] + store[0] for r, store in zip(results, stores,
                                                                                strict=True)),
        hours=tuple(r["effort_hours"] - store[1] for r, store in zip(results, stores,
                                                                       strict=True)),
        units=tuple(r["units"] for r in results),
        revenue=tuple(r["revenue"] for r in results),
    )
    return product, stores


def _column_order(column: str) -> int:
    names = [c.name for c in COLUMNS]
    return names.index(column) if column in names else len(names)


def _best_in(allowed: tuple[int, ...], product: _Product) -> int:
    """The product's mode among ``allowed``: highest profit; within 0.01, fewer hours, order."""
    top = max(product.profit[i] for i in allowed)
    return min((i for i in allowed if top - product.profit[i] < TIE_CNY),
               key=lambda i: (product.hours[i], -product.profit[i], i))


def _assess(allowed: tuple[int, ...], products: list[_Product], store_costs: list) -> dict:
    choice = [_best_in(allowed, product) for product in products]
    profit = math.fsum([*(p.profit[c] for p, c in zip(products, choice, strict=True)),
                        *(-store_costs[i][0] for i in allowed)])
    hours = math.fsum([*(p.hours[c] for p, c in zip(products, choice, strict=True)),
                       *(store_costs[i][1] for i in allowed)])
    return {"allowed": allowed, "choice": choice, "profit": profit, "hours": hours}


def best_plan(products: list[_Product], store_costs: list) -> dict:
    """The best of the plans over every non-empty set of modes (see the module's docstring)."""
    count = len(store_costs)
    return _pick([_assess(allowed, products, store_costs)
                  for size in range(1, count + 1) for allowed in combinations(range(count), size)])


def _pick(plans: list[dict]) -> dict:
    """The most profitable plan; within 0.01 CNY, fewer modes, then fewer hours, then order."""
    top = max(plan["profit"] for plan in plans)
    return min((plan for plan in plans if top - plan["profit"] < TIE_CNY),
               key=lambda plan: (len(plan["allowed"]), plan["hours"], -plan["profit"]))


def _plan(products: list[_Product], modes: list[dict], store_costs: list, settings: dict,
          problems: list[dict]) -> dict:
    result: dict = {"format": PLAN_FORMAT, "version": PLAN_VERSION, "currency": "CNY",
                    "settings": settings, "problems": problems,
                    "product_count": len(products)}
    # The bundle names each mode in every language; the plan and its report are in English.
    labels = [localized(mode["label"], DEFAULT_LANGUAGE) for mode in modes]
    singles = [_assess((i,), products, store_costs) for i in range(len(modes))]
    result["single_mode_plans"] = [
        {"mode": mode["id"], "label": label, "profit": plan["profit"],
         "hours": plan["hours"], "store_costs": costs[0]}
        for mode, label, plan, costs in zip(modes, labels, singles, store_costs, strict=True)]
    if not products:
        result.update(plan=None, products=[], gain_over_best_single=None, best_single_mode=None)
        return result
    best = best_plan(products, store_costs)
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


def plan_file(data: bytes | str, parameters: dict, settings: dict | None = None) -> dict:
    """``evaluate_catalogue`` for a CSV or tab-separated file (see ``catalogue_csv``), with the
    header's problems listed first. Raises ``UnreadableFile`` when it is not such a file.

    >>> from calculators.params import EXAMPLE_BUNDLE
    >>> text = "product,retail_price_usd,cogs_cny,weight_kg,units_per_month\\nMug,10,20,0.4,100\\n"
    >>> plan_file(text.encode("gb18030"), EXAMPLE_BUNDLE)["plan"]["modes"]
    ['self_operated']
    """
    table = read_table(data)
    rows, header_problems = rows_from_table(table.header, table.rows)
    plan = evaluate_catalogue(rows, parameters, settings)
    plan["problems"] = header_problems + plan["problems"]
    return plan
