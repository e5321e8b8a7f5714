"""Under `mkdocs serve`: the Chinese edition's words for jieba go again once its build is done.

Material's search cuts Chinese into words with jieba, in both editions (English pages quote
Chinese terms too). jieba's dictionary is one per process, and the Chinese edition's search
adds this site's own words to it (`jieba_dict_user`) when its build starts. `mkdocs build` makes
the English edition first, before those words are added; `mkdocs serve` rebuilds in the same
process, so without this its English index would cut 供货价 whole where a fresh build cuts
供货/价, and each rebuild would add the words again on top (raising jieba's total count, which
shifts how it cuts). Put back as it was after each Chinese build, jieba cuts every rebuild's
pages as a fresh build does.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

try:
    import jieba
    from jieba import finalseg
except ImportError:  # pragma: no cover - Material's search then does not cut Chinese at all
    jieba = None


@contextmanager
def jieba_as_before() -> Iterator[None]:
    """Whatever the block adds to jieba's default dictionary is gone after it."""
    if jieba is None:
        yield
        return
    tokenizer = jieba.dt
    tokenizer.check_initialized()  # loads the main dictionary now, as the block would
    saved = (tokenizer.FREQ.copy(), tokenizer.total, tokenizer.user_word_tag_tab.copy(),
             set(finalseg.Force_Split_Words))
    try:
        yield
    finally:
        with tokenizer.lock:
            tokenizer.FREQ, tokenizer.total, tokenizer.user_word_tag_tab = saved[:3]
            finalseg.Force_Split_Words.clear()
            finalseg.Force_Split_Words.update(saved[3])
