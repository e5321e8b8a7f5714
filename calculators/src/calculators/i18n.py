"""The calculators' words in each language of the site: results, reasons and error messages.

The model computes the same numbers whatever the language; only what it says changes. A request
names its language (``"en"`` or ``"zh"``) and everything it returns is in it. Prose from the
parameter bundle (labels, units, source titles) is either one text for every language or
``{"en": ..., "zh": ...}``; ``localized`` picks the reader's.

>>> say("zh", "below_minimum", label="退货率", minimum="0", got="-1")
'退货率不能低于 0，你填的是 -1。'
>>> localized({"en": "Commission", "zh": "佣金"}, "zh"), localized("SKU", "zh")
('佣金', 'SKU')
"""

from __future__ import annotations

LANGUAGES = ("en", "zh")
DEFAULT_LANGUAGE = "en"

WORDS: dict[str, dict[str, str]] = {
    "en": {
        # errors in a scenario (codes as in errors.Problem)
        # (what was given is shown as a person wrote it: -5, not -5.0; “abc” in quotes)
        "allowed": "from {minimum} to {maximum}",
        "empty": "{label} is empty: enter a number {allowed}.",
        "not_a_number": "{label} must be a number {allowed}; {got} is not a number.",
        "ambiguous_comma": ("{label}: {got} could be a whole number or a decimal. Write {whole} "
                            "for the whole number, or use a point for a decimal ({decimal})."),
        "thousands_commas": "{label}: write {whole}, without commas.",
        "not_finite": "{label} must be a number {allowed}, not {got}.",
        "below_minimum": "{label} must be {minimum} or more, not {got}.",
        "above_maximum": "{label} must be {maximum} or less, not {got}.",
        "quoted": "“{text}”",
        # a file (or value) that is no scenario of this calculator's: said as what to do
        "not_a_scenario": "This is not a scenario for this calculator: {why}",
        "scenario_not_an_object": ("a scenario is a JSON object, named values in braces such as "
                                   '{{"units_per_month": 300}}, and this is {got}.'),
        "wrong_format": ('its "format" is {got}, and a scenario\'s is {expected}.'),
        "is_export": ("This is an export of the calculator's results, not a scenario. The values "
                      'they were worked out for are its "scenario" part: save that part as a '
                      "file of its own to open it here."),
        "is_result": ("This is a result the calculator worked out, not a scenario. The values it "
                      'was worked out for are its "scenario" part: save that part as a file of '
                      "its own to open it here."),
        "is_parameters": ("This is the site's parameter bundle (its fees, rates and hours), not "
                          "a scenario of yours."),
        "older_version": ("This scenario was saved for an older calculator (version {got}); "
                          "this one reads version {expected}, which pays fully managed by your "
                          "supply price (供货价) instead of a share of the retail price. Check "
                          'its values, set "version" to {expected}, and add "supply_price_cny" '
                          "if you know your supply price."),
        "newer_version": ("This scenario is version {got}, from a newer calculator than this one "
                          "(it reads version {expected}): open it with the newer calculator, or "
                          "update this one."),
        "wrong_version": '"version" must be {expected} for this calculator, not {got}.',
        "unknown_field": ("The calculator has no value named {name} (a typing mistake?); the "
                          "names it reads are: {known}."),
        "unknown_category": "Unknown category {got}; choose one of: {known}.",
        "overrides_not_an_object": ('"overrides" holds your own figures as {{"parameter id": '
                                    'number}}, such as {{"self_operated.commission": 0.08}}; '
                                    "here it is {got}."),
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
        "reason_fewer_hours": ("{best} and {runner} tie on profit after effort (less than ¥0.01 "
                               "apart, {profit} a month); {best} needs fewer hours ({hours} "
                               "against {runner_hours})."),
        "reason_first_listed": ("{best} and {runner} tie on profit after effort and on hours "
                                "({profit} a month, {hours}); the first listed is shown."),
        # the report
        "recommended_line": "Recommended: {label}.",
        # a mode's own page: its compact calculator speaks of that mode
        "own_mode_line": "{label}: {profit} a month after valuing your time.",
        "own_mode_best": "Of the modes compared, this one leaves you the most for these values.",
        "other_mode_same": "{best} leaves you as much, for fewer hours of your time.",
        "other_mode_more": "{best} would leave you {gap} more a month for these values.",
        "compare_link": "Compare all the modes in the calculator",
        "compare_link_end": ".",
        "sentence_gap": " ",
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
        # model version 2: supply price, stock and cash
        "platform_margin": "Platform's margin (not your cost)",
        "working_capital_cost": "Cost of money tied up", "write_offs": "Unsold stock written off",
        "cash_needed": "Cash needed before the first payout",
        "payback_months": "Months to earn that cash back",
        "unit_months": "months", "months_suffix": " months",
        "revenue_basis_supply": "{units} units × supply price {price}",
        "capital_basis": "(stock {stock} + unpaid sales {receivable}) × {rate} a year ÷ 12",
        "write_off_basis": "{share} of the goods never sell",
        "cash_caption": "{label}: cash needed before the first payout",
        "cny": "CNY",
        "paid_ahead": "Deposits and yearly fees", "paid_ahead_basis": "paid in full before selling",
        "stock_value": "Stock ahead of orders", "stock_basis": "{days} days of goods at cost",
        "first_costs": "Costs until the first payout",
        "first_costs_basis": "{days} days of goods and per-sale fees ({running} a month)",
        "cash_needed_short": "Cash needed", "cash_basis": "the rows above",
        # what would change the recommendation
        "pays_more": "{new} would pay more than {current} if {subject} {moved} {value}.",
        "tie_wins": ("{new} would pay as much as {current} (within ¥0.01) for fewer hours if "
                     "{subject} {moved} {value}."),
        "rose_above": "rose above", "fell_below": "fell below",
        "only_mode": "{best} is the only mode compared.",
        "holds": ("{best} stays the recommendation across the plausible range of every one of "
                  "the {count} parameters and inputs (each varied alone)."),
        "depends": ("{best} is recommended at these figures, but the answer depends on {names}: "
                    "within its plausible range, each alone can change it."),
        "and_more": "{names} and {more} more",
        "list_separator": ", ",
        "pending": "Working out what would change the recommendation…",
        "flips_intro": "The nearest changes that would change the recommendation:",
        "tornado": "How far each figure moves the lead (chart and table)",
        "tornado_caption": ("The lead of {best} over the next best mode, profit after effort per "
                            "month, at the low and the high end of each figure's plausible range "
                            "(the {count} that move it most)"),
        "col_figure": "Figure", "col_today": "Today", "col_range": "Plausible range",
        "col_lead_low": "Lead at the low end", "col_lead_high": "Lead at the high end",
        "col_changes": "The answer changes",
        "span": "{low} to {high}",
        "flip_cell": "{direction} {value} ({mode})",
        "above": "above", "below": "below",
        "never": "not within its limits",
        "range_between": "{low} to {high}", "range_spread": "±{share}% ({confidence})",
        "confidence_sourced": "sourced", "confidence_unverified": "unverified",
        "confidence_assumption": "assumption",
        # the CSV export's header row
        "csv_columns": "mode,section,item,label,basis,rate,quantity,value,unit",
        "csv_model_version": "Model version",
        "csv_data_version": "Data version (fingerprint of the figures)",
        "csv_data_checked": "Figures last checked",
        "csv_derived": "left empty: worked out from the retail price",
        # the command line (python -m calculators)
        "cli_stdin": "standard input",
        "cli_unreadable": "{name}: {why}",
        "cli_one_problem": "{name}: the scenario has 1 problem:",
        "cli_problems": "{name}: the scenario has {count} problems:",
        "cli_broken_bundle": "{name}: the parameter bundle is broken:",
        "cli_more": "... and {count} more",
        # a scenario compared with the pinned base
        "cmp_changed": "The recommendation changes from {base} (in {name}) to {current}.",
        "cmp_unchanged": "The recommendation is unchanged: {current}.",
        "cmp_same_inputs": "Same inputs as {name}.",
        "cmp_caption": "Change from {name}, per month",
        "cmp_base_invalid": "The pinned base cannot be worked out: {problems}",
        "cmp_separator": "; ",
        # the catalogue planner (catalogue.py, catalogue_csv.py, catalogue_report.py)
        "cat_unknown_column": "Unknown column {title}: it is ignored. The columns are {known}.",
        "cat_repeated_column": "Column {name} appears twice; column {position} is ignored.",
        "cat_missing_column": "The header has no {name} column ({description})",
        "cat_too_many_rows": ("A catalogue holds at most {most} products; this row and the "
                              "{rest} after it were not planned. Split the file and plan each "
                              "part."),
        "cat_not_an_object": "Each product must be an object.",
        "cat_no_name": "Give the product a name or SKU.",
        "cat_empty_cell": "{name} is empty: {description}",
        "cat_unknown_setting": ("Unknown setting {name}; the catalogue's settings are {known} and "
                                "overrides."),
        "cat_spreadsheet": ("This is a spreadsheet file (.xlsx or .xls), not CSV text. In Excel "
                            "choose File > Save As > \"CSV UTF-8\" and use that file."),
        "cat_not_text": ("The file is neither UTF-8 nor GB18030 text. Save it from your "
                         "spreadsheet as \"CSV UTF-8\" or \"CSV\" and try again."),
        "cat_empty_file": "The file is empty: it needs a header line and one line per product.",
        "cat_bad_quotes": "Line {line} cannot be read ({error}); check its quotation marks.",
        "cat_nothing_planned": "No product could be planned: correct the rows listed below.",
        "cat_best_single": ("Best plan: every product in {names}, {profit} a month after your "
                            "time. No mix of modes does better."),
        "cat_best_mix": ("Best plan: {names}, {profit} a month after your time, {gain} more than "
                         "the best single mode ({single})."),
        "cat_mode_joiner": " + ",
        "cat_problems_intro": ("{count} row(s) could not be planned and are left out; the other "
                               "rows are planned. Correct these cells and plan again:"),
        "cat_row": "Row", "cat_column": "Column", "cat_problem": "Problem",
        "cat_totals_caption": "The best plan, per mode, per month",
        "cat_mode": "Mode", "cat_products": "Products", "cat_units": "Units",
        "cat_revenue": "Revenue", "cat_store_costs": "Store costs",
        "cat_plan_total": "Plan",
        "cat_singles_caption": "Every product in one mode, for comparison",
        "cat_all_in": "All products in", "cat_gain": "The best plan gains",
        "cat_products_caption": ("Each product's mode, and its profit per month in each mode "
                                 "before store costs"),
        "cat_product": "Product",
        "cat_first_rows": "The first {shown} of {count} products; the CSV export has them all.",
        "cat_show_all": "Show all {count} products",
        "cat_csv_columns": "row,product,category,mode,mode_label",
        "cat_csv_profit": "profit_{mode}_cny",
    },
    "zh": {
        "allowed": "{minimum} 到 {maximum} 之间",
        "empty": "{label}还没填，请填 {allowed}的数字。",
        "not_a_number": "{label}要填 {allowed}的数字，{got}不是数字。",
        "ambiguous_comma": ("{label}填的 {got} 分不清是整数还是小数：整数请去掉逗号，写成 {whole}；"
                            "小数请用小数点，写成 {decimal}。"),
        "thousands_commas": "{label}请去掉逗号，写成 {whole}。",
        "not_finite": "{label}要填 {allowed}的数字，不能是{got}。",
        "below_minimum": "{label}不能低于 {minimum}，你填的是 {got}。",
        "above_maximum": "{label}不能超过 {maximum}，你填的是 {got}。",
        "quoted": "“{text}”",
        "not_a_scenario": "这不是本计算器的经营情况文件：{why}",
        "scenario_not_an_object": ("经营情况文件是用大括号括起、逐项写明名称和数值的 JSON，比如 "
                                   '{{"units_per_month": 300}}，而这里是{got}。'),
        "wrong_format": '它的 "format" 是 {got}，经营情况文件的应该是 {expected}。',
        "is_export": ("这是计算器导出的结果，不是经营情况文件。当时用的数字在它的 \"scenario\" "
                      "部分里：把这一部分单独存成一个文件，就能在这里打开。"),
        "is_result": ("这是计算器算出的结果，不是经营情况文件。当时用的数字在它的 \"scenario\" "
                      "部分里：把这一部分单独存成一个文件，就能在这里打开。"),
        "is_parameters": "这是网站的参数包（各项费率、费用和工时），不是你自己的经营情况文件。",
        "older_version": ("这份经营情况是按旧版计算器保存的（第 {got} 版）；现在的计算器只读第 "
                          "{expected} 版：全托管改按核价谈定的供货价结算，不再按零售价的比例估算。"
                          '请核对里面的数字，把 "version" 改成 {expected}；知道自己的供货价的话，'
                          '再加上 "supply_price_cny"。'),
        "newer_version": ("这份经营情况是第 {got} 版，来自比现在更新的计算器（现在的只读第 "
                          "{expected} 版）：请用新版计算器打开，或者先把这个计算器升级。"),
        "wrong_version": '"version" 应该是 {expected}，不能是 {got}。',
        "unknown_field": "计算器里没有叫 {name} 的项（是不是拼错了？）；能读的项有：{known}。",
        "unknown_category": "没有 {got} 这个类目；请从这些类目中选择：{known}。",
        "overrides_not_an_object": ('"overrides" 里写你自己的数字，格式是 {{"参数编号": 数字}}，'
                                    '比如 {{"self_operated.commission": 0.08}}；这里却是{got}。'),
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
        "reason_fewer_hours": ("{best}和{runner}扣除工时后的利润打平（相差不到 ¥0.01，"
                               "每月 {profit}），"
                               "但{best}用的工时更少（{hours}，{runner}要 {runner_hours}）。"),
        "reason_first_listed": ("{best}和{runner}扣除工时后的利润和工时都打平（每月 {profit}，"
                                "{hours}），按排列顺序显示前者。"),
        "recommended_line": "推荐：{label}。",
        "own_mode_line": "{label}：扣除工时后，每月利润 {profit}。",
        "own_mode_best": "按你填的数字，在比较的几种模式里，这种模式剩下的利润最多。",
        "other_mode_same": "{best}剩下的利润一样多，花的工时还更少。",
        "other_mode_more": "按你填的数字，做{best}每月能多剩 {gap}。",
        "compare_link": "在计算器里比较全部模式",
        "compare_link_end": "。",
        "sentence_gap": "",
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
        "platform_margin": "平台差价（不算你的成本）",
        "working_capital_cost": "资金占用成本", "write_offs": "滞销报损",
        "cash_needed": "第一笔回款前要垫的资金",
        "payback_months": "几个月回本",
        "unit_months": "个月", "months_suffix": " 个月",
        "revenue_basis_supply": "{units} 件 × 供货价 {price}",
        "capital_basis": "（备货 {stock} + 未回款 {receivable}）× 年化 {rate} ÷ 12",
        "write_off_basis": "{share} 的货卖不掉",
        "cash_caption": "{label}：第一笔回款前要垫的资金",
        "cny": "元",
        "paid_ahead": "保证金和年费", "paid_ahead_basis": "开卖前一次付清",
        "stock_value": "提前备货", "stock_basis": "{days} 天销量的货，按成本计",
        "first_costs": "回款前的垫付",
        "first_costs_basis": "{days} 天的货本和随销量发生的费用（每月 {running}）",
        "cash_needed_short": "要垫的资金", "cash_basis": "以上各项合计",
        "pays_more": "如果{subject}{moved} {value}，{new}会比{current}更赚钱。",
        "tie_wins": ("如果{subject}{moved} {value}，{new}和{current}赚得一样多（相差不到 "
                     "¥0.01），而{new}工时更少，推荐就会换成{new}。"),
        "rose_above": "升到", "fell_below": "降到",
        "only_mode": "只比较了{best}这一种模式。",
        "holds": "{count} 个参数和填写项逐一在合理区间内变动，推荐结果始终是{best}。",
        "depends": ("按现在的数字推荐{best}，但{names}只要在合理区间内变动，推荐就可能"
                    "改变。"),
        "and_more": "{names}以及另外 {more} 项",
        "list_separator": "、",
        "pending": "正在计算什么会改变推荐结果…",
        "flips_intro": "离现在最近、会改变推荐结果的变化：",
        "tornado": "每个数字对领先额的影响（图和表）",
        "tornado_caption": ("{best}领先第二名的金额（扣除工时后的每月利润），在每个数字合理"
                            "区间的低端和高端各是多少（影响最大的 {count} 项）"),
        "col_figure": "数字", "col_today": "现在", "col_range": "合理区间",
        "col_lead_low": "低端时的领先额", "col_lead_high": "高端时的领先额",
        "col_changes": "推荐改变的位置",
        "span": "{low} 至 {high}",
        "flip_cell": "{direction} {value}（{mode}）",
        "above": "高于", "below": "低于",
        "never": "在上下限内不会改变",
        "range_between": "{low} 至 {high}", "range_spread": "±{share}%（{confidence}）",
        "confidence_sourced": "有出处", "confidence_unverified": "未核实",
        "confidence_assumption": "本站假设",
        "csv_columns": "模式,部分,项目,名称,计费方式,费率,数量,数值,单位",
        "csv_model_version": "测算模型版本",
        "csv_data_version": "数据版本（费率数据的指纹）",
        "csv_data_checked": "数据最近核对日期",
        "csv_derived": "没填，按零售价估算",
        "cli_stdin": "标准输入",
        "cli_unreadable": "{name}：{why}",
        "cli_one_problem": "{name}：经营情况有 1 处问题：",
        "cli_problems": "{name}：经营情况有 {count} 处问题：",
        "cli_broken_bundle": "{name}：参数包有错：",
        "cli_more": "……还有 {count} 处",
        "cmp_changed": "推荐模式变了：{name}里是{base}，现在是{current}。",
        "cmp_unchanged": "推荐模式没变，仍是{current}。",
        "cmp_same_inputs": "输入和{name}完全一样。",
        "cmp_caption": "和{name}相比，每月的变化",
        "cmp_base_invalid": "设为基准的方案算不出结果：{problems}",
        "cmp_separator": "；",
        "cat_unknown_column": "不认识 {title} 这一列，已跳过。能用的列有：{known}。",
        "cat_repeated_column": "{name} 这一列出现了两次，第 {position} 列已跳过。",
        "cat_missing_column": "表头里缺少 {name} 这一列（{description}）",
        "cat_too_many_rows": ("一次最多规划 {most} 个商品，这一行和后面的 {rest} 行都没有规划。"
                              "请把文件拆成几份，分开规划。"),
        "cat_not_an_object": "每个商品都必须是一个对象。",
        "cat_no_name": "请填写商品名称或 SKU。",
        "cat_empty_cell": "{name} 没有填：{description}",
        "cat_unknown_setting": "没有 {name} 这项设置；商品目录的设置只有 {known} 和 overrides。",
        "cat_spreadsheet": ("这是 Excel 表格文件（.xlsx 或 .xls），不是 CSV 文本。请在 Excel 里"
                            "选“文件 > 另存为”，保存类型选“CSV UTF-8”，再用另存的文件。"),
        "cat_not_text": ("这个文件既不是 UTF-8 也不是 GB18030 编码的文本。请在表格软件里另存为"
                         "“CSV UTF-8”或“CSV”后再试。"),
        "cat_empty_file": "文件是空的：第一行要写列名，下面每行一个商品。",
        "cat_bad_quotes": "第 {line} 行读不出来（{error}），请检查这一行的引号。",
        "cat_nothing_planned": "没有一个商品能规划：请先改正下面列出的行。",
        "cat_best_single": ("最佳方案：所有商品都走{names}，扣除工时后每月 {profit}。几种模式搭"
                            "配着做都不会更好。"),
        "cat_best_mix": ("最佳方案：{names}搭配着做，扣除工时后每月 {profit}，比只做一种模式里"
                         "最好的（{single}）多赚 {gain}。"),
        "cat_mode_joiner": " + ",
        "cat_problems_intro": ("有 {count} 行没法规划，已先排除，其余的行照常规划。改好下面这些"
                               "单元格后再规划一次："),
        "cat_row": "行号", "cat_column": "列", "cat_problem": "问题",
        "cat_totals_caption": "最佳方案：各模式每月汇总",
        "cat_mode": "模式", "cat_products": "商品数", "cat_units": "销量（件）",
        "cat_revenue": "收入", "cat_store_costs": "店铺固定成本",
        "cat_plan_total": "合计",
        "cat_singles_caption": "对照：所有商品只走一种模式",
        "cat_all_in": "全部商品走", "cat_gain": "最佳方案多赚",
        "cat_products_caption": ("每个商品走哪种模式，以及它在各模式下每月的利润（未扣店铺固定"
                                 "成本）"),
        "cat_product": "商品",
        "cat_first_rows": "先列出前 {shown} 个商品（共 {count} 个），导出的 CSV 里有全部商品。",
        "cat_show_all": "显示全部 {count} 个商品",
        "cat_csv_columns": "行号,商品,类目,模式代码,模式",
        "cat_csv_profit": "{mode}每月利润（元）",
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
