"""Every formula of model v2, in symbols and in words, for the methodology page.

Symbols: x units per month (as typed), d demand multiplier, p retail price (USD), f exchange rate
(CNY per USD), k units per order, w weight (kg), c cost of goods per unit (CNY), r return rate,
l return loss share, L value of an hour (CNY), v a parameter's value, s a task share, P the price
the merchant is paid per unit (CNY), q supply price ratio, S stock days, D payout days, u unsold
share, i capital cost rate (per year).

>>> [formula.name for formula in FORMULAS][:3]
['Units', 'Orders', 'Price you are paid']
"""

from __future__ import annotations

from typing import NamedTuple


class Formula(NamedTuple):
    name: str
    symbols: str
    words: str


FORMULAS: tuple[Formula, ...] = (
    Formula("Units", "U = x × d",
            "Units sold in a month in this mode: the units you typed times the mode's demand "
            "multiplier (1 means the same sales as a self-operated store)."),
    Formula("Orders", "O = U ÷ k", "Units divided by the average units per order."),
    Formula("Price you are paid", "P = supply price (fully managed), else p × f",
            "Fully managed pays the supply price you quote (供货价, agreed in 核价); left empty, "
            "it is p × f × q. The other modes pay the retail price, converted to yuan."),
    Formula("Revenue", "R = U × P", "Units times the price you are paid: what reaches you."),
    Formula("Platform's margin", "U × p × f − R",
            "Fully managed only: the gap between retail and supply price, which the platform "
            "keeps. Shown for information; it is not one of your costs."),
    Formula("Revenue-share fee", "v × R", "A fraction of revenue, such as a commission."),
    Formula("Per-unit fee", "v × U", "A fixed amount for every unit sold."),
    Formula("Per-order fee", "v × O", "A fixed amount for every order."),
    Formula("Per-kg fee", "v × w × U", "An amount per kilogram shipped, for every unit."),
    Formula("Monthly fee", "v", "A fixed amount each month."),
    Formula("Yearly fee", "v ÷ 12", "A yearly amount spread evenly over the months."),
    Formula("Deposit", "v × capital cost rate ÷ 12",
            "A deposit is refundable, so its cost is the return the money would earn elsewhere: "
            "the deposit times the yearly capital cost rate, per month."),
    Formula("Returns", "r × R × l",
            "Refunded revenue times the share of it the merchant loses in this mode."),
    Formula("Cost of goods", "U × c", "Units times what one unit costs you, packing included."),
    Formula("Working capital", "(U × c × S ÷ 30 + R × D ÷ 30) × i ÷ 12",
            "Stock held S days ahead and sales waiting D days for their payout tie up money; "
            "its monthly cost at the yearly capital cost rate. A month counts as 30 days."),
    Formula("Write-offs", "u × U × c", "Units sent or bought ahead that never sell, at cost."),
    Formula("Profit", "R − fees − returns − cost of goods − working capital − write-offs",
            "What is left of revenue after every fee, the returns, the goods, the cost of money "
            "tied up and unsold stock."),
    Formula("Hours of a task", "s × hours per unit × quantity",
            "Your share of the task (1 you, 0 the platform, between: shared) times its hours "
            "per driver unit times the driver's quantity: new SKUs, active SKUs, orders, or 1 a "
            "month."),
    Formula("Effort hours", "H = sum of task hours", "All your hours for the month."),
    Formula("Effort cost", "H × L", "Your hours times what an hour of your time is worth."),
    Formula("Profit after effort", "profit − H × L",
            "Profit after paying yourself for your time; the recommendation compares this."),
    Formula("Margin", "profit ÷ R", "Profit as a share of revenue; none when revenue is 0."),
    Formula("Profit per hour", "profit ÷ H", "Profit for each hour you work; none with no hours."),
    Formula("Contribution per unit", "a = d×P − per-unit share of fees, returns, goods, working "
            "capital, write-offs and per-order hours × L",
            "How much profit after effort each extra unit you type adds."),
    Formula("Fixed costs", "b = monthly + yearly ÷ 12 + deposit cost + fixed hours × L",
            "Costs that do not grow with sales, including hours for new SKUs, active SKUs and "
            "monthly tasks."),
    Formula("Break-even units", "max(0, b ÷ a) when a > 0, else none",
            "Units per month (as you type them) at which profit after effort is zero. None when "
            "each unit adds nothing or loses money, or when the volume is beyond any real number."),
    Formula("Cash needed", "deposits + yearly fees + U × c × S ÷ 30 + (U × c + per-unit, "
            "per-order, per-kg and monthly fees) × D ÷ 30",
            "Money paid out before the first payout arrives at steady volume: every deposit and "
            "yearly fee in full, the stock, and the goods and fees paid as you sell during the "
            "payout days. Revenue-share fees and refunds come out of payouts, so they are not "
            "paid ahead; your hours are not cash."),
    Formula("Payback", "cash needed ÷ profit after effort",
            "Months of profit after effort to earn the cash back; none when that profit is not "
            "positive."),
    Formula("Recommended mode", "fewest hours among the modes within 0.01 of the best",
            "The candidates are every mode whose profit after effort is less than 0.01 CNY "
            "(unrounded) below the best; among them the fewest hours wins, then the higher "
            "profit after effort, then the mode listed first."),
    Formula("Parameter value", "override, else category value, else default",
            "A value you override replaces whatever the category would give."),
)
