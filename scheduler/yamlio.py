"""Read YAML safely and remember where every key and value stands, for located error messages.

`load_document(path)` gives a `Document`: the plain data (dicts, lists, scalars, as
`yaml.safe_load` would give) plus the line and column of every key and value, and the raw
text of every scalar (so "18:30", which YAML 1.1 reads as the number 1110, can be read back
as the time the user wrote).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scheduler.errors import (
    ConfigError,
    codepoint,
    did_you_mean,
    located,
    unsafe_character,
)
from scheduler.fileio import read_input

Path_ = tuple  # a path into the document: ("slots", 0, "times", 1)
SHOWN_AT_MOST = 40  # characters of a value a message quotes as written; a longer one is named by its kind


@dataclass
class Document:
    path: Path
    display: str
    data: Any
    value_marks: dict = field(default_factory=dict)
    key_marks: dict = field(default_factory=dict)
    raw: dict = field(default_factory=dict)
    error_class: type = ConfigError
    lines: list[str] = field(default_factory=list)  # the source, to read what YAML dropped as a comment

    def where(self, at: Path_ = (), *, key: bool = False) -> str:
        """`file:line:col` of the value at `at` (or of its key), falling back to the nearest parent."""
        marks = self.key_marks if key else self.value_marks
        probe = tuple(at)
        while probe not in marks and probe:
            probe = probe[:-1]
        mark = marks.get(probe) or self.value_marks.get(probe)
        if mark is None:
            return self.display
        return f"{self.display}:{mark[0]}:{mark[1]}"

    def shown(self, at: Path_, value: Any) -> str:
        """A value as the user wrote it, for a message: YAML reads `yes`, `on` or `1.0` as true or a number,
        and "unknown status True" names what nobody wrote."""
        written = self.raw.get(tuple(at))
        return repr(written) if not isinstance(value, str) and isinstance(written, str) and written else repr(value)

    def found(self, at: Path_, value: Any) -> str:
        """What the file says at `at`, for a message's "found ...": a value as written (`yes`, not True), a list or
        a mapping by its kind."""
        written = self.raw.get(tuple(at))
        if isinstance(value, (dict, list)) or len(str(written if written is not None else value)) > SHOWN_AT_MOST:
            return kind_of(value)  # a whole file of text (a password file named as a campaign) is never repeated
        if value is None and not written:
            return "nothing"
        return self.shown(at, value)

    def error(self, at: Path_, message: str, *, key: bool = False) -> Exception:
        return self.error_class(located(self.where(at, key=key), f"{dotted(at)}{': ' if at else ''}{message}"))


def dotted(at: Iterable) -> str:
    out = ""
    for part in at:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def kind_of(value: Any) -> str:
    """How a message names what the user wrote: "a list", "text", "a number" ..."""
    names = {dict: "a mapping", list: "a list", str: "text", int: "a number", float: "a number",
             bool: "true/false", type(None): "nothing"}
    return names.get(type(value), type(value).__name__)


def expect_mapping(doc: Document, at: Path_, value: Any, what: str) -> dict:
    """`value` when it is a mapping; else the error at `at` saying what was expected and what was found."""
    if not isinstance(value, dict):
        raise doc.error(at, f"expected {what}, found {doc.found(at, value)}")
    return value


def reject_unknown_keys(doc: Document, at: Path_, data: dict, allowed: Iterable[str]) -> None:
    """Every key of `data` must be one of `allowed`; the error points at the key and guesses the intended one."""
    allowed = tuple(allowed)
    for key in data:
        if key not in allowed:
            hint = did_you_mean(str(key), allowed) or f"; allowed keys: {', '.join(allowed)}"
            raise doc.error(at + (key,), f"unknown key{hint}", key=True)


def hashtag_list(doc: Document, at: Path_, value: Any) -> tuple[str, ...]:
    """A list of hashtags (posts/schedule.yaml's, or a campaign's own), each written with its #."""
    if not isinstance(value, list):
        raise doc.error(at, 'expected a list, e.g. ["#CouplesCounseling"]')
    tags = []
    for index, tag in enumerate(value):
        written = normal_hashtag(tag) if isinstance(tag, str) else None
        if written is None:
            raise doc.error(at + (index,), hashtag_problem(tag, doc.shown(at + (index,), tag)))
        tags.append(written)
    return unique_hashtags(tags)


def unique_hashtags(tags: Iterable[str]) -> tuple[str, ...]:
    """The hashtags without those that differ from an earlier one only in case ("#Grief #grief" gives "#Grief"):
    the first spelling is kept, as a post carries it once."""
    seen: set[str] = set()
    kept = []
    for tag in tags:
        if tag.casefold() not in seen:
            seen.add(tag.casefold())
            kept.append(tag)
    return tuple(kept)


def normal_hashtag(tag: str) -> str | None:
    """A hashtag as posts carry it ("Grief" and "#Grief" give "#Grief"); None when it is not one word."""
    tag = tag.strip()
    if not re.fullmatch(r"#?\w+", tag):
        return None
    return tag if tag.startswith("#") else f"#{tag}"


def hashtag_problem(tag: Any, shown: str | None = None) -> str:
    """`shown`: the tag as the file wrote it (Document.shown)."""
    return f"{shown or repr(tag)} is not a hashtag; write one word, e.g. \"#Counseling\""


def display_path(path: Path, root: Path | None) -> str:
    if root is not None:
        for shown in (lambda: Path(path).resolve(), lambda: Path(path).parent.resolve() / Path(path).name):
            try:  # the file itself a link out of the root (to /dev/zero, say): shown where it lies
                return str(shown().relative_to(Path(root).resolve()))
            except (ValueError, RuntimeError, OSError):  # outside the root, or a symbolic link loop
                pass
    return str(path)


def load_document(path: Path | str, *, root: Path | None = None, error=ConfigError,
                  missing_hint: str = "") -> Document:
    path = Path(path)
    shown = display_path(path, root)
    raw_bytes = read_input(path, shown, error=error, what="YAML file",
                           missing_hint=missing_hint or "check the path")
    try:
        text = raw_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw_bytes[: exc.start].count(b"\n") + 1
        raise error(f"{shown}:{line}: not UTF-8 text; save the file as UTF-8") from None
    return parse_document(text, path=path, display=shown, error=error)


def _yaml():
    """PyYAML and its fastest safe loader, imported when a file is first read (run-due's cron fast path reads none).
    The C loader is several times faster where PyYAML was built with it."""
    # lazy: PyYAML stays out of run-due's cron fast path, which reads no YAML
    import yaml

    try:
        # lazy: as above
        from yaml import CSafeLoader as loader
    except ImportError:  # pragma: no cover
        # lazy: as above
        from yaml import SafeLoader as loader  # type: ignore[assignment]
    return yaml, loader


def parse_document(text: str, *, path: Path, display: str, error=ConfigError) -> Document:
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise error(f"{display}:{number}:{indent.index(chr(9)) + 1}: a tab in the indentation; "
                        "YAML needs spaces, replace the tab with spaces")
    _refuse_aliases(text, display, error)
    doc = Document(path=path, display=display, data=None, error_class=error, lines=text.splitlines())
    yaml, loader_class = _yaml()
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            doc.data = _build(loader, node, (), doc)
    except yaml.MarkedYAMLError as exc:
        raise error(f"{display}:{syntax_message(exc)}; fix the syntax near this place") from None
    except yaml.reader.ReaderError as exc:
        raise error(_bad_character(display, text, exc.character)) from None
    except yaml.YAMLError as exc:
        raise error(f"{display}: not valid YAML ({' '.join(str(exc).split())}); fix the syntax") from None
    except (_DuplicateKey, _CommentAsValue, _UnsafeCharacter, _UnsafeTag) as exc:
        raise error(str(exc)) from None
    finally:
        loader.dispose()
    return doc


def _refuse_aliases(text: str, display: str, error) -> None:
    """YAML aliases (*name) are refused at once: a few lines of them expand to gigabytes (an "alias bomb"),
    and no file of this tool needs them. Found by the scanner alone, before anything is built."""
    if "*" not in text:
        return
    yaml, loader_class = _yaml()
    scanner = loader_class(text)
    try:
        while (token := scanner.get_token()) is not None:
            if isinstance(token, yaml.AliasToken):
                mark = token.start_mark
                raise error(f"{display}:{mark.line + 1}:{mark.column + 1}: the YAML alias *{token.value} is not "
                            "allowed (aliases can expand without bound); write the value out in full")
    except yaml.YAMLError:
        return  # a syntax error: the full parse reports it with its place
    finally:
        scanner.dispose()


def _bad_character(display: str, text: str, character) -> str:
    """A control character YAML refuses, located by line and column (the reader counts bytes)."""
    char = chr(character) if isinstance(character, int) else str(character)
    index = text.find(char)
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return (f"{display}:{line}:{col}: the control character U+{ord(char):04X} is not allowed in YAML; "
            "delete it")


def syntax_message(exc: Any) -> str:
    """`line:col: YAML syntax: ...`, at the construct that was left open when there is one (PyYAML's or
    ruamel's MarkedYAMLError: both give the problem, the context and their marks)."""
    problem = (exc.problem or "not valid YAML").strip()
    context, at = exc.context_mark, exc.problem_mark
    if context is not None and at is not None and context.line != at.line and \
            str(exc.context).startswith("while parsing a block"):
        # a mapping or list that meets what it cannot take: the slip is where it was met, not where the mapping
        # began (user trial 6: a stray quote on line 103 was placed at the tip's opening line, 102)
        return (f"{at.line + 1}:{at.column + 1}: YAML syntax: {problem} (in the "
                f"{str(exc.context).removeprefix('while parsing a ')} that starts at line {context.line + 1})")
    if context is not None and at is not None and context.line != at.line:
        return (f"{context.line + 1}:{context.column + 1}: YAML syntax: {exc.context}, {problem} "
                f"(noticed at line {at.line + 1})")
    mark = at or context
    where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
    return f"{where}: YAML syntax: {problem}"


class _DuplicateKey(Exception):
    pass


class _UnsafeCharacter(Exception):
    pass


class _UnsafeTag(Exception):
    pass


def _mark(node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


_GLUED_COMMENT = re.compile(r"\s+(#[^\s#]+)")


class _CommentAsValue(Exception):
    pass


def _refuse_comment_as_value(node, at: tuple, doc: Document) -> None:
    """`hashtags: #CouplesCounseling` or `- #Grief` or `color: #1A2B3C`: YAML reads a # after a space as a comment,
    so the value silently becomes empty. A comment glued to its # (no space after it) where a value belongs is
    almost always a hashtag or a colour meant as the value: refused, with the quoting that keeps it."""
    mark = node.start_mark
    if mark.line >= len(doc.lines):
        return
    glued = _GLUED_COMMENT.match(doc.lines[mark.line][mark.column:])
    if glued:
        word = glued.group(1)
        raise _CommentAsValue(f"{doc.display}:{mark.line + 1}:{mark.column + glued.start(1) + 1}: {dotted(at)}: YAML "
                              f"reads {word} as a comment, so this value is empty; put it in quotes: \"{word}\"")


def _build(loader, node, at: tuple, doc: Document):
    # lazy: as in _yaml (PyYAML is loaded by then)
    import yaml

    doc.value_marks[at] = _mark(node)
    _refuse_tag(node, at, doc)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result = {}
        for key_node, value_node in node.value:
            _refuse_unsafe(key_node, at, doc)
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, list):
                key = tuple(key)
            here = at + (key,)
            if key in result:
                line, col = _mark(key_node)
                raise _DuplicateKey(f"{doc.display}:{line}:{col}: {dotted(here)}: this key is given twice; "
                                    "keep one")
            doc.key_marks[here] = _mark(key_node)
            result[key] = _build(loader, value_node, here, doc)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, at + (index,), doc) for index, item in enumerate(node.value)]
    doc.raw[at] = node.value
    if node.value == "" and node.tag.endswith(":null"):
        _refuse_comment_as_value(node, at, doc)
    _refuse_unsafe(node, at, doc)
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, TypeError, OverflowError):  # e.g. 2026-02-30: keep the text; validation names it
        return node.value


_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}


def _refuse_tag(node, at: tuple, doc: Document) -> None:
    """A value tagged `!!python/object...` (or any tag but YAML's plain ones) asks to build a program's object: refused
    where it stands, named as written, instead of being read as the list or text under the tag."""
    if node.tag in _PLAIN_TAGS:
        return
    line, col = _mark(node)
    tag = node.tag.replace("tag:yaml.org,2002:", "!!", 1)
    raise _UnsafeTag(f"{doc.display}:{line}:{col}: {dotted(at) + ': ' if at else ''}the YAML tag {tag} is not "
                           "allowed (it asks to build a program's object); delete the tag and write the value itself")


def _refuse_unsafe(node, at: tuple, doc: Document) -> None:
    """A control or bidi character written as an escape ("\\e", "\\x00", "\\u202e") is refused as the raw
    character is by YAML's reader: it would reach a terminal or be posted as it is."""
    char = unsafe_character(node.value) if isinstance(node.value, str) else None
    if char is not None:
        line, col = _mark(node)
        raise _UnsafeCharacter(f"{doc.display}:{line}:{col}: {dotted(at) + ': ' if at else ''}the control character "
                            f"{codepoint(char)} is not allowed (it would act on a terminal or reorder the words "
                            "when posted); delete it")
