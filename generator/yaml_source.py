"""Strict, bounded YAML reading: safe loading, with the marks of every node kept for messages.

PyYAML's SafeLoader is close to what contributors need but silently keeps the last of two equal
keys and reads YAML 1.1 words such as `NO` or `on` as booleans (the "Norway problem"). Both are
reported here instead. Dates stay strings, so they compare with JSON Schema patterns.

Reading is bounded so that no file can hang the build or exhaust memory: files are at most
MAX_FILE_BYTES of UTF-8, nested at most MAX_DEPTH maps and lists deep, and hold no aliases
(`*name`: a few nested aliases expand to billions of nodes, and data files never need them).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

import yaml

from generator.errors import DataProblem

Path = tuple[str | int, ...]

MAX_FILE_BYTES = 128 * 1024  # seven times the largest file; parsing stays well under 2 s
MAX_DEPTH = 20
MAX_DIGITS = 30  # far beyond any figure; Python refuses to convert beyond 4,300 digits anyway

# Byte order marks of the encodings an editor may save in instead of UTF-8, longest first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)

_TRUE_FALSE = {"true": True, "false": False}


def format_path(path: Path) -> str:
    """`("costs", 2, "value")` -> `costs[2].value`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class _Refused(Exception):
    """Reading stopped at something a data file may not hold; the rest of the file is not read."""

    def __init__(self, mark: yaml.Mark, message: str, path: Path | None = None):
        super().__init__(message)
        self.mark = mark
        self.message = message
        self.path = path  # None: found while constructing, where the marks give the path


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that records problems instead of guessing, and refuses what cannot be bounded."""

    problems: list[tuple[yaml.Mark, str]]
    depth = 0
    path: Path = ()

    def compose_node(self, parent, index):
        # Composing is where aliases would be expanded and where nesting recurses: both are
        # stopped here, before any work grows with them. `index` is the key node of a map's
        # value, the position of a list's item, or None for a key.
        path = self.path
        if isinstance(index, yaml.ScalarNode):
            self.path = (*path, index.value)
        elif isinstance(index, int):
            self.path = (*path, index)
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _Refused(event.start_mark,
                           f"'*{event.anchor}' is a YAML alias; data files may not use aliases "
                           "(& and *): write the value out in full", self.path)
        nests = self.check_event(yaml.SequenceStartEvent, yaml.MappingStartEvent)
        if nests and index is None and isinstance(parent, yaml.MappingNode):
            raise _Refused(self.peek_event().start_mark,
                           "a key must be plain text, not a list or a map", self.path)
        if nests:
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _Refused(self.peek_event().start_mark,
                               f"nested more than {MAX_DEPTH} lists and maps deep; "
                               f"data files may nest at most {MAX_DEPTH}", self.path)
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= nests
            self.path = path

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, OverflowError):
            # An explicit tag that does not fit its text, such as `!!float abc`.
            tag = node.tag.rsplit(":", 1)[-1]
            raise _Refused(node.start_mark,
                           f"{_quoted(node.value)} cannot be read as a YAML {tag}") from None

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, yaml.MappingNode):
            return super().construct_mapping(node, deep=deep)  # raises PyYAML's marked error
        self.flatten_mapping(node)
        mapping: dict[str, object] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            # Keys are field names and ids: always their text, so `yes:` or `2026:` cannot
            # turn into a boolean or a number. (Lists and maps as keys were refused already.)
            key = key_node.value
            if key in first_line:
                message = f"duplicate key '{key}' (first defined on line {first_line[key]})"
                self.problems.append((value_node.start_mark, message))
            else:
                first_line[key] = key_node.start_mark.line + 1
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_int(self, node):
        digits = sum(character.isdigit() for character in node.value)
        if digits > MAX_DIGITS:
            raise _Refused(node.start_mark,
                           f"a whole number of {digits} digits is too long to be a figure "
                           f"(at most {MAX_DIGITS} digits)")
        return super().construct_yaml_int(node)

    def construct_yaml_bool(self, node):
        text = self.construct_scalar(node)
        if text in _TRUE_FALSE:
            return _TRUE_FALSE[text]
        self.problems.append(
            (
                node.start_mark,
                f"'{text}' is a YAML 1.1 boolean; write true or false, "
                f"or quote it (\"{text}\") if you mean the text",
            )
        )
        return text


_StrictLoader.add_constructor("tag:yaml.org,2002:bool", _StrictLoader.construct_yaml_bool)
_StrictLoader.add_constructor("tag:yaml.org,2002:int", _StrictLoader.construct_yaml_int)
# Keep dates as text: the schema checks their form, and JSON has no date type.
_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


@dataclass
class YamlDocument:
    """A parsed file: its data, and the (line, column) of every value by path."""

    file: str
    data: object
    marks: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path) -> tuple[int, int]:
        """The position of the value at `path`, or of its nearest parent that exists."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def at(self, path: Path) -> object:
        """The value at `path`, which must exist."""
        value = self.data
        for part in path:
            value = value[part]
        return value

    def problem(self, path: Path, message: str) -> DataProblem:
        line, column = self.where(path)
        return DataProblem(self.file, line, column, format_path(path), message)


def _collect_marks(node: yaml.Node, path: Path, marks: dict[Path, tuple[int, int]]) -> None:
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            _collect_marks(value_node, (*path, key_node.value), marks)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_marks(item, (*path, index), marks)


def _quoted(text: object, limit: int = 40) -> str:
    """Text as a contributor would type it, quoted and cut short."""
    text = str(text)
    return f"'{text}'" if len(text) <= limit else f"'{text[:limit - 1]}\u2026'"


def _line_column(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def decode_data_file(raw: bytes, file: str,
                     size: int | None = None) -> tuple[str | None, list[DataProblem]]:
    """The text of a data file, or no text and one problem naming why it cannot be read.

    `size` is the file's size when `raw` holds only its first MAX_FILE_BYTES + 1 bytes.
    """

    def refuse(message: str) -> tuple[None, list[DataProblem]]:
        return None, [DataProblem(file, 1, 1, "", message)]

    size = len(raw) if size is None else size
    if size > MAX_FILE_BYTES:
        return refuse(f"the file is {size:,} bytes; data files may be at most "
                      f"{MAX_FILE_BYTES:,} bytes (split it, or shorten long texts)")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return refuse(f"the file is saved as {encoding} (it starts with a {encoding} byte "
                          "order mark); save it as UTF-8")
    if b"\x00" in raw:  # YAML never holds a zero byte; UTF-16 text without a mark does
        return refuse("the file is not UTF-8 (it holds zero bytes, as UTF-16 does); "
                      "save it as UTF-8")
    try:
        text = raw.decode("utf-8-sig")  # an editor's UTF-8 byte order mark is harmless
    except UnicodeDecodeError as error:
        before = raw[:error.start].decode("utf-8", "replace")
        line, column = _line_column(before, len(before))
        byte = raw[error.start]
        return refuse(f"the file is not UTF-8: byte 0x{byte:02X} on line {line}, column {column} "
                      "is not valid UTF-8 (was it saved as GBK or Latin-1?); save it as UTF-8")
    return text, []


def read_yaml(text: str, file: str) -> tuple[YamlDocument | None, list[DataProblem]]:
    """Parse one YAML document; a file that cannot be read gives no document and one problem."""
    try:
        # The reader checks every character as it is created.
        loader = _StrictLoader(text)
    except yaml.reader.ReaderError as error:
        line, column = _line_column(text, error.position)
        message = (f"the character U+{error.character:04X} is not allowed in YAML "
                   "(only printable characters are); delete it")
        return None, [DataProblem(file, line, column, "", message)]
    loader.problems = []
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except _Refused as refused:
        position = (refused.mark.line + 1, refused.mark.column + 1)
        path = refused.path
        if path is None:  # the whole file was composed: find the path of the node refused
            marks: dict[Path, tuple[int, int]] = {}
            _collect_marks(node, (), marks)
            path = {where: path for path, where in marks.items()}.get(position, ())
        return None, [DataProblem(file, *position, format_path(path), refused.message)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"YAML syntax error: {error.problem}"
        if error.context:
            message += f" ({error.context})"
        return None, [DataProblem(file, line, column, "", message)]
    finally:
        loader.dispose()
    document = YamlDocument(file, data)
    if node is not None:
        _collect_marks(node, (), document.marks)
    # Name the field of each problem found while loading: the path whose value starts there.
    paths = {position: path for path, position in document.marks.items()}
    problems = []
    for mark, message in loader.problems:
        position = (mark.line + 1, mark.column + 1)
        problems.append(DataProblem(file, *position, format_path(paths.get(position, ())), message))
    return document, problems
