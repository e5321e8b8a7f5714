"""Every formula of model v2, in symbols and in words, for the methodology page.

Symbols: x units per month (as typed), d demand multiplier, p retail price (USD), f exchange rate
(CNY per USD), k units per order, w weight (kg), c cost of goods per unit (CNY), r return rate,
l return loss share, L value of an hour (CNY), v a parameter's value, s a task share, P the price
the merchant is paid per unit (CNY), q supply price ratio, S stock days, D payout days, u unsold
share, i capital cost rate (per year).

>>> [formula.name["en"] for formula in FORMULAS][:3]
['Units', 'Orders', 'Price you are paid']
>>> FORMULAS[3].name["zh"], FORMULAS[3].symbols["zh"]
('收入', 'R = U × P')
"""

from __future__ import annotations

from typing import NamedTuple


class Formula(NamedTuple):
    """Each field in English and Simplified Chinese: {"en": ..., "zh": ...}."""

    name: dict[str, str]
    symbols: dict[str, str]
    words: dict[str, str]


FORMULAS: tuple[Formula, ...] = (
    Formula(
        {"en": "Units",
         "zh": "销量"},
        {"en": "U = x × d",
         "zh": "U = x × d"},
        {"en": "Units sold in a month in this mode: the units you typed times the mode's demand "
               "multiplier (1 means the same sales as a self-operated store).",
         "zh": "该模式下一个月卖出的件数：你填写的件数乘以该模式的销量倍数（1 表示和自运营店铺卖"
               "得一样多）。"},
    ),
    Formula(
        {"en": "Orders",
         "zh": "订单数"},
        {"en": "O = U ÷ k",
         "zh": "O = U ÷ k"},
        {"en": "Units divided by the average units per order.",
         "zh": "件数除以平均每单件数。"},
    ),
    Formula(
        {"en": "Price you are paid",
         "zh": "到手单价"},
        {"en": "P = supply price (fully managed), else p × f",
         "zh": "P = 供货价（全托管），否则 p × f"},
        {"en": "Fully managed pays the supply price you quote (供货价, agreed in 核价); left "
               "empty, it is p × f × q. The other modes pay the retail price, converted to yuan.",
         "zh": "全托管按你报的供货价结算（核价时和平台谈定）；不填供货价时按 p × f × q 估算。其"
               "他两种模式按零售价结算，换算成人民币。"},
    ),
    Formula(
        {"en": "Revenue",
         "zh": "收入"},
        {"en": "R = U × P",
         "zh": "R = U × P"},
        {"en": "Units times the price you are paid: what reaches you.",
         "zh": "件数乘以到手单价：真正进到你口袋的钱。"},
    ),
    Formula(
        {"en": "Platform's margin",
         "zh": "平台差价"},
        {"en": "U × p × f − R",
         "zh": "U × p × f − R"},
        {"en": "Fully managed only: the gap between retail and supply price, which the platform "
               "keeps. Shown for information; it is not one of your costs.",
         "zh": "只在全托管下出现：零售价和供货价之间的差额，由平台赚走。仅供参考，不算你的成本。"},
    ),
    Formula(
        {"en": "Revenue-share fee",
         "zh": "按收入比例收的费用"},
        {"en": "v × R",
         "zh": "v × R"},
        {"en": "A fraction of revenue, such as a commission.",
         "zh": "收入的一定比例，比如佣金。"},
    ),
    Formula(
        {"en": "Per-unit fee",
         "zh": "按件收的费用"},
        {"en": "v × U",
         "zh": "v × U"},
        {"en": "A fixed amount for every unit sold.",
         "zh": "每卖一件收一笔固定金额。"},
    ),
    Formula(
        {"en": "Per-order fee",
         "zh": "按单收的费用"},
        {"en": "v × O",
         "zh": "v × O"},
        {"en": "A fixed amount for every order.",
         "zh": "每一单收一笔固定金额。"},
    ),
    Formula(
        {"en": "Per-kg fee",
         "zh": "按重量收的费用"},
        {"en": "v × w × U",
         "zh": "v × w × U"},
        {"en": "An amount per kilogram shipped, for every unit.",
         "zh": "按发货重量每公斤收费，每件都算。"},
    ),
    Formula(
        {"en": "Monthly fee",
         "zh": "月费"},
        {"en": "v",
         "zh": "v"},
        {"en": "A fixed amount each month.",
         "zh": "每月一笔固定金额。"},
    ),
    Formula(
        {"en": "Yearly fee",
         "zh": "年费"},
        {"en": "v ÷ 12",
         "zh": "v ÷ 12"},
        {"en": "A yearly amount spread evenly over the months.",
         "zh": "一年的金额平摊到每个月。"},
    ),
    Formula(
        {"en": "Deposit",
         "zh": "保证金"},
        {"en": "v × capital cost rate ÷ 12",
         "zh": "v × 资金成本率 ÷ 12"},
        {"en": "A deposit is refundable, so its cost is the return the money would earn "
               "elsewhere: the deposit times the yearly capital cost rate, per month.",
         "zh": "保证金可以退，所以它的成本是这笔钱放在别处能赚到的收益：保证金乘以年资金成本率，"
               "再折成每月。"},
    ),
    Formula(
        {"en": "Returns",
         "zh": "退货损失"},
        {"en": "r × R × l",
         "zh": "r × R × l"},
        {"en": "Refunded revenue times the share of it the merchant loses in this mode.",
         "zh": "退款的收入乘以该模式下商家要承担的比例。"},
    ),
    Formula(
        {"en": "Cost of goods",
         "zh": "货本"},
        {"en": "U × c",
         "zh": "U × c"},
        {"en": "Units times what one unit costs you, packing included.",
         "zh": "件数乘以每件的成本（含包装）。"},
    ),
    Formula(
        {"en": "Working capital",
         "zh": "资金占用成本"},
        {"en": "(U × c × S ÷ 30 + R × D ÷ 30) × i ÷ 12",
         "zh": "(U × c × S ÷ 30 + R × D ÷ 30) × i ÷ 12"},
        {"en": "Stock held S days ahead and sales waiting D days for their payout tie up money; "
               "its monthly cost at the yearly capital cost rate. A month counts as 30 days.",
         "zh": "提前 S 天备下的货，以及卖出后要等 D 天才回款的货款，都会压住一笔钱；按年资金成本"
               "率折算成每月的成本。一个月按 30 天算。"},
    ),
    Formula(
        {"en": "Write-offs",
         "zh": "滞销报损"},
        {"en": "u × U × c",
         "zh": "u × U × c"},
        {"en": "Units sent or bought ahead that never sell, at cost.",
         "zh": "提前发出或备下、最后没卖掉的货，按成本计损。"},
    ),
    Formula(
        {"en": "Profit",
         "zh": "利润"},
        {"en": "R − fees − returns − cost of goods − working capital − write-offs",
         "zh": "R − 各项费用 − 退货损失 − 货本 − 资金占用成本 − 滞销报损"},
        {"en": "What is left of revenue after every fee, the returns, the goods, the cost of "
               "money tied up and unsold stock.",
         "zh": "收入扣掉各项费用、退货损失、货本、资金占用成本和滞销报损之后剩下的钱。"},
    ),
    Formula(
        {"en": "Hours of a task",
         "zh": "单项工作的工时"},
        {"en": "s × hours per unit × quantity",
         "zh": "s × 单位工时 × 数量"},
        {"en": "Your share of the task (1 you, 0 the platform, between: shared) times its hours "
               "per driver unit times the driver's quantity: new SKUs, active SKUs, orders, or "
               "1 a month.",
         "zh": "你承担的比例（1 全由你做，0 全由平台做，介于两者之间为共担）乘以每个计量单位的工"
               "时，再乘以对应的数量：新 SKU 数、在售 SKU 数、订单数，或者每月按 1 计。"},
    ),
    Formula(
        {"en": "Effort hours",
         "zh": "总工时"},
        {"en": "H = sum of task hours",
         "zh": "H = 各项工作工时之和"},
        {"en": "All your hours for the month.",
         "zh": "你这个月花的全部时间。"},
    ),
    Formula(
        {"en": "Effort cost",
         "zh": "工时成本"},
        {"en": "H × L",
         "zh": "H × L"},
        {"en": "Your hours times what an hour of your time is worth.",
         "zh": "你的工时乘以你一小时值多少钱。"},
    ),
    Formula(
        {"en": "Profit after effort",
         "zh": "扣除工时后的利润"},
        {"en": "profit − H × L",
         "zh": "利润 − H × L"},
        {"en": "Profit after paying yourself for your time; the recommendation compares this.",
         "zh": "把你自己的时间也按价付给自己之后剩下的利润；推荐哪种模式就比这个数。"},
    ),
    Formula(
        {"en": "Margin",
         "zh": "利润率"},
        {"en": "profit ÷ R",
         "zh": "利润 ÷ R"},
        {"en": "Profit as a share of revenue; none when revenue is 0.",
         "zh": "利润占收入的比例；收入为 0 时不计算。"},
    ),
    Formula(
        {"en": "Profit per hour",
         "zh": "每小时利润"},
        {"en": "profit ÷ H",
         "zh": "利润 ÷ H"},
        {"en": "Profit for each hour you work; none with no hours.",
         "zh": "你每干一小时挣到的利润；没有工时就不计算。"},
    ),
    Formula(
        {"en": "Contribution per unit",
         "zh": "每件的边际贡献"},
        {"en": "a = d×P − per-unit share of fees, returns, goods, working capital, write-offs "
               "and per-order hours × L",
         "zh": "a = d×P − 每件分摊的费用、退货损失、货本、资金占用成本、滞销报损和按单工时 × L"},
        {"en": "How much profit after effort each extra unit you type adds.",
         "zh": "你填写的件数每多一件，扣除工时后的利润增加多少。"},
    ),
    Formula(
        {"en": "Fixed costs",
         "zh": "固定成本"},
        {"en": "b = monthly + yearly ÷ 12 + deposit cost + fixed hours × L",
         "zh": "b = 月费 + 年费 ÷ 12 + 保证金资金成本 + 固定工时 × L"},
        {"en": "Costs that do not grow with sales, including hours for new SKUs, active SKUs "
               "and monthly tasks.",
         "zh": "不随销量增长的成本，包括新 SKU、在售 SKU 和按月工作的工时。"},
    ),
    Formula(
        {"en": "Break-even units",
         "zh": "保本销量"},
        {"en": "max(0, b ÷ a) when a > 0, else none",
         "zh": "a > 0 时为 max(0, b ÷ a)，否则不存在"},
        {"en": "Units per month (as you type them) at which profit after effort is zero. None "
               "when each unit adds nothing or loses money, or when the volume is beyond any "
               "real number.",
         "zh": "扣除工时后的利润正好为零时，每月要卖的件数（按你填写的口径）。如果每多卖一件并不"
               "增加利润甚至亏钱，或者所需销量大到没有实际意义，就不存在保本点。"},
    ),
    Formula(
        {"en": "Cash needed",
         "zh": "需要准备的资金"},
        {"en": "deposits + yearly fees + U × c × S ÷ 30 + (U × c + per-unit, per-order, per-kg "
               "and monthly fees) × D ÷ 30",
         "zh": "保证金 + 年费 + U × c × S ÷ 30 + (U × c + 按件、按单、按重量和按月的费用) × D ÷ "
               "30"},
        {"en": "Money paid out before the first payout arrives at steady volume: every deposit "
               "and yearly fee in full, the stock, and the goods and fees paid as you sell "
               "during the payout days. Revenue-share fees and refunds come out of payouts, so "
               "they are not paid ahead; your hours are not cash.",
         "zh": "销量稳定后，第一笔回款到账之前要先垫出去的钱：全部保证金和年费、备货的货值，以及"
               "账期内边卖边付的货本和费用。按收入比例收的费用和退款是从回款里扣的，不用提前垫；"
               "你的工时也不是现金支出。"},
    ),
    Formula(
        {"en": "Payback",
         "zh": "回本月数"},
        {"en": "cash needed ÷ profit after effort",
         "zh": "需要准备的资金 ÷ 扣除工时后的利润"},
        {"en": "Months of profit after effort to earn the cash back; none when that profit is "
               "not positive.",
         "zh": "要靠几个月扣除工时后的利润才能把这笔资金赚回来；这个利润不为正时不计算。"},
    ),
    Formula(
        {"en": "Recommended mode",
         "zh": "推荐模式"},
        {"en": "fewest hours among the modes within 0.01 of the best",
         "zh": "与最高者相差不到 0.01 的模式中工时最少者"},
        {"en": "The candidates are every mode whose profit after effort is less than 0.01 CNY "
               "(unrounded) below the best; among them the fewest hours wins, then the higher "
               "profit after effort, then the mode listed first.",
         "zh": "候选是扣除工时后的利润比最高者低不到 0.01 元（不先四舍五入）的所有模式；其中工时"
               "最少的胜出，再打平比扣除工时后的利润，还打平选排在前面的。"},
    ),
    Formula(
        {"en": "Parameter value",
         "zh": "参数取值"},
        {"en": "override, else category value, else default",
         "zh": "你改过的值，否则类目值，否则默认值"},
        {"en": "A value you override replaces whatever the category would give.",
         "zh": "你自己改过的值，会取代类目对应的数值。"},
    ),
)
