"""Catalogue files as spreadsheets really save them: Excel's Chinese-locale encodings and
separators, quoted commas, empty lines, a row too many, and files that are not tables at all."""

import codecs
import json

import pytest
from calculators.bridge import Session
from calculators.catalogue import MAX_PRODUCTS, plan_file
from calculators.catalogue_csv import UnreadableFile, decode, read_table
from calculators_support import BUNDLE

HEADER = "product,category,retail_price_usd,cogs_cny,weight_kg,units_per_month"
CHINESE_HEADER = "商品,类目,零售价,成本,重量,月销量"


def test_utf8_with_byte_order_mark():
    data = codecs.BOM_UTF8 + f"{HEADER}\r\n手机壳,apparel,6.5,8,0.05,300\r\n".encode()
    table = read_table(data)
    assert table.encoding == "utf-8-sig"
    assert table.header[0] == "product"  # the mark is not part of the first column's name
    plan = plan_file(data, BUNDLE)
    assert plan["problems"] == []
    assert plan["products"][0]["product"] == "手机壳"


def test_gb18030_with_chinese_headers_and_tabs():
    text = f"{CHINESE_HEADER}\n蓝牙耳机,consumer_electronics,12,30,0.1,500\n".replace(",", "\t")
    data = text.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the file really is not UTF-8
    table = read_table(data)
    assert (table.encoding, table.separator) == ("gb18030", "\t")
    plan = plan_file(data, BUNDLE)
    assert plan["problems"] == []
    assert plan["products"][0]["product"] == "蓝牙耳机"


def test_utf16_unicode_text_from_excel():
    text = f"{HEADER}\r\nMug,home_garden,10,20,0.4,100\r\n".replace(",", "\t")
    table = read_table(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert (table.encoding, table.separator) == ("utf-16", "\t")
    assert table.rows == [(2, ["Mug", "home_garden", "10", "20", "0.4", "100"])]


def test_quoted_commas_and_thousands_separators():
    data = f'{HEADER}\n"Mug, large, blue",home_garden,"1,000.50",20,0.4,"1,200"\n'
    plan = plan_file(data, BUNDLE)
    assert plan["problems"] == []
    assert plan["products"][0]["product"] == "Mug, large, blue"


def test_semicolon_separated():
    assert read_table(HEADER.replace(",", ";") + "\n").separator == ";"


def test_empty_lines_keep_row_numbers_of_the_file():
    data = f"\n{HEADER}\n\nMug,home_garden,10,20,0.4,100\n,,,,,\n\nCup,home_garden,x,20,0.4,1\n"
    plan = plan_file(data, BUNDLE)
    assert [p["row"] for p in plan["products"]] == [4]
    assert [(p["row"], p["column"]) for p in plan["problems"]] == [(7, "retail_price_usd")]


def test_a_quoted_line_break_stays_in_its_row():
    data = f'{HEADER}\n"Mug\nlarge",home_garden,10,20,0.4,100\nCup,home_garden,x,20,0.4,1\n'
    plan = plan_file(data, BUNDLE)
    assert plan["products"][0]["product"] == "Mug\nlarge"
    assert plan["problems"][0]["row"] == 4


def test_5001_rows_plan_5000_and_name_the_rest():
    line = "Mug,home_garden,10,20,0.4,100\n"
    plan = plan_file(HEADER + "\n" + line * (MAX_PRODUCTS + 1), BUNDLE)
    assert plan["product_count"] == MAX_PRODUCTS
    assert [(p["row"], p["code"]) for p in plan["problems"]] == [(5002, "too_many_rows")]


def test_pasted_text_with_a_byte_order_mark():
    assert decode("\ufeffproduct") == ("product", "text")


@pytest.mark.parametrize(("data", "message"), [
    (b"PK\x03\x04rest of a zip", "This is a spreadsheet file (.xlsx or .xls), not CSV text."),
    (b"\xd0\xcf\x11\xe0old excel", "This is a spreadsheet file (.xlsx or .xls), not CSV text."),
    (b"\xff\xff\xff", "The file is neither UTF-8 nor GB18030 text."),
    (b"\n \n", "The file is empty: it needs a header line and one line per product."),
    (HEADER + "\n" + "x" * 200_000 + ",1\n", "Line 2 cannot be read (field larger than field "
                                             "limit (131072)); check its quotation marks."),
])
def test_files_that_are_not_tables_say_what_to_do(data, message):
    with pytest.raises(UnreadableFile) as caught:
        read_table(data)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(("data", "message"), [
    (b"PK\x03\x04rest of a zip", "这是 Excel 表格文件（.xlsx 或 .xls），不是 CSV 文本。请在 Excel "
                               "里选“文件 > 另存为”，保存类型选“CSV UTF-8”，再用另存的文件。"),
    (b"\xff\xff\xff", "这个文件既不是 UTF-8 也不是 GB18030 编码的文本。请在表格软件里另存为"
                      "“CSV UTF-8”或“CSV”后再试。"),
    (b"\n \n", "文件是空的：第一行要写列名，下面每行一个商品。"),
    (HEADER + "\n" + "x" * 200_000 + ",1\n", "第 2 行读不出来（field larger than field limit "
                                             "(131072)），请检查这一行的引号。"),
])
def test_unreadable_files_are_explained_in_chinese(data, message):
    with pytest.raises(UnreadableFile) as caught:
        read_table(data, "zh")
    assert str(caught.value) == message


def test_the_bridge_plans_a_file_and_reports_unreadable_ones():
    session = Session(json.dumps(BUNDLE))

    class Uint8ArrayProxy:  # what Pyodide hands Python for a JS Uint8Array
        def __init__(self, data):
            self.data = data

        def to_bytes(self):
            return self.data

    file = (CHINESE_HEADER + "\n杯子,home_garden,10,20,0.4,100\n").encode("gb18030")
    answer = json.loads(session.catalogue(Uint8ArrayProxy(file), "{}"))
    assert answer["ok"] and answer["products"] == 1 and answer["problems"] == 0
    assert "杯子" in answer["html"] and answer["csv"].startswith("\ufeffrow,product")
    unreadable = json.loads(session.catalogue("", "{}"))
    assert unreadable == {"ok": False, "problems": [{
        "row": 0, "column": "", "code": "unreadable_file",
        "message": "The file is empty: it needs a header line and one line per product."}]}
    bad_settings = json.loads(session.catalogue(HEADER, '{"fx_cny_per_usd": -1}'))
    assert not bad_settings["ok"]
    assert bad_settings["problems"][0]["column"] == "fx_cny_per_usd"


def test_the_bridge_answers_in_the_requests_language():
    session = Session(json.dumps(BUNDLE))
    file = (CHINESE_HEADER + "\n杯子,home_garden,10,20,0.4,100\n杯垫,home_garden,x,1,1,1\n")
    chinese = json.loads(session.catalogue(file.encode("gb18030"), "{}", "zh"))
    english = json.loads(session.catalogue(file.encode("gb18030"), "{}"))
    assert chinese["ok"] and (chinese["products"], chinese["problems"]) == (1, 1)
    assert "最佳方案：" in chinese["html"] and "零售价（美元）要填" in chinese["html"]
    assert chinese["csv"].startswith("\ufeff行号,商品,类目,模式代码,模式,")
    assert "Best plan:" in english["html"] and english["csv"].startswith("\ufeffrow,product")
    assert json.loads(session.catalogue("", "{}", "zh"))["problems"][0]["message"] == \
        "文件是空的：第一行要写列名，下面每行一个商品。"
    settings = json.loads(session.catalogue(file, '{"fx_cny_per_usd": -1}', "zh"))
    assert settings["problems"][0]["message"].startswith("汇率（元/美元）不能低于")
