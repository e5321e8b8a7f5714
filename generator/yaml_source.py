"""Strict YAML reading: safe loading, with the marks of every node kept for error messages.

PyYAML's SafeLoader is close to what contributors need but silently keeps the last of two equal
keys and reads YAML 1.1 words such as `NO` or `on` as booleans (the "Norway problem"). Both are
reported here instead. Dates stay strings, so they compare with JSON Schema patterns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from generator.errors import DataProblem

Path = tuple[str | int, ...]

_TRUE_FALSE = {"true": True, "false": False}


def format_path(path: Path) -> str:
    """`("costs", 2, "value")` -> `costs[2].value`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that records problems instead of guessing."""

    problems: list[tuple[yaml.Mark, str]]

    def construct_mapping(self, node, deep=False):
        seen: dict[object, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                first = seen[key].start_mark.line + 1
                message = f"duplicate key '{key}' (first defined on line {first})"
                self.problems.append((value_node.start_mark, message))
            else:
                seen[key] = key_node
        return super().construct_mapping(node, deep=deep)

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


def read_yaml(text: str, file: str) -> tuple[YamlDocument | None, list[DataProblem]]:
    """Parse one YAML document; a syntax error gives no document and one problem."""
    loader = _StrictLoader(text)
    loader.problems = []
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
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
