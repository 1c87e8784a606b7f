"""The pages' Jinja context makes plain calls at once (peaceops/site/pagecontext.py): whatever a
template calls, it must give what Jinja's own context gives, the same value or the same error."""
from __future__ import annotations

import jinja2
import pytest

from peaceops.site.pagecontext import PageContext

TEMPLATE = """\
{%- macro row(item, sep=', ') -%}{{ item }}{{ sep }}{%- endmacro -%}
{%- macro frame() -%}[{{ caller() }}]{%- endmacro -%}
{%- for item in items %}{{ row(item) }}{{ row(item, sep=';') }}{{ plain(item, loop.index) }}{% endfor -%}
{{ with_context() }} {{ with_environment() }} {{ callable_object() }} {{ method(3) }} {{ len_of(items) }}
{% call frame() %}{{ stops() }}|{{ stops() is undefined }}{% endcall %}
{% set ns = namespace(found=false) %}{% for item in items %}{% set ns.found = ns.found or item == 'b' %}{% endfor %}{{ ns.found }}
"""


class Counter:
    def __init__(self) -> None:
        self.calls = 0

    def twice(self, n: int) -> int:
        self.calls += 1
        return 2 * n


class WantsContext:
    @jinja2.pass_context
    def __call__(self, context: jinja2.runtime.Context) -> str:
        return "object sees " + context["marker"]


def _stops() -> str:
    raise StopIteration


def values() -> dict[str, object]:
    return {
        "items": ["a", "b", "c"],
        "marker": "the page",
        "plain": lambda item, index, **kwargs: f"<{item}{index}{sorted(kwargs)}>",
        "with_context": jinja2.pass_context(lambda context: "sees " + context["marker"]),
        "with_environment": jinja2.pass_environment(lambda environment: type(environment).__name__),
        "callable_object": WantsContext(),
        "method": Counter().twice,
        "len_of": len,
        "stops": _stops,
    }


def render(context_class: type[jinja2.runtime.Context] | None, source: str = TEMPLATE) -> str:
    environment = jinja2.Environment(autoescape=True)
    if context_class is not None:
        environment.context_class = context_class
    return environment.from_string(source).render(values())


def test_every_kind_of_call_gives_what_jinja_gives():
    ours = render(PageContext)
    assert ours == render(None)
    # Not vacuous: the calls did happen, with the context where it was asked for and no _loop_vars.
    assert "&lt;a1[]&gt;" in ours and "sees the page" in ours and "object sees the page" in ours
    assert "Environment" in ours and " 6 3\n" in ours and "[|True]" in ours and ours.rstrip().endswith("True")


@pytest.mark.parametrize(
    "source",
    [
        "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, 2) }}",
        "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(b=1) }}",
        "{{ len_of(1) }}",
        "{{ plain() }}",
        "{{ missing(1) }}",
    ],
)
def test_a_wrong_call_raises_what_jinja_raises(source):
    with pytest.raises(Exception) as jinjas:
        render(None, source)
    with pytest.raises(Exception) as ours:
        render(PageContext, source)
    assert (type(ours.value), str(ours.value)) == (type(jinjas.value), str(jinjas.value))
