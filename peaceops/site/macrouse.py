"""Which macro files a page needs, so that only those are made into modules for it.

Why: a page's macros are Jinja modules made with that page's values (its language, its links, its
numbered source notes), so they are made again for every page. Making all sixteen macro files for
every page, each with its own imports "with context" made again beneath it, was most of `check`
(issue 21: about 1,350 modules for 26 pages, where a page calls one or two macros). A name a
template can look up is a string constant in the code Jinja compiled it to, so the names a page
and the macro files it needs can look up are read from that code, without running or parsing it.
Reading more names than are used costs only a module too many; a name missed would make the page
fail, and ``Site.render_page`` then renders it again with every macro file (so a page never fails
here that would not fail with all of them).
"""
from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Mapping
from types import CodeType

import jinja2


_NAMES: weakref.WeakKeyDictionary[jinja2.Template, frozenset[str]] = weakref.WeakKeyDictionary()


def names_in(template: jinja2.Template) -> frozenset[str]:
    """Every string constant in the template's compiled code: a superset of the names it looks up."""
    if template not in _NAMES:
        _NAMES[template] = _constants(template)
    return _NAMES[template]


def _constants(template: jinja2.Template) -> frozenset[str]:
    found: set[str] = set()
    functions = [template.root_render_func, *template.blocks.values()]
    stack: list[CodeType] = [function.__code__ for function in functions]
    while stack:
        code = stack.pop()
        for constant in code.co_consts:
            if isinstance(constant, str):
                found.add(constant)
            elif isinstance(constant, CodeType):
                stack.append(constant)
            elif isinstance(constant, tuple):
                found.update(item for item in constant if isinstance(item, str))
    return frozenset(found)


def files_needed(
    page: jinja2.Template,
    always: Iterable[str],
    exported_by: Mapping[str, str],
    macro_file: Callable[[str], jinja2.Template],
) -> set[str]:
    """The macro files defining a name the page (or ``always``) looks up, and the files defining a
    name those look up, and so on. ``exported_by`` maps each macro's name to its file."""
    files: set[str] = set()
    wanted = set(names_in(page)) | set(always)
    while wanted:
        name = wanted.pop()
        file = exported_by.get(name)
        if file is not None and file not in files:
            files.add(file)
            wanted |= names_in(macro_file(file))
    return files
