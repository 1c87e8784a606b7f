"""Turn a mistake in a page's template code (``{{ … }}``, ``{% … %}``) into one placed, plain line.

Why: Jinja's own errors speak of tokens, "print statements" and Python objects, count lines from the
end of the front matter and come with a traceback. Editors need the file, the line as their editor
shows it, the column, and what to write instead, with a "did you mean" when a name is misspelt.
Jinja stops at the first mistake in a page, so each page gives at most one problem from here.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, Iterable

import jinja2
from jinja2.utils import missing

from peaceops.pages.localize import UnfilledText
from peaceops.source.messages import message
from peaceops.source.pagesource import PageSource
from peaceops.source.problems import Problem

# The name Jinja gives the code of a template made from a string: our pages (macro files have a path).
PAGE_FRAME = "<template>"
JINJA_GLOBALS = ("range", "dict", "lipsum", "cycler", "joiner", "namespace", "loop")


class PageError(Exception):
    """A page's template code failed: an unknown name, a bad call, an unclosed tag; carries the
    placed problem."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


class PageMistake(Exception):
    """A mistake found by a function pages call (a link to an unknown page id): already worded."""


class UnknownName(jinja2.UndefinedError):
    """Jinja's 'undefined' error, with what was asked for and of what, for a 'did you mean'."""

    def __init__(self, text: str, owner: Any, name: str | None, hint: str | None):
        super().__init__(text)
        self.owner = owner
        self.name = name
        self.hint = hint


class PageUndefined(jinja2.StrictUndefined):
    """StrictUndefined that says which name of which object was missing when it fails."""

    __slots__ = ()

    def _fail_with_undefined_error(self, *args: Any, **kwargs: Any) -> Any:
        raise UnknownName(self._undefined_message, self._undefined_obj, self._undefined_name, self._undefined_hint)

    __str__ = __iter__ = __len__ = __bool__ = __eq__ = __ne__ = _fail_with_undefined_error
    __hash__ = __contains__ = _fail_with_undefined_error
    __add__ = __radd__ = __sub__ = __mul__ = __getitem__ = __lt__ = _fail_with_undefined_error
    __le__ = __gt__ = __ge__ = __int__ = __float__ = __complex__ = _fail_with_undefined_error
    __pow__ = __rpow__ = __call__ = _fail_with_undefined_error

    def __getattr__(self, name: str) -> Any:
        if name[:2] == "__":
            raise AttributeError(name)
        return self._fail_with_undefined_error()


def suggestion(name: str, candidates: Iterable[str]) -> str:
    """' (did you mean "x"?)' for the closest candidate, or ''."""
    matches = difflib.get_close_matches(name, sorted(set(candidates)), n=1, cutoff=0.6)
    return message("did_you_mean", match=matches[0]) if matches else ""


def runtime_problem(error: BaseException, page: PageSource, names: dict[str, Any], root: Path | None = None) -> Problem:
    """The problem for an error raised while rendering ``page``; ``names`` are what the page sees.
    A mistake in an interface text is placed in data/interface.yaml, where it must be fixed."""
    if isinstance(error, UnfilledText) and root is not None:
        known = ", ".join("{" + name + "}" for name in error.known) or "no name in braces"
        line, column = _interface_line(root, error.key)
        return Problem("data/interface.yaml", line, column, message("placeholder_unknown", key=error.key, name=error.name, known=known))
    line_in_body, inner = _page_line(error)
    line = page.body_line + line_in_body - 1
    text = page.body.splitlines()[line_in_body - 1] if 0 < line_in_body <= len(page.body.splitlines()) else ""
    column = _first_code_column(text)
    if isinstance(error, UnknownName):
        wording, found_at = _unknown_name(error, text, names)
        column = found_at or column
    elif isinstance(error, PageMistake):
        wording = str(error)
    elif isinstance(error, TypeError) and (found := _macro_arguments(str(error), names)):
        wording, macro = found
        column = _column_of(text, macro + "(") or column
    else:
        detail = str(error).strip("'\"")
        wording = message("page_cannot_render", detail=f"{type(error).__name__}: {detail}" if detail else type(error).__name__)
    if inner:
        wording += message("page_in_macro", where=inner)
    return Problem(page.display, line, column, wording)


def _page_line(error: BaseException) -> tuple[int, str]:
    """The page's line (within its body) the error came from, and 'file:line' in a macro file if any."""
    line, inner = 1, ""
    traceback = error.__traceback__
    while traceback is not None:
        code = traceback.tb_frame.f_code
        if code.co_filename == PAGE_FRAME:
            line, inner = traceback.tb_lineno, ""
        elif code.co_filename.endswith(".html") and "/macros/" in code.co_filename.replace("\\", "/"):
            inner = "theme/macros/" + code.co_filename.replace("\\", "/").rsplit("/macros/", 1)[1] + f":{traceback.tb_lineno}"
        traceback = traceback.tb_next
    return line, inner


def _unknown_name(error: UnknownName, text: str, names: dict[str, Any]) -> tuple[str, int | None]:
    name = error.name
    if error.hint and (found := re.match(r"parameter '(\w+)' was not provided", error.hint)):
        macro = _called_macro(text, names)
        if macro is not None:
            return message("macro_missing_value", macro=macro.name, value=found.group(1), call=_signature(macro)), _column_of(text, macro.name + "(")
        return message("page_cannot_render", detail=error.hint), None
    if name is None:
        return message("page_cannot_render", detail=str(error)), None
    if error.owner is missing:
        column = _column_of(text, name, whole=True)
        if re.search(rf"(?<![\w.]){re.escape(name)}\s*\(", text):
            macros = [key for key, value in names.items() if callable(value)]
            return message("unknown_macro", name=name, suggestion=suggestion(name, macros)), column
        return message("unknown_name", name=name, suggestion=suggestion(name, list(names) + list(JINJA_GLOBALS))), column
    owner_text = _owner_text(text, name)
    macro = _called_macro(text, names)
    if owner_text is None and macro is not None and (column := _column_of(text, f"'{name}'") or _column_of(text, f'"{name}"')):
        # A value the page gave a macro (count('missions_nw')) that the macro does not know.
        return message("unknown_value", macro=macro.name, name=name, suggestion=suggestion(name, _members(error.owner))), column
    owner_text = owner_text or "this value"
    column = _column_of(text, "." + name)
    column = column + 1 if column else _column_of(text, name, whole=True)
    return message("unknown_attribute", owner=owner_text, name=name, suggestion=suggestion(name, _members(error.owner))), column


def _members(owner: Any) -> list[str]:
    if isinstance(owner, dict):
        return [str(key) for key in owner]
    members = [name for name in dir(owner) if not name.startswith("_")]
    fields = getattr(type(owner), "model_fields", None)
    return members + (list(fields) if isinstance(fields, dict) else [])


def _owner_text(text: str, name: str) -> str | None:
    found = re.search(rf"([\w.\[\]'\"]+)\.{re.escape(name)}\b", text)
    return found.group(1) if found else None


def _called_macro(text: str, names: dict[str, Any]) -> Any:
    for found in re.finditer(r"(?<![\w.])(\w+)\s*\(", text):
        value = names.get(found.group(1))
        if isinstance(value, jinja2.runtime.Macro) or hasattr(value, "__wrapped_macro__"):
            return getattr(value, "__wrapped_macro__", value)
    return None


def _signature(macro: Any) -> str:
    return f"{macro.name}({', '.join(macro.arguments)})"


def _macro_arguments(text: str, names: dict[str, Any]) -> tuple[str, str] | None:
    """Jinja's complaint about a macro call's values, in plain words, and the macro's name."""
    found = re.match(r"macro '(\w+)' takes (?:not more than (\d+) argument|no arguments?)", text)
    if found:
        macro = _macro(found.group(1), names)
        call = _signature(macro) if macro else found.group(1) + "()"
        if not found.group(2) or found.group(2) == "0":
            return message("macro_no_values", macro=found.group(1), call=call), found.group(1)
        return message("macro_too_many_values", macro=found.group(1), count=found.group(2), call=call), found.group(1)
    found = re.match(r"macro '(\w+)' takes no keyword argument '(\w+)'", text)
    if found:
        macro = _macro(found.group(1), names)
        arguments = list(macro.arguments) if macro else []
        return message("macro_unknown_value", macro=found.group(1), value=found.group(2), suggestion=suggestion(found.group(2), arguments), call=_signature(macro) if macro else found.group(1) + "()"), found.group(1)
    return None


def _macro(name: str, names: dict[str, Any]) -> Any:
    value = names.get(name)
    return getattr(value, "__wrapped_macro__", value) if value is not None else None


def _interface_line(root: Path, key: str) -> tuple[int, int]:
    try:
        lines = (root / "data" / "interface.yaml").read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1, 1
    for number, text in enumerate(lines, start=1):
        if text.strip().startswith(key + ":"):
            return number, text.index(key) + 1
    return 1, 1


# --- Syntax ----------------------------------------------------------------------------------
def syntax_problem(error: jinja2.TemplateSyntaxError, page: PageSource, environment: jinja2.Environment) -> Problem:
    """The problem for a page whose template code cannot be read."""
    body = page.body
    lines = body.splitlines()
    line = error.lineno or 1
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    column = _first_code_column(text)
    wording = message("template_other", detail=error.message or "")
    problem = error.message or ""
    if problem == "unexpected '}'":
        wording = message("template_single_brace")
        column = _last_before(text, "{{", text.find("}")) or column
    elif (unclosed := _first_unclosed(body, line)) is not None:
        (line, column), kind = unclosed
        wording = message("template_unclosed_print" if kind == "{{" else "template_unclosed_tag")
    elif re.search(r"expected '\)'|unexpected end of template, expected '\)'", problem):
        wording = message("template_unclosed_bracket")
        column = _last_before(text, "(", len(text)) or column
    elif "end of print statement" in problem:
        line, column = _unclosed(body, "{{", "}}", line)
        wording = message("template_unclosed_print")
    elif "end of statement block" in problem:
        line, column = _unclosed(body, "{%", "%}", line)
        wording = message("template_unclosed_tag")
    elif problem.startswith("Unexpected end of template") and (found := re.search(r"innermost block that needs to be closed is '(\w+)'", problem)):
        block = found.group(1)
        line, column = _unmatched_opening(body, block, environment) or (line, column)
        wording = message("template_unclosed_block", block=block)
    elif found := re.match(r"Encountered unknown tag '(\w+)'", problem):
        tag = found.group(1)
        expected = re.findall(r"'(\w+)'", problem.split("looking for the following tags:", 1)[1]) if "looking for" in problem else []
        known = expected + ["if", "elif", "else", "endif", "for", "endfor", "set", "endset", "macro", "endmacro", "raw", "endraw", "with", "endwith", "filter", "endfilter", "call", "endcall"]
        wording = message("template_unknown_tag", tag=tag, suggestion=suggestion(tag, known))
        column = _column_of(text, tag, whole=True) or column
    elif found := re.match(r"No filter named '(\w+)'", problem):
        wording = message("template_unknown_filter", name=found.group(1), suggestion=suggestion(found.group(1), environment.filters))
        column = _column_of(text, found.group(1), whole=True) or column
    return Problem(page.display, page.body_line + line - 1, column, wording)


def _first_unclosed(body: str, up_to_line: int) -> tuple[tuple[int, int], str] | None:
    """The first {{ or {% at or before ``up_to_line`` whose closing does not come before the next
    template code (or the end): ((line, column), opening)."""
    found = []
    for opening, closing in (("{{", "}}"), ("{%", "%}")):
        for match in re.finditer(re.escape(opening), body):
            start = match.end()
            ends = [i for i in (body.find(closing, start), body.find("{{", start), body.find("{%", start)) if i >= 0]
            if not ends or not body.startswith(closing, min(ends)):
                line = body.count("\n", 0, match.start()) + 1
                if line <= up_to_line:
                    found.append((match.start(), line, match.start() - (body.rfind("\n", 0, match.start()) + 1) + 1, opening))
    if not found:
        return None
    _, line, column, opening = min(found)
    return (line, column), opening


def _unclosed(body: str, opening: str, closing: str, fallback_line: int) -> tuple[int, int]:
    """(line, column) within the body of the last ``opening`` at or before ``fallback_line`` that is
    not closed before the next template code starts."""
    best = None
    for found in re.finditer(re.escape(opening), body):
        start = found.end()
        ends = [i for i in (body.find(closing, start), body.find("{{", start), body.find("{%", start)) if i >= 0]
        next_code = min(ends) if ends else -1
        if next_code < 0 or body.startswith(("{{", "{%"), next_code):
            line = body.count("\n", 0, found.start()) + 1
            if line <= fallback_line or best is None:
                best = (line, found.start() - (body.rfind("\n", 0, found.start()) + 1) + 1)
    return best or (fallback_line, 1)


def _unmatched_opening(body: str, block: str, environment: jinja2.Environment) -> tuple[int, int] | None:
    """Where the last ``{% block %}`` that has no ``{% endblock %}`` opens (line, column in the body)."""
    lines = body.splitlines()
    stack: list[int] = []
    try:
        tokens = list(environment.lex(body))
    except jinja2.TemplateSyntaxError:
        return None
    for index, (lineno, kind, value) in enumerate(tokens):
        if kind == "block_begin":
            following = next((t for t in tokens[index + 1:] if t[1] != "whitespace"), None)
            if following and following[1] == "name":
                if following[2] == block:
                    stack.append(lineno)
                elif following[2] == "end" + block and stack:
                    stack.pop()
    if not stack:
        return None
    line = stack[-1]
    text = lines[line - 1] if line <= len(lines) else ""
    found = re.search(r"\{%-?\s*" + re.escape(block) + r"\b", text)
    return line, (found.start() + 1) if found else 1


# --- Places on a line ----------------------------------------------------------------------
def _first_code_column(text: str) -> int:
    positions = [i for i in (text.find("{{"), text.find("{%")) if i >= 0]
    if positions:
        return min(positions) + 1
    stripped = len(text) - len(text.lstrip())
    return stripped + 1


def _column_of(text: str, needle: str, *, whole: bool = False) -> int | None:
    if whole:
        found = re.search(rf"(?<![\w]){re.escape(needle)}(?!\w)", text)
        return found.start() + 1 if found else None
    index = text.find(needle)
    return index + 1 if index >= 0 else None


def _last_before(text: str, needle: str, end: int) -> int | None:
    index = text.rfind(needle, 0, end if end >= 0 else len(text))
    return index + 1 if index >= 0 else None
