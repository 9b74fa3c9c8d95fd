"""Data-class inference per span: kinds and classes of clear cases, role hints, stated classes,
the covering invariant, hostile inputs, config validation, and accuracy on the frozen split."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from datagen.classify_cases import DEV_SEED, TEST_SEED, char_labels, generate, read_jsonl

from filters.classify.config import DEFAULT_CLASSIFY, ClassifyConfigError
from filters.classify.spans import SpanClassifier
from filters.segments import DataClass, Span

FROZEN = Path(__file__).resolve().parents[1] / "data" / "classify_test.jsonl"


@pytest.fixture(scope="module")
def classifier() -> SpanClassifier:
    return SpanClassifier.default()


def parts(classifier: SpanClassifier, text: str, **kwargs: object) -> list[tuple[str, str, str]]:
    """(kind, class, stripped text) of each span."""
    return [(s.kind, s.data_class.value, text[s.start:s.end].strip())
            for s in classifier.classify(text, **kwargs)]  # type: ignore[arg-type]


def only(classifier: SpanClassifier, text: str) -> tuple[str, str]:
    spans = classifier.classify(text)
    assert len(spans) == 1, parts(classifier, text)
    return spans[0].kind, spans[0].data_class.value


def assert_covers(spans: list[Span], text: str) -> None:
    assert spans[0].start == 0 and spans[-1].end == len(text)
    for before, after in zip(spans, spans[1:]):
        assert before.end == after.start
        assert (before.data_class, before.kind) != (after.data_class, after.kind)
    assert all(s.start < s.end for s in spans)


# ---- clear cases of every kind ----

@pytest.mark.parametrize("text, kind, data_class", [
    ("Why does my revenue query return duplicate rows after the join?", "prose", "input"),
    ("```python\nimport pandas as pd\ndf = pd.read_csv('x.csv')\n```", "code", "input"),
    ("import pandas as pd\ndf = pd.read_sql(query, conn)\nprint(df.head())", "code", "input"),
    ("```sql\nSELECT id FROM orders\n```", "sql", "input"),
    ("SELECT o.id, c.email\nFROM orders o\nJOIN customers c ON c.id = o.customer_id\nWHERE o.total > 100;", "sql", "input"),
    ("select id, email from users where created_at > '2024-01-01'", "sql", "input"),
    ("| region | revenue |\n|---|---|\n| emea | 1200 |\n| apac | 980 |", "table", "output"),
    ("date,region,revenue\n2024-01-01,EMEA,1200.50\n2024-01-02,APAC,980.00", "table", "output"),
    ("id\tregion\n1\temea\n2\tapac", "table", "output"),
    ("order_id;customer_id;total\n1;101;19.99\n2;102;5.00", "table", "output"),
    (" id | email\n----+-------\n  1 | a@x.io\n(1 row)", "table", "output"),
    ('[{"id": 1, "status": "ok"}, {"id": 2, "status": "failed"}]', "record", "output"),
    ('{\n  "order_id": 17,\n  "total": 12.5\n}', "record", "output"),
    ("[{'id': 1, 'total': 12.5}, {'id': 2, 'total': 3.0}]", "record", "output"),
    ('Traceback (most recent call last):\n  File "a.py", line 3, in <module>\n    x = d["k"]\nKeyError: \'k\'', "traceback", "output"),
    ("KeyError: 'region'", "traceback", "output"),
    ('ERROR:  column "emial" does not exist\nLINE 1: select emial from users\n               ^', "traceback", "output"),
    ("   id  amount\n0   1   19.99\n1   2    5.00", "log", "output"),
    ("Out[3]:\n   id  amount\n0   1   19.99", "log", "output"),
    ("0    12.5\n1    13.2\nName: total, dtype: float64", "log", "output"),
    ("CREATE TABLE orders (\n  id BIGINT PRIMARY KEY,\n  customer_id BIGINT,\n  total NUMERIC(12,2)\n);", "schema", "metadata"),
    ("columns: id, email, created_at", "schema", "metadata"),
    ("table orders has 1.2M rows", "schema", "metadata"),
    ("Table: analytics.orders (1,204,332 rows)\nColumns:\n- order_id (NUMBER): primary key\n- total (FLOAT)",
     "schema", "metadata"),
    ("column customer_id: FK to customers", "schema", "metadata"),
    ("- `customer_id` (int): FK to customers.id\n- `total` (numeric): amount in cents", "schema", "metadata"),
    ("| column | type | description |\n|---|---|---|\n| id | int | primary key |", "schema", "metadata"),
    ("username: jdoe", "profile", "account"),
    ("Name: Jane Doe, Email: jane.doe@acme.com, Role: Admin", "profile", "account"),
    ("username: jdoe\nName: Jane Doe\nEmail: jane.doe@acme.com", "profile", "account"),
    ("| username | name | email | role |\n|---|---|---|---|\n| jdoe | Jane Doe | jane@acme.com | Editor |", "profile", "account"),
    ("Jane Doe <jane.doe@acme.com> (Admin)\nOmar Haddad <omar@acme.com> (Viewer)", "profile", "account"),
])
def test_clear_cases(classifier: SpanClassifier, text: str, kind: str, data_class: str) -> None:
    assert only(classifier, text) == (kind, data_class)


def test_a_mixed_message_is_split_by_blocks(classifier: SpanClassifier) -> None:
    text = ("I get wrong totals. Here's my query:\n\n```sql\nSELECT region, SUM(total) FROM orders GROUP BY 1\n```\n\n"
            "Output:\n| region | sum |\n|---|---|\n| emea | 10 |\n\nThe `orders` table has 48,213 rows.\n\n"
            "username: jdoe\n\nWhat am I missing?")
    assert [(k, c) for k, c, _ in parts(classifier, text)] == [
        ("prose", "input"), ("sql", "input"), ("prose", "input"), ("table", "output"),
        ("schema", "metadata"), ("profile", "account"), ("prose", "input")]


def test_a_sentence_introducing_a_table_stays_prose(classifier: SpanClassifier) -> None:
    text = "Here are the results:\n| a | b |\n|---|---|\n| 1 | 2 |"
    assert parts(classifier, text)[0] == ("prose", "input", "Here are the results:")


def test_prose_that_uses_sql_words_stays_prose(classifier: SpanClassifier) -> None:
    for text in ["Select the customers who churned last month and explain the drop.",
                 "From the orders table, which region had the highest revenue in March?",
                 "Create a table of the top 10 regions by revenue, formatted for Slack.",
                 "Goal: weekly retention by cohort, excluding test accounts.",
                 "With that said, here is my plan:\n- Step one, pull the data\n- Step two, clean it"]:
        assert only(classifier, text) == ("prose", "input"), text


def test_ddl_in_a_sql_fence_is_schema_and_the_query_after_it_sql(classifier: SpanClassifier) -> None:
    text = "```sql\nCREATE TABLE t (\n  id INT\n);\nSELECT id FROM t;\n```"
    assert [(k, c) for k, c, _ in parts(classifier, text)] == [("schema", "metadata"), ("sql", "input")]


def test_a_traceback_in_a_python_fence_is_output(classifier: SpanClassifier) -> None:
    text = "```python\nTraceback (most recent call last):\n  File \"x.py\", line 1, in <module>\nNameError: name 'pd' is not defined\n```"
    assert only(classifier, text) == ("traceback", "output")


def test_repl_output_is_output_and_prompts_are_code(classifier: SpanClassifier) -> None:
    text = ">>> df.shape\n(1000, 12)"
    assert [(k, c) for k, c, _ in parts(classifier, text)] == [("code", "input"), ("log", "output")]


def test_printed_output_right_under_code_is_output(classifier: SpanClassifier) -> None:
    text = "df.groupby('region').size()\nregion\nemea    120\napac     80\ndtype: int64"
    assert [(k, c) for k, c, _ in parts(classifier, text)] == [("code", "input"), ("log", "output")]


def test_a_json_schema_is_metadata(classifier: SpanClassifier) -> None:
    text = '{"type": "object", "properties": {"sql": {"type": "string"}}}'
    assert only(classifier, text) == ("schema", "metadata")


# ---- stated classes and role hints ----

def test_a_stated_class_covers_every_span_and_kinds_are_still_inferred(classifier: SpanClassifier) -> None:
    text = "Rows from our warehouse:\n\nid,email\n1,a@x.io\n2,b@x.io"
    spans = classifier.classify(text, stated=DataClass.DATASET)
    assert {s.data_class for s in spans} == {DataClass.DATASET}
    assert all(s.stated for s in spans)
    assert [s.kind for s in spans] == ["prose", "table"]


def test_inferred_spans_are_not_stated(classifier: SpanClassifier) -> None:
    assert not any(s.stated for s in classifier.classify("SELECT 1;\n\nwhy?"))


def test_identity_role_is_account(classifier: SpanClassifier) -> None:
    assert parts(classifier, "jane.doe@acme.com", role="identity") == [("profile", "account", "jane.doe@acme.com")]


def test_tool_call_arguments_are_input(classifier: SpanClassifier) -> None:
    text = '{"query": "SELECT * FROM orders", "limit": 10}'
    assert parts(classifier, text, role="tool_call") == [("record", "input", text)]


def test_tool_results_are_output_unless_code_or_schema(classifier: SpanClassifier) -> None:
    text = "Query finished in 2.1 seconds without errors.\n\nSELECT id FROM orders;\n\ncolumns: id, total"
    assert [(k, c) for k, c, _ in parts(classifier, text, role="tool")] == [
        ("prose", "output"), ("sql", "input"), ("schema", "metadata")]


def test_tool_definitions_are_input(classifier: SpanClassifier) -> None:
    text = "Runs a query against the warehouse.\n\n| name | email |\n|---|---|\n| a | b |"
    assert {c for _, c, _ in parts(classifier, text, role="tool_definition")} == {"input"}


# ---- the covering invariant ----

def test_empty_text_has_no_spans(classifier: SpanClassifier) -> None:
    assert classifier.classify("") == []


@pytest.mark.parametrize("text", ["\n", "\n\n\n", "   ", "```", "```sql\n", "x\r\ny\r\n", "|", "{", "\t\n\t"])
def test_odd_texts_are_covered(classifier: SpanClassifier, text: str) -> None:
    assert_covers(classifier.classify(text), text)


@pytest.mark.parametrize("seed", [DEV_SEED, TEST_SEED + 1, 99])
def test_generated_messages_are_covered_contiguously(classifier: SpanClassifier, seed: int) -> None:
    for case in generate(seed, count=150):
        assert_covers(classifier.classify(case.text), case.text)
        assert_covers(classifier.classify(case.text, stated=DataClass.OUTPUT), case.text)


# ---- hostile inputs ----

@pytest.fixture
def alarm() -> Iterator[None]:
    """Fails the test if it runs for minutes: a regex that backtracks never finishes on these inputs."""
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError("classification did not finish")
    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(300)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _hostile() -> Iterator[str]:
    """Two megabytes built from shapes that make careless patterns backtrack or rescan."""
    size = 2_000_000
    pieces = [" " * 999 + "x\n", "table x has 1" + " " * 900 + "z\n", "{\n", "[\n", '{"a": ' * 50 + "\n",
              "a|b\n", "a,b\n", '"a,b",c\n', "a\tb\n", "```\n", "    x = 1\n", "# x\n", "a." * 400 + "A: \n",
              "Traceback (most recent call last):\n", "SELECT a,\n", "[{'a': 1,\n", "x  y  z\n", "-" * 80 + "\n",
              "username: " + "a" * 500 + "\n", "a" * 990 + "(\n", "_" * 995 + ":\n", "1" * 995 + ".x\n"]
    chunk = size // len(pieces)
    yield "".join(p * (chunk // len(p)) for p in pieces)
    yield "a" * size
    yield "[" * size
    yield " " * size + "x"
    yield "a" * (size // 2) + " " * (size // 2) + ":"


def test_hostile_inputs_complete_and_are_covered(classifier: SpanClassifier, alarm: None) -> None:
    for text in _hostile():
        assert_covers(classifier.classify(text), text)


# ---- config validation ----

def _write(tmp_path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(DEFAULT_CLASSIFY.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "classify.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("change, field, message", [
    (lambda d: d["patterns"]["sql_start"].append("(unclosed"), "patterns.sql_start", "not a valid regex"),
    (lambda d: d["patterns"]["code_line"].append(r"(\w+\s*)+:"), "patterns.code_line", "nests an unbounded repeat"),
    (lambda d: d["kinds"].update(schema="dataset"), "kinds", "dataset is never inferred"),
    (lambda d: d["kinds"].pop("log"), "kinds", "missing ['log']"),
    (lambda d: d.update(colour="blue"), "colour", "unknown field"),
    (lambda d: d["roles"].update(tool={"classes": {"poem": "input"}}), "roles.tool.classes", "unknown kind"),
])
def test_a_bad_config_names_the_file_and_field(tmp_path: Path, change, field: str, message: str) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, change)
    with pytest.raises(ClassifyConfigError) as error:
        SpanClassifier.from_file(path)
    assert str(path) in str(error.value)
    assert field in str(error.value) and message in str(error.value)


def test_a_missing_config_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ClassifyConfigError, match="nowhere.yaml: cannot read"):
        SpanClassifier.from_file(tmp_path / "nowhere.yaml")


def test_patterns_come_from_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, lambda d: d["patterns"]["profile_line"].append(r"member #\d+"))
    assert only(SpanClassifier.from_file(path), "member #4411") == ("profile", "account")
    assert only(SpanClassifier.default(), "member #4411") == ("prose", "input")


# ---- quality gate on the frozen test split ----

def test_character_accuracy_on_the_frozen_split(classifier: SpanClassifier) -> None:
    cases = read_jsonl(FROZEN)
    assert len(cases) >= 400
    right = total = 0
    for case in cases:
        predicted = [""] * len(case.text)
        for span in classifier.classify(case.text):
            predicted[span.start:span.end] = [span.data_class.value] * (span.end - span.start)
        truth = char_labels(case)
        right += sum(a == b for a, b in zip(truth, predicted))
        total += len(truth)
    assert right / total >= 0.98
