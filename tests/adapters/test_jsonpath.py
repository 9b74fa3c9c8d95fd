from __future__ import annotations

import pytest

from gateway.adapters import jsonpath

DOC = {"messages": [{"role": "user", "content": [{"type": "text", "text": "hi"}]}, {"role": "tool"}], "n": 1}


def test_get_and_set():
    doc = {"a": [{"b": "x"}]}
    assert jsonpath.get(doc, ("a", 0, "b")) == "x"
    jsonpath.set(doc, ("a", 0, "b"), "y")
    assert doc == {"a": [{"b": "y"}]}
    with pytest.raises(KeyError):
        jsonpath.get(doc, ("a", 0, "c"))


def test_updated_copies_only_along_the_paths():
    new = jsonpath.updated(DOC, {("messages", 0, "content", 0, "text"): "hello"},
                           [("messages", 1, "role")])
    assert new == {"messages": [{"role": "user", "content": [{"type": "text", "text": "hello"}]}, {}], "n": 1}
    assert DOC["messages"][0]["content"][0]["text"] == "hi" and DOC["messages"][1] == {"role": "tool"}
    assert new["messages"] is not DOC["messages"]
    unchanged = jsonpath.updated(DOC, {("messages", 1, "role"): "tool"})
    assert unchanged["messages"][0] is DOC["messages"][0]


def test_updated_without_edits_is_a_shallow_copy():
    new = jsonpath.updated(DOC, {})
    assert new == DOC and new is not DOC


def test_overlapping_edits_are_refused():
    with pytest.raises(ValueError):
        jsonpath.updated(DOC, {("messages", 0): {}, ("messages", 0, "role"): "x"})


def test_param():
    assert jsonpath.param(("messages", 2, "content", 0, "text")) == "messages[2].content[0].text"
    assert jsonpath.param(("model",)) == "model"
    assert jsonpath.param(()) == ""
