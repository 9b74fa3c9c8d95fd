"""Detection: what must survive untouched, where NER runs, account directories, the recognizers file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from presidio_analyzer import AnalyzerEngine

from filters.recognizers import AccountDirectory, RecognizersConfigError
from filters.recognizers.config import DEFAULT_PATH
from filters.recognizers.detector import Detector, build_analyzer
from filters.segments import DataClass, Span

KIND_CLASS = {"prose": "input", "code": "input", "sql": "input", "table": "output", "record": "output",
              "traceback": "output", "log": "output", "schema": "metadata", "profile": "account"}
DIRECTORY = AccountDirectory(usernames=["jdoe", "ingrid.b"], emails=["jane.doe@acme.example"],
                             names=["Jane Doe", "Ingrid Berg"])


class CountingAnalyzer(AnalyzerEngine):
    """Presidio's engine, counting the texts NER is asked to read."""

    texts: list[str]

    def analyze(self, text: str, *args, **kwargs):
        self.texts.append(text)
        return super().analyze(text, *args, **kwargs)


@pytest.fixture(scope="module")
def analyzer() -> CountingAnalyzer:
    engine = build_analyzer()
    counting = CountingAnalyzer(registry=engine.registry, nlp_engine=engine.nlp_engine)
    counting.texts = []
    return counting


@pytest.fixture(scope="module")
def detector(analyzer: CountingAnalyzer) -> Detector:
    return Detector(DEFAULT_PATH, {"acme": DIRECTORY}, analyzer=analyzer)


def spans_of(text: str, *parts: tuple[str, str]) -> list[Span]:
    """Spans for consecutive parts (kind, part text) of `text`."""
    spans, pos = [], 0
    for kind, part in parts:
        start = text.index(part, pos)
        spans.append(Span(start, start + len(part), DataClass(KIND_CLASS[kind]), False, kind))
        pos = start + len(part)
    return spans


def masked(detector: Detector, text: str, kind: str, tenant: str | None = None) -> str:
    detections = detector.detect(text, [Span(0, len(text), DataClass(KIND_CLASS[kind]), False, kind)], tenant)
    out, pos = [], 0
    for detection in detections:
        out += [text[pos:detection.start], f"[{detection.entity}]"]
        pos = detection.end
    return "".join(out) + text[pos:]


LOOK_ALIKES = [
    ("code", "self.re = re.compile(r'\\d+')\nstart = dt.date(2024, 1, 1)\nweekly = df.groupby('region').sum()\n"
             "cols = ['email', 'ssn', 'customer_name', 'patient_id']\nmax_tokens = 1024\n"
             "api_key = os.environ['OPENAI_API_KEY']\npassword = getpass.getpass()\ntoken = get_token(cfg)\n"),
    ("sql", "SELECT customer_name, email, ssn, dob FROM patients\nWHERE created_at >= '2024-01-01'\n"
            "  AND updated_at < '2024-03-31 23:59:59' AND patient_id IN (48213, 48214)\nLIMIT 100;"),
    ("schema", "Table patients (120,394 rows): patient_id BIGINT, full_name TEXT, ssn VARCHAR(11), dob DATE, "
               "email TEXT\ncolumn password_hash: bcrypt hash of the user's password\ncolumn phone: E.164 phone"),
    ("prose", "I'm on pandas 2.1.4, Python 3.11.7 and version 1.2.3.4 of the connector (build 9f86d08). "
              "Order ORD-2024-000123, invoice INV-00912 and run 550e8400-e29b-41d4-a716-446655440000 failed at "
              "2024-03-05T14:22:01Z; see https://docs.python.org/3/library/datetime.html and "
              "/home/analyst/projects/churn/data/orders_2024.csv."),
    ("log", "2024-03-05 14:22:01,337 INFO worker-3 Processed 12,442 rows in 3.21s (batch 7 of 12)\n"
            "commit 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b sha256 "
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("prose", "What share of patients with HbA1c above 9 are on metformin, and how many were diagnosed with "
              "hypertension last quarter?"),
    ("prose", "Build the top 10 Customers 2024 chart as in Step 3 Part 2 of the guide, from Table 4."),
    ("traceback", "Traceback (most recent call last):\n  File \"/app/etl/load.py\", line 41, in <module>\n"
                  "    df = pd.read_sql(QUERY, engine)\nKeyError: 'customer_email'\nValueError: could not convert "
                  "string to float: 'n/a'"),
    ("table", "| region | revenue | orders | yoy |\n|---|---|---|---|\n| EMEA | 1,204,332.10 | 8,421 | 12.4% |\n"
              "| APAC | 998,120.00 | 7,002 | -3.1% |"),
    ("code", "# see https://user@docs.example.com/guide for the connection options\n"
             "DSN = 'postgresql://{user}:{password}@{host}/db'\nBatch 533380006 finished"),
]


@pytest.mark.parametrize("kind, text", LOOK_ALIKES)
def test_look_alikes_survive_byte_for_byte(detector: Detector, kind: str, text: str) -> None:
    assert masked(detector, text, kind) == text


def test_ner_never_reads_code_sql_or_schema_as_a_whole(detector: Detector, analyzer: CountingAnalyzer) -> None:
    analyzer.texts.clear()
    code = "class Maria:\n    Lopez = Customer.Segment(Name='x')\n"
    schema = "Sample owners: Maria Lopez, Omar Haddad"
    text = f"{code}\n{schema}"
    detections = detector.detect(text, spans_of(text, ("code", code), ("schema", schema)))
    assert detections == []
    assert analyzer.texts == []


def test_ner_skips_spans_without_a_possible_name(detector: Detector, analyzer: CountingAnalyzer) -> None:
    analyzer.texts.clear()
    text = "why does the weekly revenue query return duplicate rows after the join?"
    assert detector.detect(text, spans_of(text, ("prose", text))) == []
    assert analyzer.texts == []


def test_ner_reads_string_literals_in_code(detector: Detector, analyzer: CountingAnalyzer) -> None:
    analyzer.texts.clear()
    text = 'owner = lookup(42)\nnote = "escalated by Aoife Brennan on call"\n'
    detections = detector.detect(text, spans_of(text, ("code", text)))
    assert [(d.entity, text[d.start:d.end]) for d in detections] == [("PERSON", "Aoife Brennan")]
    assert all("lookup" not in read for read in analyzer.texts)


def test_patterns_are_found_in_every_span_whatever_its_class(detector: Detector) -> None:
    schema = "column api_key: example AKIAQ7XG4MZTN2VJ5BWE, owner maria.lopez@initech.co"
    found = [(d.entity, schema[d.start:d.end]) for d in detector.detect(schema, spans_of(schema, ("schema", schema)))]
    assert found == [("AWS_ACCESS_KEY", "AKIAQ7XG4MZTN2VJ5BWE"), ("EMAIL_ADDRESS", "maria.lopez@initech.co")]


def test_names_in_a_long_text_are_found_at_their_offsets(detector: Detector) -> None:
    filler = "The weekly revenue report covers every region and product line. " * 400
    text = f"{filler}Please send it to Aoife Brennan.{filler}Also copy Kenji Watanabe.\n"
    detections = detector.detect(text, spans_of(text, ("prose", text)))
    assert [text[d.start:d.end] for d in detections] == ["Aoife Brennan", "Kenji Watanabe"]


def test_account_directory_values_for_their_tenant_only(detector: Detector) -> None:
    text = "Ask Jane Doe (jane.doe@acme.example) or @ingrid.b; jdoe owns the revenue model."
    mine = [(d.entity, text[d.start:d.end]) for d in detector.detect(text, spans_of(text, ("prose", text)), "acme")]
    assert mine == [("ACCOUNT_NAME", "Jane Doe"), ("ACCOUNT_EMAIL", "jane.doe@acme.example"),
                    ("ACCOUNT_USERNAME", "ingrid.b"), ("ACCOUNT_USERNAME", "jdoe")]
    other = {d.entity for d in detector.detect(text, spans_of(text, ("prose", text)), "globex")}
    assert not any(entity.startswith("ACCOUNT_") for entity in other)


def test_profile_fields_are_account_values(detector: Detector) -> None:
    text = "Name: Ingrid Berg\nEmail: jane.doe@acme.example\nRole: Admin"
    assert masked(detector, text, "profile", "acme") == \
        "Name: [ACCOUNT_NAME]\nEmail: [ACCOUNT_EMAIL]\nRole: Admin"


def test_empty_text_and_missing_spans(detector: Detector) -> None:
    assert detector.detect("", []) == []
    text = "Call Sarah Johnson at +1 415-555-0132."
    assert [d.entity for d in detector.detect(text, [])] == ["PERSON", "PHONE_NUMBER"]


def _write(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(DEFAULT_PATH.read_text())
    change(data)
    path = tmp_path / "recognizers.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return path


@pytest.mark.parametrize("change, message", [
    (lambda d: d["recognizers"][0].update(score=1.5), "recognizers[0].score"),
    (lambda d: d["recognizers"][1].update(validator="no_such_check"), "recognizers[1].validator"),
    (lambda d: d["recognizers"][2].update(entity="NOT_DECLARED"), "NOT_DECLARED"),
    (lambda d: d["recognizers"][3].update(pattern="(?:ab|cd)x"), "first character"),
    (lambda d: d["recognizers"][3].update(pattern="s(?:a+)+b"), "unbounded"),
    (lambda d: d.update(surprise=True), "surprise"),
])
def test_recognizers_file_errors_name_the_file_and_field(tmp_path: Path, change, message: str) -> None:
    path = _write(tmp_path, change)
    with pytest.raises(RecognizersConfigError) as error:
        Detector(path)
    assert str(path) in str(error.value) and message in str(error.value)
