"""PDF document blocks through the Anthropic SDK: the text layer is screened like any text; a PDF that
needs nothing goes out as it came, one with PII as a text document with the values masked (or refused,
naming the entity types, when the tenant's policy says so); a scan without a text layer is refused."""

from __future__ import annotations

import base64
import io

import anthropic
import pytest
from serving import base_config, clear_mock, mock_requests, sha, start_gateway

EMAIL = "maria.lopez@northwind-health.com"
KEYS = {"acme": "k-docs-acme", "strict": "k-docs-strict"}


def pdf(*lines: str) -> str:
    from fpdf import FPDF

    document = FPDF()
    document.add_page()
    document.set_font("Helvetica", size=12)
    for line in lines:
        document.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    return base64.b64encode(bytes(document.output())).decode()


def scanned_pdf() -> str:
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (400, 120), "white")
    ImageDraw.Draw(picture).text((10, 50), f"Invoice for {EMAIL}", fill="black")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    document = FPDF()
    document.add_page()
    document.image(io.BytesIO(buffer.getvalue()), x=10, y=10, w=180)
    return base64.b64encode(bytes(document.output())).decode()


@pytest.fixture(scope="module")
def docs_gateway(mock, tmp_path_factory):
    config = base_config(mock.url)
    config["keys"] = [{"sha256": sha(KEYS["acme"]), "tenant": "acme", "user": "jane@acme.example"},
                      {"sha256": sha(KEYS["strict"]), "tenant": "strict", "user": "sam@strict.example"}]
    config["tenants"] = {"acme": {}, "strict": {"policy": {"attachments": {"pdf": "refuse"}}}}
    server = start_gateway(config, tmp_path_factory.mktemp("documents"))
    yield server
    server.stop()


def ask(server, data: str, who: str = "acme"):  # type: ignore[no-untyped-def]
    claude = anthropic.Anthropic(base_url=server.url, api_key=KEYS[who], max_retries=0)
    return claude.messages.create(model="claude-sonnet-4-6", max_tokens=100, messages=[{"role": "user", "content": [
        {"type": "document", "source": {"type": "base64", "media_type": "application/pdf", "data": data},
         "title": "Q3 report"},
        {"type": "text", "text": "Summarise this document"}]}])


def sent_document(mock) -> dict:  # type: ignore[no-untyped-def]
    [call] = [r for r in mock_requests(mock) if r["path"] == "/v1/messages"]
    return call["json"]["messages"][0]["content"][0]


def test_a_pdf_without_findings_is_forwarded_unchanged(docs_gateway, mock):
    data = pdf("Quarterly revenue grew 12 percent in the EMEA region.", "Churn fell to 3 percent.")
    clear_mock(mock)
    reply = ask(docs_gateway, data)
    assert reply.content[0].text == "Summarise this document"
    document = sent_document(mock)
    assert document["source"] == {"type": "base64", "media_type": "application/pdf", "data": data}
    assert document["title"] == "Q3 report"


def test_a_pdf_with_pii_goes_as_a_text_document_with_the_values_masked(docs_gateway, mock):
    clear_mock(mock)
    reply = ask(docs_gateway, pdf("Renewal notes for Q3.", f"Contact {EMAIL} about the contract."))
    assert reply.content[0].text == "Summarise this document"
    document = sent_document(mock)
    assert document["source"]["type"] == "text" and document["title"] == "Q3 report"
    text = document["source"]["data"]
    assert "Renewal notes for Q3." in text and EMAIL not in text and "<EMAIL_ADDRESS_" in text
    assert EMAIL not in repr(mock_requests(mock))


def test_the_refuse_option_names_the_entity_types(docs_gateway, mock):
    clear_mock(mock)
    with pytest.raises(anthropic.BadRequestError) as caught:
        ask(docs_gateway, pdf(f"Contact {EMAIL} about the contract."), who="strict")
    error = caught.value.body["error"]
    assert error["code"] == "policy_violation" and error["category"] == "attachment_pdf"
    assert "EMAIL_ADDRESS" in error["message"] and EMAIL not in error["message"]
    assert mock_requests(mock) == []
    assert ask(docs_gateway, pdf("Revenue grew in EMEA."), who="strict").content   # nothing found: served


def test_a_scanned_pdf_without_a_text_layer_stays_refused(docs_gateway, mock):
    clear_mock(mock)
    with pytest.raises(anthropic.BadRequestError) as caught:
        ask(docs_gateway, scanned_pdf())
    assert caught.value.body["error"]["code"] == "policy_violation"
    assert caught.value.body["error"]["category"] == "attachment_document"
    assert mock_requests(mock) == []


# OpenAI: chat `file` parts and Responses `input_file` parts with the PDF inline (file_data)

def openai_client(server, who: str = "acme"):  # type: ignore[no-untyped-def]
    import openai

    return openai.OpenAI(base_url=server.url + "/v1", api_key=KEYS[who], max_retries=0)


def ask_chat(server, data: str, who: str = "acme"):  # type: ignore[no-untyped-def]
    return openai_client(server, who).chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "file", "file": {"filename": "q3-report.pdf", "file_data": f"data:application/pdf;base64,{data}"}},
        {"type": "text", "text": "Summarise this document"}]}])


def ask_responses(server, data: str, who: str = "acme"):  # type: ignore[no-untyped-def]
    return openai_client(server, who).responses.create(model="gpt-4o", input=[{"role": "user", "content": [
        {"type": "input_file", "filename": "q3-report.pdf", "file_data": f"data:application/pdf;base64,{data}"},
        {"type": "input_text", "text": "Summarise this document"}]}])


def sent_part(mock, path: str) -> dict:  # type: ignore[no-untyped-def]
    [call] = [r for r in mock_requests(mock) if r["path"] == path]
    body = call["json"]
    return (body["messages"] if path == "/v1/chat/completions" else body["input"])[0]["content"][0]


@pytest.mark.parametrize("api", ["chat", "responses"])
def test_an_openai_pdf_without_findings_is_forwarded_unchanged(docs_gateway, mock, api):
    data = pdf("Quarterly revenue grew 12 percent in the EMEA region.")
    clear_mock(mock)
    if api == "chat":
        assert ask_chat(docs_gateway, data).choices[0].message.content == "Summarise this document"
        part = sent_part(mock, "/v1/chat/completions")
        assert part == {"type": "file", "file": {"filename": "q3-report.pdf",
                                                 "file_data": f"data:application/pdf;base64,{data}"}}
    else:
        assert ask_responses(docs_gateway, data).output_text == "Summarise this document"
        part = sent_part(mock, "/v1/responses")
        assert part == {"type": "input_file", "filename": "q3-report.pdf",
                        "file_data": f"data:application/pdf;base64,{data}"}


@pytest.mark.parametrize("api", ["chat", "responses"])
def test_an_openai_pdf_with_pii_goes_as_text_with_the_values_masked(docs_gateway, mock, api):
    data = pdf("Renewal notes for Q3.", f"Contact {EMAIL} about the contract.")
    clear_mock(mock)
    if api == "chat":
        ask_chat(docs_gateway, data)
        part = sent_part(mock, "/v1/chat/completions")
        assert part["type"] == "text"
    else:
        ask_responses(docs_gateway, data)
        part = sent_part(mock, "/v1/responses")
        assert part["type"] == "input_text"
    assert part["text"].startswith("q3-report.pdf\n\n") and "Renewal notes for Q3." in part["text"]
    assert EMAIL not in part["text"] and "<EMAIL_ADDRESS_" in part["text"]
    assert EMAIL not in repr(mock_requests(mock)) and data not in repr(mock_requests(mock))


def test_an_openai_pdf_refused_by_policy_names_the_entity_types_and_a_scan_stays_refused(docs_gateway, mock):
    import openai

    clear_mock(mock)
    with pytest.raises(openai.BadRequestError) as caught:
        ask_responses(docs_gateway, pdf(f"Contact {EMAIL} about the contract."), who="strict")
    error = caught.value.body
    assert error["code"] == "policy_violation" and error["category"] == "attachment_pdf"
    assert "EMAIL_ADDRESS" in error["message"] and EMAIL not in error["message"]
    with pytest.raises(openai.BadRequestError) as caught:
        ask_chat(docs_gateway, scanned_pdf())
    assert caught.value.body["code"] == "policy_violation"
    assert mock_requests(mock) == []
