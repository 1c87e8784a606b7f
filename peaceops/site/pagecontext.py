"""The pages' Jinja context: a plain call from a template made at once.

Why: every call a page or a macro makes (``t(...)``, ``fmt.text(...)``, each macro) goes through
Jinja's ``Context.call``, which first asks whether the callable, or its ``__call__``, wants the
context, the evaluation context or the environment passed in (``pass_context`` and its kin mark
those with ``jinja_pass_arg``). A function, a method or a macro never has it on its ``__call__``, and
has it on itself only when marked, so for those one look settles it. Asking every question was a
tenth of the pages' rendering at 1,000 operations (75,000 calls, four attribute looks each, most of
them failing; issue 33). Anything else, or anything marked, goes through Jinja's own ``call``: the
same calls with the same arguments, the same errors, the same undefined value when a callable
raises StopIteration.
"""
from __future__ import annotations

import types
from typing import Any

from jinja2.runtime import Context, Macro
from jinja2.utils import internalcode

# Callables whose __call__ never carries jinja_pass_arg: only the object itself can be marked.
_PLAIN_CALLABLES = frozenset(
    {types.FunctionType, types.MethodType, types.BuiltinFunctionType, types.BuiltinMethodType, Macro}
)
_STOPPED = "value was undefined because a callable raised a StopIteration exception"  # Jinja's words


class PageContext(Context):
    """Jinja's context, with ``call`` made at once for an unmarked function, method or macro."""

    @internalcode
    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's signature)
        if type(__obj) not in _PLAIN_CALLABLES or getattr(__obj, "jinja_pass_arg", None) is not None:
            return Context.call(__self, __obj, *args, **kwargs)
        __traceback_hide__ = True  # noqa: F841 (read by Jinja's traceback rewriting, as in its own call)
        kwargs.pop("_block_vars", None)
        kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.environment.undefined(_STOPPED)
