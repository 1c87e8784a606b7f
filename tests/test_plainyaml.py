"""The tests' own YAML reader (plainyaml.py) parses each content once, yet never serves a stale or
shared copy: tests edit data files in their workspace and change what they read."""
from __future__ import annotations

import plainyaml


def test_an_edited_file_is_read_anew(tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text("count: 1\n", encoding="utf-8")
    assert plainyaml.read(path) == {"count": 1}
    path.write_text("count: 2\n", encoding="utf-8")
    assert plainyaml.read(path) == {"count": 2}
    assert plainyaml.shared(path) == {"count": 2}


def test_each_caller_gets_a_copy_of_its_own(tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text("items: [a, b]\n", encoding="utf-8")
    plainyaml.read(path)["items"].append("c")
    assert plainyaml.read(path) == {"items": ["a", "b"]}
    assert plainyaml.shared(path) == {"items": ["a", "b"]}


def test_the_two_readers_keep_their_own_yaml_versions(tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text("country: NO\n", encoding="utf-8")
    assert plainyaml.read(path) == {"country": "NO"}  # YAML 1.2: Norway stays Norway
    assert plainyaml.read(path, yaml_1_1=True) == {"country": False}  # YAML 1.1, as PyYAML reads it
