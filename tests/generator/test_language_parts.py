"""The English build marks its Chinese words as Chinese, in text only, never in markup or data.
(The whole built site is checked in test_languages.py.)"""

from __future__ import annotations

from generator.language_parts import mark_chinese


def test_runs_of_chinese_in_text_are_marked():
    assert mark_chinese("<p>Not fulfilling a paid order (成交不卖), fined 1 USD.</p>") == (
        '<p>Not fulfilling a paid order (<span lang="zh">成交不卖</span>), fined 1 USD.</p>')
    assert mark_chinese("<li>全托管 / 半托管: 你只管供货，卖货交给速卖通。</li>") == (
        '<li><span lang="zh">全托管</span> / <span lang="zh">半托管</span>: '
        '<span lang="zh">你只管供货，卖货交给速卖通。</span></li>')


def test_latin_inside_a_chinese_word_is_part_of_it():
    assert mark_chinese("<td>在售SKU数, SKU 数, active_skus</td>") == (
        '<td><span lang="zh">在售SKU数</span>, SKU <span lang="zh">数</span>, active_skus</td>')


def test_code_and_table_of_contents_text_is_marked_too():
    assert mark_chinese('<pre><code><span class="s">zh: 供货价</span></code></pre>') == (
        '<pre><code><span class="s">zh: <span lang="zh">供货价</span></span></code></pre>')
    assert mark_chinese('<a href="#fully-managed" class="md-nav__link">全托管 (fully managed)</a>'
                        ) == ('<a href="#fully-managed" class="md-nav__link"><span lang="zh">'
                              '全托管</span> (fully managed)</a>')


def test_markup_data_and_head_are_left_as_they_are():
    page = ('<!DOCTYPE html><html lang="en"><head><title>全托管</title>'
            '<meta name="description" content="全托管 and more"></head><body>'
            '<!-- 注释 --><a title="核价 > 供货价" href="#核价">x</a>'
            '<script>const a = "核价" < 1;</script><style>p::after{content:"价"}</style>'
            '<template class="amc-prerendered">{"label": "供货价 <b>"}</template>'
            '<textarea>备货</textarea><select><option>仓发</option></select></body></html>')
    assert mark_chinese(page) == page


def test_text_in_an_element_of_its_own_language_is_left_alone():
    page = ('<div lang="zh"><p>页面<b>不存在</b></p></div><p lang="zh-Hans">托管费</p>'
            "<a hreflang='zh' lang='zh'>简体中文</a><p>核价</p>")
    assert mark_chinese(page) == page.replace("<p>核价</p>", '<p><span lang="zh">核价</span></p>')


def test_an_element_closed_implicitly_does_not_keep_its_language():
    # <li lang="zh"> is closed by the </ul> that ends it, so the text after the list is English.
    assert mark_chinese('<ul><li lang="zh">全托管</ul><p>半托管</p>') == (
        '<ul><li lang="zh">全托管</ul><p><span lang="zh">半托管</span></p>')


def test_a_page_without_chinese_is_returned_unchanged():
    page = '<p class="x">Fully managed</p>'
    assert mark_chinese(page) is page
