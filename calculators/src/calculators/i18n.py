"""The calculators' words in each language of the site: results, reasons and error messages.

The model computes the same numbers whatever the language; only what it says changes. A request
names its language (``"en"`` or ``"zh"``) and everything it returns is in it. Prose from the
parameter bundle (labels, units, source titles) is either one text for every language or
``{"en": ..., "zh": ...}``; ``localized`` picks the reader's.

>>> say("zh", "below_minimum", label="退货率", minimum="0", got="-1")
'退货率不能小于 0；现在填的是 -1。'
>>> localized({"en": "Commission", "zh": "佣金"}, "zh"), localized("SKU", "zh")
('佣金', 'SKU')
"""

from __future__ import annotations

LANGUAGES = ("en", "zh")
DEFAULT_LANGUAGE = "en"

WORDS: dict[str, dict[str, str]] = {
    "en": {
        # errors in a scenario (codes as in errors.Problem)
        "allowed": "from {minimum} to {maximum}",
        "not_a_number": "{label} must be a number {allowed}; got {got}.",
        "not_finite": "{label} must be a finite number {allowed}; got {got}.",
        "below_minimum": "{label} must be at least {minimum}; got {got}.",
        "above_maximum": "{label} must be at most {maximum}; got {got}.",
        "scenario_not_an_object": "The scenario must be a JSON object; got {got}.",
        "unknown_field": "Unknown field {name}; known fields: {known}.",
        "wrong_format": "format must be {expected}; got {got}.",
        "wrong_version": "This calculator reads scenario version {expected}; got {got}.",
        "unknown_category": "Unknown category {got}; choose one of: {known}.",
        "overrides_not_an_object": ("overrides must be an object of parameter id to number; "
                                    "got {got}."),
        "unknown_override": "No parameter has the id {got}, so it cannot be overridden.",
        "with_unit": "{label} ({unit})",
        "a_list": "a list",
        "an_object": "an object",
        "too_long": "a number too long to show",
        "infinity": "infinity",
        # the recommendation
        "reason_loses": ("No mode makes a profit once your time is valued; {best} loses the "
                         "least ({profit} a month)."),
        "reason_only": "{best} is the only mode compared ({profit} a month after effort).",
        "reason_most": ("{best} leaves the most profit after valuing your time: {profit} a month, "
                        "{gap} more than {runner}."),
        "reason_fewer_hours": ("{best} and {runner} tie on profit after effort ({profit} a month); "
                               "{best} needs fewer hours ({hours} against {runner_hours})."),
        "reason_first_listed": ("{best} and {runner} tie on profit after effort and on hours "
                                "({profit} a month, {hours}); the first listed is shown."),
        # the report
        "recommended_line": "Recommended: {label}.",
        "recommended_badge": "Recommended",
        "summary_caption": "The modes side by side, per month",
        "per_month": "Per month",
        "units": "Units sold", "orders": "Orders", "revenue": "Revenue",
        "components_total": "Fees and charges", "returns": "Returns lost",
        "cogs": "Cost of goods", "profit": "Profit", "margin": "Margin",
        "effort_hours": "Your hours", "effort_cost": "Value of your hours",
        "profit_after_effort": "Profit after your time", "profit_per_hour": "Profit per hour",
        "break_even_units": "Break-even units per month",
        "unit_units": "units", "unit_orders": "orders", "unit_cny": "CNY",
        "unit_share_of_revenue": "share of revenue", "unit_hours": "hours",
        "unit_cny_per_hour": "CNY per hour", "unit_units_per_month": "units per month",
        "driver_per_new_sku": "new SKUs", "driver_per_active_sku": "active SKUs",
        "driver_per_order": "orders", "driver_per_month": "month",
        "basis_revenue_share": "{rate} of revenue",
        "basis_per_unit": "{rate} × {units} units",
        "basis_per_order": "{rate} × {orders} orders",
        "basis_per_kg": "{rate} per kg × {weight} kg × {units} units",
        "basis_per_month": "each month",
        "basis_per_year": "{rate} a year ÷ 12",
        "basis_deposit": "{rate} deposit × {capital} a year ÷ 12",
        "where_from": "{label}: where the numbers come from",
        "money_caption": "{label}: money per month",
        "item": "Item", "how": "How it is worked out", "cny_per_month": "CNY per month",
        "revenue_basis": "{units} units × {price} USD × {fx} CNY per USD",
        "returns_basis": "{rate} returned × {loss} of it lost",
        "cogs_basis": "{units} units × {cost}",
        "profit_basis": "revenue less the rows above",
        "hours_caption": "{label}: your hours per month",
        "task": "Task", "hours": "Hours",
        "task_basis": "{share} yours × {hours} h × {quantity} {driver}",
        "valued": "valued at {rate} an hour: {cost}",
        "hours_suffix": " h",
        # the CSV export's header row
        "csv_columns": "mode,section,item,label,basis,rate,quantity,value,unit",
        # a scenario compared with the pinned base
        "cmp_changed": "The recommendation changes from {base} (in {name}) to {current}.",
        "cmp_unchanged": "The recommendation is unchanged: {current}.",
        "cmp_same_inputs": "Same inputs as {name}.",
        "cmp_caption": "Change from {name}, per month",
        "cmp_base_invalid": "The pinned base cannot be worked out: {problems}",
        "cmp_separator": "; ",
    },
    "zh": {
        "allowed": "{minimum} 到 {maximum} 之间",
        "not_a_number": "{label}必须是{allowed}的数字；现在填的是 {got}。",
        "not_finite": "{label}必须是{allowed}的有限数字；现在是 {got}。",
        "below_minimum": "{label}不能小于 {minimum}；现在填的是 {got}。",
        "above_maximum": "{label}不能大于 {maximum}；现在填的是 {got}。",
        "scenario_not_an_object": "经营情况必须是一个 JSON 对象；现在是 {got}。",
        "unknown_field": "没有 {name} 这个字段；可用的字段有：{known}。",
        "wrong_format": "format 必须是 {expected}；现在是 {got}。",
        "wrong_version": "这个计算器读取第 {expected} 版的经营情况；现在是 {got}。",
        "unknown_category": "没有 {got} 这个类目；请从这些类目中选择：{known}。",
        "overrides_not_an_object": "overrides 必须是“参数编号: 数字”形式的对象；现在是 {got}。",
        "unknown_override": "没有编号为 {got} 的参数，所以无法改写。",
        "with_unit": "{label}（{unit}）",
        "a_list": "一个列表",
        "an_object": "一个对象",
        "too_long": "一个长得无法显示的数字",
        "infinity": "无穷大",
        "reason_loses": "把你的时间也算进去，没有一种模式赚钱；{best}亏得最少（每月 {profit}）。",
        "reason_only": "只比较了{best}这一种模式（扣除工时后每月 {profit}）。",
        "reason_most": ("把你的时间也算进去，{best}剩下的利润最多：每月 {profit}，"
                        "比{runner}多 {gap}。"),
        "reason_fewer_hours": ("{best}和{runner}扣除工时后的利润打平（每月 {profit}），"
                               "但{best}用的工时更少（{hours}，{runner}要 {runner_hours}）。"),
        "reason_first_listed": ("{best}和{runner}扣除工时后的利润和工时都打平（每月 {profit}，"
                                "{hours}），按排列顺序显示前者。"),
        "recommended_line": "推荐：{label}。",
        "recommended_badge": "推荐",
        "summary_caption": "各模式每月对比",
        "per_month": "每月",
        "units": "销量（件）", "orders": "订单数", "revenue": "收入",
        "components_total": "各项费用", "returns": "退货损失",
        "cogs": "货本", "profit": "利润", "margin": "利润率",
        "effort_hours": "你的工时", "effort_cost": "工时成本",
        "profit_after_effort": "扣除工时后的利润", "profit_per_hour": "每小时利润",
        "break_even_units": "每月保本销量（件）",
        "unit_units": "件", "unit_orders": "单", "unit_cny": "元",
        "unit_share_of_revenue": "占收入比例", "unit_hours": "小时",
        "unit_cny_per_hour": "元/小时", "unit_units_per_month": "件/月",
        "driver_per_new_sku": "个新 SKU", "driver_per_active_sku": "个在售 SKU",
        "driver_per_order": "单", "driver_per_month": "个月",
        "basis_revenue_share": "收入的 {rate}",
        "basis_per_unit": "{rate} × {units} 件",
        "basis_per_order": "{rate} × {orders} 单",
        "basis_per_kg": "每公斤 {rate} × {weight} 公斤 × {units} 件",
        "basis_per_month": "每月固定",
        "basis_per_year": "每年 {rate} ÷ 12",
        "basis_deposit": "保证金 {rate} × 年化 {capital} ÷ 12",
        "where_from": "{label}：数字是怎么来的",
        "money_caption": "{label}：每月收支",
        "item": "项目", "how": "算法", "cny_per_month": "每月金额（元）",
        "revenue_basis": "{units} 件 × {price} 美元 × 汇率 {fx}",
        "returns_basis": "退货 {rate} × 其中损失 {loss}",
        "cogs_basis": "{units} 件 × {cost}",
        "profit_basis": "收入减去以上各项",
        "hours_caption": "{label}：你每月的工时",
        "task": "工作", "hours": "小时",
        "task_basis": "你承担 {share} × {hours} 小时 × {quantity} {driver}",
        "valued": "按每小时 {rate} 折算：{cost}",
        "hours_suffix": " 小时",
        "csv_columns": "模式,部分,项目,名称,计费方式,费率,数量,数值,单位",
        "cmp_changed": "推荐模式变了：{name}里是{base}，现在是{current}。",
        "cmp_unchanged": "推荐模式没变，仍是{current}。",
        "cmp_same_inputs": "输入和{name}完全一样。",
        "cmp_caption": "和{name}相比，每月的变化",
        "cmp_base_invalid": "设为基准的方案算不出结果：{problems}",
        "cmp_separator": "；",
    },
}


def check_language(language: str) -> str:
    """`language` when the calculators speak it; a ValueError naming the choices otherwise."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of: {', '.join(LANGUAGES)}")
    return language


def say(language: str, key: str, **values: object) -> str:
    """The words for `key` in `language`, filled in."""
    return WORDS[check_language(language)][key].format(**values)


def localized(text: object, language: str) -> str:
    """Bundle prose in `language`: one text for every language, or ``{"en": ..., "zh": ...}``."""
    if isinstance(text, dict):
        return text[language]
    return str(text)
