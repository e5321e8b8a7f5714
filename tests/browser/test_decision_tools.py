"""The chooser and the catalogue planner in Debian's Chromium against the built site."""

from __future__ import annotations

import codecs
import csv
import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from calculators.catalogue import MAX_PRODUCTS
from calculators.chooser import score

from generator.load import load_data

REPO = Path(__file__).resolve().parents[2]

CHOOSER = "[data-chooser]"
CATALOGUE = "[data-catalogue]"
HEADER = "商品,类目,零售价,成本,重量,月销量"


def answer(page, question, answer_id):
    page.check(f"{CHOOSER} input[name='{question}'] >> nth={answer_id}")


def test_chooser_without_javascript_shows_questions_and_leans(chromium, server):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url("chooser/"))
    questions = page.locator(f"{CHOOSER} .amc-ch-question")
    assert 6 <= questions.count() <= 8
    first = page.locator(f"{CHOOSER} .amc-ch-question").first
    assert first.locator("legend").inner_text() == \
        "1. Can you photograph and list products yourself?"
    assert first.locator("[data-answer='1'] .amc-ch-leans").inner_text() == \
        "Leans: Fully managed +2, Semi-managed −1, Self-operated store −2."
    assert "fully managed, where the platform lists for you" in first.inner_text()
    assert page.locator(f"{CHOOSER} .amc-ch-result").is_hidden()
    context.close()


def test_chooser_answers_with_a_mix_and_links_the_calculator_with_a_preset(visit):
    page = visit.goto("chooser/")
    page.wait_for_function(f"() => document.querySelector('{CHOOSER}').amcChooser")
    progress = page.locator(f"{CHOOSER} .amc-ch-progress")
    assert progress.inner_text().startswith("8 of 8 questions left")
    # A brand owner with a team who does everything: a self-operated store, by the points that
    # calculators.chooser worked out at build time.
    picks = [("listing", 0), ("stock", 0), ("pricing", 0), ("brand", 0), ("weight", 0),
             ("hours", 2), ("service", 0), ("experience", 0)]
    for question, pick in picks:
        answer(page, question, pick)
    shown = page.locator(f"{CHOOSER} .amc-ch-outcome:visible")
    assert shown.inner_text().startswith("A self-operated store.")
    # The reasons shown are the ones calculators.chooser gives for these answers.
    site = load_data(REPO / "data")
    answers = {q.id: q.answers[pick].id for q, (_, pick) in zip(site.chooser.questions, picks,
                                                                strict=True)}
    expected = score(site.chooser.as_plain(), answers)
    assert expected["modes"] == ["self_operated"]
    questions = {q.id: q for q in site.chooser.questions}
    reasons = page.locator(f"{CHOOSER} .amc-ch-why li").all_inner_texts()
    assert len(reasons) == len(expected["reasons"]) >= 3
    for text, question_id in zip(reasons, expected["reasons"], strict=True):
        reason = questions[question_id].answers[dict(picks)[question_id]].reason["en"]
        assert text.startswith(reason)
    link = page.locator(f"{CHOOSER} .amc-ch-preset:visible")
    assert link.count() == 1
    href = link.get_attribute("href")
    query = parse_qs(urlparse(href).query)
    assert query["preset"] == ["brand"] and query["category"] == ["apparel"]
    # The answer follows the answers: with little time, no foreign-language service and no brand
    # (fully 3 points, semi-managed 2, self-operated -1) it is both managed modes side by side,
    # and the preset is the part-time seller's (the first answer that names a preset).
    answer(page, "hours", 0)
    answer(page, "service", 1)
    answer(page, "brand", 1)
    assert page.locator(f"{CHOOSER} .amc-ch-outcome:visible").inner_text().startswith(
        "Both managed modes")
    assert page.locator(f"{CHOOSER} .amc-ch-preset:visible").get_attribute("data-preset") == \
        "part-time"
    page.locator(f"{CHOOSER} .amc-ch-preset:visible").click()
    page.wait_for_url("**/calculator/**")
    page.wait_for_selector("[data-calculator][data-live=attached]", state="attached")
    assert page.input_value("[data-calculator] input[name=labour_rate_cny_per_hour]") == "60"
    assert visit.console_errors == []


def test_home_page_has_the_chooser(visit):
    page = visit.goto("")
    assert page.locator(f"{CHOOSER} .amc-ch-question").count() >= 6


def plan(page, timeout=90_000):
    """Click "Plan" and wait for the plan (a timeout, never a hang, if it does not come)."""
    page.evaluate(f"""() => {{
        const root = document.querySelector('{CATALOGUE}');
        window.__planned = false;
        root.addEventListener('amc:plan', () => {{ window.__planned = true; }}, {{ once: true }});
        root.querySelector('button[type=submit]').click();
    }}""")
    page.wait_for_function("() => window.__planned", timeout=timeout)


def wait_attached(page):
    page.wait_for_function(f"() => document.querySelector('{CATALOGUE}').amcCatalogue")


def status_becomes(page, text):
    """The planner's status line reads ``text`` (it is written after the file is read, which
    is asynchronous: wait for it rather than read it once)."""
    page.wait_for_function(
        "([selector, text]) => document.querySelector(selector).textContent === text",
        arg=[f"{CATALOGUE} .amc-cat-status", text], timeout=10_000)


def test_catalogue_upload_of_an_excel_gb18030_file_with_a_bad_row(visit, tmp_path):
    rows = [HEADER, "蓝牙耳机,consumer_electronics,12,30,0.1,500",
            '"杯子, 大号",home_garden,9,12,0.4,300', "坏行,apparel,abc,10,0.3,100",
            "手机壳,phones_accessories,5,4,0.05,2000"]
    path = tmp_path / "目录.csv"
    path.write_bytes("\r\n".join(rows).encode("gb18030"))
    page = visit.goto("catalogue/")
    wait_attached(page)
    page.evaluate(f"""() => document.querySelector('{CATALOGUE}')
        .addEventListener('amc:plan', () => {{ window.__planned = true; }}, {{ once: true }})""")
    page.set_input_files(f"{CATALOGUE} input[type=file]", str(path))
    page.wait_for_function("() => window.__planned", timeout=60_000)
    status = page.inner_text(f"{CATALOGUE} .amc-cat-status")
    assert status == "Planned 3 products. 1 problem is listed below."
    problems = page.locator(f"{CATALOGUE} .amc-cat-problems tbody tr")
    assert problems.all_inner_texts() == [
        "4\tretail_price_usd\tRetail price (USD) must be a number from 0.01 to 100,000; "
        "“abc” is not a number."]
    products = page.locator(f"{CATALOGUE} .amc-cat-products tbody tr")
    assert [row.get_attribute("data-row") for row in products.all()] == ["2", "3", "5"]
    assert "杯子, 大号" in products.nth(1).inner_text()
    with page.expect_download() as download:
        page.click(f"{CATALOGUE} [data-action=export-plan]")
    data = download.value.path().read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    exported = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert [line[:2] for line in exported[1:]] == [["2", "蓝牙耳机"], ["3", "杯子, 大号"],
                                                   ["5", "手机壳"]]
    # Nothing was uploaded: every request stayed on this site, and none carried the file.
    assert visit.off_origin() == []
    assert visit.console_errors == []


def test_catalogue_pasted_with_tabs_and_too_many_rows(visit):
    page = visit.goto("catalogue/")
    wait_attached(page)
    line = "Mug\thome_garden\t10\t20\t0.4\t100"
    text = HEADER.replace(",", "\t") + "\n" + "\n".join([line] * (MAX_PRODUCTS + 1))
    # Set at once: typing 5,001 lines key by key would take minutes.
    page.eval_on_selector(f"{CATALOGUE} textarea", "(el, text) => { el.value = text; }", text)
    plan(page)
    assert page.inner_text(f"{CATALOGUE} .amc-cat-status") == \
        "Planned 5,000 products. 1 problem is listed below."
    assert "at most 5,000 products" in page.inner_text(f"{CATALOGUE} .amc-cat-problems")
    # The first hundred rows are laid out; the rest come when asked for, all 5,000 of them.
    rows = page.locator(f"{CATALOGUE} .amc-cat-products tbody tr")
    assert rows.count() == 100
    page.click(f"{CATALOGUE} [data-action=show-all-products]")
    assert rows.count() == MAX_PRODUCTS
    assert rows.last.get_attribute("data-row") == str(MAX_PRODUCTS + 1)
    assert page.locator(f"{CATALOGUE} .amc-cat-more").count() == 0


def test_catalogue_page_says_what_to_do_without_input(visit):
    page = visit.goto("catalogue/")
    wait_attached(page)
    page.click(f"{CATALOGUE} button[type=submit]")
    status_becomes(page, "Choose a file or paste your product list first.")


def test_catalogue_template_downloads_and_plans(visit):
    page = visit.goto("catalogue/")
    url = page.eval_on_selector(f"{CATALOGUE} a[download]", "a => a.href")
    template = page.request.get(url).body()
    assert template.startswith(codecs.BOM_UTF8)
    assert template.decode("utf-8-sig").splitlines()[0].startswith("product,category,")


# Latin words a Chinese reader may meet in a plan: the file's column codes (a problem's column),
# the platform's own POP (自运营（POP）), and what the merchant typed ("abc" below).
CODES = {"product", "category", "retail_price_usd", "cogs_cny", "weight_kg", "units_per_month",
         "POP", "abc"}


def test_chinese_catalogue_page_plans_in_chinese_from_the_chinese_template(visit):
    page = visit.goto("zh/catalogue/")
    wait_attached(page)
    block = page.locator(CATALOGUE)
    assert block.locator("button[type=submit]").inner_text() == "开始规划"
    assert block.locator("legend").all_inner_texts() == ["你的时间价值和汇率", "你的商品"]
    page.wait_for_function(f"() => document.querySelector('{CATALOGUE}').dataset.state === 'ready'",
                           timeout=90_000)
    assert page.inner_text(f"{CATALOGUE} .amc-cat-status") == \
        "已就绪：选择文件或粘贴商品清单，然后点“开始规划”。"
    page.click(f"{CATALOGUE} button[type=submit]")
    status_becomes(page, "请先选择文件，或者粘贴商品清单。")
    link = block.locator("a[download]")
    assert link.inner_text() == "下载表格模板（CSV）"
    assert link.get_attribute("download") == "商品目录模板.csv"
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok, response.url  # the link leads to the site's root from /zh/
    template = response.body().decode("utf-8-sig")
    assert template.startswith("商品,类目,零售价,成本,重量,月销量,")
    text = template + "坏行,,abc,10,0.3,100\r\n"
    page.eval_on_selector(f"{CATALOGUE} textarea", "(el, text) => { el.value = text; }", text)
    plan(page)
    assert page.inner_text(f"{CATALOGUE} .amc-cat-status") == \
        "已规划 1 个商品。下面列出了 1 个问题。"
    results = page.inner_text(f"{CATALOGUE} .amc-cat-results")
    assert results.startswith("最佳方案：所有商品都走")
    assert "零售价（美元）要填 0.01 到 100,000 之间的数字" in results
    assert set(re.findall(r"[A-Za-z_]{2,}", results)) <= CODES
    with page.expect_download() as download:
        page.click(f"{CATALOGUE} [data-action=export-plan]")
    exported = list(csv.reader(io.StringIO(download.value.path().read_bytes()
                                           .decode("utf-8-sig"))))
    assert exported[0][:5] == ["行号", "商品", "类目", "模式代码", "模式"]
    assert exported[1][1] == "手机壳 A"
    assert visit.off_origin() == [] and visit.console_errors == []
